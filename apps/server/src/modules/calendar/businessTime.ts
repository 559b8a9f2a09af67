import { addDays, type CalendarSpan, localTime, workingRanges } from './clock.js';
import type { WeeklyHours } from './schema.js';

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The instant of a wall-clock date and time in a time zone (DST-safe by a second correction pass). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const l = localTime(new Date(guess), timeZone);
    const shown = Date.parse(`${l.date}T${l.time}:00Z`);
    guess += wall - shown;
  }
  return new Date(guess);
}

const weekdayOf = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

/** Longest search for working time: a calendar with none for this long has no business time at all. */
const MAX_DAYS = 800;

export interface BusinessCalendar {
  timeZone: string;
  weekly: WeeklyHours;
  spans: CalendarSpan[];
}

/** Business minutes of each working range from `from` onwards, as [startMs, endMs] instants, day by day. */
function* workingIntervals(from: Date, cal: BusinessCalendar): Generator<[number, number]> {
  let date = localTime(from, cal.timeZone).date;
  for (let day = 0; day < MAX_DAYS; day++, date = addDays(date, 1)) {
    const ranges = [...workingRanges(date, weekdayOf(date), cal.weekly, cal.spans)].sort(
      (a, b) => minutesOf(a.start) - minutesOf(b.start),
    );
    for (const r of ranges) {
      const start = zonedInstant(date, r.start, cal.timeZone).getTime();
      const end =
        r.end === '24:00'
          ? zonedInstant(addDays(date, 1), '00:00', cal.timeZone).getTime()
          : zonedInstant(date, r.end, cal.timeZone).getTime();
      if (end <= from.getTime()) continue;
      yield [Math.max(start, from.getTime()), end];
    }
  }
}

/**
 * The instant `minutes` of business time after `start` (SLA targets in business hours), or null
 * when the calendar has no working time within two years.
 */
export function addBusinessMinutes(start: Date, minutes: number, cal: BusinessCalendar): Date | null {
  let left = minutes * 60_000;
  if (left <= 0) return start;
  for (const [a, b] of workingIntervals(start, cal)) {
    if (b - a >= left) return new Date(a + left);
    left -= b - a;
  }
  return null;
}

/** Business minutes between two instants (time spent, e.g. while an SLA clock was running). */
export function businessMinutesBetween(from: Date, to: Date, cal: BusinessCalendar): number {
  if (to <= from) return 0;
  let total = 0;
  for (const [a, b] of workingIntervals(from, cal)) {
    if (a >= to.getTime()) break;
    total += Math.min(b, to.getTime()) - a;
  }
  return Math.round(total / 60_000);
}
