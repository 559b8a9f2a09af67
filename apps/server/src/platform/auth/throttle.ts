import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { AppError } from '../http/errors.js';

const WINDOW_MINUTES = 15;
const LOCK_MINUTES = 15;
export const ACCOUNT_LIMIT = 5;
export const IP_LIMIT = 20;

export const accountKey = (vendorId: number, account: string) => `acct:${vendorId}:${account.toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** Throws login_locked when any key is locked. */
export async function assertNotLocked(db: Db, keys: string[]) {
  const rows = await db.execute<{ locked_until: string }>(
    sql`select locked_until from login_throttle where key in ${keys} and locked_until > now() order by locked_until desc limit 1`,
  );
  const until = rows.rows[0]?.locked_until;
  if (until) {
    const seconds = Math.max(1, Math.ceil((new Date(until).getTime() - Date.now()) / 1000));
    throw new AppError('login_locked', { minutes: Math.ceil(seconds / 60) }, [], {
      'retry-after': String(seconds),
    });
  }
}

/** Counts one failure per key; a key reaching its limit inside the window is locked. */
export async function recordFailure(db: Db, keyLimits: [string, number][]) {
  for (const [key, limit] of keyLimits) {
    await db.execute(sql`
      insert into login_throttle (key, failures, window_start) values (${key}, 1, now())
      on conflict (key) do update set
        failures = case when login_throttle.window_start < now() - make_interval(mins => ${WINDOW_MINUTES})
                        then 1 else login_throttle.failures + 1 end,
        window_start = case when login_throttle.window_start < now() - make_interval(mins => ${WINDOW_MINUTES})
                        then now() else login_throttle.window_start end,
        locked_until = case when login_throttle.window_start >= now() - make_interval(mins => ${WINDOW_MINUTES})
                             and login_throttle.failures + 1 >= ${limit}
                        then now() + make_interval(mins => ${LOCK_MINUTES}) else login_throttle.locked_until end`);
  }
}

export async function clearFailures(db: Db, key: string) {
  await db.execute(sql`delete from login_throttle where key = ${key}`);
}
