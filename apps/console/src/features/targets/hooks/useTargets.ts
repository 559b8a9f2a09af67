import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createTarget,
  deleteTarget,
  listDeliveries,
  listTargets,
  retryDelivery,
  testTarget,
  updateTarget,
} from '../api/targetsApi';
import type { DeliveryLog, TargetCreate, TargetTest, TargetUpdate } from '../types/targetTypes';
import { targetKeys } from './targetKeys';

export function useTargets(enabled = true) {
  return useQuery({ queryKey: targetKeys.list, queryFn: listTargets, enabled });
}

function useInvalidateTargets() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: targetKeys.list });
}

export function useCreateTarget() {
  const invalidate = useInvalidateTargets();
  return useMutation({ mutationFn: (body: TargetCreate) => createTarget(body), onSuccess: invalidate });
}

export function useUpdateTarget() {
  const invalidate = useInvalidateTargets();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: TargetUpdate }) => updateTarget(id, body),
    onSuccess: invalidate,
  });
}

export function useDeleteTarget() {
  const invalidate = useInvalidateTargets();
  return useMutation({ mutationFn: (id: number) => deleteTarget(id), onSuccess: invalidate });
}

/** A test call lands in the delivery log: its list is stale afterwards. */
export function useTestTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: TargetTest }) => testTarget(id, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: targetKeys.allDeliveries }),
  });
}

/** A delivery log, page by page (加载更多); refreshed every few seconds while pending rows wait. */
export function useDeliveries(log: DeliveryLog | null) {
  return useInfiniteQuery({
    queryKey: targetKeys.deliveries(log ?? { messages: true }),
    queryFn: ({ pageParam }) => listDeliveries(log!, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: log !== null,
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) => p.items.some((e) => e.status === 'pending')) ? 5000 : false,
  });
}

export function useRetryDelivery() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => retryDelivery(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: targetKeys.allDeliveries }),
  });
}
