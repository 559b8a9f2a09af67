import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createTrigger,
  deleteTrigger,
  getTriggerCatalogue,
  listTriggers,
  orderTriggers,
  updateTrigger,
} from '../api/triggersApi';
import type { Trigger, TriggerCreate, TriggerUpdate } from '../types/triggerTypes';
import { triggerKeys } from './triggerKeys';

export function useTriggers() {
  return useQuery({ queryKey: triggerKeys.list, queryFn: listTriggers });
}

/** Field lists change rarely (custom fields, agents, groups); a minute of staleness is fine. */
export function useTriggerCatalogue(enabled = true) {
  return useQuery({
    queryKey: triggerKeys.catalogue,
    queryFn: getTriggerCatalogue,
    staleTime: 60_000,
    enabled,
  });
}

function useInvalidateTriggers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: triggerKeys.list });
}

export function useCreateTrigger() {
  const invalidate = useInvalidateTriggers();
  return useMutation({ mutationFn: (body: TriggerCreate) => createTrigger(body), onSuccess: invalidate });
}

export function useUpdateTrigger() {
  const invalidate = useInvalidateTriggers();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: TriggerUpdate }) => updateTrigger(id, body),
    onSuccess: invalidate,
  });
}

export function useDeleteTrigger() {
  const invalidate = useInvalidateTriggers();
  return useMutation({ mutationFn: (id: number) => deleteTrigger(id), onSuccess: invalidate });
}

/** Up/down or drag: the cache takes the new order at once so rows do not jump back while saving. */
export function useOrderTriggers() {
  const queryClient = useQueryClient();
  const key = triggerKeys.list;
  return useMutation({
    mutationFn: (orderedIds: number[]) => orderTriggers(orderedIds),
    onMutate: async (orderedIds) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Trigger[]>(key);
      queryClient.setQueryData<Trigger[]>(key, (list) =>
        list
          ?.map((tr) => ({ ...tr, sortOrder: orderedIds.indexOf(tr.id) }))
          .sort((a, b) => a.sortOrder - b.sortOrder),
      );
      return { previous };
    },
    onError: (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
