import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localTime } from '../src/modules/calendar/clock.js';
import type { Running } from '../src/server.js';
import { expectProblem, makeAgent, makeVendor, startTestServer, type TestVendor } from './harness.js';

let running: Running;
let v: TestVendor;

beforeAll(async () => {
  running = await startTestServer();
  v = await makeVendor(running);
});
afterAll(() => running.close());

describe('business hours, holidays and make-up workdays', () => {
  it('starts with Monday–Friday hours and answers business status per the vendor calendar', async () => {
    const hours = (await v.admin.get('/api/v1/business-hours')).json().weekly;
    expect(hours.map((w: { weekday: number }) => w.weekday)).toEqual([1, 2, 3, 4, 5]);

    await v.admin.post('/api/v1/calendar-days', {
      kind: 'holiday',
      name: '国庆节',
      startDate: '2026-10-01',
      endDate: '2026-10-08',
    });
    await v.admin.post('/api/v1/calendar-days', {
      kind: 'workday',
      name: '国庆调休',
      startDate: '2026-10-10',
      endDate: '2026-10-10',
    });
    const status = async (iso: string) =>
      (await v.admin.get(`/api/v1/business-status?at=${encodeURIComponent(iso)}`)).json();
    expect(await status('2026-10-01T10:00:00+08:00')).toMatchObject({
      isWorkday: false,
      reason: 'holiday',
      dayName: '国庆节',
    });
    expect(await status('2026-10-10T10:00:00+08:00')).toMatchObject({
      isWorkday: true,
      inBusinessHours: true,
      reason: 'workday',
    });
    expect(await status('2026-10-12T12:30:00+08:00')).toMatchObject({
      isWorkday: true,
      inBusinessHours: false,
    });

    const days = (await v.admin.get('/api/v1/calendar-days?year=2026')).json().items;
    expect(days.map((d: { name: string }) => d.name)).toEqual(['国庆节', '国庆调休']);
    expect((await v.admin.get('/api/v1/calendar-days?year=2025')).json().items).toEqual([]);
    expectProblem(
      await v.admin.post('/api/v1/calendar-days', {
        kind: 'holiday',
        name: '倒置',
        startDate: '2026-05-05',
        endDate: '2026-05-01',
      }),
      400,
    );
    expect((await v.admin.del(`/api/v1/calendar-days/${days[0].id}`)).statusCode).toBe(204);
    expect(await status('2026-10-01T10:00:00+08:00')).toMatchObject({ isWorkday: true, reason: 'weekday' });
  });

  it('saves weekly hours with several ranges and lets a weekend day open', async () => {
    const weekly = [
      { weekday: 6, ranges: [{ start: '10:00', end: '16:00' }] },
      {
        weekday: 1,
        ranges: [
          { start: '13:00', end: '18:00' },
          { start: '08:30', end: '12:00' },
        ],
      },
    ];
    const saved = (await v.admin.put('/api/v1/business-hours', { weekly })).json().weekly;
    expect(saved[1].ranges[0].start).toBe('08:30');
    const sat = (
      await v.admin.get(`/api/v1/business-status?at=${encodeURIComponent('2026-11-28T11:00:00+08:00')}`)
    ).json();
    expect(sat).toMatchObject({ isWorkday: true, inBusinessHours: true, reason: 'weekday' });
    expectProblem(
      await v.admin.put('/api/v1/business-hours', {
        weekly: [{ weekday: 1, ranges: [{ start: '18:00', end: '09:00' }] }],
      }),
      400,
    );
  });
});

