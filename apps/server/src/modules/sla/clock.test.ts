import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../calendar/businessTime.js';
import { keepFulfilled, measureSla, type SlaHistory } from './clock.js';

const at = (hhmm: string, day = '2026-11-26') => new Date(`${day}T${hhmm}:00+08:00`);
const iso = (hhmm: string, day?: string) => at(hhmm, day).toISOString();
const calendarTerms = (targets: Record<string, number>, pauseOnPending = true) => ({
  targets,
  businessHours: false,
  pauseOnPending,
});
const history = (h: Partial<SlaHistory>): SlaHistory => ({
  createdAt: at('09:00'),
  statuses: [{ at: at('09:00'), status: 'new' }],
  replies: [],
  ...h,
});
const byMetric = (list: ReturnType<typeof measureSla>) => Object.fromEntries(list.map((m) => [m.metric, m]));

describe('the SLA clock', () => {
  it('projects running deadlines and flags them breached once passed', () => {
    const m = byMetric(
      measureSla(calendarTerms({ firstResponse: 60, resolution: 240 }), history({}), null, at('09:30')),
    );
    expect(m.firstResponse).toMatchObject({ dueAt: iso('10:00'), breached: false, remainingMinutes: 30 });
    expect(m.resolution).toMatchObject({ dueAt: iso('13:00'), breached: false, remainingMinutes: 210 });
    const late = byMetric(measureSla(calendarTerms({ firstResponse: 60 }), history({}), null, at('10:30')));
    expect(late.firstResponse).toMatchObject({ dueAt: iso('10:00'), breached: true, remainingMinutes: -30 });
  });

  it('pauses resolution while pending (requester wait time) but not without the option', () => {
    const h = history({
      statuses: [
        { at: at('09:00'), status: 'new' },
        { at: at('10:00'), status: 'pending' },
        { at: at('12:00'), status: 'open' },
        { at: at('13:00'), status: 'pending' },
      ],
    });
    // Counted 09–10 and 12–13: 2 h of 4 used, paused now.
    const paused = byMetric(measureSla(calendarTerms({ resolution: 240 }), h, null, at('15:00')));
    expect(paused.resolution).toMatchObject({ dueAt: null, paused: true, remainingMinutes: 120 });
    // Without pausing: 09:00 + 4 h.
    const full = byMetric(measureSla(calendarTerms({ resolution: 240 }, false), h, null, at('15:00')));
    expect(full.resolution).toMatchObject({ dueAt: iso('13:00'), paused: false, breached: true });
  });

  it('keeps a deadline reached before a pause: the breach does not move', () => {
    const h = history({
      statuses: [
        { at: at('09:00'), status: 'open' },
        { at: at('11:00'), status: 'pending' },
      ],
    });
    const m = byMetric(measureSla(calendarTerms({ resolution: 60 }), h, null, at('12:00')));
    expect(m.resolution).toMatchObject({ dueAt: iso('10:00'), breached: true, paused: true });
  });

  it('measures next response from the oldest unanswered customer reply, after the first response', () => {
    const h = history({
      replies: [
        { at: at('09:10'), by: 'customer' }, // before the first response: not a next-response wait
        { at: at('09:20'), by: 'agent' },
        { at: at('10:00'), by: 'customer' },
        { at: at('10:05'), by: 'customer' },
      ],
    });
    const m = byMetric(
      measureSla(calendarTerms({ firstResponse: 30, nextResponse: 30 }), h, null, at('10:10')),
    );
    expect(m.firstResponse).toMatchObject({ fulfilledAt: iso('09:20'), breached: false });
    expect(m.nextResponse).toMatchObject({ startedAt: iso('10:00'), dueAt: iso('10:30'), fulfilledAt: null });
    const answered = byMetric(
      measureSla(
        calendarTerms({ nextResponse: 30 }),
        { ...h, replies: [...h.replies, { at: at('10:45'), by: 'agent' }] },
        null,
        at('11:00'),
      ),
    );
    expect(answered.nextResponse).toMatchObject({ fulfilledAt: iso('10:45'), breached: true });
  });

  it('solving meets every running metric; reopening resumes resolution where it stopped', () => {
    const solved = history({
      statuses: [
        { at: at('09:00'), status: 'new' },
        { at: at('10:00'), status: 'solved' },
      ],
    });
    const m = byMetric(
      measureSla(calendarTerms({ firstResponse: 120, resolution: 180 }), solved, null, at('11:00')),
    );
    expect(m.firstResponse!.fulfilledAt).toBe(iso('10:00'));
    expect(m.resolution).toMatchObject({ fulfilledAt: iso('10:00'), breached: false });
    const reopened = {
      ...solved,
      statuses: [...solved.statuses, { at: at('14:00'), status: 'open' as const }],
    };
    const r = byMetric(measureSla(calendarTerms({ resolution: 180 }), reopened, null, at('14:30')));
    // 1 h used before the solve; 2 h left from 14:00.
    expect(r.resolution).toMatchObject({ fulfilledAt: null, dueAt: iso('16:00') });
  });

  it('counts business minutes of the calendar (lunch and the night are not counted)', () => {
    const cal: BusinessCalendar = {
      timeZone: 'Asia/Shanghai',
      weekly: [1, 2, 3, 4, 5].map((weekday) => ({
        weekday,
        ranges: [
          { start: '09:00', end: '12:00' },
          { start: '13:00', end: '18:00' },
        ],
      })),
      spans: [],
    };
    const terms = { targets: { firstResponse: 240 }, businessHours: true, pauseOnPending: true };
    // Thursday 11:00 + 4 h: 11–12 (1 h), 13–16 (4 h) → 16:00.
    const h = history({ createdAt: at('11:00'), statuses: [{ at: at('11:00'), status: 'new' }] });
    expect(measureSla(terms, h, cal, at('11:00'))[0]!.dueAt).toBe(iso('16:00'));
    // 17:00 + 4 h: 17–18 (1 h), Friday 09–12 (4 h) → Friday 12:00.
    const evening = history({ createdAt: at('17:00'), statuses: [{ at: at('17:00'), status: 'new' }] });
    expect(measureSla(terms, evening, cal, at('17:00'))[0]!.dueAt).toBe(iso('12:00', '2026-11-27'));
  });

  it('a met metric stays as it was met', () => {
    const before = measureSla(
      calendarTerms({ firstResponse: 60 }),
      history({ replies: [{ at: at('09:50'), by: 'agent' }] }),
      null,
      at('10:00'),
    );
    // The priority changed to one with a 30-minute target: met at 09:50, it is not re-judged.
    const after = measureSla(
      calendarTerms({ firstResponse: 30 }),
      history({ replies: [{ at: at('09:50'), by: 'agent' }] }),
      null,
      at('10:00'),
    );
    expect(after[0]!.breached).toBe(true);
    expect(keepFulfilled(before, after)[0]).toMatchObject({ targetMinutes: 60, breached: false });
  });
});
