import { api } from '../../../api/client';
import type { ListOf } from '../../../api/types';
import type {
  TicketTemplate,
  TicketTemplateCreate,
  TicketTemplateUpdate,
} from '../types/ticketSettingsTypes';

/** 工单模板 (manual 5.1.2): every template of the vendor, disabled ones too, for the settings page. */
export async function listTicketTemplates(): Promise<TicketTemplate[]> {
  return (await api.get<ListOf<TicketTemplate>>('/ticket-templates', { all: true })).items;
}

export function createTicketTemplate(body: TicketTemplateCreate): Promise<TicketTemplate> {
  return api.post<TicketTemplate>('/ticket-templates', body);
}

export function updateTicketTemplate(id: number, body: TicketTemplateUpdate): Promise<TicketTemplate> {
  return api.patch<TicketTemplate>(`/ticket-templates/${id}`, body);
}

export function deleteTicketTemplate(id: number): Promise<void> {
  return api.delete(`/ticket-templates/${id}`);
}
