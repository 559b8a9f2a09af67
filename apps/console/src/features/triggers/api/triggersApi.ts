import { api } from '../../../api/client';
import type { ListOf } from '../../../api/types';
import type { Trigger, TriggerCatalogue, TriggerCreate, TriggerUpdate } from '../types/triggerTypes';

/** 触发器 (manual 5.1.6.1) in the order they run, disabled ones too. */
export async function listTriggers(): Promise<Trigger[]> {
  return (await api.get<ListOf<Trigger>>('/triggers')).items;
}

/** The condition fields (event.type / event.actorType included) and actions the builder offers. */
export function getTriggerCatalogue(): Promise<TriggerCatalogue> {
  return api.get<TriggerCatalogue>('/triggers/catalogue');
}

export function createTrigger(body: TriggerCreate): Promise<Trigger> {
  return api.post<Trigger>('/triggers', body);
}

export function updateTrigger(id: number, body: TriggerUpdate): Promise<Trigger> {
  return api.patch<Trigger>(`/triggers/${id}`, body);
}

export function deleteTrigger(id: number): Promise<void> {
  return api.delete(`/triggers/${id}`);
}

/** Listed ids first, in this order; the server keeps any others after them. */
export async function orderTriggers(orderedIds: number[]): Promise<Trigger[]> {
  return (await api.put<ListOf<Trigger>>('/triggers/order', { ids: orderedIds })).items;
}
