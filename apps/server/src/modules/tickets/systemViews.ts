import type { ConditionSet, LocalizedLabel, TicketView } from '@yidan/contracts';
import type { Lang } from '../../platform/http/messages.js';
import { CURRENT_AGENT } from './catalogue.js';
import type { TicketSort } from './list.js';

export const SYSTEM_VIEW_KEYS = [
  'mine',
  'created',
  'cc',
  'unassigned',
  'unresolved',
  'recently_solved',
] as const;
export type SystemViewKey = (typeof SYSTEM_VIEW_KEYS)[number];

/** A view as the services handle it: the API shape plus where it is stored (if at all). */
export type ViewRecord = TicketView & { rowId: number | null; systemKey: SystemViewKey | null };

const label = (zh: string, en: string): LocalizedLabel => ({ zh, en });
const UNRESOLVED = ['new', 'open', 'pending'];
const DEFAULT_SORT: TicketSort = { field: 'updatedAt', direction: 'desc' };

/** The columns of a new view and of the system views. */
export const DEFAULT_COLUMNS = [
  'number',
  'status',
  'priority',
  'subject',
  'contact.name',
  'assignee',
  'updatedAt',
];

interface SystemViewDefinition {
  key: SystemViewKey;
  name: LocalizedLabel;
  description: LocalizedLabel;
  conditions: ConditionSet;
  sort?: TicketSort;
}

const all = (...conditions: ConditionSet['all']): ConditionSet => ({ all: conditions, any: [] });
const unresolved = { field: 'ticket.status', op: 'in' as const, value: UNRESOLVED };

/** 系统查询器: shown to every agent until an administrator edits, disables or reorders them. */
const SYSTEM_VIEWS: SystemViewDefinition[] = [
  {
    key: 'mine',
    name: label('我的待处理', 'My open tickets'),
    description: label('分配给我、尚未解决的工单', 'Unresolved tickets assigned to me'),
    conditions: all({ field: 'ticket.assigneeId', op: 'is', value: CURRENT_AGENT }, unresolved),
  },
  {
    key: 'created',
    name: label('我创建的', 'Created by me'),
    description: label('我创建的所有工单', 'Every ticket I created'),
    conditions: all({ field: 'ticket.creatorAgentId', op: 'is', value: CURRENT_AGENT }),
  },
  {
    key: 'cc',
    name: label('抄送我的', 'CC’d to me'),
    description: label('抄送给我的工单', 'Tickets with me in CC'),
    conditions: all({ field: 'ticket.ccAgentIds', op: 'includes_any', value: [CURRENT_AGENT] }),
  },
  {
    key: 'unassigned',
    name: label('未分配', 'Unassigned'),
    description: label('尚未分配客服的未解决工单', 'Unresolved tickets without an assignee'),
    conditions: all({ field: 'ticket.assigneeId', op: 'blank' }, unresolved),
  },
  {
    key: 'unresolved',
    name: label('所有未解决', 'All unresolved'),
    description: label('新建、已开启和待回应的工单', 'New, open and pending tickets'),
    conditions: all(unresolved),
  },
  {
    key: 'recently_solved',
    name: label('最近解决', 'Recently solved'),
    description: label('最近 7 天解决的工单', 'Tickets solved in the last 7 days'),
    conditions: all(
      { field: 'ticket.status', op: 'in', value: ['solved', 'closed'] },
      { field: 'ticket.solvedAt', op: 'within_last', value: { amount: 7, unit: 'days' } },
    ),
    sort: { field: 'solvedAt', direction: 'desc' },
  },
];
export const SYSTEM_BY_KEY = new Map(SYSTEM_VIEWS.map((d, i) => [d.key, { d, i }]));
export const isSystemKey = (k: string | null): k is SystemViewKey =>
  k !== null && SYSTEM_BY_KEY.has(k as SystemViewKey);

const pick = (l: LocalizedLabel, lang: Lang) => (lang === 'en' ? l.en : l.zh);

/** A system view as the code defines it, named in the caller's language. */
export function systemDefault(key: SystemViewKey, lang: Lang): ViewRecord {
  const { d, i } = SYSTEM_BY_KEY.get(key)!;
  return {
    id: `sys:${key}`,
    system: true,
    name: pick(d.name, lang),
    description: pick(d.description, lang),
    conditions: d.conditions,
    templateId: null,
    columns: DEFAULT_COLUMNS,
    groupBy: null,
    sort: d.sort ?? DEFAULT_SORT,
    visibility: { scope: 'all', groupIds: [], agentIds: [], contactTag: null },
    category: null,
    enabled: true,
    sortOrder: i,
    ownerAgentId: null,
    rowId: null,
    systemKey: key,
  };
}
