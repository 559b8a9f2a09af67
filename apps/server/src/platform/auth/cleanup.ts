import { lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Jobs } from '../jobs/queue.js';
import { loginThrottle, sessions } from './schema.js';

export const AUTH_CLEANUP_JOB = 'auth.cleanup';

/** Deletes expired sessions and login counters whose window and lock are over. */
export async function purgeExpiredAuth(db: Db) {
  const s = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, sql`now()`))
    .returning({ id: sessions.id });
  const t = await db
    .delete(loginThrottle)
    .where(
      sql`${loginThrottle.windowStart} < now() - interval '1 day' and (${loginThrottle.lockedUntil} is null or ${loginThrottle.lockedUntil} < now())`,
    )
    .returning({ key: loginThrottle.key });
  return { sessions: s.length, throttles: t.length };
}

/** Hourly, on whichever node takes the job. */
export async function scheduleAuthCleanup(db: Db, jobs: Jobs) {
  await jobs.work(
    AUTH_CLEANUP_JOB,
    async () => {
      await purgeExpiredAuth(db);
    },
    { pollingIntervalSeconds: 30 },
  );
  await jobs.schedule(AUTH_CLEANUP_JOB, '17 * * * *');
}
