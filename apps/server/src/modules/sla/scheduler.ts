import { performance } from 'node:perf_hooks';
import type { Db } from '../../platform/db/client.js';
import type { DomainEvents } from '../../platform/events.js';
import {
  type FiringResult,
  fireDueActions,
  fireDueBreaches,
  nextSlaDue,
  type SlaPartition,
} from './firing.js';
import { takeDeadlineWritten } from './wake.js';

export interface SlaSchedulerOptions {
  /**
   * Longest sleep: deadlines written by other nodes (or by anything that does not announce its
   * change) are found within this interval. 30 s.
   */
  safetyIntervalMs?: number;
  /** Breach rows per firing transaction (1000); actions go 10 rows per transaction. */
  batchSize?: number;
  /**
   * Workers of each kind (breaches, actions), each on its share of the tickets (ticket id modulo
   * n): 1 on PGlite (one connection), more on PostgreSQL.
   */
  concurrency?: number;
  /** The clock (tests). */
  now?: () => Date;
}

/** What the scheduler did since it started, for the benchmark and operations. */
export interface SlaSchedulerStats {
  /** Statements the scheduler issued itself (claims, next-due reads). */
  queries: number;
  /** Times it woke and looked. */
  runs: number;
  /** Deadline rows fired. */
  fired: number;
}

/** Action rows per transaction (each through the ticket service, in its own savepoint). */
const ACTION_BATCH = 10;
/** How long actions may run before the breaches due meanwhile are fired. */
const ACTION_SLICE_MS = 200;
/** How long a backlog of breaches may run before actions get their slice (they never starve). */
const BREACH_SLICE_MS = 800;

/** How long to wait before trying again when every due ticket is locked by a change in progress. */
const LOCKED_RETRY_MS = 50;

/**
 * Fires SLA deadlines on time without polling: it sleeps until the earliest unfired deadline (one
 * indexed read), is woken in-process when a committed change wrote an earlier one (the
 * 'ticket.changed' event, after commit), and re-reads at the safety interval for deadlines other
 * nodes wrote. Awake, it fires due rows in batches until none is due, then sleeps again; with
 * nothing due it issues no query until the safety interval. On PostgreSQL several nodes share the
 * work safely (tickets are claimed with SKIP LOCKED).
 */
export class SlaScheduler {
  readonly stats: SlaSchedulerStats = { queries: 0, runs: 0, fired: 0 };
  private timer: NodeJS.Timeout | null = null;
  /** When the timer is set to go off (ms), null while running or stopped. */
  private wakeAt: number | null = null;
  private running: Promise<void> | null = null;
  /** A wake arrived while running: look again before sleeping. */
  private again = false;
  private stopped = true;
  private readonly safetyMs: number;
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly now: () => Date;

  constructor(
    private readonly deps: { db: Db; events: DomainEvents },
    opts: SlaSchedulerOptions = {},
  ) {
    this.safetyMs = opts.safetyIntervalMs ?? 30_000;
    this.batchSize = opts.batchSize ?? 1000;
    this.concurrency = Math.max(1, opts.concurrency ?? 1);
    this.now = opts.now ?? (() => new Date());
    deps.events.on('ticket.changed', (e) => {
      const at = takeDeadlineWritten(e.vendorId, e.ticketId);
      if (at !== undefined) this.wake(at);
    });
  }

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    this.sleep(0);
  }

  async stop() {
    this.stopped = true;
    this.clearTimer();
    await this.running;
  }

  /** A deadline at `at` (ms) was committed: fire then, if that is sooner than the scheduler sleeps. */
  wake(at: number) {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.wakeAt === null || at < this.wakeAt) this.sleep(at - this.now().getTime());
  }

  private clearTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.wakeAt = null;
  }

  private sleep(ms: number) {
    this.clearTimer();
    if (this.stopped) return;
    const delay = Math.max(0, Math.min(ms, this.safetyMs));
    this.wakeAt = this.now().getTime() + delay;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.wakeAt = null;
      this.running = this.run().finally(() => {
        this.running = null;
      });
    }, delay);
    this.timer.unref();
  }

  private async run() {
    let delay = this.safetyMs;
    try {
      do {
        this.again = false;
        this.stats.runs++;
        delay = await this.fireAllDue();
      } while (this.again && !this.stopped);
    } catch (err) {
      console.error('SLA scheduler failed; retrying', err);
      delay = 1_000;
    }
    this.sleep(delay);
  }

  /**
   * Fires until nothing is due and returns how long to sleep: until the next deadline, or a moment
   * when due rows wait for tickets locked by changes in progress. Breaches first — bulk and cheap,
   * for a slice of time when there is a backlog — then actions (a few tickets per transaction
   * through the ticket service) for a slice, then the breaches due meanwhile, and so on: heavy
   * actions never hold breaches up by more than a slice, actions never starve, and no long
   * transaction runs beside the breach batches (it would keep the rows they fired from being
   * cleaned out of the due index, which every claim scans). Each worker fires its share of the
   * tickets.
   */
  private async fireAllDue(): Promise<number> {
    const shares = Array.from({ length: this.concurrency }, (_, index) => ({ of: this.concurrency, index }));
    const round = async (fire: (p: SlaPartition) => Promise<FiringResult>, full: number) => {
      const results = await Promise.all(shares.map(fire));
      for (const r of results) {
        this.stats.queries += r.queries;
        this.stats.fired += r.fired;
      }
      return { more: results.some((r) => r.fired >= full), lockedOut: results.some((r) => r.lockedOut) };
    };
    let lockedOut = false;
    for (;;) {
      const breachSlice = performance.now() + BREACH_SLICE_MS;
      let breaches: Awaited<ReturnType<typeof round>>;
      do {
        breaches = await round(
          (p) => fireDueBreaches(this.deps, this.now(), this.batchSize, p),
          this.batchSize,
        );
        lockedOut ||= breaches.lockedOut;
      } while (breaches.more && !this.stopped && performance.now() < breachSlice);
      // Then actions, for a slice of time at most, before looking at the breaches again.
      const slice = performance.now() + ACTION_SLICE_MS;
      let actions: Awaited<ReturnType<typeof round>>;
      do {
        actions = await round((p) => fireDueActions(this.deps, this.now(), ACTION_BATCH, p), ACTION_BATCH);
        lockedOut ||= actions.lockedOut;
      } while (actions.more && !this.stopped && performance.now() < slice);
      if ((!actions.more && !breaches.more) || this.stopped) break;
    }
    this.stats.queries++;
    const next = await nextSlaDue(this.deps.db);
    if (next === null) return this.safetyMs;
    const wait = next.getTime() - this.now().getTime();
    return wait > 0 ? wait : lockedOut ? LOCKED_RETRY_MS : 0;
  }
}
