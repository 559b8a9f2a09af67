import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ticketKeys } from '../../tickets/hooks/ticketKeys';
import {
  createTicketTemplate,
  deleteTicketTemplate,
  listTicketTemplates,
  updateTicketTemplate,
} from '../api/ticketTemplatesApi';
import type { TicketTemplateCreate, TicketTemplateUpdate } from '../types/ticketSettingsTypes';
import { ticketSettingsKeys } from './ticketSettingsKeys';

export function useTicketTemplates(enabled = true) {
  return useQuery({ queryKey: ticketSettingsKeys.templates, queryFn: listTicketTemplates, enabled });
}

// Setting one template as default unsets the previous one, so every change refetches the list;
// the ticket workspace keeps its own list of the templates an agent may use.
function useInvalidateTemplates() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ticketSettingsKeys.templates }),
      queryClient.invalidateQueries({ queryKey: ticketKeys.templates }),
    ]);
}

export function useCreateTicketTemplate() {
  const invalidate = useInvalidateTemplates();
  return useMutation({
    mutationFn: (body: TicketTemplateCreate) => createTicketTemplate(body),
    onSuccess: invalidate,
  });
}

export function useUpdateTicketTemplate() {
  const invalidate = useInvalidateTemplates();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: TicketTemplateUpdate }) => updateTicketTemplate(id, body),
    onSuccess: invalidate,
  });
}

export function useDeleteTicketTemplate() {
  const invalidate = useInvalidateTemplates();
  return useMutation({ mutationFn: (id: number) => deleteTicketTemplate(id), onSuccess: invalidate });
}
