import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  type CustomerRef,
  getCustomerStatistics,
  getCustomerTimeline,
  listCustomerRecords,
  listCustomerTickets,
  type StatisticsFilter,
} from '../api/customer360Api';

// Under ['customers', …] so the feature's invalidation covers them too.
const keys = {
  records: (c: CustomerRef) => ['customers', '360', 'records', c.kind, c.id] as const,
  tickets: (c: CustomerRef) => ['customers', '360', 'tickets', c.kind, c.id] as const,
  timeline: (c: CustomerRef) => ['customers', '360', 'timeline', c.kind, c.id] as const,
  statistics: (f: StatisticsFilter) => ['customers', 'statistics', f] as const,
};

const paged = { initialPageParam: undefined as string | undefined };
const next = (last: { nextCursor: string | null }) => last.nextCursor ?? undefined;

export function useCustomerRecords(customer: CustomerRef, enabled = true) {
  return useInfiniteQuery({
    ...paged,
    queryKey: keys.records(customer),
    queryFn: ({ pageParam }) => listCustomerRecords(customer, pageParam),
    getNextPageParam: next,
    enabled,
  });
}

export function useCustomerTickets(customer: CustomerRef, enabled = true) {
  return useInfiniteQuery({
    ...paged,
    queryKey: keys.tickets(customer),
    queryFn: ({ pageParam }) => listCustomerTickets(customer, pageParam),
    getNextPageParam: next,
    enabled,
  });
}

export function useCustomerTimeline(customer: CustomerRef, enabled = true) {
  return useInfiniteQuery({
    ...paged,
    queryKey: keys.timeline(customer),
    queryFn: ({ pageParam }) => getCustomerTimeline(customer, pageParam),
    getNextPageParam: next,
    enabled,
  });
}

/** The statistics table page by page; the first page's summary covers every page. */
export function useCustomerStatistics(filter: StatisticsFilter, enabled = true) {
  return useInfiniteQuery({
    ...paged,
    queryKey: keys.statistics(filter),
    queryFn: ({ pageParam }) => getCustomerStatistics(filter, pageParam),
    getNextPageParam: next,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One company's statistics (the detail page's card). */
export function useCompanyStatistics(companyId: number | null, enabled = true) {
  return useQuery({
    queryKey: keys.statistics({ companyId: companyId ?? 0 }),
    queryFn: async () =>
      (await getCustomerStatistics({ companyId: companyId! }, undefined, 1)).items[0] ?? null,
    enabled: enabled && companyId !== null,
  });
}
