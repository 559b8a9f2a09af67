import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendarDay, setBusinessHours } from '../src/modules/calendar/service.js';
import { runAutomations } from '../src/modules/rules/automationRunner.js';
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
let w: TestVendor;

type Cond = { field: string; op: string; value?: unknown };
type Action = { field: string; value?: unknown };
const HOUR = 3_600_000;
const pending: Cond = { field: 'ticket.status', op: 'is', value: 'pending' };

async function addAutomation(client: Client, title: string, all: Cond[], actions: Action[]) {
  const res = await client.post('/api/v1/automations', { title, conditions: { all, any: [] }, actions });
  if (res.statusCode !== 201) throw new Error(`automation ${title}: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; sortOrder: number };
}

async function clearAutomations(client: Client) {
  for (const a of (await client.get('/api/v1/automations')).json().items)
    await client.del(`/api/v1/automations/${a.id}`);
}

async function newTicket(client: Client, body: Record<string, unknown>) {
  const res = await client.post('/api/v1/tickets', body);
  if (res.statusCode !== 201) throw new Error(`ticket: ${res.statusCode} ${res.body}`);
  return res.json() as { id: number; status: string; priority: string };
}

/** Moves a ticket's clocks back, as if it had been left alone since `at`. */
async function setTimes(vendorId: number, id: number, at: Date) {
  await running.deps.db.execute(
    sql`update tickets set updated_at = ${at.toISOString()}::timestamptz, created_at = ${at.toISOString()}::timestamptz, status_changed_at = ${at.toISOString()}::timestamptz where vendor_id = ${vendorId} and id = ${id}`,
  );
}

const run = (vendor: TestVendor, now: Date) => runAutomations(running.deps, vendor.vendorId, now);
const get = async (client: Client, id: number) => (await client.get(`/api/v1/tickets/${id}`)).json();
const automationEvents = async (client: Client, id: number) =>
  (await client.get(`/api/v1/tickets/${id}/timeline?limit=100`))
    .json()
    .items.filter((e: { via: string | null }) => e.via?.startsWith('自动化任务'));

beforeAll(async () => {
  running = await startTestServer();
  v = await makeVendor(running);
  w = await makeVendor(running, '另一服务商');
});
afterAll(() => running.close());

describe('automations', () => {
  it('solves a pending ticket left alone for 48 hours, once, and the timeline names the automation', async () => {
    await clearAutomations(v.admin);
    await addAutomation(
      v.admin,
      '待回应48小时自动解决',
      [pending, { field: 'time.hoursSinceUpdated', op: 'gte', value: 48 }],
      [{ field: 'ticket.status', value: 'solved' }],
    );
    const t = await newTicket(v.admin, { subject: '等客户回复', status: 'pending' });
    const fresh = await newTicket(v.admin, { subject: '刚更新', status: 'pending' });
    const open = await newTicket(v.admin, { subject: '处理中', status: 'open' });
    const now = new Date();
    await setTimes(v.vendorId, t.id, new Date(now.getTime() - 49 * HOUR));
    await setTimes(v.vendorId, open.id, new Date(now.getTime() - 49 * HOUR));
    await setTimes(v.vendorId, fresh.id, new Date(now.getTime() - 47 * HOUR));

    expect(await run(v, now)).toBe(1);
    expect((await get(v.admin, t.id)).status).toBe('solved');
    expect((await get(v.admin, fresh.id)).status).toBe('pending');
    expect((await get(v.admin, open.id)).status).toBe('open');
    const events = await automationEvents(v.admin, t.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorType: 'system',
      via: '自动化任务「待回应48小时自动解决」',
      changes: [{ field: 'status', from: 'pending', to: 'solved' }],
    });
    // Running again changes nothing; two hours later the other pending ticket is due too.
    expect(await run(v, now)).toBe(0);
    expect(await run(v, new Date(now.getTime() + 2 * HOUR))).toBe(1);
    expect((await get(v.admin, fresh.id)).status).toBe('solved');
  });

  it('fires at most once per ticket state, and again after the ticket changes', async () => {
    await clearAutomations(v.admin);
    await addAutomation(
      v.admin,
      '超时升级',
      [
        pending,
        { field: 'ticket.priority', op: 'is_not', value: 'urgent' },
        { field: 'time.hoursSinceCreated', op: 'gt', value: 24 },
      ],
      [{ field: 'ticket.priority', value: 'urgent' }],
    );
    // A trigger undoes the automation's change, so its conditions hold again at once.
    const trigger = await v.admin.post('/api/v1/triggers', {
      title: '紧急改为高',
      conditions: { all: [{ field: 'ticket.priority', op: 'changed_to', value: 'urgent' }], any: [] },
      actions: [{ field: 'ticket.priority', value: 'high' }],
    });
    expect(trigger.statusCode).toBe(201);
    try {
      const t = await newTicket(v.admin, { subject: '反复', status: 'pending' });
      const now = new Date();
      await setTimes(v.vendorId, t.id, new Date(now.getTime() - 30 * HOUR));
      expect(await run(v, now)).toBe(1);
      expect((await get(v.admin, t.id)).priority).toBe('high');
      // Same state (nothing touched it since the automation): no second firing.
      expect(await run(v, now)).toBe(0);
      expect(await run(v, new Date(now.getTime() + HOUR))).toBe(0);
      expect(await automationEvents(v.admin, t.id)).toHaveLength(1);
      // An agent changes the ticket: a new state, and the conditions still hold.
      await v.admin.patch(`/api/v1/tickets/${t.id}`, { tags: ['客户催促'] });
      expect(await run(v, now)).toBe(1);
      expect(await automationEvents(v.admin, t.id)).toHaveLength(2);
      expect(await run(v, now)).toBe(0);
    } finally {
      await v.admin.del(`/api/v1/triggers/${trigger.json().id}`);
    }
  });

  it('counts business hours over a weekend and a holiday', async () => {
    // A vendor of its own: the other tests' tickets are pending too.
    const biz = await makeVendor(running, '工作时间服务商');
    const workdays = [1, 2, 3, 4, 5].map((weekday) => ({
      weekday,
      ranges: [{ start: '09:00', end: '18:00' }],
    }));
    await setBusinessHours(running.deps.db, biz.vendorId, workdays);
    // Monday 2026-12-07 is a (made-up) holiday.
    await createCalendarDay(running.deps.db, biz.vendorId, {
      kind: 'holiday',
      name: '测试假日',
      startDate: '2026-12-07',
      endDate: '2026-12-07',
    });
    await addAutomation(
      biz.admin,
      '工作时间9小时未回应',
      [
        pending,
        { field: 'ticket.tags', op: 'includes_none', value: ['已提醒'] },
        { field: 'time.businessHoursSinceUpdated', op: 'gte', value: 9 },
      ],
      [
        { field: 'ticket.tags.add', value: ['已提醒'] },
        { field: 'ticket.note', value: '工单 #{{ticket.number}} 已超过 9 个工作小时未更新' },
      ],
    );
    const t = await newTicket(biz.admin, { subject: '周五傍晚', status: 'pending' });
    // Friday 2026-12-04 17:00 in Shanghai: 1 business hour that day, none Sat/Sun/Mon (holiday).
    await setTimes(biz.vendorId, t.id, new Date('2026-12-04T17:00:00+08:00'));
    expect(await run(biz, new Date('2026-12-07T17:00:00+08:00'))).toBe(0); // 72 calendar hours, 1 business
    expect(await run(biz, new Date('2026-12-08T16:00:00+08:00'))).toBe(0); // 8 business hours
    expect(await run(biz, new Date('2026-12-08T17:00:00+08:00'))).toBe(1); // 9 business hours
    const after = await get(biz.admin, t.id);
    expect(after.tags).toEqual(['已提醒']);
    const [event] = await automationEvents(biz.admin, t.id);
    expect(event.via).toBe('自动化任务「工作时间9小时未回应」');
    expect(event.body).toContain('已超过 9 个工作小时未更新');
  });

  it('refuses automations without a time condition, a ticket condition or a nullifying condition', async () => {
    const post = (all: Cond[], actions: Action[], any: Cond[] = []) =>
      v.admin.post('/api/v1/automations', { title: '不合格', conditions: { all, any }, actions });
    const since = { field: 'time.hoursSinceUpdated', op: 'gt', value: 24 };
    expectProblem(
      await post([pending], [{ field: 'ticket.status', value: 'solved' }]),
      400,
      'automation_no_time_condition',
    );
    expectProblem(
      await post([since], [{ field: 'ticket.status', value: 'solved' }]),
      400,
      'automation_no_ticket_condition',
    );
    // Pending stays pending: nothing its actions do makes a condition false.
    expectProblem(
      await post([pending, since], [{ field: 'ticket.priority', value: 'high' }]),
      400,
      'automation_never_nullified',
    );
    expectProblem(
      await post(
        [since, { field: 'ticket.tags', op: 'includes_any', value: ['x'] }],
        [{ field: 'ticket.tags.add', value: ['x'] }],
      ),
      400,
      'automation_never_nullified',
    );
    // Time conditions take whole, non-negative hours with is/lt/lte/gt/gte.
    const badOp = await post(
      [pending, { field: 'time.hoursSinceUpdated', op: 'is_not', value: 1 }],
      [{ field: 'ticket.status', value: 'solved' }],
    );
    expectProblem(badOp, 400, 'validation_failed');
    const badValue = await post(
      [pending, { field: 'time.hoursSinceUpdated', op: 'gt', value: -1 }],
      [{ field: 'ticket.status', value: 'solved' }],
    );
    expectProblem(badValue, 400, 'validation_failed');
    // Event operators are for triggers.
    expectProblem(
      await post(
        [{ field: 'ticket.status', op: 'changed_to', value: 'pending' }, since],
        [{ field: 'ticket.status', value: 'solved' }],
      ),
      400,
      'validation_failed',
    );
    // Tags absent + add the tag, priority not urgent + set urgent: accepted.
    const ok = await post(
      [since, { field: 'ticket.priority', op: 'is_not', value: 'urgent' }],
      [{ field: 'ticket.priority', value: 'urgent' }],
    );
    expect(ok.statusCode).toBe(201);
    // A patch is checked against the automation as it would be saved.
    expectProblem(
      await v.admin.patch(`/api/v1/automations/${ok.json().id}`, {
        actions: [{ field: 'ticket.type', value: 'task' }],
      }),
      400,
      'automation_never_nullified',
    );
    await v.admin.del(`/api/v1/automations/${ok.json().id}`);
  });

  it('manages automations: catalogue, order, update, delete, and closes tickets', async () => {
    await clearAutomations(v.admin);
    const cat = (await v.admin.get('/api/v1/automations/catalogue')).json();
    const keys = cat.conditions.map((c: { key: string }) => c.key);
    expect(keys).toContain('time.hoursSinceUpdated');
    expect(keys).toContain('time.businessHoursUntilDue');
    expect(keys).not.toContain('event.type');
    const status = cat.actions.find((a: { key: string }) => a.key === 'ticket.status');
    expect(status.options.map((o: { value: string }) => o.value)).toContain('closed');

    const close = await addAutomation(
      v.admin,
      '解决4天后关闭',
      [
        { field: 'ticket.status', op: 'is', value: 'solved' },
        { field: 'time.hoursSinceSolved', op: 'gt', value: 96 },
      ],
      [{ field: 'ticket.status', value: 'closed' }],
    );
    const second = await addAutomation(
      v.admin,
      '第二个',
      [pending, { field: 'time.hoursSincePending', op: 'gt', value: 1000 }],
      [{ field: 'ticket.status', value: 'open' }],
    );
    expect(second.sortOrder).toBeGreaterThan(close.sortOrder);
    const ordered = await v.admin.put('/api/v1/automations/order', { ids: [second.id] });
    expect(ordered.json().items.map((a: { id: number }) => a.id)).toEqual([second.id, close.id]);
    const renamed = await v.admin.patch(`/api/v1/automations/${second.id}`, {
      title: '改名',
      enabled: false,
    });
    expect(renamed.json()).toMatchObject({ title: '改名', enabled: false });
    expectProblem(await v.admin.patch(`/api/v1/automations/${second.id}`, { title: '解决4天后关闭' }), 409);

    const t = await newTicket(v.admin, { subject: '已解决', status: 'solved' });
    const now = new Date();
    await running.deps.db.execute(
      sql`update tickets set solved_at = ${new Date(now.getTime() - 100 * HOUR).toISOString()}::timestamptz where vendor_id = ${v.vendorId} and id = ${t.id}`,
    );
    expect(await run(v, now)).toBe(1);
    expect((await get(v.admin, t.id)).status).toBe('closed');
    expect(await run(v, now)).toBe(0);
    expect((await v.admin.del(`/api/v1/automations/${second.id}`)).statusCode).toBe(204);
    expectProblem(await v.admin.get(`/api/v1/automations/${second.id}`), 404);
  });

  it('previews which open tickets match now, only within the vendor, and refuses bad conditions', async () => {
    // Open, not pending: the other tests' automations (pending tickets) must not pick these up.
    const urgent = { status: 'open', priority: 'urgent' };
    const stale = await newTicket(v.admin, { subject: '预览：久未处理', ...urgent });
    const recent = await newTicket(v.admin, { subject: '预览：刚更新', ...urgent });
    const other = await newTicket(w.admin, { subject: '别家的', ...urgent });
    const now = new Date();
    await setTimes(v.vendorId, stale.id, new Date(now.getTime() - 30 * HOUR));
    await setTimes(w.vendorId, other.id, new Date(now.getTime() - 30 * HOUR));
    const conditions = {
      all: [
        { field: 'ticket.status', op: 'is', value: 'open' },
        { field: 'ticket.priority', op: 'is', value: 'urgent' },
        { field: 'time.hoursSinceUpdated', op: 'gte', value: 24 },
      ],
      any: [],
    };
    const res = await v.admin.post('/api/v1/automations/preview', { conditions });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const ids = body.items.map((t: { id: number }) => t.id);
    expect(ids).toContain(stale.id);
    expect(ids).not.toContain(recent.id);
    expect(ids).not.toContain(other.id);
    expect(body.count).toBe(ids.length);
    expect(body.truncated).toBe(false);

    const bad = await v.admin.post('/api/v1/automations/preview', {
      conditions: { all: [{ field: 'ticket.nope', op: 'is', value: 1 }], any: [] },
    });
    expectProblem(bad, 400, 'validation_failed');
    const agent = (await makeAgent(running, v)).client;
    expect((await agent.post('/api/v1/automations/preview', { conditions })).statusCode).toBe(403);
  });

  it('accepts the recipes of docs/rules.md', async () => {
    const docs = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
    const recipes = docs.slice(docs.indexOf('## Recipes'));
    const bodies = [...recipes.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));
    expect(bodies).toHaveLength(3);
    const [autoReply, escalation, csat] = bodies;
    const x = await makeVendor(running, '文档示例');
    const trigger = await x.admin.post('/api/v1/triggers', autoReply);
    expect(trigger.statusCode, trigger.body).toBe(201);
    for (const body of [escalation, csat]) {
      const res = await x.admin.post('/api/v1/automations', body);
      expect(res.statusCode, res.body).toBe(201);
    }
  });

  it("keeps vendors apart: one vendor's automations never touch another's tickets", async () => {
    await clearAutomations(v.admin);
    await clearAutomations(w.admin);
    const wAuto = await addAutomation(
      w.admin,
      '乙自动解决',
      [pending, { field: 'time.hoursSinceUpdated', op: 'gt', value: 1 }],
      [{ field: 'ticket.status', value: 'solved' }],
    );
    const mine = await newTicket(v.admin, { subject: '甲的待回应', status: 'pending' });
    const now = new Date();
    await setTimes(v.vendorId, mine.id, new Date(now.getTime() - 10 * HOUR));
    const theirs = await newTicket(w.admin, { subject: '乙的待回应', status: 'pending' });
    await setTimes(w.vendorId, theirs.id, new Date(now.getTime() - 10 * HOUR));
    expect(await run(v, now)).toBe(0);
    expect(await runAutomations(running.deps, undefined, now)).toBe(1);
    expect((await get(w.admin, theirs.id)).status).toBe('solved');
    expect((await get(v.admin, mine.id)).status).toBe('pending');
    expect((await v.admin.get('/api/v1/automations')).json().items).toEqual([]);
    expectProblem(await v.admin.get(`/api/v1/automations/${wAuto.id}`), 404);
  });
});
