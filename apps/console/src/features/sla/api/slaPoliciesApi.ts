import type { ConditionSet } from '@yidan/contracts';
import { api } from '../../../api/client';
import type { ListOf } from '../../../api/types';
import type {
  SlaCatalogue,
  SlaPolicy,
  SlaPolicyCreate,
  SlaPolicyUpdate,
  SlaPreview,
} from '../types/slaTypes';

/** SLA 策略 (5.3.3) in the order they are matched, disabled ones too. */
export async function listSlaPolicies(): Promise<SlaPolicy[]> {
  return (await api.get<ListOf<SlaPolicy>>('/sla-policies')).items;
}

/** The condition fields (the ticket catalogue) and the actions (the trigger actions). */
export function getSlaCatalogue(): Promise<SlaCatalogue> {
  return api.get<SlaCatalogue>('/sla-policies/catalogue');
}

export function createSlaPolicy(body: SlaPolicyCreate): Promise<SlaPolicy> {
  return api.post<SlaPolicy>('/sla-policies', body);
}

export function updateSlaPolicy(id: number, body: SlaPolicyUpdate): Promise<SlaPolicy> {
  return api.patch<SlaPolicy>(`/sla-policies/${id}`, body);
}

export function deleteSlaPolicy(id: number): Promise<void> {
  return api.delete(`/sla-policies/${id}`);
}

/** Listed ids first, in this order; the server keeps any others after them. */
export async function orderSlaPolicies(orderedIds: number[]): Promise<SlaPolicy[]> {
  return (await api.put<ListOf<SlaPolicy>>('/sla-policies/order', { ids: orderedIds })).items;
}

/** 预览: the open tickets the conditions match now (the first 50 and how many). */
export function previewSlaPolicy(conditions: ConditionSet): Promise<SlaPreview> {
  return api.post<SlaPreview>('/sla-policies/preview', { conditions });
}
