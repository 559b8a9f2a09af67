import { useCustomerListParams } from './useCustomerListParams';
import { useSavedQueries } from './useSavedQueries';

/**
 * The company 查询器 named in the URL. While the list of queries loads the id is run as is (the
 * server checks it); once loaded, an id that is gone or not shared with the agent runs nothing.
 */
export function useActiveSavedQuery() {
  const { list, savedQueryId } = useCustomerListParams();
  const queries = useSavedQueries('companies');
  const items = queries.data ?? [];
  const active = items.find((q) => q.id === savedQueryId) ?? null;
  const runId =
    list !== 'companies' || savedQueryId === null ? null : queries.data ? (active?.id ?? null) : savedQueryId;
  return { queries: items, active, runId };
}
