import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { VendorProfileUpdate } from '../../../api/types';
import { ME_KEY } from '../../auth/hooks/meQuery';
import { getVendor, updateVendor, uploadLogo } from '../api/vendorApi';
import { settingsKeys } from './settingsKeys';

export function useVendor() {
  return useQuery({ queryKey: settingsKeys.vendor, queryFn: getVendor });
}

/** The vendor's name, logo and time zone also live in /me (header), so it is refreshed too. */
function useInvalidateVendor() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: settingsKeys.vendor }),
      queryClient.invalidateQueries({ queryKey: ME_KEY }),
    ]);
}

export function useUpdateVendor() {
  const invalidate = useInvalidateVendor();
  return useMutation({
    mutationFn: (body: VendorProfileUpdate) => updateVendor(body),
    onSuccess: invalidate,
  });
}

export function useUploadLogo() {
  const invalidate = useInvalidateVendor();
  return useMutation({ mutationFn: (file: File) => uploadLogo(file, file.type), onSuccess: invalidate });
}
