import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  type BusinessCalendar,
  businessMinutesBetween,
  zonedInstant,
} from './businessTime.js';

const nineToSix = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  ranges: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '18:00' },
  ],
}));
const cal = (spans: BusinessCalendar['spans'] = []): BusinessCalendar => ({
  timeZone: 'Asia/Shanghai',
  weekly: nineToSix,
  spans,
});
const at = (date: string, time: string) => zonedInstant(date, time, 'Asia/Shanghai');

describe('business time', () => {
  it('maps wall-clock time in a zone to the instant', () => {
    expect(at('2026-11-27', '09:00').toISOString()).toBe('2026-11-27T01:00:00.000Z');
    expect(zonedInstant('2026-07-01', '09:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-07-01T07:00:00.000Z',
    );
    expect(zonedInstant('2026-01-01', '09:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-01-01T08:00:00.000Z',
    );
  });

  it('skips lunch, nights and weekends', () => {
    // Friday 2026-11-27 17:00 + 2 h → Monday 10:00.
    expect(addBusinessMinutes(at('2026-11-27', '17:00'), 120, cal())).toEqual(at('2026-11-30', '10:00'));
    // 11:30 + 1 h → 13:30 (lunch is not business time).
    expect(addBusinessMinutes(at('2026-11-26', '11:30'), 60, cal())).toEqual(at('2026-11-26', '13:30'));
    // Started at night: the clock starts at 09:00.
    expect(addBusinessMinutes(at('2026-11-26', '22:00'), 30, cal())).toEqual(at('2026-11-27', '09:30'));
  });

  it('closes holidays and opens make-up workdays (调休)', () => {
    const spans = [
      { kind: 'holiday' as const, name: '国庆节', startDate: '2026-10-01', endDate: '2026-10-07' },
      { kind: 'workday' as const, name: '国庆节调休', startDate: '2026-10-10', endDate: '2026-10-10' },
    ];
    // Wednesday 2026-09-30 17:00 + 2 h: one hour that day, the holiday week is closed,
    // Thursday 10-08 is a normal workday.
    expect(addBusinessMinutes(at('2026-09-30', '17:00'), 120, cal(spans))).toEqual(at('2026-10-08', '10:00'));
    // Friday 10-09 17:00 + 2 h → the make-up Saturday 10-10 at 10:00.
    expect(addBusinessMinutes(at('2026-10-09', '17:00'), 120, cal(spans))).toEqual(at('2026-10-10', '10:00'));
  });

  it('counts business minutes between two instants, the inverse of adding', () => {
    const start = at('2026-11-27', '16:20');
    const end = addBusinessMinutes(start, 500, cal());
    expect(end).not.toBeNull();
    expect(businessMinutesBetween(start, end as Date, cal())).toBe(500);
    expect(businessMinutesBetween(at('2026-11-28', '10:00'), at('2026-11-29', '10:00'), cal())).toBe(0);
  });

  it('answers null when the calendar has no working time', () => {
    expect(
      addBusinessMinutes(new Date(), 10, { timeZone: 'Asia/Shanghai', weekly: [], spans: [] }),
    ).toBeNull();
  });
});
