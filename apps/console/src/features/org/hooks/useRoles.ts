import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RoleCreate, RoleUpdate } from '../../../api/types';
import { ME_KEY } from '../../auth/hooks/meQuery';
import { createRole, deleteRole, listRoles, updateRole } from '../api/rolesApi';
import { orgKeys } from './orgKeys';

export function useRoles(enabled = true) {
  return useQuery({ queryKey: orgKeys.roles, queryFn: listRoles, enabled });
}

/** A role change may change my own permissions, so /me is refreshed as well. */
function useInvalidateRoles() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: orgKeys.roles }),
      queryClient.invalidateQueries({ queryKey: ME_KEY }),
    ]);
}

export function useCreateRole() {
  const invalidate = useInvalidateRoles();
  return useMutation({ mutationFn: (body: RoleCreate) => createRole(body), onSuccess: invalidate });
}

export function useUpdateRole() {
  const invalidate = useInvalidateRoles();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: RoleUpdate }) => updateRole(id, body),
    onSuccess: invalidate,
  });
}

export function useDeleteRole() {
  const invalidate = useInvalidateRoles();
  return useMutation({ mutationFn: (id: number) => deleteRole(id), onSuccess: invalidate });
}
