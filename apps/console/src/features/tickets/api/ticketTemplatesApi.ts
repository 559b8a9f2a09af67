import { api } from '../../../api/client';
import type { ListOf } from '../../../api/types';
import type { TicketTemplate } from '../types/ticketTypes';

/** The ticket templates (工单模板) this agent may use. */
export async function listTicketTemplates(): Promise<TicketTemplate[]> {
  return (await api.get<ListOf<TicketTemplate>>('/ticket-templates')).items;
}
