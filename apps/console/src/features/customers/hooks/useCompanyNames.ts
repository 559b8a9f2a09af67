import { useQueries } from '@tanstack/react-query';
import { getCompany } from '../api/companiesApi';
import { customerKeys } from './customerKeys';

/**
 * Names of the companies the listed contacts belong to. Contacts carry only `companyId`, so each
 * company is loaded once (and shared with its detail page's cache).
 */
export function useCompanyNames(ids: (number | null)[]): Map<number, string> {
  const unique = [...new Set(ids.filter((id): id is number => id !== null))];
  return useQueries({
    queries: unique.map((id) => ({
      queryKey: customerKeys.company(id),
      queryFn: () => getCompany(id),
      staleTime: 60_000,
    })),
    combine: (results) => {
      const names = new Map<number, string>();
      for (const r of results) if (r.data) names.set(r.data.id, r.data.name);
      return names;
    },
  });
}
