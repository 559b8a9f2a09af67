import { api } from '../../../api/client';
import type { ListOf } from '../../../api/types';
import type { CompanyPage, SavedQuery, SavedQueryCreate, SavedQueryUpdate } from '../types/customerTypes';
import { COMPANY_PAGE_SIZE } from './companiesApi';

/** 查询器 the agent can see (own ones and those shared with them) for one list. */
export async function listSavedQueries(entity: SavedQuery['entity']): Promise<SavedQuery[]> {
  return (await api.get<ListOf<SavedQuery>>('/saved-queries', { entity })).items;
}

export function createSavedQuery(body: SavedQueryCreate): Promise<SavedQuery> {
  return api.post<SavedQuery>('/saved-queries', body);
}

export function updateSavedQuery(id: number, body: SavedQueryUpdate): Promise<SavedQuery> {
  return api.patch<SavedQuery>(`/saved-queries/${id}`, body);
}

export function deleteSavedQuery(id: number): Promise<void> {
  return api.delete(`/saved-queries/${id}`);
}

/** Runs a company 查询器 with its own conditions and sort; `q` narrows it like the search box. */
export function runSavedCompanyQuery(
  id: number,
  q: string | undefined,
  cursor?: string,
): Promise<CompanyPage> {
  return api.get<CompanyPage>(`/saved-queries/${id}/companies`, { q, cursor, limit: COMPANY_PAGE_SIZE });
}
