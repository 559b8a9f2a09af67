import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createApiToken, deleteApiToken, listApiTokens } from '../api/apiTokensApi';

const KEY = ['api-tokens'] as const;

export function useApiTokens() {
  return useQuery({ queryKey: KEY, queryFn: listApiTokens });
}

/** The created token (with its secret) is handed to the caller only, never put in the cache. */
export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => createApiToken(name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => deleteApiToken(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
