import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import type { ConditionSet } from '@yidan/contracts';
import {
  bulkDeleteCompanies,
  bulkUpdateCompanies,
  createCompany,
  deleteCompany,
  getCompany,
  listCompanies,
  listCompanyQueryFields,
  mergeCompany,
  searchCompanies,
  searchCompaniesByConditions,
  updateCompany,
} from '../api/companiesApi';
import { runSavedCompanyQuery } from '../api/savedQueriesApi';
import type { CompanyBulkSet, CompanyCreate, CompanyFilter, CompanyUpdate } from '../types/customerTypes';
import { customerKeys } from './customerKeys';
import { useInvalidateCustomers } from './useInvalidateCustomers';

/**
 * The company list page by page (cursor); the first page also carries the expiry counts.
 * With an advanced-query condition set the same filters go to the search endpoint; with a
 * 查询器 its own conditions and sort apply and only the search box narrows it.
 */
export function useCompanyList(
  filter: CompanyFilter,
  conditions: ConditionSet | null = null,
  savedQueryId: number | null = null,
) {
  return useInfiniteQuery({
    queryKey:
      savedQueryId !== null
        ? customerKeys.savedCompanyQueryRun(savedQueryId, filter.q)
        : customerKeys.companyList(filter, conditions),
    queryFn: ({ pageParam }) =>
      savedQueryId !== null
        ? runSavedCompanyQuery(savedQueryId, filter.q, pageParam)
        : conditions
          ? searchCompaniesByConditions(filter, conditions, pageParam)
          : listCompanies(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCompanyQueryFields(enabled: boolean) {
  return useQuery({
    queryKey: customerKeys.companyQueryFields,
    queryFn: listCompanyQueryFields,
    staleTime: 60_000,
    enabled,
  });
}

export function useCompanySearch(q: string, enabled = true) {
  return useQuery({
    queryKey: customerKeys.companySearch(q),
    queryFn: () => searchCompanies(q),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCompany(id: number | null | undefined) {
  return useQuery({
    queryKey: customerKeys.company(id ?? 0),
    queryFn: () => getCompany(id!),
    enabled: Boolean(id),
  });
}

export function useCreateCompany() {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: (body: CompanyCreate) => createCompany(body),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateCompany() {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: CompanyUpdate }) => updateCompany(id, body),
    onSuccess: () => invalidate(),
  });
}

/** Deleting from a list refetches it; deleting from the company's own page navigates away first. */
export function useDeleteCompany(options: { refetch?: boolean } = {}) {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: (id: number) => deleteCompany(id),
    onSuccess: (_data, id) => invalidate({ deleted: { companies: [id] }, refetch: options.refetch }),
  });
}

/** Merges `id` into `targetId`; the source is gone afterwards and the caller opens the target. */
export function useMergeCompany() {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: ({ id, targetId }: { id: number; targetId: number }) => mergeCompany(id, targetId),
    onSuccess: (_target, { id }) => invalidate({ deleted: { companies: [id] }, refetch: false }),
  });
}

export function useBulkUpdateCompanies() {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: ({ ids, set }: { ids: number[]; set: CompanyBulkSet }) => bulkUpdateCompanies(ids, set),
    onSuccess: () => invalidate(),
  });
}

export function useBulkDeleteCompanies() {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: (ids: number[]) => bulkDeleteCompanies(ids),
    onSuccess: (results) =>
      invalidate({ deleted: { companies: results.filter((r) => r.ok).map((r) => r.id) } }),
  });
}
