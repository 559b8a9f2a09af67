import { useQueryClient } from '@tanstack/react-query';
import { customerKeys } from './customerKeys';

/**
 * After a write to companies or contacts: lists, details and group counts are all marked stale.
 * Cached details of `deleted` records are dropped unless a page still shows them; that page is
 * about to navigate away, so with `refetch: false` nothing is fetched now (a refetch of a deleted
 * record would only answer 404) and whatever mounts next fetches fresh data.
 */
export function useInvalidateCustomers() {
  const queryClient = useQueryClient();
  return (options: { deleted?: { companies?: number[]; contacts?: number[] }; refetch?: boolean } = {}) => {
    for (const id of options.deleted?.companies ?? []) {
      queryClient.removeQueries({ queryKey: customerKeys.company(id), type: 'inactive' });
    }
    for (const id of options.deleted?.contacts ?? []) {
      queryClient.removeQueries({ queryKey: customerKeys.contact(id), type: 'inactive' });
    }
    const refetchType = options.refetch === false ? 'none' : 'active';
    return Promise.all(
      [customerKeys.companies, customerKeys.contacts, customerKeys.groups].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey, refetchType }),
      ),
    );
  };
}
