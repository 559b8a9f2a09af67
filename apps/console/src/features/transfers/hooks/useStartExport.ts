import { useMutation } from '@tanstack/react-query';
import { startExport } from '../api/transfersApi';
import type { ExportCreateInput } from '../types/transferTypes';

/** Queues an export job; resolves to its id. */
export function useStartExport() {
  return useMutation({ mutationFn: (body: ExportCreateInput) => startExport(body) });
}
