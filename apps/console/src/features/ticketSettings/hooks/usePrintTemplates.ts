import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createPrintTemplate,
  deletePrintTemplate,
  listPrintPlaceholders,
  listPrintTemplates,
  renderTicketPrint,
  searchTicketsForPreview,
  updatePrintTemplate,
} from '../api/printTemplatesApi';
import type { PrintTemplateCreate, PrintTemplateUpdate } from '../types/ticketSettingsTypes';
import { ticketSettingsKeys } from './ticketSettingsKeys';

export function usePrintTemplates() {
  return useQuery({ queryKey: ticketSettingsKeys.printTemplates, queryFn: listPrintTemplates });
}

export function usePrintPlaceholders(enabled: boolean) {
  return useQuery({
    queryKey: ticketSettingsKeys.placeholders,
    queryFn: listPrintPlaceholders,
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function usePreviewTickets(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ticketSettingsKeys.previewTickets(q),
    queryFn: () => searchTicketsForPreview(q),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePrintPreview(ticketId: number | undefined, templateId: number | undefined) {
  return useQuery({
    queryKey: ticketSettingsKeys.preview(ticketId ?? 0, templateId ?? 0),
    queryFn: () => renderTicketPrint(ticketId!, templateId!),
    enabled: Boolean(ticketId && templateId),
    retry: false,
  });
}

// A new default unsets the previous one; a saved body changes every preview of it.
function useInvalidatePrint() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ticketSettingsKeys.printTemplates }),
      queryClient.invalidateQueries({ queryKey: ['ticketSettings', 'print-preview'] }),
    ]);
}

export function useCreatePrintTemplate() {
  const invalidate = useInvalidatePrint();
  return useMutation({
    mutationFn: (body: PrintTemplateCreate) => createPrintTemplate(body),
    onSuccess: invalidate,
  });
}

export function useUpdatePrintTemplate() {
  const invalidate = useInvalidatePrint();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: PrintTemplateUpdate }) => updatePrintTemplate(id, body),
    onSuccess: invalidate,
  });
}

export function useDeletePrintTemplate() {
  const invalidate = useInvalidatePrint();
  return useMutation({ mutationFn: (id: number) => deletePrintTemplate(id), onSuccess: invalidate });
}
