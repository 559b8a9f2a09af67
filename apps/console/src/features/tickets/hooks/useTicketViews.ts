import { useQuery } from '@tanstack/react-query';
import { getTicketViewCounts, getTicketViewGroups, listTicketViews } from '../api/ticketViewsApi';
import { ticketKeys } from './ticketKeys';

/** The agent's views (查询器); enabled ones only, in their order. */
export function useTicketViews() {
  return useQuery({
    queryKey: ticketKeys.views,
    queryFn: async () => (await listTicketViews()).filter((v) => v.enabled),
    staleTime: 60_000,
    retry: false,
  });
}

/** Ticket counts per view; realtime pushes invalidate it (useTicketViewEvents). */
export function useTicketViewCounts(enabled = true) {
  return useQuery({
    queryKey: ticketKeys.counts,
    queryFn: getTicketViewCounts,
    enabled,
    retry: false,
    staleTime: 30_000,
  });
}

/** The group sizes of a grouped view. */
export function useTicketViewGroups(viewId: string | undefined, grouped: boolean) {
  return useQuery({
    queryKey: ticketKeys.groups(viewId ?? ''),
    queryFn: () => getTicketViewGroups(viewId!),
    enabled: Boolean(viewId) && grouped,
    retry: false,
  });
}
