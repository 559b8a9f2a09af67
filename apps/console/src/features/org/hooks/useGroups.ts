import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Group, GroupCreate, GroupUpdate } from '../../../api/types';
import {
  createGroup,
  deleteGroup,
  listGroupDirectory,
  listGroups,
  reorderGroups,
  updateGroup,
} from '../api/groupsApi';
import { orgKeys } from './orgKeys';

export function useGroups(enabled = true) {
  return useQuery({ queryKey: orgKeys.groups, queryFn: listGroups, enabled });
}

/** Group ids, names and parents, readable by every agent. */
export function useGroupDirectory() {
  return useQuery({ queryKey: orgKeys.groupDirectory, queryFn: listGroupDirectory, staleTime: 60_000 });
}

function useInvalidateGroups() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: orgKeys.groups }),
      queryClient.invalidateQueries({ queryKey: orgKeys.agents }),
    ]);
}

export function useCreateGroup() {
  const invalidate = useInvalidateGroups();
  return useMutation({ mutationFn: (body: GroupCreate) => createGroup(body), onSuccess: invalidate });
}

export function useUpdateGroup() {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: GroupUpdate }) => updateGroup(id, body),
    onSuccess: invalidate,
  });
}

export function useDeleteGroup() {
  const invalidate = useInvalidateGroups();
  return useMutation({ mutationFn: (id: number) => deleteGroup(id), onSuccess: invalidate });
}

/**
 * Moves a group (drag and drop): PATCH the parent when it changed, then POST the sibling order.
 * The cache is updated first so the tree does not jump back while the server answers.
 */
export function useMoveGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (move: {
      id: number;
      parentChanged: boolean;
      parentId: number | null;
      orderedIds: number[];
    }) => {
      if (move.parentChanged) await updateGroup(move.id, { parentId: move.parentId });
      await reorderGroups({ parentId: move.parentId, orderedIds: move.orderedIds });
    },
    onMutate: async (move) => {
      await queryClient.cancelQueries({ queryKey: orgKeys.groups });
      const previous = queryClient.getQueryData<Group[]>(orgKeys.groups);
      queryClient.setQueryData<Group[]>(orgKeys.groups, (groups) =>
        groups?.map((g) => {
          const index = move.orderedIds.indexOf(g.id);
          if (index === -1) return g;
          return { ...g, parentId: move.parentId, sortOrder: index };
        }),
      );
      return { previous };
    },
    onError: (_error, _move, context) => {
      if (context?.previous) queryClient.setQueryData(orgKeys.groups, context.previous);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: orgKeys.groups }),
  });
}
