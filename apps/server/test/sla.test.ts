import { readFileSync } from 'node:fs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/modules/rules/automationRunner.js';
import { fireDueSlaDeadlines } from '../src/modules/sla/firing.js';
import { SlaScheduler } from '../src/modules/sla/scheduler.js';
import { slaDeadlines } from '../src/modules/sla/schema.js';
import { tickets } from '../src/modules/tickets/schema.js';
import { lockTicket, outermostChange } from '../src/modules/tickets/service.js';
import { appendTicketEvent } from '../src/modules/tickets/timeline.js';
import { vendors } from '../src/modules/vendors/schema.js';
import type { Running } from '../src/server.js';
import {
  type Client,
  expectProblem,
  makeAgent,
  makeVendor,
  startTestServer,
  type TestVendor,
} from './harness.js';

let running: Running;
let v: TestVendor;

type Metric = {
  metric: string;
  targetMinutes: number;
  startedAt: string;
  dueAt: string | null;
  fulfilledAt: string | null;
  breached: boolean;
  paused: boolean;
  remainingMinutes: number;
};
type Sla = {
  policyId: number;
  policyTitle: string;
  firstResponseDueAt: string | null;
  nextResponseDueAt: string | null;
  resolutionDueAt: string | null;
  breached: string[];
  paused: boolean;
  metrics: Metric[];
};
type TimelineEvent = {
  kind: string;
  actorType: string;
  via: string | null;
  public: boolean;
  body: string | null;
};

const none = { all: [], any: [] };
const MIN = 60_000;

async function addPolicy(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/v1/sla-policies', { conditions: none, ...body });
  if (res.statusCode !== 201) throw new Error(`policy: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; title: string; sortOrder: number };
}

/** Each test starts from no policies (the first matching one applies to every ticket of the vendor). */
async function clearPolicies(client: Client) {
  for (const p of (await client.get('/api/v1/sla-policies')).json().items)
    await client.del(`/api/v1/sla-policies/${p.id}`);
}

async function newTicket(client: Client, body: Record<string, unknown> = {}) {
  const res = await client.post('/api/v1/tickets', { subject: 'T+ 凭证无法过账', ...body });
  if (res.statusCode !== 201) throw new Error(`ticket: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; sla: Sla | null; priority: string };
}

async function ticket(client: Client, id: number) {
  return (await client.get(`/api/v1/tickets/${id}`)).json() as {
    sla: Sla | null;
    tags: string[];
    priority: string;
  };
}

const metric = (sla: Sla | null, name: string) => sla?.metrics.find((m) => m.metric === name);

async function timeline(client: Client, id: number): Promise<TimelineEvent[]> {
  return (await client.get(`/api/v1/tickets/${id}/timeline?limit=100`)).json().items.reverse();
}

/**
 * Moves a ticket's creation (and the timeline rows written with it) to `at`, then touches the
 * ticket so the SLA is recomputed from that history: tickets cannot be created in the past.
 */
async function createdAt(client: Client, id: number, at: string) {
  const db = running.deps.db;
  await db
    .update(tickets)
    .set({ createdAt: new Date(at) })
    .where(and(eq(tickets.vendorId, client.vendorId), eq(tickets.id, id)));
  await db.execute(
    sql`update ticket_events set created_at = ${at}::timestamptz where vendor_id = ${client.vendorId} and ticket_id = ${id} and kind = 'created'`,
  );
  return touch(client, id);
}

/** A change that moves no SLA clock (a tag), so the SLA is recomputed now. */
async function touch(client: Client, id: number) {
  const res = await client.patch(`/api/v1/tickets/${id}`, { tags: [`t${Date.now()}`] });
  if (res.statusCode !== 200) throw new Error(`touch: ${res.statusCode} ${res.body}`);
  return res.json() as { sla: Sla | null };
}

