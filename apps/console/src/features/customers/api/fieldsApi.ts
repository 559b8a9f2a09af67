import { api } from '../../../api/client';
import type { ListOf } from '../../../api/types';
import type { FieldCreate, FieldDefinition, FieldEntity, FieldUpdate } from '../types/customerTypes';

/** System and custom fields of one entity, in display order. */
export async function listFields(entity: FieldEntity): Promise<FieldDefinition[]> {
  return (await api.get<ListOf<FieldDefinition>>('/fields', { entity })).items;
}

export function createField(body: FieldCreate): Promise<FieldDefinition> {
  return api.post<FieldDefinition>('/fields', body);
}

export function updateField(id: number, body: FieldUpdate): Promise<FieldDefinition> {
  return api.patch<FieldDefinition>(`/fields/${id}`, body);
}

export function deleteField(id: number): Promise<void> {
  return api.delete(`/fields/${id}`);
}

export async function reorderFields(entity: FieldEntity, orderedIds: number[]): Promise<FieldDefinition[]> {
  return (await api.post<ListOf<FieldDefinition>>('/fields/reorder', { entity, orderedIds })).items;
}
