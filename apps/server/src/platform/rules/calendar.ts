import type { Operator, RelativeTime } from '@yidan/contracts';

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date 'YYYY-MM-DD' an instant falls on in a time zone. */
export function calendarDate(instant: Date, timeZone: string): string {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, fmt);
  }
  const parts = Object.fromEntries(fmt.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${String(parts.year).padStart(4, '0')}-${parts.month}-${parts.day}`;
}

/** Adds whole calendar days to 'YYYY-MM-DD'. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type Within = Extract<Operator, 'within_last' | 'within_next'>;

/**
 * The inclusive window of `within_last` / `within_next` on a datetime field: now − amount … now,
 * or now … now + amount (a day is 24 hours). Evaluator and SQL compiler share it, so they cannot
 * disagree on the edges.
 */
export function instantWindow(op: Within, rel: RelativeTime, now: Date): { from: Date; to: Date } {
  const shifted = new Date(now.getTime() + (op === 'within_last' ? -1 : 1) * rel.amount * UNIT_MS[rel.unit]);
  return op === 'within_last' ? { from: shifted, to: now } : { from: now, to: shifted };
}

/**
 * The same window on a date field, as calendar dates in the vendor's time zone: a day is a
 * calendar day (so DST never shifts it); minutes and hours take the date the shifted instant falls on.
 */
export function dateWindow(
  op: Within,
  rel: RelativeTime,
  ctx: { now: Date; timeZone: string },
): { from: string; to: string } {
  const sign = op === 'within_last' ? -1 : 1;
  const today = calendarDate(ctx.now, ctx.timeZone);
  const other =
    rel.unit === 'days'
      ? addDays(today, sign * rel.amount)
      : calendarDate(new Date(ctx.now.getTime() + sign * rel.amount * UNIT_MS[rel.unit]), ctx.timeZone);
  return sign < 0 ? { from: other, to: today } : { from: today, to: other };
}
