import { EventEmitter } from 'node:events';
import type { ExportStatus, ImportStatus, Notification } from '@yidan/contracts';

/** Domain events, emitted by services after commit; listeners (realtime, jobs) react to them. */
export interface DomainEventMap {
  'notification.created': { vendorId: number; agentId: number; notification: Notification; unread: number };
  'notification.read': { vendorId: number; agentId: number; unread: number };
  'agent.sessionsRevoked': { vendorId: number; agentId: number; reason: string };
  'import.progress': { vendorId: number; agentId: number; status: ImportStatus };
  'export.progress': { vendorId: number; agentId: number; status: ExportStatus };
}

export class DomainEvents {
  private readonly emitter = new EventEmitter();
  emit<E extends keyof DomainEventMap>(name: E, payload: DomainEventMap[E]) {
    this.emitter.emit(name, payload);
  }
  on<E extends keyof DomainEventMap>(name: E, listener: (payload: DomainEventMap[E]) => void) {
    this.emitter.on(name, listener);
  }
}
