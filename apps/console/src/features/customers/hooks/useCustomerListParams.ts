import { SERVICE_STATUSES, type ServiceStatus } from '@yidan/contracts';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useCurrentMe } from '../../auth/hooks/useMe';
import type { CompanyFilter, CompanySort } from '../types/customerTypes';

export type CustomerList = 'companies' | 'contacts';

const SORTS: CompanySort[] = ['name', '-name', 'createdAt', '-createdAt', 'serviceEnd', '-serviceEnd'];

/**
 * The customer list's filters live in the URL (?list=&q=&status=&group=&tag=&sort=&query=), so going
 * back from a customer's page returns to the same list and a filtered list can be shared as a link.
 * `query` is the id of the 查询器 being run.
 */
export function useCustomerListParams() {
  const me = useCurrentMe();
  const [params, setParams] = useSearchParams();

  const state = useMemo(() => {
    const status = params.get('status') as ServiceStatus | null;
    const sort = params.get('sort') as CompanySort | null;
    const group = Number(params.get('group'));
    const query = Number(params.get('query'));
    const listParam = params.get('list');
    const list: CustomerList =
      listParam === 'contacts' || listParam === 'companies'
        ? listParam
        : me.vendor.customerMode === '2c'
          ? 'contacts'
          : 'companies';
    const filter: CompanyFilter = {
      q: params.get('q') || undefined,
      status: status && SERVICE_STATUSES.includes(status) ? status : undefined,
      groupId: Number.isInteger(group) && group > 0 ? group : undefined,
      tag: params.get('tag') || undefined,
      sort: sort && SORTS.includes(sort) ? sort : undefined,
    };
    const savedQueryId = Number.isInteger(query) && query > 0 ? query : null;
    return { list, filter, savedQueryId };
  }, [params, me.vendor.customerMode]);

  const update = useCallback(
    (
      patch: Partial<
        Record<'list' | 'q' | 'status' | 'group' | 'tag' | 'sort' | 'query', string | number | undefined>
      >,
    ) => {
      // From the address bar, not the last render: two quick changes (clear search, then sort) both stick.
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      setParams(next, { replace: true });
    },
    [setParams],
  );

  return { ...state, update };
}
