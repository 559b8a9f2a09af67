import type { ConditionField, ConditionSet } from '@yidan/contracts';
import { api } from '../../../api/client';
import type { ListOf } from '../../../api/types';
import type {
  BulkResult,
  Company,
  CompanyBulkSet,
  CompanyCreate,
  CompanyFilter,
  CompanyPage,
  CompanyUpdate,
} from '../types/customerTypes';

export const COMPANY_PAGE_SIZE = 50;

export function listCompanies(filter: CompanyFilter, cursor?: string): Promise<CompanyPage> {
  return api.get<CompanyPage>('/companies', { ...filter, cursor, limit: COMPANY_PAGE_SIZE });
}

/** 高级查询: the same filters plus a condition set over system, custom and default-contact fields. */
export function searchCompaniesByConditions(
  filter: CompanyFilter,
  conditions: ConditionSet,
  cursor?: string,
): Promise<CompanyPage> {
  return api.post<CompanyPage>('/companies/search', {
    ...filter,
    conditions,
    cursor,
    limit: COMPANY_PAGE_SIZE,
  });
}

/** The fields the advanced query can use (their labels in both languages). */
export async function listCompanyQueryFields(): Promise<ConditionField[]> {
  return (await api.get<ListOf<ConditionField>>('/companies/query-fields')).items;
}

/** A few companies matching `q`, for pickers (merge target, contact's company). */
export async function searchCompanies(q: string): Promise<Company[]> {
  return (await api.get<CompanyPage>('/companies', { q: q || undefined, limit: 20, sort: 'name' })).items;
}

export function getCompany(id: number): Promise<Company> {
  return api.get<Company>(`/companies/${id}`);
}

export function createCompany(body: CompanyCreate): Promise<Company> {
  return api.post<Company>('/companies', body);
}

export function updateCompany(id: number, body: CompanyUpdate): Promise<Company> {
  return api.patch<Company>(`/companies/${id}`, body);
}

export function deleteCompany(id: number): Promise<void> {
  return api.delete(`/companies/${id}`);
}

/** 合并公司: irreversible, so the body carries an explicit confirmation. Returns the target. */
export function mergeCompany(id: number, targetId: number): Promise<Company> {
  return api.post<Company>(`/companies/${id}/merge`, { targetId, confirm: true });
}

export async function bulkUpdateCompanies(ids: number[], set: CompanyBulkSet): Promise<BulkResult[]> {
  return (await api.post<{ items: BulkResult[] }>('/companies/bulk-update', { ids, set })).items;
}

export async function bulkDeleteCompanies(ids: number[]): Promise<BulkResult[]> {
  return (await api.post<{ items: BulkResult[] }>('/companies/bulk-delete', { ids })).items;
}
