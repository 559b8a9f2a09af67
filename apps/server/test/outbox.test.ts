import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFreshDatabase, freePort, spawnServerNode, waitReady } from '../multinode/support.js';
import { runAutomations } from '../src/modules/rules/automationRunner.js';
import { webhookDelivery } from '../src/modules/targets/delivery.js';
import {
  type ChannelDeliveries,
  deliverDueOutbox,
  MAX_ATTEMPTS,
  retryDelayMs,
} from '../src/platform/outbox/delivery.js';
import { enqueueOutbox } from '../src/platform/outbox/enqueue.js';
import { messageDeliveries } from '../src/platform/outbox/messages.js';
import { outbox } from '../src/platform/outbox/schema.js';
import { startOutboxWorker } from '../src/platform/outbox/worker.js';
import { devProviders } from '../src/platform/providers/dev.js';
import type { Running } from '../src/server.js';
import { WebhookReceiver, waitFor } from './fixtures/webhookReceiver.js';
import { type Client, makeVendor, startTestServer, TEST_DATABASE_URL, type TestVendor } from './harness.js';

let running: Running;
let v: TestVendor;
let receiver: WebhookReceiver;
let base: string;
let deliveries: ChannelDeliveries;
let contactId: number;
let bareContactId: number;
let wechatContactId: number;

const onCreate = { field: 'event.type', op: 'is', value: 'created' };
const HOUR = 3_600_000;
type Entry = {
  id: number;
  status: string;
  attempts: number;
  idempotencyKey: string;
  nextAttemptAt: string | null;
  lastError: string | null;
  attemptLog: { attempt: number; statusCode: number | null; error: string | null }[];
};

async function clearTriggers(client: Client) {
  for (const t of (await client.get('/api/v1/triggers')).json().items)
    await client.del(`/api/v1/triggers/${t.id}`);
}

async function addTarget(title: string, extra: Record<string, unknown> = {}) {
  const res = await v.admin.post('/api/v1/targets', {
    title,
    url: `${base}/erp/{{ticket.number}}?s={{ticket.subject}}`,
    method: 'PUT',
    headers: [{ name: 'X-Erp-Key', value: 'k-1' }],
    auth: { type: 'bearer', token: 'erp-token' },
    body: '{"id": {{ticket.id}}, "subject": "{{ticket.subject}}", "status": "{{ticket.status}}", "product": "{{ticket.custom.product}}"}',
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: number };
}

async function addTrigger(title: string, actions: unknown[], all: unknown[] = [onCreate]) {
  const res = await v.admin.post('/api/v1/triggers', { title, conditions: { all, any: [] }, actions });
  if (res.statusCode !== 201) throw new Error(res.body);
}

async function newTicket(body: Record<string, unknown>) {
  const res = await v.admin.post('/api/v1/tickets', body);
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: number; number: number };
}

async function entries(targetId: number): Promise<Entry[]> {
  return (await v.admin.get(`/api/v1/targets/${targetId}/deliveries?limit=100`)).json().items;
}

const deliver = (now?: Date) => deliverDueOutbox(running.deps.db, deliveries, { now });

beforeAll(async () => {
  running = await startTestServer();
  v = await makeVendor(running);
  receiver = new WebhookReceiver();
  base = await receiver.start();
  deliveries = { webhook: webhookDelivery(running.deps.db), ...messageDeliveries(devProviders()) };
  await v.admin.post('/api/v1/fields', { entity: 'ticket', label: '产品', key: 'product', type: 'text' });
  const company = (
    await v.admin.post('/api/v1/companies', {
      name: '杭州某某财务',
      contacts: [{ name: '李会计', mobile: '13800138001', email: 'li@example.com' }],
    })
  ).json();
  contactId = company.primaryContact.id;
  const contact = async (body: Record<string, unknown>) => {
    const res = await v.admin.post('/api/v1/contacts', { companyId: company.id, ...body });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json().id as number;
  };
  bareContactId = await contact({ name: '赵出纳' });
  wechatContactId = await contact({ name: '钱经理', wechatOpenid: 'oWx-qian-001' });
});
afterAll(async () => {
  await running.close();
  await receiver.stop();
});

