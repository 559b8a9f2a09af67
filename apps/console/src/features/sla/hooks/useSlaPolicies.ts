import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createSlaPolicy,
  deleteSlaPolicy,
  getSlaCatalogue,
  listSlaPolicies,
  orderSlaPolicies,
  updateSlaPolicy,
} from '../api/slaPoliciesApi';
import type { SlaPolicy, SlaPolicyCreate, SlaPolicyUpdate } from '../types/slaTypes';
import { slaKeys } from './slaKeys';

export function useSlaPolicies() {
  return useQuery({ queryKey: slaKeys.list, queryFn: listSlaPolicies });
}

/** Field lists change rarely (custom fields, agents, groups); a minute of staleness is fine. */
export function useSlaCatalogue(enabled = true) {
  return useQuery({ queryKey: slaKeys.catalogue, queryFn: getSlaCatalogue, staleTime: 60_000, enabled });
}

/** After a policy change the tickets using it were recomputed: their SLA shown may have moved. */
function useInvalidateSla() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: slaKeys.list });
    await queryClient.invalidateQueries({ queryKey: ['tickets', 'data'] });
  };
}

export function useCreateSlaPolicy() {
  const invalidate = useInvalidateSla();
  return useMutation({ mutationFn: (body: SlaPolicyCreate) => createSlaPolicy(body), onSuccess: invalidate });
}

export function useUpdateSlaPolicy() {
  const invalidate = useInvalidateSla();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: SlaPolicyUpdate }) => updateSlaPolicy(id, body),
    onSuccess: invalidate,
  });
}

export function useDeleteSlaPolicy() {
  const invalidate = useInvalidateSla();
  return useMutation({ mutationFn: (id: number) => deleteSlaPolicy(id), onSuccess: invalidate });
}

/** Up/down or drag: the cache takes the new order at once so rows do not jump back while saving. */
export function useOrderSlaPolicies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (orderedIds: number[]) => orderSlaPolicies(orderedIds),
    onMutate: async (orderedIds) => {
      await queryClient.cancelQueries({ queryKey: slaKeys.list });
      const previous = queryClient.getQueryData<SlaPolicy[]>(slaKeys.list);
      queryClient.setQueryData<SlaPolicy[]>(slaKeys.list, (list) =>
        list
          ?.map((p) => ({ ...p, sortOrder: orderedIds.indexOf(p.id) }))
          .sort((a, b) => a.sortOrder - b.sortOrder),
      );
      return { previous };
    },
    onError: (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(slaKeys.list, context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: slaKeys.list }),
  });
}
