import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createCustomerGroup,
  deleteCustomerGroup,
  listCustomerGroups,
  updateCustomerGroup,
} from '../api/customerGroupsApi';
import type { CustomerGroupCreate, CustomerGroupUpdate } from '../types/customerTypes';
import { customerKeys } from './customerKeys';

export function useCustomerGroups() {
  return useQuery({ queryKey: customerKeys.groups, queryFn: listCustomerGroups });
}

/** Deleting a group ungroups its companies, so company lists follow the groups. */
function useInvalidateGroups() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: customerKeys.groups }),
      queryClient.invalidateQueries({ queryKey: customerKeys.companies }),
    ]);
}

export function useCreateCustomerGroup() {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: (body: CustomerGroupCreate) => createCustomerGroup(body),
    onSuccess: invalidate,
  });
}

export function useUpdateCustomerGroup() {
  const invalidate = useInvalidateGroups();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: CustomerGroupUpdate }) => updateCustomerGroup(id, body),
    onSuccess: invalidate,
  });
}

export function useDeleteCustomerGroup() {
  const invalidate = useInvalidateGroups();
  return useMutation({ mutationFn: (id: number) => deleteCustomerGroup(id), onSuccess: invalidate });
}
