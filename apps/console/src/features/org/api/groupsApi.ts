import { api } from '../../../api/client';
import type { Group, GroupCreate, GroupUpdate, ListOf } from '../../../api/types';

export async function listGroups(): Promise<Group[]> {
  return (await api.get<ListOf<Group>>('/groups')).items;
}

export interface DirectoryGroup {
  id: number;
  name: string;
  parentId: number | null;
}

/** Every agent may read the group directory (pickers, names); the full list needs org.groups. */
export async function listGroupDirectory(): Promise<DirectoryGroup[]> {
  return (await api.get<ListOf<DirectoryGroup>>('/groups/directory')).items;
}

export function createGroup(body: GroupCreate): Promise<Group> {
  return api.post<Group>('/groups', body);
}

export function updateGroup(id: number, body: GroupUpdate): Promise<Group> {
  return api.patch<Group>(`/groups/${id}`, body);
}

export function deleteGroup(id: number): Promise<void> {
  return api.delete(`/groups/${id}`);
}

/** The new order of the siblings under one parent (drag and drop). */
export function reorderGroups(body: { parentId: number | null; orderedIds: number[] }): Promise<unknown> {
  return api.post('/groups/reorder', body);
}