describe('back-off', () => {
  it('doubles from 15 s up to an hour, with ±20 % jitter', () => {
    expect(retryDelayMs(1, () => 0.5)).toBe(15_000);
    expect(retryDelayMs(2, () => 0.5)).toBe(30_000);
    expect(retryDelayMs(4, () => 0.5)).toBe(120_000);
    expect(retryDelayMs(30, () => 0.5)).toBe(HOUR);
    expect(retryDelayMs(1, () => 0)).toBe(12_000);
    expect(retryDelayMs(1, () => 1)).toBe(18_000);
  });
});

describe('webhooks through the outbox', () => {
  it('a trigger calls the target after commit with the rendered body, headers, auth and Idempotency-Key', async () => {
    await clearTriggers(v.admin);
    const t = await addTarget('ERP 新建');
    await addTrigger('建单同步ERP', [{ field: 'target', value: { targetId: t.id } }]);
    receiver.respond = () => ({ status: 200, body: '{"ok":1}' });
    const before = receiver.calls.length;
    const ticket = await newTicket({ subject: '凭证 "打印" 失败 & 乱码', custom: { product: 'T+ 18.0' } });
    // Written in the change's transaction, delivered only by the worker.
    const [pending] = await entries(t.id);
    expect(pending).toMatchObject({ status: 'pending', attempts: 0 });
    expect(receiver.calls.length).toBe(before);

    expect(await deliver()).toBe(1);
    const call = receiver.calls.at(-1)!;
    expect(call.method).toBe('PUT');
    expect(call.url).toBe(`/erp/${ticket.number}?s=${encodeURIComponent('凭证 "打印" 失败 & 乱码')}`);
    expect(JSON.parse(call.body)).toEqual({
      id: ticket.id,
      subject: '凭证 "打印" 失败 & 乱码',
      status: '新建',
      product: 'T+ 18.0',
    });
    expect(call.headers).toMatchObject({
      authorization: 'Bearer erp-token',
      'x-erp-key': 'k-1',
      'idempotency-key': pending!.idempotencyKey,
      'x-yidan-delivery': String(pending!.id),
      'x-yidan-attempt': '1',
      'content-type': 'application/json; charset=utf-8',
    });
    expect(pending!.idempotencyKey).toMatch(
      new RegExp(`^yd-${v.vendorId}-trigger-\\d+-t${ticket.id}-v1-a0$`),
    );
    const [done] = await entries(t.id);
    expect(done).toMatchObject({ status: 'delivered', attempts: 1, lastError: null });
    expect(done!.attemptLog).toEqual([expect.objectContaining({ attempt: 1, statusCode: 200, error: null })]);
    expect(await deliver()).toBe(0);
  });

  it('a change rolled back sends nothing, and the same key enqueues once', async () => {
    const key = `yd-${v.vendorId}-manual-rollback`;
    await expect(
      running.deps.db.transaction(async (tx) => {
        await enqueueOutbox(tx, {
          vendorId: v.vendorId,
          channel: 'webhook',
          idempotencyKey: key,
          payload: {},
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const count = async () =>
      (
        await running.deps.db
          .select({ n: sql<number>`count(*)::int` })
          .from(outbox)
          .where(and(eq(outbox.vendorId, v.vendorId), eq(outbox.idempotencyKey, key)))
      )[0]!.n;
    expect(await count()).toBe(0);
    const input = {
      vendorId: v.vendorId,
      channel: 'sms' as const,
      idempotencyKey: key,
      payload: { to: '1', body: 'x' },
    };
    expect(await enqueueOutbox(running.deps.db, input)).not.toBeNull();
    expect(await enqueueOutbox(running.deps.db, input)).toBeNull();
    expect(await count()).toBe(1);
    await running.deps.db
      .delete(outbox)
      .where(and(eq(outbox.vendorId, v.vendorId), eq(outbox.idempotencyKey, key)));
  });

  it('retries 5xx with exponential back-off under the same key, then delivers', async () => {
    await clearTriggers(v.admin);
    const t = await addTarget('ERP 重试');
    await addTrigger('重试同步', [{ field: 'target', value: { targetId: t.id } }]);
    let answers = [500, 503, 200];
    receiver.respond = () => ({ status: answers.shift() ?? 200, body: 'busy' });
    await newTicket({ subject: '需要重试' });
    const start = new Date();
    expect(await deliver(start)).toBe(1);
    let [e] = await entries(t.id);
    expect(e).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 500' });
    const first = new Date(e!.nextAttemptAt!).getTime() - start.getTime();
    expect(first).toBeGreaterThanOrEqual(12_000);
    expect(first).toBeLessThanOrEqual(18_000);
    // Not due yet: nothing is sent.
    expect(await deliver(start)).toBe(0);
    const at1 = new Date(e!.nextAttemptAt!);
    expect(await deliver(at1)).toBe(1);
    [e] = await entries(t.id);
    const second = new Date(e!.nextAttemptAt!).getTime() - at1.getTime();
    expect(second).toBeGreaterThanOrEqual(24_000);
    expect(second).toBeLessThanOrEqual(36_000);
    expect(await deliver(new Date(e!.nextAttemptAt!))).toBe(1);
    [e] = await entries(t.id);
    expect(e).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(e!.attemptLog.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 500],
      [2, 503],
      [3, 200],
    ]);
    const keys = receiver.calls.slice(-3).map((c) => c.headers['idempotency-key']);
    expect(new Set(keys)).toEqual(new Set([e!.idempotencyKey]));
    expect(receiver.calls.slice(-3).map((c) => c.headers['x-yidan-attempt'])).toEqual(['1', '2', '3']);

    // 429 and 408 are retried too, Retry-After respected.
    answers = [];
    receiver.respond = () => ({ status: 429, headers: { 'retry-after': '600' } });
    await newTicket({ subject: '限流' });
    const now = new Date();
    await deliver(now);
    [e] = await entries(t.id);
    expect(e!.status).toBe('pending');
    expect(new Date(e!.nextAttemptAt!).getTime() - now.getTime()).toBeGreaterThanOrEqual(600_000);
    receiver.respond = () => ({ status: 200 });
    await deliver(new Date(now.getTime() + HOUR));
    expect((await entries(t.id))[0]!.status).toBe('delivered');
  });

  it('fails 4xx at once without retry; 重试 sends it again under the same key', async () => {
    await clearTriggers(v.admin);
    const t = await addTarget('ERP 拒绝');
    await addTrigger('拒绝同步', [{ field: 'target', value: { targetId: t.id } }]);
    receiver.respond = () => ({ status: 422, body: '{"error":"unknown product"}' });
    await newTicket({ subject: '会被拒绝' });
    await deliver();
    let [e] = await entries(t.id);
    expect(e).toMatchObject({ status: 'failed', attempts: 1, lastError: 'HTTP 422', nextAttemptAt: null });
    expect(await deliver(new Date(Date.now() + 24 * HOUR))).toBe(0);

    receiver.respond = () => ({ status: 200 });
    const retried = await v.admin.post(`/api/v1/outbox/${e!.id}/retry`, {});
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await v.admin.post(`/api/v1/outbox/${e!.id}/retry`, {})).statusCode).toBe(409);
    await deliver();
    [e] = await entries(t.id);
    expect(e).toMatchObject({ status: 'delivered' });
    expect(e!.attemptLog.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 422],
      [2, 200],
    ]);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts; a disabled or deleted target fails without a call`, async () => {
    await clearTriggers(v.admin);
    const t = await addTarget('ERP 宕机');
    await addTrigger('宕机同步', [{ field: 'target', value: { targetId: t.id } }]);
    receiver.respond = () => ({ status: 500 });
    await newTicket({ subject: '一直失败' });
    let now = Date.now();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliver(new Date(now));
      now += 2 * HOUR;
    }
    const [e] = await entries(t.id);
    expect(e).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: 'HTTP 500' });
    expect(await deliver(new Date(now))).toBe(0);

    receiver.respond = () => ({ status: 200 });
    await newTicket({ subject: '目标停用后' });
    await v.admin.patch(`/api/v1/targets/${t.id}`, { enabled: false });
    const calls = receiver.calls.length;
    await deliver();
    expect((await entries(t.id))[0]).toMatchObject({ status: 'failed', lastError: 'target_disabled' });
    expect(receiver.calls.length).toBe(calls);
    // Disabled since: the trigger no longer enqueues for it.
    await newTicket({ subject: '停用时新建' });
    expect((await entries(t.id)).length).toBe(2);

    // Deleted since (its rules first): the waiting call fails without being made.
    await v.admin.patch(`/api/v1/targets/${t.id}`, { enabled: true });
    const last = await newTicket({ subject: '删除前' });
    await clearTriggers(v.admin);
    expect((await v.admin.del(`/api/v1/targets/${t.id}`)).statusCode).toBe(204);
    await deliver();
    const [gone] = (await v.admin.get(`/api/v1/outbox?channel=webhook&ticketId=${last.id}`)).json().items;
    expect(gone).toMatchObject({ status: 'failed', lastError: 'target_deleted', targetId: t.id });
    expect(receiver.calls.length).toBe(calls);
  });

  it('automations call targets the same way (fireRule)', async () => {
    await clearTriggers(v.admin);
    const t = await addTarget('ERP 自动化');
    const res = await v.admin.post('/api/v1/automations', {
      title: '待回应同步',
      conditions: {
        all: [
          { field: 'ticket.status', op: 'is', value: 'pending' },
          { field: 'time.hoursSinceUpdated', op: 'gte', value: 1 },
          { field: 'ticket.tags', op: 'includes_none', value: ['已同步'] },
        ],
        any: [],
      },
      actions: [
        { field: 'ticket.tags.add', value: ['已同步'] },
        { field: 'target', value: { targetId: t.id } },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const ticket = await newTicket({ subject: '等待客户', status: 'pending' });
    await runAutomations(running.deps, v.vendorId, new Date(Date.now() + 2 * HOUR));
    const [e] = await entries(t.id);
    expect(e!.idempotencyKey).toMatch(new RegExp(`-automation-\\d+-t${ticket.id}-v\\d+-a1$`));
    receiver.respond = () => ({ status: 200 });
    await deliver();
    expect(JSON.parse(receiver.calls.at(-1)!.body)).toMatchObject({ id: ticket.id, status: '待回应' });
    await v.admin.del(`/api/v1/automations/${res.json().id}`);
  });
});

describe('customer notifications', () => {
  it('sends SMS and e-mail through the dev adapter; no WeChat openid leaves a note', async () => {
    await clearTriggers(v.admin);
    await addTrigger('受理通知', [
      {
        field: 'notify.customer.sms',
        value: { body: '【某某财务】您的工单 #{{ticket.number}}「{{ticket.subject}}」已受理' },
      },
      {
        field: 'notify.customer.email',
        value: { subject: '工单 #{{ticket.number}} 已受理', body: '{{contact.name}}，您好' },
      },
      { field: 'notify.customer.wechat', value: { body: '工单已受理' } },
    ]);
    const ticket = await newTicket({ subject: '<无法登录>', contactId });
    const timeline = (await v.admin.get(`/api/v1/tickets/${ticket.id}/timeline?limit=50`)).json().items;
    expect(
      timeline.some((e: { body: string | null }) =>
        e.body?.includes('未发送微信消息：联系人没有微信 openid'),
      ),
    ).toBe(true);
    const queued = (await v.admin.get(`/api/v1/outbox?channel=messages&ticketId=${ticket.id}`)).json().items;
    expect(queued.map((e: { channel: string; status: string }) => [e.channel, e.status]).sort()).toEqual([
      ['email', 'pending'],
      ['sms', 'pending'],
    ]);
    await deliver();
    await deliver();
    const sent = (await v.admin.get(`/api/v1/sent-messages?ticketId=${ticket.id}`)).json().items;
    expect(sent).toHaveLength(2);
    const sms = sent.find((m: { channel: string }) => m.channel === 'sms');
    expect(sms).toMatchObject({
      provider: 'dev',
      recipient: '13800138001',
      body: `【某某财务】您的工单 #${ticket.number}「<无法登录>」已受理`,
      contactId,
    });
    const mail = sent.find((m: { channel: string }) => m.channel === 'email');
    expect(mail).toMatchObject({
      recipient: 'li@example.com',
      subject: `工单 #${ticket.number} 已受理`,
      body: '李会计，您好',
    });
    const after = (await v.admin.get(`/api/v1/outbox?channel=messages&ticketId=${ticket.id}`)).json().items;
    expect(after.every((e: { status: string }) => e.status === 'delivered')).toBe(true);

    // A contact without a mobile: a note instead of an SMS.
    const bare = await newTicket({ subject: '没有手机号', contactId: bareContactId });
    const notes = (await v.admin.get(`/api/v1/tickets/${bare.id}/timeline?limit=50`)).json().items;
    expect(notes.some((e: { body: string | null }) => e.body?.includes('未发送短信：联系人没有手机号'))).toBe(
      true,
    );
    const none = await newTicket({ subject: '没有联系人' });
    const noneNotes = (await v.admin.get(`/api/v1/tickets/${none.id}/timeline?limit=50`)).json().items;
    expect(
      noneNotes.some((e: { body: string | null }) => e.body?.includes('未发送短信：工单没有联系人')),
    ).toBe(true);

    // A contact who follows the official account gets the WeChat message at their openid.
    const wx = await newTicket({ subject: '微信客户', contactId: wechatContactId });
    await deliver();
    const wechat = (await v.admin.get(`/api/v1/sent-messages?ticketId=${wx.id}&channel=wechat`)).json().items;
    expect(wechat).toEqual([expect.objectContaining({ recipient: 'oWx-qian-001', body: '工单已受理' })]);
    // Delivering again sends and records nothing more.
    expect(await deliver()).toBe(0);
    expect((await v.admin.get(`/api/v1/sent-messages?ticketId=${ticket.id}`)).json().items).toHaveLength(2);
  });
});

