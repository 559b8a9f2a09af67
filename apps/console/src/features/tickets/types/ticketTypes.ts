import type {
  serviceRecordBody,
  ticketBatchResult,
  ticketBatchUpdateBody,
  ticketCommentBody,
  ticketCreateBody,
  ticketMergeBody,
  ticketPage,
  ticketSplitBody,
  ticketUpdateBody,
  ticketViewGroupsSchema,
  timelinePage,
} from '@yidan/contracts';

// Types inferred from the contract's zod schemas without importing zod into the console.
type Out<S extends { _output: unknown }> = S['_output'];
type In<S extends { _input: unknown }> = S['_input'];

export type {
  RecordChannel,
  ServiceRecord,
  Ticket,
  TicketChange,
  TicketEvent,
  TicketEventKind,
  TicketPriority,
  TicketSource,
  TicketStatus,
  TicketTemplate,
  TicketType,
  TicketView,
} from '@yidan/contracts';

export type TicketCreate = In<typeof ticketCreateBody>;
export type TicketUpdate = In<typeof ticketUpdateBody>;
export type TicketComment = In<typeof ticketCommentBody>;
export type TicketPage = Out<typeof ticketPage>;
export type TimelinePage = Out<typeof timelinePage>;
export type TicketMerge = In<typeof ticketMergeBody>;
export type TicketSplit = In<typeof ticketSplitBody>;
export type TicketSplitChild = TicketSplit['children'][number];
export type TicketBatchUpdate = In<typeof ticketBatchUpdateBody>;
export type TicketBatchItem = Out<typeof ticketBatchResult>['items'][number];
export type RecordCreate = In<typeof serviceRecordBody>;
export type Attachment = NonNullable<TicketCreate['attachments']>[number];

/** What the list asks GET /tickets for: a view (查询器) plus the search box, or a customer's tickets. */
export interface TicketListFilter {
  viewId?: string;
  /** With viewId: one group of the view's grouping ('' = the group without a value). */
  viewGroup?: string;
  q?: string;
  contactId?: number;
  companyId?: number;
  unresolved?: boolean;
  sort?: string;
}

/** The timeline filter tabs: 全部 / 公开回复 / 内部注释 / 修改记录 / 服务记录. */
export const TIMELINE_FILTERS = ['all', 'public', 'internal', 'changes', 'records'] as const;
export type TimelineFilter = (typeof TIMELINE_FILTERS)[number];

/** One group of a grouped view (GET /ticket-views/:id/groups); value '' is the group without one. */
export type ViewGroup = Out<typeof ticketViewGroupsSchema>['items'][number];
