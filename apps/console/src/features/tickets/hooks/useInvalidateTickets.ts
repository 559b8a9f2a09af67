import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ticketKeys } from './ticketKeys';

/** After any ticket write: lists, details, timelines, view counts and groups are marked stale. */
export function useInvalidateTickets() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all(
        [ticketKeys.data, ticketKeys.counts, ['tickets', 'groups']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
    [queryClient],
  );
}
