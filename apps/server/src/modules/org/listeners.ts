import type { DomainEvents } from '../../platform/events.js';
import type { Realtime } from '../../platform/realtime/gateway.js';

/** Tells an agent's open consoles that their sessions ended (disabled, password reset). */
export function orgListeners(events: DomainEvents, realtime: () => Realtime | null) {
  events.on('agent.sessionsRevoked', (e) =>
    realtime()?.toAgent(e.vendorId, e.agentId, 'session.revoked', { reason: e.reason }),
  );
}
