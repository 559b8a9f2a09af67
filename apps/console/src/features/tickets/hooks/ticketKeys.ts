import type { TicketListFilter, TimelineFilter } from '../types/ticketTypes';

/**
 * Ticket data (lists, details, timelines, records) lives under ['tickets', 'data'] so one
 * invalidation after a write covers it; views and templates change rarely and sit apart.
 */
export const ticketKeys = {
  all: ['tickets'] as const,
  data: ['tickets', 'data'] as const,
  list: (filter: TicketListFilter) => ['tickets', 'data', 'list', filter] as const,
  detail: (id: number) => ['tickets', 'data', 'detail', id] as const,
  timeline: (id: number, filter: TimelineFilter) => ['tickets', 'data', 'timeline', id, filter] as const,
  records: (id: number) => ['tickets', 'data', 'records', id] as const,
  counts: ['tickets', 'counts'] as const,
  groups: (viewId: string) => ['tickets', 'groups', viewId] as const,
  views: ['tickets', 'views'] as const,
  templates: ['tickets', 'templates'] as const,
};
