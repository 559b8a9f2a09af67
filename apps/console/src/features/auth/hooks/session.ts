import type { QueryClient } from '@tanstack/react-query';
import type { Me } from '@yidan/contracts';
import { ME_KEY } from './meQuery';

const notMe = { predicate: (query: { queryKey: readonly unknown[] }) => query.queryKey[0] !== ME_KEY[0] };

/**
 * Switches the cached session: `me` first (so the router leaves the signed-in pages), then every
 * other cached answer is dropped so nothing of one session shows in the next.
 */
export function setSession(queryClient: QueryClient, me: Me | null): void {
  queryClient.setQueryData(ME_KEY, me);
  queryClient.removeQueries(notMe);
}