/** A public reply by the customer (there is no customer channel yet): a timeline row, then the hooks. */
async function customerReply(client: Client, id: number, contactId: number) {
  const db = running.deps.db;
  const [vendor] = await db.select().from(vendors).where(eq(vendors.id, client.vendorId));
  const ctx = await systemContext(db, vendor!);
  await db.transaction(async (tx) => {
    const row = await lockTicket(tx, ctx, id);
    const author = { type: 'contact' as const, contactId };
    await appendTicketEvent(tx, client.vendorId, author, {
      ticketId: id,
      kind: 'comment',
      public: true,
      body: '<p>还是不行</p>',
    });
    await outermostChange(
      tx,
      ctx,
      () => ({ author, kind: 'comment' }),
      async () => ({ row, changes: [] }),
    );
  });
}

beforeAll(async () => {
  running = await startTestServer();
  v = await makeVendor(running);
  // 工作时间 Monday–Friday 09:00–12:00 and 13:00–18:00: eight business hours a day.
  const weekly = [1, 2, 3, 4, 5].map((weekday) => ({
    weekday,
    ranges: [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '18:00' },
    ],
  }));
  expect((await v.admin.put('/api/v1/business-hours', { weekly })).statusCode).toBe(200);
  // The State Council's 2026 calendar: 劳动节 5/1–5/5 (调休上班 Saturday 5/9), 国庆节 10/1–10/7
  // (调休上班 Saturday 10/10).
  expect((await v.admin.post('/api/v1/calendar-days/import', { year: 2026 })).statusCode).toBe(200);
});
afterAll(() => running.close());

