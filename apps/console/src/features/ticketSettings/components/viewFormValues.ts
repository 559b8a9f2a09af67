import type { ConditionSet } from '@yidan/contracts';
import type { TicketView, TicketViewCreate, ViewVisibility } from '../types/ticketSettingsTypes';

/** The server's default columns (views.ts DEFAULT_COLUMNS), for a new view. */
export const DEFAULT_VIEW_COLUMNS = [
  'number',
  'status',
  'priority',
  'subject',
  'contact.name',
  'assignee',
  'updatedAt',
];
/** The Select's value for 不分组 (a Select cannot hold null as a chosen option). */
export const NO_GROUPING = '';

export interface ViewFormValues {
  name: string;
  description: string;
  templateId: number | null;
  columns: string[];
  groupBy: string;
  sortField: string;
  sortDirection: 'asc' | 'desc';
  visibility: ViewVisibility;
  category: string;
  enabled: boolean;
}

export const EMPTY_CONDITIONS: ConditionSet = { all: [], any: [] };

export function emptyViewValues(): ViewFormValues {
  return {
    name: '',
    description: '',
    templateId: null,
    columns: DEFAULT_VIEW_COLUMNS,
    groupBy: NO_GROUPING,
    sortField: 'updatedAt',
    sortDirection: 'desc',
    visibility: { scope: 'all', groupIds: [], agentIds: [], contactTag: null },
    category: '',
    enabled: true,
  };
}

export function viewToValues(v: TicketView): ViewFormValues {
  return {
    name: v.name,
    description: v.description,
    templateId: v.templateId,
    columns: v.columns,
    groupBy: v.groupBy ?? NO_GROUPING,
    sortField: v.sort.field,
    sortDirection: v.sort.direction,
    visibility: v.visibility,
    category: v.category ?? '',
    enabled: v.enabled,
  };
}

export function valuesToViewBody(v: ViewFormValues, conditions: ConditionSet): TicketViewCreate {
  const scope = v.visibility?.scope ?? 'me';
  return {
    name: v.name.trim(),
    description: (v.description ?? '').trim(),
    conditions,
    templateId: v.templateId ?? null,
    columns: v.columns ?? [],
    groupBy: v.groupBy || null,
    sort: { field: v.sortField, direction: v.sortDirection },
    visibility: {
      scope,
      groupIds: scope === 'groups' ? (v.visibility.groupIds ?? []) : [],
      agentIds: scope === 'agents' ? (v.visibility.agentIds ?? []) : [],
      contactTag: scope === 'contact_tag' ? v.visibility.contactTag?.trim() || null : null,
    },
    category: v.category?.trim() || null,
    enabled: v.enabled,
  };
}