describe('shifts and roster (排班)', () => {
  const onDutyAt = async (w: TestVendor, iso: string) =>
    (await w.admin.get(`/api/v1/on-duty?at=${encodeURIComponent(iso)}`))
      .json()
      .agents.map((a: { agentId: number }) => a.agentId)
      .sort();

  it('answers who is on duty at a moment, overnight shifts from the day before included', async () => {
    const w = await makeVendor(running);
    const { agent: dayAgent, client: dayClient } = await makeAgent(running, w);
    const { agent: nightAgent } = await makeAgent(running, w);
    const { agent: offAgent } = await makeAgent(running, w);
    const day = (await w.admin.post('/api/v1/shifts', { name: '白班', start: '09:00', end: '18:00' })).json();
    const night = (
      await w.admin.post('/api/v1/shifts', { name: '夜班', start: '22:00', end: '06:00', color: '#223344' })
    ).json();
    const res = await w.admin.put('/api/v1/schedule', {
      entries: [
        { agentId: dayAgent.id, date: '2026-12-02', shiftId: day.id },
        { agentId: nightAgent.id, date: '2026-12-01', shiftId: night.id },
        { agentId: offAgent.id, date: '2026-12-02', shiftId: day.id },
      ],
    });
    expect(res.statusCode).toBe(200);
    // Clearing a cell (休息) removes the assignment.
    await w.admin.put('/api/v1/schedule', {
      entries: [{ agentId: offAgent.id, date: '2026-12-02', shiftId: null }],
    });

    expect(await onDutyAt(w, '2026-12-02T10:00:00+08:00')).toEqual([dayAgent.id]);
    expect(await onDutyAt(w, '2026-12-02T05:30:00+08:00')).toEqual([nightAgent.id]); // yesterday's night shift
    expect(await onDutyAt(w, '2026-12-02T06:00:00+08:00')).toEqual([]);
    expect(await onDutyAt(w, '2026-12-01T23:00:00+08:00')).toEqual([nightAgent.id]);
    // The vendor time zone decides: 02:00 UTC is 10:00 in Shanghai.
    expect(await onDutyAt(w, '2026-12-02T02:00:00Z')).toEqual([dayAgent.id]);

    // An agent sees their own shifts only, whatever they ask for, and cannot edit the roster.
    const mine = (
      await dayClient.get(`/api/v1/schedule?from=2026-12-01&to=2026-12-07&agentId=${nightAgent.id}`)
    ).json().items;
    expect(mine).toEqual([{ agentId: dayAgent.id, date: '2026-12-02', shiftId: day.id }]);
    expectProblem(
      await dayClient.put('/api/v1/schedule', {
        entries: [{ agentId: dayAgent.id, date: '2026-12-02', shiftId: null }],
      }),
      403,
    );
    const all = (await w.admin.get('/api/v1/schedule?from=2026-12-01&to=2026-12-07')).json().items;
    expect(all).toHaveLength(2);

    // A disabled agent is not on duty.
    await w.admin.patch(`/api/v1/agents/${dayAgent.id}`, { enabled: false });
    expect(await onDutyAt(w, '2026-12-02T10:00:00+08:00')).toEqual([]);
    expectProblem(await w.admin.get('/api/v1/schedule?from=2026-12-01&to=2099-01-01'), 400);
  });

  it('refuses to delete a shift still on the upcoming roster', async () => {
    const w = await makeVendor(running);
    const { agent } = await makeAgent(running, w);
    const shift = (
      await w.admin.post('/api/v1/shifts', { name: '早班', start: '07:00', end: '15:00' })
    ).json();
    const today = localTime(new Date(), 'Asia/Shanghai').date;
    await w.admin.put('/api/v1/schedule', {
      entries: [{ agentId: agent.id, date: today, shiftId: shift.id }],
    });
    expectProblem(await w.admin.del(`/api/v1/shifts/${shift.id}`), 409, 'shift_in_use');
    await w.admin.put('/api/v1/schedule', { entries: [{ agentId: agent.id, date: today, shiftId: null }] });
    expect((await w.admin.del(`/api/v1/shifts/${shift.id}`)).statusCode).toBe(204);
    const edited = await w.admin.post('/api/v1/shifts', { name: '中班', start: '12:00', end: '20:00' });
    expect((await w.admin.patch(`/api/v1/shifts/${edited.json().id}`, { end: '21:00' })).json().end).toBe(
      '21:00',
    );
  });
});

describe('statutory holidays (法定节假日)', () => {
  it('imports a year of holidays and make-up workdays once, and the clock follows them', async () => {
    const w = await makeVendor(running);
    const first = (await w.admin.post('/api/v1/calendar-days/import', { year: 2026 })).json();
    expect(first.created).toBeGreaterThan(8);
    const national = first.items.find(
      (d: { name: string; kind: string }) => d.name === '国庆节' && d.kind === 'holiday',
    );
    expect(national).toMatchObject({ startDate: '2026-10-01', endDate: '2026-10-07' });
    expect(
      first.items
        .filter((d: { kind: string }) => d.kind === 'workday')
        .map((d: { startDate: string }) => d.startDate),
    ).toContain('2026-10-10');
    const again = (await w.admin.post('/api/v1/calendar-days/import', { year: 2026 })).json();
    expect(again).toMatchObject({ created: 0, skipped: first.created });
    // Saturday 2026-10-10 is a make-up workday; Monday 2026-10-05 is a holiday.
    const at = async (iso: string) =>
      (await w.admin.get(`/api/v1/business-status?at=${encodeURIComponent(iso)}`)).json();
    expect(await at('2026-10-10T10:00:00+08:00')).toMatchObject({ inBusinessHours: true, reason: 'workday' });
    expect(await at('2026-10-05T10:00:00+08:00')).toMatchObject({
      inBusinessHours: false,
      reason: 'holiday',
    });
    expectProblem(await w.admin.post('/api/v1/calendar-days/import', { year: 2099 }), 422, 'no_holiday_data');
  });
});
