import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getCustomerSettings,
  listServicePackages,
  setServicePackages,
  updateCustomerSettings,
} from '../api/customerSettingsApi';
import type { CustomerSettings } from '../types/customerTypes';
import { customerKeys } from './customerKeys';

export function useCustomerSettings() {
  return useQuery({ queryKey: customerKeys.settings, queryFn: getCustomerSettings });
}

/** Privacy mode and the reminder window change what lists show (masked numbers, 即将到期). */
export function useUpdateCustomerSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<CustomerSettings>) => updateCustomerSettings(body),
    onSuccess: (settings) => {
      queryClient.setQueryData(customerKeys.settings, settings);
      void queryClient.invalidateQueries({ queryKey: customerKeys.companies });
      void queryClient.invalidateQueries({ queryKey: customerKeys.contacts });
    },
  });
}

export function useServicePackages() {
  return useQuery({ queryKey: customerKeys.packages, queryFn: listServicePackages, staleTime: 5 * 60_000 });
}

export function useSetServicePackages() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (names: string[]) => setServicePackages(names),
    onSuccess: (packages) => queryClient.setQueryData(customerKeys.packages, packages),
  });
}
