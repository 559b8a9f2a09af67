import { api } from '../../../api/client';
import type { ApiToken, ApiTokenCreated, ListOf } from '../../../api/types';

export async function listApiTokens(): Promise<ApiToken[]> {
  return (await api.get<ListOf<ApiToken>>('/api-tokens')).items;
}

/** The answer carries the secret `token`; it is never returned again. */
export function createApiToken(name: string): Promise<ApiTokenCreated> {
  return api.post<ApiTokenCreated>('/api-tokens', { name });
}

export function deleteApiToken(id: number): Promise<void> {
  return api.delete(`/api-tokens/${id}`);
}
