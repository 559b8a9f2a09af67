import { api } from '../../../api/client';
import type { ListOf } from '../../../api/types';
import type {
  PrintPlaceholder,
  PrintPlaceholderList,
  PrintRender,
  PrintTemplate,
  PrintTemplateCreate,
  PrintTemplateUpdate,
} from '../types/ticketSettingsTypes';

/** 打印模板 (manual 5.2.20): Liquid HTML rendered against one ticket. */
export async function listPrintTemplates(): Promise<PrintTemplate[]> {
  return (await api.get<ListOf<PrintTemplate>>('/print-templates')).items;
}

export function createPrintTemplate(body: PrintTemplateCreate): Promise<PrintTemplate> {
  return api.post<PrintTemplate>('/print-templates', body);
}

export function updatePrintTemplate(id: number, body: PrintTemplateUpdate): Promise<PrintTemplate> {
  return api.patch<PrintTemplate>(`/print-templates/${id}`, body);
}

export function deletePrintTemplate(id: number): Promise<void> {
  return api.delete(`/print-templates/${id}`);
}

/**
 * The placeholders the editor lists, each wrapped as Liquid output (`{{ ticket.number }}`), and the
 * built-in layout's source that a new template starts from.
 */
export async function listPrintPlaceholders(): Promise<{ items: PrintPlaceholder[]; defaultBody: string }> {
  const { items, defaultBody } = await api.get<PrintPlaceholderList>('/print-templates/placeholders');
  return {
    items: items.map((p) => ({ value: `{{ ${p.key} }}`, label: p.label, group: p.group })),
    defaultBody,
  };
}

/** The saved template rendered for one ticket (the preview of the editor). */
export function renderTicketPrint(ticketId: number, templateId: number): Promise<PrintRender> {
  return api.get<PrintRender>(`/tickets/${ticketId}/print`, { templateId });
}

/** A few tickets matching `q` (number or words) to preview a template against. */
export async function searchTicketsForPreview(
  q: string,
): Promise<{ id: number; number: number; subject: string }[]> {
  const page = await api.get<{ items: { id: number; number: number; subject: string }[] }>('/tickets', {
    q: q || undefined,
    limit: 20,
  });
  return page.items;
}
