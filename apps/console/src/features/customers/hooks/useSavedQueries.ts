import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createSavedQuery,
  deleteSavedQuery,
  listSavedQueries,
  updateSavedQuery,
} from '../api/savedQueriesApi';
import type { SavedQuery, SavedQueryCreate, SavedQueryUpdate } from '../types/customerTypes';
import { customerKeys } from './customerKeys';

type Entity = SavedQuery['entity'];

export function useSavedQueries(entity: Entity) {
  return useQuery({
    queryKey: customerKeys.savedQueries(entity),
    queryFn: () => listSavedQueries(entity),
    staleTime: 30_000,
  });
}

/** A changed 查询器 also changes what its list shows, so its cached runs go stale too. */
function useInvalidateSavedQueries() {
  const queryClient = useQueryClient();
  return (entity: Entity) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: customerKeys.savedQueries(entity) }),
      queryClient.invalidateQueries({ queryKey: [...customerKeys.companies, 'saved-query'] }),
    ]);
}

export function useCreateSavedQuery() {
  const invalidate = useInvalidateSavedQueries();
  return useMutation({
    mutationFn: (body: SavedQueryCreate) => createSavedQuery(body),
    onSuccess: (saved) => invalidate(saved.entity),
  });
}

export function useUpdateSavedQuery() {
  const invalidate = useInvalidateSavedQueries();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: SavedQueryUpdate }) => updateSavedQuery(id, body),
    onSuccess: (saved) => invalidate(saved.entity),
  });
}

export function useDeleteSavedQuery() {
  const invalidate = useInvalidateSavedQueries();
  return useMutation({
    mutationFn: (query: SavedQuery) => deleteSavedQuery(query.id),
    onSuccess: (_data, query) => invalidate(query.entity),
  });
}