describe('the delivery worker', () => {
  it('wakes after the commit, and a stop mid-delivery leaves the row due again under the same key', async () => {
    await clearTriggers(v.admin);
    const t = await addTarget('ERP 实时');
    await addTrigger('实时同步', [{ field: 'target', value: { targetId: t.id } }]);
    receiver.respond = () => ({ status: 200 });
    const log = { error: (obj: object, msg: string) => console.error(msg, obj) };
    let worker = await startOutboxWorker(running.deps.database, running.deps.events, deliveries, log, {
      pollMs: 60_000,
    });
    await newTicket({ subject: '实时' });
    await waitFor(
      async () => (await entries(t.id))[0]?.status === 'delivered',
      'the woken worker to deliver',
    );

    receiver.respond = () => 'hang';
    await newTicket({ subject: '发送中停机' });
    await waitFor(() => receiver.hangingCount === 1, 'the call to be in flight');
    await worker.stop();
    let [e] = await entries(t.id);
    expect(e).toMatchObject({ status: 'pending', attempts: 0 });
    expect(e!.attemptLog[0]!.error).toMatch(/stopping|abort/i);
    const key = e!.idempotencyKey;

    receiver.respond = () => ({ status: 200 });
    worker = await startOutboxWorker(running.deps.database, running.deps.events, deliveries, log, {
      pollMs: 60_000,
    });
    await waitFor(
      async () => (await entries(t.id))[0]?.status === 'delivered',
      'the restarted worker to deliver',
    );
    await worker.stop();
    [e] = await entries(t.id);
    expect(e!.idempotencyKey).toBe(key);
    expect(e!.attemptLog.map((a) => a.attempt)).toEqual([1, 2]);
    expect(receiver.calls.at(-1)!.headers['idempotency-key']).toBe(key);
  });
});

