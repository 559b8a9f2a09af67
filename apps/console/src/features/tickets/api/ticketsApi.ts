import { api } from '../../../api/client';
import type { ListOf } from '../../../api/types';
import type {
  RecordCreate,
  ServiceRecord,
  Ticket,
  TicketBatchItem,
  TicketBatchUpdate,
  TicketComment,
  TicketCreate,
  TicketListFilter,
  TicketMerge,
  TicketPage,
  TicketSplit,
  TicketUpdate,
  TimelineFilter,
  TimelinePage,
} from '../types/ticketTypes';

export const TICKET_PAGE_SIZE = 50;

export function listTickets(filter: TicketListFilter, cursor?: string, limit = TICKET_PAGE_SIZE) {
  return api.get<TicketPage>('/tickets', {
    ...filter,
    unresolved: filter.unresolved === undefined ? undefined : String(filter.unresolved),
    cursor,
    limit,
  });
}

export function getTicket(id: number): Promise<Ticket> {
  return api.get<Ticket>(`/tickets/${id}`);
}

export function createTicket(body: TicketCreate): Promise<Ticket> {
  return api.post<Ticket>('/tickets', body);
}

export function updateTicket(id: number, body: TicketUpdate): Promise<Ticket> {
  return api.patch<Ticket>(`/tickets/${id}`, body);
}

export function deleteTicket(id: number): Promise<void> {
  return api.delete(`/tickets/${id}`);
}

export function commentOnTicket(id: number, body: TicketComment): Promise<Ticket> {
  return api.post<Ticket>(`/tickets/${id}/comments`, body);
}

/** The timeline tabs as the API's filters (kind and visibility). */
const TIMELINE_QUERY: Record<TimelineFilter, { kind?: string; visibility?: string }> = {
  all: {},
  public: { visibility: 'public' },
  internal: { visibility: 'internal' },
  changes: { kind: 'updated' },
  records: { kind: 'record' },
};

export function getTimeline(id: number, filter: TimelineFilter, cursor?: string) {
  return api.get<TimelinePage>(`/tickets/${id}/timeline`, { ...TIMELINE_QUERY[filter], cursor, limit: 50 });
}

export async function listTicketRecords(id: number): Promise<ServiceRecord[]> {
  return (await api.get<ListOf<ServiceRecord>>(`/tickets/${id}/records`)).items;
}

export function addTicketRecord(id: number, body: RecordCreate): Promise<ServiceRecord> {
  return api.post<ServiceRecord>(`/tickets/${id}/records`, body);
}

export function mergeTicket(id: number, body: TicketMerge): Promise<unknown> {
  return api.post(`/tickets/${id}/merge`, body);
}

export function splitTicket(id: number, body: TicketSplit): Promise<unknown> {
  return api.post(`/tickets/${id}/split`, body);
}

export async function batchUpdateTickets(body: TicketBatchUpdate): Promise<TicketBatchItem[]> {
  return (await api.post<ListOf<TicketBatchItem>>('/tickets/batch-update', body)).items;
}

/** The ticket rendered with the vendor's print template (HTML). */
export async function getTicketPrint(id: number): Promise<string> {
  return (await api.get<{ html: string }>(`/tickets/${id}/print`)).html;
}
