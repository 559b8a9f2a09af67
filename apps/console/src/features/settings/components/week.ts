import type { Dayjs } from 'dayjs';

export const DATE_FORMAT = 'YYYY-MM-DD';

/** Monday of the week containing `day` (Chinese weeks start on Monday whatever the locale says). */
export function weekStart(day: Dayjs): Dayjs {
  return day.startOf('day').subtract((day.day() + 6) % 7, 'day');
}

/** The seven dates (Monday…Sunday) of the week starting at `monday`. */
export function weekDates(monday: Dayjs): Dayjs[] {
  return Array.from({ length: 7 }, (_, i) => monday.add(i, 'day'));
}

/** ISO weekday 1 (Monday) … 7 (Sunday). */
export function isoWeekday(day: Dayjs): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  return (((day.day() + 6) % 7) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}
