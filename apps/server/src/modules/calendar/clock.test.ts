import { describe, expect, it } from 'vitest';
import { businessStatus, localTime, shiftCovers } from './clock.js';

const weekly = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  ranges: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '18:00' },
  ],
}));
// 2026 National Day: 10-01..10-08 off; Sunday 09-27 and Saturday 10-10 are make-up workdays (调休上班).
const spans = [
  { kind: 'holiday' as const, name: '国庆节', startDate: '2026-10-01', endDate: '2026-10-08' },
  { kind: 'workday' as const, name: '国庆调休', startDate: '2026-09-27', endDate: '2026-09-27' },
  { kind: 'workday' as const, name: '国庆调休', startDate: '2026-10-10', endDate: '2026-10-10' },
];
const at = (iso: string) => new Date(iso);
const SH = 'Asia/Shanghai';

describe('vendor clock', () => {
  it('reads wall-clock time in the vendor time zone', () => {
    // 01:30 UTC is 09:30 in Shanghai, on the same date; 20:00 UTC is 04:00 the next day.
    expect(localTime(at('2026-11-25T01:30:00Z'), SH)).toEqual({
      date: '2026-11-25',
      time: '09:30',
      weekday: 3,
    });
    expect(localTime(at('2026-11-25T20:00:00Z'), SH)).toEqual({
      date: '2026-11-26',
      time: '04:00',
      weekday: 4,
    });
    expect(localTime(at('2026-11-25T20:00:00Z'), 'UTC').date).toBe('2026-11-25');
  });

  it('opens weekday business hours and closes the lunch break and evenings', () => {
    expect(businessStatus(at('2026-11-25T01:30:00Z'), SH, weekly, spans)).toMatchObject({
      isWorkday: true,
      inBusinessHours: true,
      reason: 'weekday',
    });
    expect(businessStatus(at('2026-11-25T04:30:00Z'), SH, weekly, spans).inBusinessHours).toBe(false); // 12:30 lunch
    expect(businessStatus(at('2026-11-25T10:00:00Z'), SH, weekly, spans).inBusinessHours).toBe(false); // 18:00 closed
    expect(businessStatus(at('2026-11-28T02:00:00Z'), SH, weekly, spans)).toMatchObject({
      isWorkday: false,
      reason: 'weekend',
    });
  });

  it('closes holidays that fall on weekdays', () => {
    // Thursday 2026-10-01 10:00 in Shanghai.
    expect(businessStatus(at('2026-10-01T02:00:00Z'), SH, weekly, spans)).toEqual({
      isWorkday: false,
      inBusinessHours: false,
      reason: 'holiday',
      dayName: '国庆节',
    });
  });

  it('opens make-up workdays (调休) on a weekend with normal workday hours', () => {
    // Saturday 2026-10-10 10:00 and Sunday 2026-09-27 15:00 in Shanghai.
    expect(businessStatus(at('2026-10-10T02:00:00Z'), SH, weekly, spans)).toEqual({
      isWorkday: true,
      inBusinessHours: true,
      reason: 'workday',
      dayName: '国庆调休',
    });
    expect(businessStatus(at('2026-09-27T07:00:00Z'), SH, weekly, spans).inBusinessHours).toBe(true);
    // The Saturday after is an ordinary weekend again.
    expect(businessStatus(at('2026-10-17T02:00:00Z'), SH, weekly, spans).reason).toBe('weekend');
  });

  it('covers overnight shifts across midnight', () => {
    const night = { start: '22:00', end: '06:00' };
    const day = { start: '09:00', end: '18:00' };
    expect(shiftCovers(night, '23:00', true)).toBe(true);
    expect(shiftCovers(night, '05:59', false)).toBe(true);
    expect(shiftCovers(night, '06:00', false)).toBe(false);
    expect(shiftCovers(night, '12:00', true)).toBe(false);
    expect(shiftCovers(day, '09:00', true)).toBe(true);
    expect(shiftCovers(day, '18:00', true)).toBe(false);
    expect(shiftCovers(day, '01:00', false)).toBe(false);
  });
});
