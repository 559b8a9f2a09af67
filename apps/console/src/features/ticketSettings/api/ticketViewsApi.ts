import type { ConditionField } from '@yidan/contracts';
import { api } from '../../../api/client';
import type { ListOf } from '../../../api/types';
import type {
  TicketView,
  TicketViewCreate,
  TicketViewOptions,
  TicketViewUpdate,
} from '../types/ticketSettingsTypes';

/** 查询器 (manual 5.1.5): system views (ids like `sys:mine`) and custom ones, disabled ones too, in order. */
export async function listTicketViews(): Promise<TicketView[]> {
  return (await api.get<ListOf<TicketView>>('/ticket-views', { manage: true })).items;
}

/** The columns, groupings and sort fields the view editor offers (custom fields included). */
export function getTicketViewOptions(): Promise<TicketViewOptions> {
  return api.get<TicketViewOptions>('/ticket-views/options');
}

export function createTicketView(body: TicketViewCreate): Promise<TicketView> {
  return api.post<TicketView>('/ticket-views', body);
}

/** System views are edited through the same call; the server keeps an override row for them. */
export function updateTicketView(id: string, body: TicketViewUpdate): Promise<TicketView> {
  return api.patch<TicketView>(`/ticket-views/${encodeURIComponent(id)}`, body);
}

/** Deletes a custom view; a system view is switched off instead. */
export function deleteTicketView(id: string): Promise<void> {
  return api.delete(`/ticket-views/${encodeURIComponent(id)}`);
}

export async function orderTicketViews(orderedIds: string[]): Promise<TicketView[]> {
  return (await api.put<ListOf<TicketView>>('/ticket-views/order', { ids: orderedIds })).items;
}

/** The ticket condition catalogue (system and custom fields) for the condition builder. */
export async function listTicketQueryFields(): Promise<ConditionField[]> {
  return (await api.get<ListOf<ConditionField>>('/tickets/query-fields')).items;
}

/** 恢复默认: an edited system view goes back to the built-in definition. */
export function resetTicketView(id: string): Promise<TicketView> {
  return api.post<TicketView>(`/ticket-views/${encodeURIComponent(id)}/reset`);
}
