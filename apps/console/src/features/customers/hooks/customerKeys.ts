import type { ConditionSet } from '@yidan/contracts';
import type { CompanyFilter, ContactFilter, FieldEntity } from '../types/customerTypes';

/** Everything of this feature lives under ['customers', …] so one invalidation can cover it. */
export const customerKeys = {
  all: ['customers'] as const,
  companies: ['customers', 'companies'] as const,
  companyList: (filter: CompanyFilter, conditions: ConditionSet | null) =>
    ['customers', 'companies', 'list', filter, conditions] as const,
  savedCompanyQueryRun: (id: number, q: string | undefined) =>
    ['customers', 'companies', 'saved-query', id, q ?? ''] as const,
  companyQueryFields: ['customers', 'companies', 'query-fields'] as const,
  companySearch: (q: string) => ['customers', 'companies', 'search', q] as const,
  company: (id: number) => ['customers', 'companies', 'detail', id] as const,
  contacts: ['customers', 'contacts'] as const,
  contactList: (filter: ContactFilter) => ['customers', 'contacts', 'list', filter] as const,
  contact: (id: number) => ['customers', 'contacts', 'detail', id] as const,
  groups: ['customers', 'groups'] as const,
  settings: ['customers', 'settings'] as const,
  packages: ['customers', 'packages'] as const,
  savedQueries: (entity: 'companies' | 'contacts') => ['customers', 'saved-queries', entity] as const,
  fields: (entity: FieldEntity) => ['customers', 'fields', entity] as const,
};
