import PgBoss from 'pg-boss';
import type { SqlExecutor } from '../db/client.js';

const JOBS_DDL_LOCK = 7_231_002;

export type JobHandler<T> = (data: T, job: { id: string; name: string }) => Promise<void>;

/**
 * The Postgres-backed job queue (pg-boss 10, which runs on Node 20) over our own connection,
 * so it works the same on PGlite and PostgreSQL; on PostgreSQL several nodes share the work.
 */
export class Jobs {
  private readonly boss: PgBoss;
  private readonly queues = new Set<string>();
  private started = false;

  constructor(
    private readonly sql: SqlExecutor,
    private readonly log: { error: (obj: object, msg: string) => void },
  ) {
    this.boss = new PgBoss({
      db: { executeSql: (text: string, values?: unknown[]) => sql.executeSql(text, values) },
      schema: 'pgboss',
      supervise: true,
      schedule: true,
      maintenanceIntervalSeconds: 60,
    });
    this.boss.on('error', (err) => this.log.error({ err }, 'job queue error'));
  }

  async start() {
    // pg-boss installs its schema and creates queues without guarding against another node doing
    // the same at the same moment (duplicate schema, deadlocks): one node at a time.
    await this.sql.withAdvisoryLock(JOBS_DDL_LOCK, () => this.boss.start());
    this.started = true;
  }

  private async ensureQueue(name: string) {
    if (this.queues.has(name)) return;
    await this.sql.withAdvisoryLock(JOBS_DDL_LOCK, () => this.boss.createQueue(name));
    this.queues.add(name);
  }

  /** Enqueues a job; `startAfter` delays it (seconds or a date). A `singletonKey` dedupes. */
  async send<T extends object>(
    name: string,
    data: T,
    opts: { startAfter?: number | Date; singletonKey?: string } = {},
  ) {
    await this.ensureQueue(name);
    return this.boss.send(name, data, { retryLimit: 5, retryBackoff: true, ...opts });
  }

  async work<T extends object>(
    name: string,
    handler: JobHandler<T>,
    opts: { pollingIntervalSeconds?: number } = {},
  ) {
    await this.ensureQueue(name);
    await this.boss.work<T>(
      name,
      { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1 },
      async (jobs) => {
        for (const job of jobs) await handler(job.data, { id: job.id, name: job.name });
      },
    );
  }

  /** A cron schedule (vendor-independent maintenance); pg-boss runs it once across all nodes. */
  async schedule(name: string, cron: string) {
    await this.ensureQueue(name);
    await this.boss.schedule(name, cron, {}, { tz: 'Asia/Shanghai' });
  }

  async getJob(name: string, id: string) {
    return this.boss.getJobById(name, id);
  }

  async stop() {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 5000 });
  }
}
