import type { DomainEvents } from '../../platform/events.js';
import type { Realtime } from '../../platform/realtime/gateway.js';

/** At most one 'tickets.changed' push per vendor in this window. */
export const TICKET_PUSH_WINDOW_MS = 500;
/** Ids listed in one push; beyond this the consoles just refresh everything. */
const MAX_IDS = 200;

/**
 * Per-vendor throttle: the first change is pushed at once and opens a window; changes inside it
 * are collected and pushed together when it ends (which opens the next window). A batch edit of
 * 100 tickets thus makes two pushes, not 100.
 */
export class VendorPushThrottle {
  private readonly windows = new Map<number, { ids: Set<number>; timer: ReturnType<typeof setTimeout> }>();

  constructor(
    private readonly windowMs: number,
    private readonly push: (vendorId: number, ticketIds: number[]) => void,
  ) {}

  add(vendorId: number, ticketId: number) {
    const open = this.windows.get(vendorId);
    if (open) {
      open.ids.add(ticketId);
      return;
    }
    this.push(vendorId, [ticketId]);
    this.open(vendorId);
  }

  private open(vendorId: number) {
    const timer = setTimeout(() => this.close(vendorId), this.windowMs);
    timer.unref?.();
    this.windows.set(vendorId, { ids: new Set(), timer });
  }

  private close(vendorId: number) {
    const window = this.windows.get(vendorId);
    this.windows.delete(vendorId);
    if (!window || window.ids.size === 0) return;
    this.push(vendorId, [...window.ids]);
    this.open(vendorId);
  }

  stop() {
    for (const w of this.windows.values()) clearTimeout(w.timer);
    this.windows.clear();
  }
}

/** Turns ticket changes into throttled 'tickets.changed' pushes to the vendor room (view counts, lists). */
export function ticketRealtimeListeners(events: DomainEvents, realtime: () => Realtime | null) {
  const throttle = new VendorPushThrottle(TICKET_PUSH_WINDOW_MS, (vendorId, ids) =>
    realtime()?.toVendor(vendorId, 'tickets.changed', {
      ticketIds: ids.slice(0, MAX_IDS),
      truncated: ids.length > MAX_IDS,
    }),
  );
  events.on('ticket.changed', (e) => {
    if (realtime()) throttle.add(e.vendorId, e.ticketId);
  });
  return throttle;
}
