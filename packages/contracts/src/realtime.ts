import type { Notification } from './org.js';
import type { ExportStatus, ImportStatus } from './transfers.js';

/** Server → agent events pushed on the realtime gateway (namespace /agent). */
export interface AgentServerEvents {
  'notification.created': (payload: { notification: Notification; unread: number }) => void;
  'notification.read': (payload: { unread: number }) => void;
  'session.revoked': (payload: { reason: string }) => void;
  /** Progress of the agent's own import (after every chunk) and its end. */
  'import.progress': (payload: ImportStatus) => void;
  'export.progress': (payload: ExportStatus) => void;
  /**
   * Tickets of the vendor changed (at most one push per vendor every 500 ms, listing the tickets
   * changed since the last one; `truncated` when there were too many to list): refresh view counts
   * and open lists.
   */
  'tickets.changed': (payload: { ticketIds: number[]; truncated: boolean }) => void;
}
export type AgentEventName = keyof AgentServerEvents;
export type AgentEventPayload<E extends AgentEventName> = Parameters<AgentServerEvents[E]>[0];
