import type {
  TicketWorkflow,
  Workflow,
  WorkflowCatalogue,
  WorkflowGraph,
  WorkflowListItem,
  WorkflowVersionSummary,
} from '@yidan/contracts';
import { api } from '../../../api/client';
import type { ListOf } from '../../../api/types';

/** 工单流 (manual 5.1.3): every template's workflow, with the template's name. */
export async function listWorkflows(): Promise<WorkflowListItem[]> {
  return (await api.get<ListOf<WorkflowListItem>>('/workflows')).items;
}

/** Connector conditions, node actions and participants the editor offers. */
export function getWorkflowCatalogue(): Promise<WorkflowCatalogue> {
  return api.get<WorkflowCatalogue>('/workflows/catalogue');
}

/** The template's workflow (a starter draft before the first save). */
export function getTemplateWorkflow(templateId: number): Promise<Workflow> {
  return api.get<Workflow>(`/workflows/by-template/${templateId}`);
}

/** 保存草稿: saved even with problems, which come back in `problems`. */
export function saveWorkflowDraft(templateId: number, graph: WorkflowGraph): Promise<Workflow> {
  return api.put<Workflow>(`/workflows/by-template/${templateId}`, { graph });
}

/** 发布: 422 with `problems` when the draft is not ready. */
export function publishWorkflow(id: number): Promise<Workflow> {
  return api.post<Workflow>(`/workflows/${id}/publish`);
}

export function updateWorkflow(id: number, body: { enabled?: boolean; name?: string }): Promise<Workflow> {
  return api.patch<Workflow>(`/workflows/${id}`, body);
}

export async function listWorkflowVersions(id: number): Promise<WorkflowVersionSummary[]> {
  return (await api.get<ListOf<WorkflowVersionSummary>>(`/workflows/${id}/versions`)).items;
}

/** Where a ticket is in its workflow; null when it runs none. */
export async function getTicketWorkflow(ticketId: number): Promise<TicketWorkflow | null> {
  return (await api.get<{ workflow: TicketWorkflow | null }>(`/tickets/${ticketId}/workflow`)).workflow;
}

/** 提交到下一步. */
export async function advanceTicketWorkflow(ticketId: number, note?: string): Promise<TicketWorkflow | null> {
  return (
    await api.post<{ workflow: TicketWorkflow | null }>(`/tickets/${ticketId}/workflow/advance`, { note })
  ).workflow;
}

/** 退回 to a node the ticket went through. */
export async function returnTicketWorkflow(
  ticketId: number,
  nodeId: string,
  note?: string,
): Promise<TicketWorkflow | null> {
  return (
    await api.post<{ workflow: TicketWorkflow | null }>(`/tickets/${ticketId}/workflow/return`, {
      nodeId,
      note,
    })
  ).workflow;
}
