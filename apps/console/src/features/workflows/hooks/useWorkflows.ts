import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Workflow, WorkflowGraph } from '@yidan/contracts';
import { useInvalidateTickets } from '../../tickets/hooks/useInvalidateTickets';
import {
  advanceTicketWorkflow,
  getTemplateWorkflow,
  getTicketWorkflow,
  getWorkflowCatalogue,
  listWorkflows,
  listWorkflowVersions,
  publishWorkflow,
  returnTicketWorkflow,
  saveWorkflowDraft,
  updateWorkflow,
} from '../api/workflowsApi';

/** Editor data under ['workflows']; a ticket's place sits with the ticket's data, so ticket writes refresh it. */
export const workflowKeys = {
  all: ['workflows'] as const,
  template: (templateId: number) => ['workflows', 'template', templateId] as const,
  versions: (id: number) => ['workflows', 'versions', id] as const,
  catalogue: ['workflows', 'catalogue'] as const,
  ticket: (ticketId: number) => ['tickets', 'data', 'workflow', ticketId] as const,
};

export function useTemplateWorkflow(templateId: number | null) {
  return useQuery({
    queryKey: workflowKeys.template(templateId ?? 0),
    queryFn: () => getTemplateWorkflow(templateId!),
    enabled: templateId !== null,
  });
}

export function useWorkflowCatalogue() {
  return useQuery({ queryKey: workflowKeys.catalogue, queryFn: getWorkflowCatalogue, staleTime: 60_000 });
}

export function useWorkflowVersions(id: number | null, enabled: boolean) {
  return useQuery({
    queryKey: workflowKeys.versions(id ?? 0),
    queryFn: () => listWorkflowVersions(id!),
    enabled: enabled && id !== null,
  });
}

/** Every write answers the workflow as it now is: the cache takes it as it comes. */
function useStoreWorkflow() {
  const queryClient = useQueryClient();
  return (w: Workflow) => {
    queryClient.setQueryData(workflowKeys.template(w.templateId), w);
    return Promise.all(
      [workflowKeys.all, ['workflows', 'versions']].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey, exact: queryKey.length === 1 }),
      ),
    );
  };
}

export function useSaveWorkflow(templateId: number) {
  const store = useStoreWorkflow();
  return useMutation({
    mutationFn: (graph: WorkflowGraph) => saveWorkflowDraft(templateId, graph),
    onSuccess: store,
  });
}

export function usePublishWorkflow() {
  const store = useStoreWorkflow();
  return useMutation({ mutationFn: (id: number) => publishWorkflow(id), onSuccess: store });
}

export function useUpdateWorkflow() {
  const store = useStoreWorkflow();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; enabled?: boolean }) => updateWorkflow(id, body),
    onSuccess: store,
  });
}

export function useTicketWorkflow(ticketId: number) {
  return useQuery({ queryKey: workflowKeys.ticket(ticketId), queryFn: () => getTicketWorkflow(ticketId) });
}

export type TicketMove = { to: 'next'; note?: string } | { to: 'back'; nodeId: string; note?: string };

/** 提交到下一步 / 退回: the ticket, its timeline and lists change too. */
export function useMoveTicket(ticketId: number) {
  const invalidate = useInvalidateTickets();
  return useMutation({
    mutationFn: (move: TicketMove) =>
      move.to === 'next'
        ? advanceTicketWorkflow(ticketId, move.note)
        : returnTicketWorkflow(ticketId, move.nodeId, move.note),
    onSuccess: invalidate,
  });
}

export function useWorkflowList() {
  return useQuery({ queryKey: workflowKeys.all, queryFn: listWorkflows });
}
