import type { ConditionSet, ExportCreateInput } from '@yidan/contracts';
import type { CustomerList } from '../hooks/useCustomerListParams';
import type { CompanyFilter, CompanySort, SavedQuery } from '../types/customerTypes';

export interface CustomerListScope {
  list: CustomerList;
  filter: CompanyFilter;
  /** The applied 高级查询 (company list). */
  conditions: ConditionSet | null;
  /** The 查询器 being run (company list): its conditions and sort replace the list filters. */
  savedQuery: SavedQuery | null;
  selectedIds: number[];
}

/** What 导出 exports: the selected rows when there are any, else everything the list shows. */
export function customerExportRequest(scope: CustomerListScope): ExportCreateInput {
  const { list, filter, conditions, savedQuery, selectedIds } = scope;
  if (selectedIds.length > 0) return { entity: list, ids: selectedIds };
  if (list === 'contacts') return { entity: 'contacts', query: { q: filter.q, tag: filter.tag } };
  if (savedQuery) {
    return {
      entity: 'companies',
      query: {
        q: filter.q,
        conditions: savedQuery.conditions,
        sort: (savedQuery.sort as CompanySort | null) ?? undefined,
      },
    };
  }
  return { entity: 'companies', query: { ...filter, conditions: conditions ?? undefined } };
}
