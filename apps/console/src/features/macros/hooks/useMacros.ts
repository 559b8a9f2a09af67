import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createMacro,
  deleteMacro,
  getMacroCatalogue,
  listAvailableMacros,
  listMacros,
  orderMacros,
  updateMacro,
} from '../api/macrosApi';
import type { Macro, MacroCreate, MacroUpdate } from '../types/macroTypes';
import { macroKeys } from './macroKeys';

export function useMacros() {
  return useQuery({ queryKey: macroKeys.list, queryFn: listMacros });
}

/** Field lists change rarely (custom fields, agents, groups); a minute of staleness is fine. */
export function useMacroCatalogue(enabled = true) {
  return useQuery({ queryKey: macroKeys.catalogue, queryFn: getMacroCatalogue, staleTime: 60_000, enabled });
}

/** The macros a ticket form offers me (its template's, visible to me, enabled). */
export function useAvailableMacros(
  templateId: number | null,
  ticketId: number | undefined,
  enabled: boolean,
) {
  return useQuery({
    queryKey: macroKeys.available(templateId, ticketId),
    queryFn: () => listAvailableMacros({ templateId: templateId ?? undefined, ticketId }),
    staleTime: 30_000,
    enabled,
  });
}

/** A saved macro changes the lists, the available ones and the catalogue (宏控制 lists macros). */
function useInvalidateMacros() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: macroKeys.all });
}

export function useCreateMacro() {
  const invalidate = useInvalidateMacros();
  return useMutation({ mutationFn: (body: MacroCreate) => createMacro(body), onSuccess: invalidate });
}

export function useUpdateMacro() {
  const invalidate = useInvalidateMacros();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: MacroUpdate }) => updateMacro(id, body),
    onSuccess: invalidate,
  });
}

export function useDeleteMacro() {
  const invalidate = useInvalidateMacros();
  return useMutation({ mutationFn: (id: number) => deleteMacro(id), onSuccess: invalidate });
}

/** Up/down or drag: the cache takes the new order at once so rows do not jump back while saving. */
export function useOrderMacros() {
  const queryClient = useQueryClient();
  const key = macroKeys.list;
  return useMutation({
    mutationFn: (orderedIds: number[]) => orderMacros(orderedIds),
    onMutate: async (orderedIds) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Macro[]>(key);
      queryClient.setQueryData<Macro[]>(key, (list) =>
        list
          ?.map((m) => ({ ...m, sortOrder: orderedIds.indexOf(m.id) }))
          .sort((a, b) => a.sortOrder - b.sortOrder),
      );
      return { previous };
    },
    onError: (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: macroKeys.all }),
  });
}
