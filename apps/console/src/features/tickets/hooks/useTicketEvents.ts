import { useQueryClient } from '@tanstack/react-query';
import type { AgentEventPayload } from '@yidan/contracts';
import { useEffect } from 'react';
import { useAgentSocket } from '../../../realtime/socketContext';
import { ticketKeys } from './ticketKeys';

/**
 * The one place where the server's `tickets.changed` pushes reach the query cache: view counts,
 * groups and open lists refresh, and so does any cached ticket the push names (its detail and
 * timeline) — or every cached ticket when the push was truncated.
 */
export function useTicketEvents(): void {
  const socket = useAgentSocket();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!socket) return;
    const onChanged = ({ ticketIds, truncated }: AgentEventPayload<'tickets.changed'>) => {
      void queryClient.invalidateQueries({ queryKey: ticketKeys.counts });
      void queryClient.invalidateQueries({ queryKey: ['tickets', 'groups'] });
      void queryClient.invalidateQueries({ queryKey: ['tickets', 'data', 'list'] });
      if (truncated) {
        void queryClient.invalidateQueries({ queryKey: ticketKeys.data });
        return;
      }
      for (const id of ticketIds) {
        for (const part of ['detail', 'timeline', 'records'])
          void queryClient.invalidateQueries({ queryKey: ['tickets', 'data', part, id] });
      }
    };
    socket.on('tickets.changed', onChanged);
    return () => {
      socket.off('tickets.changed', onChanged);
    };
  }, [socket, queryClient]);
}
