import { api } from '../../../api/client';
import type { ListOf } from '../../../api/types';
import type {
  DeliveryLog,
  OutboxEntry,
  OutboxPage,
  Target,
  TargetCreate,
  TargetTest,
  TargetTestResult,
  TargetUpdate,
} from '../types/targetTypes';

/** 外部目标 (manual 5.2.19), in the order they were added. */
export async function listTargets(): Promise<Target[]> {
  return (await api.get<ListOf<Target>>('/targets')).items;
}

export function createTarget(body: TargetCreate): Promise<Target> {
  return api.post<Target>('/targets', body);
}

export function updateTarget(id: number, body: TargetUpdate): Promise<Target> {
  return api.patch<Target>(`/targets/${id}`, body);
}

export function deleteTarget(id: number): Promise<void> {
  return api.delete(`/targets/${id}`);
}

/** 测试: the saved target with the form's values over it, sent once now (also logged). */
export function testTarget(id: number, body: TargetTest): Promise<TargetTestResult> {
  return api.post<TargetTestResult>(`/targets/${id}/test`, body);
}

/** One page of a delivery log, newest first. */
export function listDeliveries(log: DeliveryLog, cursor?: string): Promise<OutboxPage> {
  if ('targetId' in log)
    return api.get<OutboxPage>(`/targets/${log.targetId}/deliveries`, { cursor, limit: 20 });
  return api.get<OutboxPage>('/outbox', { channel: 'messages', cursor, limit: 20 });
}

/** 重试 a failed delivery: due again at once, same Idempotency-Key. */
export function retryDelivery(id: number): Promise<OutboxEntry> {
  return api.post<OutboxEntry>(`/outbox/${id}/retry`);
}
