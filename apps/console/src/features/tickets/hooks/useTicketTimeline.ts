import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getTimeline, listTicketRecords } from '../api/ticketsApi';
import type { TimelineFilter } from '../types/ticketTypes';
import { ticketKeys } from './ticketKeys';

/** The ticket's timeline, newest first, for one filter tab. */
export function useTicketTimeline(id: number, filter: TimelineFilter) {
  return useInfiniteQuery({
    queryKey: ticketKeys.timeline(id, filter),
    queryFn: ({ pageParam }) => getTimeline(id, filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The ticket's service records, to show each record event's channel and summary. */
export function useTicketRecords(id: number) {
  return useQuery({ queryKey: ticketKeys.records(id), queryFn: () => listTicketRecords(id) });
}
