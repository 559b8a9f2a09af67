import { queryOptions } from '@tanstack/react-query';
import { fetchMe } from '../api/authApi';

export const ME_KEY = ['me'] as const;

export const meQuery = queryOptions({
  queryKey: ME_KEY,
  queryFn: fetchMe,
  staleTime: 5 * 60_000,
});