describe('SLA policies', () => {
  it('applies the first matching policy with calendar-hour deadlines from creation', async () => {
    await clearPolicies(v.admin);
    await addPolicy(v.admin, {
      title: '紧急工单',
      conditions: { all: [{ field: 'ticket.priority', op: 'is', value: 'urgent' }], any: [] },
      targets: { urgent: { firstResponse: 15, resolution: 120 } },
    });
    await addPolicy(v.admin, {
      title: '默认',
      targets: { normal: { firstResponse: 60, resolution: 480 }, urgent: { firstResponse: 5 } },
    });
    const t = await newTicket(v.admin);
    expect(t.sla).toMatchObject({
      policyTitle: '默认',
      breached: [],
      paused: false,
      nextResponseDueAt: null,
    });
    const created = Date.parse((await v.admin.get(`/api/v1/tickets/${t.id}`)).json().createdAt);
    // Calendar hours: creation + 60 min and + 480 min.
    expect(t.sla!.firstResponseDueAt).toBe(new Date(created + 60 * MIN).toISOString());
    expect(t.sla!.resolutionDueAt).toBe(new Date(created + 480 * MIN).toISOString());
    expect(t.sla!.metrics.map((m) => m.metric)).toEqual(['firstResponse', 'resolution']);

    const urgent = await newTicket(v.admin, { priority: 'urgent' });
    expect(urgent.sla!.policyTitle).toBe('紧急工单');
    // The list sorts by the nearest deadline not yet met (urgent: 15 min, before 60 min).
    const list = (await v.admin.get('/api/v1/tickets?sort=slaDueAt'))
      .json()
      .items.map((x: { id: number }) => x.id);
    expect(list.indexOf(urgent.id)).toBeLessThan(list.indexOf(t.id));
    const options = (await v.admin.get('/api/v1/ticket-views/options')).json();
    expect(options.columns.map((c: { key: string }) => c.key)).toContain('slaDueAt');
  });

  it('counts business hours across a weekend, holidays and make-up Saturdays (Asia/Shanghai, hand-computed)', async () => {
    await clearPolicies(v.admin);
    await addPolicy(v.admin, {
      title: '工作时间',
      businessHours: true,
      targets: {
        normal: { firstResponse: 8 * 60, resolution: 16 * 60 },
        high: { firstResponse: 4 * 60 },
        urgent: { firstResponse: 5 * 60 },
        low: { firstResponse: 2 * 60 },
      },
    });
    // Business hours 09:00–12:00, 13:00–18:00 (8 h/day) on workdays; +08:00 = UTC+8 all year.

    // 1. A weekend. Friday 2026-11-27 16:00, 8 h: Friday 16–18 (2 h); Saturday and Sunday closed;
    //    Monday 11-30 09–12 (5 h), 13–16 (8 h) → Monday 16:00.
    //    16 h: Monday ends at 10 h; Tuesday 12-01 09–12 (13 h), 13–16 (16 h) → Tuesday 16:00.
    const weekend = await newTicket(v.admin);
    const a = (await createdAt(v.admin, weekend.id, '2026-11-27T16:00:00+08:00')).sla!;
    expect(a.firstResponseDueAt).toBe('2026-11-30T08:00:00.000Z'); // 2026-11-30 16:00 +08
    expect(a.resolutionDueAt).toBe('2026-12-01T08:00:00.000Z'); // 2026-12-01 16:00 +08

    // 2. 劳动节. Thursday 2026-04-30 15:00, 8 h: Thursday 15–18 (3 h); 5/1–5/5 holiday (Friday, the
    //    weekend, Monday and Tuesday); Wednesday 5/6 09–12 (6 h), 13–15 (8 h) → Wednesday 15:00.
    const labour = await newTicket(v.admin);
    const b = (await createdAt(v.admin, labour.id, '2026-04-30T15:00:00+08:00')).sla!;
    expect(b.firstResponseDueAt).toBe('2026-05-06T07:00:00.000Z'); // 2026-05-06 15:00 +08

    // 3. 国庆节. Wednesday 2026-09-30 17:00, priority high, 4 h: Wednesday 17–18 (1 h); 10/1–10/7
    //    holiday; Thursday 10/8 09–12 (4 h) → Thursday 12:00 (lunch is not reached).
    const national = await newTicket(v.admin, { priority: 'high' });
    const c = (await createdAt(v.admin, national.id, '2026-09-30T17:00:00+08:00')).sla!;
    expect(c.firstResponseDueAt).toBe('2026-10-08T04:00:00.000Z'); // 2026-10-08 12:00 +08

    // 4. A make-up Saturday (调休上班 10/10, with a workday's hours). Friday 2026-10-09 17:00,
    //    priority urgent, 5 h: Friday 17–18 (1 h); Saturday 10/10 09–12 (4 h), 13–14 (5 h)
    //    → Saturday 14:00.
    const makeUp = await newTicket(v.admin, { priority: 'urgent' });
    const d = (await createdAt(v.admin, makeUp.id, '2026-10-09T17:00:00+08:00')).sla!;
    expect(d.firstResponseDueAt).toBe('2026-10-10T06:00:00.000Z'); // 2026-10-10 14:00 +08

    // 5. The 劳动节 make-up Saturday 5/9. Friday 2026-05-08 16:30, priority low, 2 h: Friday
    //    16:30–18 (1.5 h); Saturday 5/9 09:00–09:30 (2 h) → Saturday 09:30.
    const labourMakeUp = await newTicket(v.admin, { priority: 'low' });
    const e = (await createdAt(v.admin, labourMakeUp.id, '2026-05-08T16:30:00+08:00')).sla!;
    expect(e.firstResponseDueAt).toBe('2026-05-09T01:30:00.000Z'); // 2026-05-09 09:30 +08
  });

  it('pauses resolution while pending and resumes it shifted; reply metrics keep running', async () => {
    await clearPolicies(v.admin);
    await addPolicy(v.admin, {
      title: '待回应暂停',
      pauseOnPending: true,
      targets: { normal: { firstResponse: 60, resolution: 240 } },
    });
    const t = await newTicket(v.admin);
    await v.admin.patch(`/api/v1/tickets/${t.id}`, { status: 'pending' });
    // The history, moved to known instants: created 09:00, pending at 10:00.
    const db = running.deps.db;
    const at = (field: string, value: string, when: string) =>
      db.execute(
        sql`update ticket_events set created_at = ${when}::timestamptz where vendor_id = ${v.vendorId}
            and ticket_id = ${t.id} and changes @> ${JSON.stringify([{ field, to: value }])}::jsonb`,
      );
    await at('status', 'pending', '2026-11-26T10:00:00+08:00');
    const paused = (await createdAt(v.admin, t.id, '2026-11-26T09:00:00+08:00')).sla!;
    // 1 h counted before the pause: 3 h of 4 left, no deadline while paused.
    expect(paused).toMatchObject({ paused: true, resolutionDueAt: null });
    expect(metric(paused, 'resolution')).toMatchObject({ paused: true, dueAt: null, remainingMinutes: 180 });
    // First response does not pause (Zendesk): 09:00 + 60 min.
    expect(paused.firstResponseDueAt).toBe('2026-11-26T02:00:00.000Z');

    await v.admin.patch(`/api/v1/tickets/${t.id}`, { status: 'open' });
    await at('status', 'open', '2026-11-26T12:00:00+08:00');
    const resumed = (await touch(v.admin, t.id)).sla!;
    // Resumed at 12:00 with 3 h left → 15:00 (without the pause it would be 13:00).
    expect(resumed.paused).toBe(false);
    expect(resumed.resolutionDueAt).toBe('2026-11-26T07:00:00.000Z');

    // Without pausing (full resolution time) the pending hours count: 09:00 + 4 h = 13:00.
    const policy = (await v.admin.get('/api/v1/sla-policies')).json().items[0];
    await v.admin.patch(`/api/v1/sla-policies/${policy.id}`, { pauseOnPending: false });
    expect((await ticket(v.admin, t.id)).sla!.resolutionDueAt).toBe('2026-11-26T05:00:00.000Z');
  });

  it('recomputes on priority change and keeps a met metric as it was met', async () => {
    await clearPolicies(v.admin);
    await addPolicy(v.admin, {
      title: '按优先级',
      targets: {
        normal: { firstResponse: 240, resolution: 960 },
        urgent: { firstResponse: 30, resolution: 120 },
      },
    });
    const t = await newTicket(v.admin);
    const created = Date.parse((await v.admin.get(`/api/v1/tickets/${t.id}`)).json().createdAt);
    const urgent = (await v.admin.patch(`/api/v1/tickets/${t.id}`, { priority: 'urgent' })).json();
    expect(urgent.sla.firstResponseDueAt).toBe(new Date(created + 30 * MIN).toISOString());
    expect(urgent.sla.resolutionDueAt).toBe(new Date(created + 120 * MIN).toISOString());

    // Replied (met under urgent); lowering the priority does not re-measure the met reply.
    await v.admin.post(`/api/v1/tickets/${t.id}/comments`, { body: '<p>您好，正在处理</p>', public: true });
    const low = (await v.admin.patch(`/api/v1/tickets/${t.id}`, { priority: 'normal' })).json();
    expect(metric(low.sla, 'firstResponse')).toMatchObject({ targetMinutes: 30, breached: false });
    expect(metric(low.sla, 'firstResponse')!.fulfilledAt).not.toBeNull();
    expect(low.sla.firstResponseDueAt).toBeNull();
    expect(low.sla.resolutionDueAt).toBe(new Date(created + 960 * MIN).toISOString());
  });

  it('is met by replies and solving: first response, next response after a customer reply, resolution', async () => {
    await clearPolicies(v.admin);
    await addPolicy(v.admin, {
      title: '响应与解决',
      targets: { normal: { firstResponse: 60, nextResponse: 30, resolution: 480 } },
    });
    const company = (
      await v.admin.post('/api/v1/companies', {
        name: '金万维测试',
        contacts: [{ name: '王会计', mobile: '13800138021' }],
      })
    ).json();
    const contactId = company.primaryContact.id as number;
    const t = await newTicket(v.admin, { contactId });
    expect(t.sla!.nextResponseDueAt).toBeNull();
    // A customer reply before the first response is covered by the first response.
    await customerReply(v.admin, t.id, contactId);
    expect(metric((await ticket(v.admin, t.id)).sla, 'nextResponse')).toBeUndefined();

    await v.admin.post(`/api/v1/tickets/${t.id}/comments`, { body: '<p>内部备注</p>', public: false });
    expect((await ticket(v.admin, t.id)).sla!.firstResponseDueAt).not.toBeNull();
    await v.admin.post(`/api/v1/tickets/${t.id}/comments`, { body: '<p>请重启客户端</p>', public: true });
    let sla = (await ticket(v.admin, t.id)).sla!;
    expect(sla.firstResponseDueAt).toBeNull();
    expect(metric(sla, 'firstResponse')!.fulfilledAt).not.toBeNull();

    // The customer answers: next response runs from the oldest unanswered customer reply.
    await customerReply(v.admin, t.id, contactId);
    sla = (await ticket(v.admin, t.id)).sla!;
    const waiting = metric(sla, 'nextResponse')!;
    expect(sla.nextResponseDueAt).toBe(new Date(Date.parse(waiting.startedAt) + 30 * MIN).toISOString());
    await customerReply(v.admin, t.id, contactId);
    expect(metric((await ticket(v.admin, t.id)).sla, 'nextResponse')!.startedAt).toBe(waiting.startedAt);
    await v.admin.post(`/api/v1/tickets/${t.id}/comments`, { body: '<p>已修复</p>', public: true });
    sla = (await ticket(v.admin, t.id)).sla!;
    expect(sla.nextResponseDueAt).toBeNull();
    expect(metric(sla, 'nextResponse')!.fulfilledAt).not.toBeNull();

    // Solving meets resolution and leaves no deadline waiting; reopening resumes it.
    sla = (await v.admin.patch(`/api/v1/tickets/${t.id}`, { status: 'solved' })).json().sla;
    expect(sla.resolutionDueAt).toBeNull();
    expect(metric(sla, 'resolution')!.fulfilledAt).not.toBeNull();
    const waitingRows = await running.deps.db
      .select()
      .from(slaDeadlines)
      .where(
        and(eq(slaDeadlines.vendorId, v.vendorId), eq(slaDeadlines.ticketId, t.id), sql`fired_at is null`),
      );
    expect(waitingRows).toEqual([]);
    sla = (await v.admin.patch(`/api/v1/tickets/${t.id}`, { status: 'open' })).json().sla;
    expect(sla.resolutionDueAt).not.toBeNull();
    expect(metric(sla, 'firstResponse')!.fulfilledAt).not.toBeNull();
  });

  it('fires the breach (flag, note) and the actions before and after it, once each', async () => {
    await clearPolicies(v.admin);
    const group = (
      await v.admin.post('/api/v1/groups', {
        name: '财务软件组',
        memberIds: [v.admin.agentId],
        supervisorIds: [v.admin.agentId],
      })
    ).json();
    await addPolicy(v.admin, {
      title: '超时提醒',
      targets: { normal: { firstResponse: 1 } },
      actions: [
        {
          metric: 'firstResponse',
          offsetMinutes: -1,
          actions: [
            { field: 'notify.agent', value: { to: ['assignee'], title: '工单 #{{ticket.number}} 即将超时' } },
          ],
        },
        {
          metric: 'firstResponse',
          offsetMinutes: 5,
          actions: [
            { field: 'ticket.tags.add', value: ['SLA超时'] },
            { field: 'notify.agent', value: { to: ['supervisors'], title: 'SLA 超时：#{{ticket.number}}' } },
          ],
        },
      ],
    });
    const t = await newTicket(v.admin, { assigneeId: v.admin.agentId, groupId: group.id });
    const rows = () =>
      running.deps.db
        .select()
        .from(slaDeadlines)
        .where(and(eq(slaDeadlines.vendorId, v.vendorId), eq(slaDeadlines.ticketId, t.id)));
    expect((await rows()).map((r) => r.actionIndex).sort()).toEqual([0, 1, null]);
    const unread = async () =>
      (await v.admin.get('/api/v1/notifications')).json().items as { title: string }[];
    const before = (await unread()).length;

    // Two minutes on: the warning (creation − 0) and the breach (creation + 1 min) are due.
    const soon = new Date(Date.now() + 2 * MIN);
    expect((await fireDueSlaDeadlines(running.deps, soon)).fired).toBe(2);
    let now = await ticket(v.admin, t.id);
    expect(now.sla!.breached).toEqual(['firstResponse']);
    expect(metric(now.sla, 'firstResponse')!.breached).toBe(true);
    expect(now.tags).not.toContain('SLA超时');
    const notes = (await timeline(v.admin, t.id)).filter((e) => e.via === 'SLA「超时提醒」');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'comment', public: false, actorType: 'system' });
    expect(notes[0]!.body).toContain('首次响应已超时');
    expect((await unread()).length).toBe(before + 1);
    expect((await unread())[0]!.title).toMatch(/^工单 #\d+ 即将超时$/);

    // Fired once: neither firing again nor a recompute (a change) brings them back.
    expect((await fireDueSlaDeadlines(running.deps, soon)).fired).toBe(0);
    await touch(v.admin, t.id);
    expect((await fireDueSlaDeadlines(running.deps, soon)).fired).toBe(0);
    expect((await ticket(v.admin, t.id)).sla!.breached).toEqual(['firstResponse']);

    // Ten minutes on: the action five minutes after the deadline — a change naming the policy,
    // and the group's supervisors told.
    expect((await fireDueSlaDeadlines(running.deps, new Date(Date.now() + 10 * MIN))).fired).toBe(1);
    now = await ticket(v.admin, t.id);
    expect(now.tags).toContain('SLA超时');
    const changed = (await timeline(v.admin, t.id)).filter((e) => e.via === 'SLA「超时提醒」');
    expect(changed.map((e) => e.kind)).toEqual(['comment', 'updated']);
    expect((await unread())[0]!.title).toMatch(/^SLA 超时：#\d+$/);
    expect((await rows()).every((r) => r.firedAt !== null)).toBe(true);

    // Met late: the reply fulfils it and it stays breached.
    await v.admin.post(`/api/v1/tickets/${t.id}/comments`, { body: '<p>抱歉久等</p>', public: true });
    now = await ticket(v.admin, t.id);
    expect(now.sla!.breached).toEqual(['firstResponse']);
    expect(metric(now.sla, 'firstResponse')!.fulfilledAt).not.toBeNull();
  });

  it('the scheduler fires what is due by itself', async () => {
    await clearPolicies(v.admin);
    await addPolicy(v.admin, { title: '一分钟', targets: { normal: { firstResponse: 1 } } });
    const t = await newTicket(v.admin);
    // A clock ten minutes ahead, so the deadline is due at once (no waiting in a test).
    const scheduler = new SlaScheduler(running.deps, { now: () => new Date(Date.now() + 10 * MIN) });
    scheduler.start();
    try {
      for (let i = 0; i < 200 && (await ticket(v.admin, t.id)).sla!.breached.length === 0; i++)
        await new Promise((r) => setTimeout(r, 50));
      expect((await ticket(v.admin, t.id)).sla!.breached).toEqual(['firstResponse']);
      expect(scheduler.stats.fired).toBeGreaterThanOrEqual(1);
    } finally {
      await scheduler.stop();
    }
  });

  it('recomputes the tickets of an edited, disabled or deleted policy', async () => {
    await clearPolicies(v.admin);
    const first = await addPolicy(v.admin, { title: '主策略', targets: { normal: { firstResponse: 60 } } });
    await addPolicy(v.admin, { title: '兜底策略', targets: { normal: { firstResponse: 600 } } });
    const t = await newTicket(v.admin);
    const created = Date.parse((await v.admin.get(`/api/v1/tickets/${t.id}`)).json().createdAt);
    expect(t.sla!.policyTitle).toBe('主策略');
    await v.admin.patch(`/api/v1/sla-policies/${first.id}`, { targets: { normal: { firstResponse: 120 } } });
    expect((await ticket(v.admin, t.id)).sla!.firstResponseDueAt).toBe(
      new Date(created + 120 * MIN).toISOString(),
    );
    await v.admin.patch(`/api/v1/sla-policies/${first.id}`, { enabled: false });
    expect((await ticket(v.admin, t.id)).sla).toMatchObject({
      policyTitle: '兜底策略',
      firstResponseDueAt: new Date(created + 600 * MIN).toISOString(),
    });
    await clearPolicies(v.admin);
    expect((await ticket(v.admin, t.id)).sla).toBeNull();
  });

  it('orders policies; the first match wins', async () => {
    await clearPolicies(v.admin);
    const a = await addPolicy(v.admin, { title: '甲', targets: { normal: { resolution: 60 } } });
    const b = await addPolicy(v.admin, { title: '乙', targets: { normal: { resolution: 90 } } });
    expect(b.sortOrder).toBeGreaterThan(a.sortOrder);
    expect((await newTicket(v.admin)).sla!.policyTitle).toBe('甲');
    const res = await v.admin.put('/api/v1/sla-policies/order', { ids: [b.id] });
    expect(res.json().items.map((p: { title: string }) => p.title)).toEqual(['乙', '甲']);
    expect((await newTicket(v.admin)).sla!.policyTitle).toBe('乙');
    expectProblem(await v.admin.put('/api/v1/sla-policies/order', { ids: [b.id, 999999] }), 400);
  });

  it('previews the open tickets that match, and offers the ticket catalogue and trigger actions', async () => {
    await clearPolicies(v.admin);
    const tag = `预览${Date.now()}`;
    await newTicket(v.admin, { tags: [tag], priority: 'urgent' });
    await newTicket(v.admin, { tags: [tag], priority: 'urgent' });
    const solved = await newTicket(v.admin, { tags: [tag], priority: 'urgent' });
    await v.admin.patch(`/api/v1/tickets/${solved.id}`, { status: 'solved' });
    await newTicket(v.admin, { tags: [tag], priority: 'low' });
    const res = await v.admin.post('/api/v1/sla-policies/preview', {
      conditions: {
        all: [
          { field: 'ticket.tags', op: 'includes_any', value: [tag] },
          { field: 'ticket.priority', op: 'is', value: 'urgent' },
        ],
        any: [],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().count).toBe(2);
    expect(res.json().items.map((x: { priority: string }) => x.priority)).toEqual(['urgent', 'urgent']);

    const cat = (await v.admin.get('/api/v1/sla-policies/catalogue')).json();
    const keys = cat.conditions.map((f: { key: string }) => f.key);
    expect(keys).toEqual(expect.arrayContaining(['ticket.priority', 'company.package', 'contact.tags']));
    expect(keys).not.toContain('event.type');
    const assignee = cat.conditions.find((f: { key: string }) => f.key === 'ticket.assigneeId');
    expect(assignee.options.map((o: { value: string }) => o.value)).not.toContain('$me');
    const notify = cat.actions.find((f: { key: string }) => f.key === 'notify.agent');
    expect(notify.options.map((o: { value: string }) => o.value)).toContain('supervisors');

    // In the OpenAPI document, with an example body.
    const spec = (await running.app.inject('/api/docs/json')).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/sla-policies',
        '/api/v1/sla-policies/{id}',
        '/api/v1/sla-policies/order',
        '/api/v1/sla-policies/preview',
        '/api/v1/sla-policies/catalogue',
      ]),
    );
    expect(JSON.stringify(spec.paths['/api/v1/sla-policies'].post)).toContain('VIP 客户 SLA');
  });

  it('refuses bad policies with the field at fault', async () => {
    await clearPolicies(v.admin);
    const bad = async (body: Record<string, unknown>) => {
      const res = await v.admin.post('/api/v1/sla-policies', {
        title: '坏策略',
        conditions: none,
        targets: { normal: { firstResponse: 60 } },
        ...body,
      });
      return expectProblem(res, 400, 'validation_failed').errors.map((e: { path: string }) => e.path);
    };
    expect(await bad({ targets: {} })).toEqual(['body.targets']);
    expect(await bad({ targets: { normal: { firstResponse: 0 } } })).toEqual([
      'body.targets.normal.firstResponse',
    ]);
    expect(
      await bad({
        actions: [
          { metric: 'resolution', offsetMinutes: 10, actions: [{ field: 'ticket.tags.add', value: ['x'] }] },
        ],
      }),
    ).toEqual(['body.actions.0.metric']);
    expect(
      await bad({
        actions: [
          { metric: 'firstResponse', offsetMinutes: -5, actions: [{ field: 'ticket.fly', value: 1 }] },
        ],
      }),
    ).toEqual(['body.actions.0.actions.0.field']);
    expect(
      await bad({ conditions: { all: [{ field: 'event.type', op: 'is', value: 'created' }], any: [] } }),
    ).toEqual(['body.conditions.all.0.field']);
    expect(
      await bad({ conditions: { all: [{ field: 'ticket.assigneeId', op: 'is', value: '$me' }], any: [] } }),
    ).toEqual(['body.conditions.all.0.value']);
    expect(
      await bad({
        actions: [
          { metric: 'firstResponse', offsetMinutes: 99_999, actions: [{ field: 'ticket.note', value: 'x' }] },
        ],
      }),
    ).toEqual(['body.actions.0.offsetMinutes']);
    const en = await v.admin.request(
      'POST',
      '/api/v1/sla-policies',
      { title: 'x', conditions: none, targets: {} },
      { 'accept-language': 'en' },
    );
    expect(en.json().errors).toEqual([
      { path: 'body.targets', message: 'Set at least one target for a priority' },
    ]);
    await addPolicy(v.admin, { title: '唯一', targets: { low: { resolution: 10 } } });
    expectProblem(
      await v.admin.post('/api/v1/sla-policies', {
        title: '唯一',
        conditions: none,
        targets: { low: { resolution: 10 } },
      }),
      409,
      'name_taken',
    );
    const [p] = (await v.admin.get('/api/v1/sla-policies')).json().items;
    expectProblem(
      await v.admin.patch(`/api/v1/sla-policies/${p.id}`, { targets: {} }),
      400,
      'validation_failed',
    );
  });

  it('keeps vendors apart and lets agents read but not manage', async () => {
    await clearPolicies(v.admin);
    const other = await makeVendor(running, '另一服务商');
    const theirs = await addPolicy(other.admin, {
      title: '乙方策略',
      targets: { normal: { firstResponse: 5 } },
    });
    expect((await v.admin.get('/api/v1/sla-policies')).json().items).toEqual([]);
    expectProblem(await v.admin.get(`/api/v1/sla-policies/${theirs.id}`), 404, 'not_found');
    expectProblem(
      await v.admin.patch(`/api/v1/sla-policies/${theirs.id}`, { enabled: false }),
      404,
      'not_found',
    );
    expectProblem(await v.admin.del(`/api/v1/sla-policies/${theirs.id}`), 404, 'not_found');
    expect((await newTicket(v.admin)).sla).toBeNull();
    expect((await newTicket(other.admin)).sla!.policyTitle).toBe('乙方策略');

    const { client } = await makeAgent(running, v);
    expect((await client.get('/api/v1/sla-policies')).statusCode).toBe(200);
    expectProblem(
      await client.post('/api/v1/sla-policies', {
        title: 'x',
        conditions: none,
        targets: { low: { resolution: 10 } },
      }),
      403,
      'forbidden',
    );
  });

  it('accepts the example of docs/rules.md (SLA breach alert to supervisor)', async () => {
    const docs = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
    const section = docs.slice(docs.indexOf('## SLA policies'), docs.indexOf('## Recipes'));
    const [example] = [...section.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));
    const x = await makeVendor(running, '文档示例');
    const res = await x.admin.post('/api/v1/sla-policies', example);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().actions[1].actions[0].value.to).toEqual(['supervisors']);
  });
});
