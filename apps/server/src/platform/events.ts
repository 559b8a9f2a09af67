import { EventEmitter } from 'node:events';
import type { ActorType, ExportStatus, ImportStatus, Notification, TicketChange } from '@yidan/contracts';

/** Domain events, emitted by services after commit; listeners (realtime, jobs) react to them. */
export interface DomainEventMap {
  'notification.created': { vendorId: number; agentId: number; notification: Notification; unread: number };
  'notification.read': { vendorId: number; agentId: number; unread: number };
  'agent.sessionsRevoked': { vendorId: number; agentId: number; reason: string };
  'import.progress': { vendorId: number; agentId: number; status: ImportStatus };
  'export.progress': { vendorId: number; agentId: number; status: ExportStatus };
  /** After a ticket change commits: rules, SLA, view counts and realtime pushes react to it. */
  'ticket.changed': {
    vendorId: number;
    ticketId: number;
    kind: 'created' | 'updated' | 'comment' | 'record' | 'merged' | 'split' | 'deleted';
    changes: TicketChange[];
    author: { type: ActorType; agentId?: number | null; contactId?: number | null; via?: string | null };
    public?: boolean;
  };
  /** Outbox rows committed outside a ticket change (a console retry): the delivery worker wakes up. */
  'outbox.enqueued': { vendorId: number };
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
