import type {
  printPlaceholderList,
  printRenderResult,
  printTemplateBody,
  printTemplateSchema,
  printTemplateUpdateBody,
  ticketTemplateCreateBody,
  ticketTemplateSchema,
  ticketTemplateUpdateBody,
  ticketViewCreateBody,
  ticketViewOptionsSchema,
  ticketViewSchema,
  ticketViewUpdateBody,
  viewVisibilitySchema,
  visibilitySchema,
} from '@yidan/contracts';

// Types inferred from the contract's zod schemas without importing zod into the console.
type Out<S extends { _output: unknown }> = S['_output'];
type In<S extends { _input: unknown }> = S['_input'];

export type TicketTemplate = Out<typeof ticketTemplateSchema>;
export type TicketTemplateCreate = In<typeof ticketTemplateCreateBody>;
export type TicketTemplateUpdate = In<typeof ticketTemplateUpdateBody>;
export type TemplateVisibility = Out<typeof visibilitySchema>;
export type TicketView = Out<typeof ticketViewSchema>;
export type TicketViewCreate = In<typeof ticketViewCreateBody>;
export type TicketViewUpdate = In<typeof ticketViewUpdateBody>;
export type ViewVisibility = Out<typeof viewVisibilitySchema>;
export type PrintTemplate = Out<typeof printTemplateSchema>;
export type PrintTemplateCreate = In<typeof printTemplateBody>;
export type PrintTemplateUpdate = In<typeof printTemplateUpdateBody>;
export type PrintRender = Out<typeof printRenderResult>;
export type PrintPlaceholderList = Out<typeof printPlaceholderList>;
export type TicketViewOptions = Out<typeof ticketViewOptionsSchema>;

/** One Liquid placeholder the print editor offers, ready to insert (`{{ ticket.number }}`). */
export interface PrintPlaceholder {
  value: string;
  label: string;
  /** Heading it is listed under (工单 / 公司字段 …). */
  group: string;
}
