import type { Database } from '../db/client.js';
import type { DomainEvents } from '../events.js';
import {
  type ChannelDeliveries,
  type Claim,
  claimDue,
  deliverClaim,
  releaseInterruptedDeliveries,
} from './delivery.js';
import { takeEnqueuedFor } from './enqueue.js';

export interface OutboxWorkerOptions {
  /** Deliveries in flight at once on this node. */
  concurrency?: number;
  /** How often to look for due rows without a wake-up (retries, rows other nodes wrote). */
  pollMs?: number;
  /** How long stop() waits for deliveries in flight before aborting them. */
  graceMs?: number;
}

type Log = { error: (obj: object, msg: string) => void };

/**
 * The outbox delivery worker: woken right after a commit that may have enqueued something (a ticket
 * change, a console retry) and polling at a modest interval for retries that came due and for rows
 * other nodes wrote; idle otherwise. Claims are leased per row (delivery.ts), so several nodes on
 * one PostgreSQL share the work and a node that dies leaves its rows to the others.
 */
export class OutboxWorker {
  private readonly inFlight = new Map<number, { abort: AbortController; done: Promise<unknown> }>();
  private timer: NodeJS.Timeout | null = null;
  private pumping: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly concurrency: number;

  constructor(
    private readonly database: Database,
    private readonly deliveries: ChannelDeliveries,
    private readonly log: Log,
    private readonly opts: OutboxWorkerOptions = {},
  ) {
    this.concurrency = opts.concurrency ?? 8;
  }

  async start() {
    if (this.database.kind === 'pglite') await releaseInterruptedDeliveries(this.database.db);
    this.timer = setInterval(() => this.wake(), this.opts.pollMs ?? 5000);
    this.timer.unref();
    this.wake();
  }

  /** Looks for due rows now (cheap when there are none: one indexed query). */
  wake() {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump().finally(() => {
      this.pumping = null;
      if (this.again) this.wake();
    });
  }

  private async pump() {
    do {
      this.again = false;
      const free = this.concurrency - this.inFlight.size;
      if (free <= 0 || this.stopped) return;
      let claims: Claim[];
      try {
        claims = await claimDue(this.database.db, new Date(), free);
      } catch (err) {
        this.log.error({ err }, 'outbox: claiming due deliveries failed');
        return;
      }
      for (const claim of claims) this.launch(claim);
      // A full batch: more may be due (taken as soon as a slot frees up).
      if (claims.length === free) this.again = true;
    } while (this.again && this.inFlight.size < this.concurrency);
  }

  private launch(claim: Claim) {
    const abort = new AbortController();
    const done = deliverClaim(this.database.db, this.deliveries, claim, abort.signal)
      .catch((err) => this.log.error({ err, outboxId: claim.row.id }, 'outbox: recording a delivery failed'))
      .finally(() => {
        this.inFlight.delete(claim.attemptId);
        this.wake();
      });
    this.inFlight.set(claim.attemptId, { abort, done });
  }

  /**
   * Stops claiming, lets deliveries in flight finish for `graceMs`, then aborts the rest: they are
   * recorded as interrupted and due again at once (same key), so nothing is lost. Call before the
   * database closes.
   */
  async stop() {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.pumping;
    const all = () => Promise.all([...this.inFlight.values()].map((f) => f.done));
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.opts.graceMs ?? 3000);
    });
    await Promise.race([all(), grace]);
    clearTimeout(timer);
    for (const f of this.inFlight.values()) f.abort.abort(new Error('the server is stopping'));
    await all();
  }
}

/**
 * Starts the worker of this node and wakes it after every commit that wrote outbox rows: a ticket
 * change whose rules enqueued something, and `outbox.enqueued`.
 */
export async function startOutboxWorker(
  database: Database,
  events: DomainEvents,
  deliveries: ChannelDeliveries,
  log: Log,
  opts: OutboxWorkerOptions = {},
): Promise<OutboxWorker> {
  const worker = new OutboxWorker(database, deliveries, log, opts);
  events.on('ticket.changed', (e) => {
    if (takeEnqueuedFor(e.vendorId, e.ticketId)) worker.wake();
  });
  events.on('outbox.enqueued', () => worker.wake());
  await worker.start();
  return worker;
}
