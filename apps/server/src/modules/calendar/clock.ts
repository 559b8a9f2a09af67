import type { WeeklyHours } from './schema.js';

export interface CalendarSpan {
  kind: 'holiday' | 'workday';
  name: string;
  startDate: string;
  endDate: string;
}

export interface LocalTime {
  /** YYYY-MM-DD in the vendor's time zone. */
  date: string;
  /** HH:mm in the vendor's time zone. */
  time: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date, time and weekday of an instant in a time zone. */
export function localTime(at: Date, timeZone: string): LocalTime {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday ?? '') + 1;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday,
  };
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface BusinessStatus {
  isWorkday: boolean;
  inBusinessHours: boolean;
  reason: 'weekday' | 'weekend' | 'holiday' | 'workday';
  dayName: string | null;
}

/**
 * Whether an instant is a workday and inside business hours, Chinese style: holidays close a
 * weekday, a make-up workday (调休) opens a weekend day with the hours of a normal workday.
 */
export function businessStatus(
  at: Date,
  timeZone: string,
  weekly: WeeklyHours,
  spans: CalendarSpan[],
): BusinessStatus {
  const { date, time, weekday } = localTime(at, timeZone);
  const span = spans.find((s) => s.startDate <= date && date <= s.endDate);
  const ranges = workingRanges(date, weekday, weekly, spans);
  const reason: BusinessStatus['reason'] =
    span?.kind === 'holiday'
      ? 'holiday'
      : span?.kind === 'workday'
        ? 'workday'
        : ranges.length > 0
          ? 'weekday'
          : 'weekend';
  return {
    isWorkday: ranges.length > 0,
    inBusinessHours: ranges.some((r) => r.start <= time && time < r.end),
    reason,
    dayName: span?.name ?? null,
  };
}

export type Range = { start: string; end: string };

/**
 * The business-hour ranges of one local date, Chinese style: a holiday closes the day, a make-up
 * workday (调休) opens a weekend day with the hours of the first weekday that has any.
 */
export function workingRanges(
  date: string,
  weekday: number,
  weekly: WeeklyHours,
  spans: CalendarSpan[],
): Range[] {
  const span = spans.find((s) => s.startDate <= date && date <= s.endDate);
  const own = weekly.find((w) => w.weekday === weekday)?.ranges ?? [];
  if (span?.kind === 'holiday') return [];
  if (span?.kind === 'workday' && own.length === 0)
    return weekly.filter((w) => w.ranges.length > 0).sort((a, b) => a.weekday - b.weekday)[0]?.ranges ?? [];
  return own;
}

/** Whether a shift covers `time` on its own date (`sameDay`) or as the tail of yesterday's overnight shift. */
export function shiftCovers(shift: { start: string; end: string }, time: string, sameDay: boolean): boolean {
  const overnight = shift.end <= shift.start;
  if (sameDay) return overnight ? time >= shift.start : time >= shift.start && time < shift.end;
  return overnight && time < shift.end;
}
