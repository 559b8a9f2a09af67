import { useQuery } from '@tanstack/react-query';
import { listTicketTemplates } from '../api/ticketTemplatesApi';
import { ticketKeys } from './ticketKeys';

/** The enabled templates this agent may pick; an empty list while the endpoint is missing. */
export function useTicketTemplates() {
  return useQuery({
    queryKey: ticketKeys.templates,
    queryFn: async () => (await listTicketTemplates()).filter((t) => t.enabled),
    staleTime: 60_000,
    retry: false,
  });
}
