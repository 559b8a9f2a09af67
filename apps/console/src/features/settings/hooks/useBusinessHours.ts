import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BusinessHours } from '../../../api/types';
import { getBusinessHours, getBusinessStatus, saveBusinessHours } from '../api/hoursApi';
import { settingsKeys } from './settingsKeys';

export function useBusinessHours() {
  return useQuery({ queryKey: settingsKeys.businessHours, queryFn: getBusinessHours });
}

export function useSaveBusinessHours() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BusinessHours) => saveBusinessHours(body),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKeys.businessHours, saved);
      return queryClient.invalidateQueries({ queryKey: settingsKeys.businessStatus });
    },
  });
}

/** Whether the vendor is in business hours right now; refreshed every minute. */
export function useBusinessStatus() {
  return useQuery({
    queryKey: settingsKeys.businessStatus,
    queryFn: () => getBusinessStatus(),
    refetchInterval: 60_000,
  });
}
