/**
 * Deadlines written inside a ticket change's transaction, waiting for it to commit: the scheduler
 * takes them on the 'ticket.changed' event (emitted after commit) and wakes early if one is due
 * before what it sleeps until. A rolled-back change leaves an entry that only causes a spare wake.
 */
const written = new Map<string, number>();
const MAX_ENTRIES = 10_000;
const keyOf = (vendorId: number, ticketId: number) => `${vendorId}:${ticketId}`;

export function noteDeadlineWritten(vendorId: number, ticketId: number, dueAt: Date) {
  if (written.size >= MAX_ENTRIES) written.clear();
  const key = keyOf(vendorId, ticketId);
  const before = written.get(key);
  written.set(key, before === undefined ? dueAt.getTime() : Math.min(before, dueAt.getTime()));
}

/** The earliest deadline written for the ticket since last asked (ms), if any. */
export function takeDeadlineWritten(vendorId: number, ticketId: number): number | undefined {
  const key = keyOf(vendorId, ticketId);
  const at = written.get(key);
  written.delete(key);
  return at;
}
