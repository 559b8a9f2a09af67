import { createRequire } from 'node:module';
import type { CalendarSpan } from './clock.js';

type DayTable = Record<string, string>;
// The State Council schedule as published, from the `chinese-days` dataset (2004 onwards).
const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as {
  holidays: DayTable;
  workdays: DayTable;
};

/** "National Day,国庆节,3" → "国庆节". */
const chineseName = (label: string) => label.split(',')[1] ?? label;

function nextDate(date: string) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Consecutive dates with the same name become one span. */
function spansOf(table: DayTable, year: number, kind: CalendarSpan['kind'], suffix: string): CalendarSpan[] {
  const days = Object.entries(table)
    .filter(([date]) => date.startsWith(`${year}-`))
    .sort(([a], [b]) => a.localeCompare(b));
  const spans: CalendarSpan[] = [];
  for (const [date, label] of days) {
    const name = `${chineseName(label)}${suffix}`;
    const last = spans.at(-1);
    if (last && last.name === name && nextDate(last.endDate) === date) last.endDate = date;
    else spans.push({ kind, name, startDate: date, endDate: date });
  }
  return spans;
}

/** China's statutory holidays and make-up workdays (调休上班) of a year; empty when not yet published. */
export function nationalCalendar(year: number): CalendarSpan[] {
  return [
    ...spansOf(data.holidays, year, 'holiday', ''),
    ...spansOf(data.workdays, year, 'workday', '调休上班'),
  ].sort((a, b) => a.startDate.localeCompare(b.startDate));
}