/**
 * The promise of the outbox: kill the server (SIGKILL) while webhooks are pending and in flight,
 * start it again, and every webhook arrives, none processed twice. The real server runs as a child
 * process on an embedded database in a temp folder (or a fresh PostgreSQL database with
 * TEST_DATABASE_URL).
 */
describe('crash safety', () => {
  const TICKETS = 30;
  const ANSWERED_BEFORE_KILL = 8;

  it('delivers every webhook exactly once (by Idempotency-Key) across a SIGKILL', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yidan-outbox-kill-'));
    const fresh = TEST_DATABASE_URL
      ? await createFreshDatabase(TEST_DATABASE_URL, 'yidan_outbox_kill')
      : null;
    const port = await freePort();
    const env = {
      DATA_DIR: dir,
      DATABASE_URL: fresh?.url ?? '',
      ADMIN_PASSWORD: 'kill-test-admin-pw',
      JOBS: 'true',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
    };
    const sink = new WebhookReceiver();
    const sinkBase = await sink.start();
    let node = spawnServerNode('outbox-a', port, env);
    try {
      await waitReady(node, 120_000);
      const api = await apiLogin(node.baseUrl);
      const target = await api('POST', '/api/v1/targets', {
        title: '崩溃测试ERP',
        url: `${sinkBase}/hook`,
        body: '{"ticket": {{ticket.id}}}',
      });
      await api('POST', '/api/v1/triggers', {
        title: '建单同步',
        conditions: { all: [onCreate], any: [] },
        actions: [{ field: 'target', value: { targetId: target.id } }],
      });
      // The first answers come back; the next calls are processed by the receiver but their answers
      // never arrive (in flight at the kill, sent again after it); the rest wait in the outbox.
      let answered = 0;
      sink.respond = () => (answered++ < ANSWERED_BEFORE_KILL ? { status: 200 } : 'process-then-hang');
      const ticketIds: number[] = [];
      for (let i = 0; i < TICKETS; i++)
        ticketIds.push((await api('POST', '/api/v1/tickets', { subject: `崩溃 ${i}` })).id);
      await waitFor(
        () => answered > ANSWERED_BEFORE_KILL && sink.hangingCount > 0,
        'some deliveries done and some in flight',
        60_000,
      );
      expect(sink.processed.length).toBeLessThan(TICKETS);
      const atKill = { processed: sink.processed.length, inFlight: sink.hangingCount };
      node.child.kill('SIGKILL');
      await node.exited;

      sink.respond = () => ({ status: 200 });
      sink.delayMs = 20;
      node = spawnServerNode('outbox-b', port, env);
      await waitReady(node, 120_000);
      await waitFor(() => sink.processed.length >= TICKETS, 'every webhook after the restart', 150_000);
      const api2 = await apiLogin(node.baseUrl);
      const rows: Entry[] = [];
      let cursor: string | null = null;
      do {
        const page = await api2(
          'GET',
          `/api/v1/targets/${target.id}/deliveries?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        );
        rows.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(rows).toHaveLength(TICKETS);
      await waitFor(
        async () =>
          (await api2('GET', `/api/v1/targets/${target.id}/deliveries?limit=100&status=pending`)).items
            .length === 0,
        // On PostgreSQL the calls in flight at the kill wait for their lease to end (LEASE_MS).
        'the last outcomes to be recorded',
        150_000,
      );
      const final = (await api2('GET', `/api/v1/targets/${target.id}/deliveries?limit=100`)).items as Entry[];
      expect(final.every((r) => r.status === 'delivered')).toBe(true);
      // Every key arrived and was processed once; the calls in flight at the kill came again under
      // their key and were dropped by the receiver.
      expect(new Set(sink.processed).size).toBe(sink.processed.length);
      expect(sink.duplicates).toBeGreaterThanOrEqual(1);
      expect(new Set(sink.processed)).toEqual(new Set(final.map((r) => r.idempotencyKey)));
      const bodies = new Set(sink.calls.map((c) => JSON.parse(c.body).ticket));
      expect(bodies).toEqual(new Set(ticketIds));
      console.info(
        `outbox kill test: ${atKill.processed} processed and ${atKill.inFlight} in flight at the kill, ` +
          `${TICKETS} delivered after the restart, ${sink.duplicates} repeats dropped by the receiver`,
      );
    } finally {
      node.child.kill('SIGKILL');
      await node.exited;
      await sink.stop();
      await fresh?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 420_000);
});

/** Signs in to a child server as admin; returns a JSON caller with the session cookie and CSRF header. */
async function apiLogin(baseUrl: string) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account: 'admin', password: 'kill-test-admin-pw' }),
  });
  if (res.status !== 200) throw new Error(`login ${res.status}: ${await res.text()}`);
  const me = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async (method: string, url: string, body?: unknown) => {
    const r = await fetch(`${baseUrl}${url}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': me.csrfToken,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.text();
    if (r.status >= 400) throw new Error(`${method} ${url} → ${r.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
}
