import { api } from '../../../api/client';
import type { ListOf } from '../../../api/types';
import type { TicketView, ViewGroup } from '../types/ticketTypes';

/** The views (查询器) this agent may use, system ones first, in display order. */
export async function listTicketViews(): Promise<TicketView[]> {
  return (await api.get<ListOf<TicketView>>('/ticket-views')).items;
}

/** How many tickets each view holds right now, by view id. */
export async function getTicketViewCounts(): Promise<Record<string, number>> {
  return (await api.get<{ counts: Record<string, number> }>('/ticket-views/counts')).counts;
}

/** The groups of a grouped view with their sizes. */
export async function getTicketViewGroups(id: string): Promise<ViewGroup[]> {
  return (await api.get<ListOf<ViewGroup>>(`/ticket-views/${encodeURIComponent(id)}/groups`)).items;
}
