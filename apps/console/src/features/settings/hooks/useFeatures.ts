import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Features } from '../../../api/types';
import { ME_KEY } from '../../auth/hooks/meQuery';
import { getFeatures, updateFeatures } from '../api/vendorApi';
import { settingsKeys } from './settingsKeys';

export function useFeatures() {
  return useQuery({ queryKey: settingsKeys.features, queryFn: getFeatures });
}

/** Switching chat/ticket/call changes me.modules and so the menu: /me is refreshed. */
export function useUpdateFeatures() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<Features>) => updateFeatures(body),
    onSuccess: (features) => {
      queryClient.setQueryData(settingsKeys.features, features);
      return queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}
