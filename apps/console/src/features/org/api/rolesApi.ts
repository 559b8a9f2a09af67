import { api } from '../../../api/client';
import type { ListOf, Role, RoleCreate, RoleUpdate } from '../../../api/types';

export async function listRoles(): Promise<Role[]> {
  return (await api.get<ListOf<Role>>('/roles')).items;
}

export function createRole(body: RoleCreate): Promise<Role> {
  return api.post<Role>('/roles', body);
}

export function updateRole(id: number, body: RoleUpdate): Promise<Role> {
  return api.patch<Role>(`/roles/${id}`, body);
}

export function deleteRole(id: number): Promise<void> {
  return api.delete(`/roles/${id}`);
}
