import { PERMISSIONS, type TicketChange } from '@yidan/contracts';
import { and, asc, desc, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/client.js';
import type { DomainEvents } from '../../platform/events.js';
import { AppError } from '../../platform/http/errors.js';
import type { Jobs } from '../../platform/jobs/queue.js';
import { conditionIssues } from '../../platform/rules/catalogue.js';
import { compileConditions } from '../../platform/rules/compile.js';
import { ConditionError } from '../../platform/rules/errors.js';
import { type EvaluationContext, prepareEvaluator } from '../../platform/rules/evaluate.js';
import { bindCurrentAgent, ticketConditionRecord } from '../tickets/catalogue.js';
import { type TicketContext, ticketContext } from '../tickets/context.js';
import { type TicketRow, tickets } from '../tickets/schema.js';
import { vendors } from '../vendors/schema.js';
import {
  automationConditionErrors,
  automationRuntimeCatalogue,
  calendarFor,
  relaxBusiness,
  timeRecord,
} from './automationConditions.js';
import { relationsOf } from './engine.js';
import { fireRule, ruleAuthor } from './fire.js';
import { type AutomationRow, automationFirings, automations } from './schema.js';
import { sendTriggerNotifications } from './triggerNotifications.js';

export const AUTOMATIONS_JOB = 'rules.automations';
/** Tickets one automation acts on per run at most; the rest wait for the next run (oldest first). */
export const MAX_TICKETS_PER_AUTOMATION = 1000;
/**
 * Candidates one automation looks at per run at most: the SQL prefilter is wider than the
 * conditions for business hours (checked in memory), so more may be read than fired on.
 */
export const MAX_EXAMINED_PER_AUTOMATION = 10_000;
const PAGE = 500;

/** The state an automation acted on: the ticket's updated_at to the microsecond, as text. */
const stateKey = sql<string>`to_char(${tickets.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const firedInState = (automationId: number) =>
  sql`exists (select 1 from ${automationFirings} f where f.vendor_id = ${tickets.vendorId} and f.automation_id = ${automationId} and f.ticket_id = ${tickets.id} and f.state_key = ${stateKey})`;

/** The system as a ticket writer for one vendor: sees every ticket, not stopped by field scopes. */
export async function systemContext(db: Db, vendor: typeof vendors.$inferSelect): Promise<TicketContext> {
  const actor: Actor = {
    vendorId: vendor.id,
    agentId: 0,
    account: 'system',
    name: '系统',
    roleId: null,
    roleName: null,
    roleSystem: 'admin',
    grants: [],
    modules: [],
    features: [],
    permissions: new Set(PERMISSIONS),
    dataScope: 'all',
    via: 'token',
    sessionId: null,
    csrfToken: null,
    vendorStatus: vendor.status,
    agentEnabled: true,
    vendor: {
      name: vendor.name,
      displayName: vendor.displayName,
      loginKey: vendor.loginKey,
      timeZone: vendor.timeZone,
      customerMode: vendor.customerMode,
      logoFile: vendor.logoFile,
    },
  };
  const ctx = await ticketContext(db, actor);
  return { ...ctx, masked: false, writer: { ...ctx.writer, isAdmin: true } };
}

interface Prepared {
  a: AutomationRow;
  where: SQL;
  test: (t: TicketRow, related: Awaited<ReturnType<typeof relationsOf>>) => boolean;
}

/** An automation ready to run at `now`; null when its conditions no longer fit the catalogue (a field deleted). */
function prepare(
  a: AutomationRow,
  ctx: TicketContext,
  now: Date,
  calendar: Awaited<ReturnType<typeof calendarFor>>,
): Prepared | null {
  const { catalogue, columns } = automationRuntimeCatalogue(ctx.fields, now);
  // No agent runs an automation: `$me` matches nobody.
  const bound = bindCurrentAgent(a.conditions, null);
  if (conditionIssues(bound, catalogue).some((x) => x.message !== 'not_an_option')) return null;
  const evaluation: EvaluationContext = { now, timeZone: ctx.actor.vendor.timeZone };
  try {
    const where = compileConditions(relaxBusiness(bound), catalogue, columns, evaluation);
    const evaluator = prepareEvaluator(bound, catalogue);
    return {
      a,
      where,
      test: (t, related) =>
        evaluator(
          { ...ticketConditionRecord(t, related, ctx.fields), ...timeRecord(bound, t, now, calendar) },
          evaluation,
        ),
    };
  } catch (err) {
    if (err instanceof ConditionError) return null;
    throw err;
  }
}

/**
 * Runs one automation on one ticket in its own transaction: lock, re-check (not closed or merged,
 * not fired in this state, conditions hold now), fire through changeTicket (the triggers run on
 * that change), record the firing with the state the ticket is left in.
 */
async function runOnTicket(
  db: Db,
  ctx: TicketContext,
  p: Prepared,
  ticketId: number,
): Promise<{ row: TicketRow; changes: TicketChange[] } | null> {
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ row: tickets, fired: sql<boolean>`${firedInState(p.a.id)}` })
      .from(tickets)
      .where(and(eq(tickets.vendorId, ctx.actor.vendorId), eq(tickets.id, ticketId)))
      .for('update');
    if (!locked || locked.fired) return null;
    const row = locked.row;
    if (row.status === 'closed' || row.mergedIntoId !== null) return null;
    if (!p.test(row, await relationsOf(tx, row))) return null;
    const fired = await fireRule(tx, ctx, 'automation', p.a, row, null);
    await sendTriggerNotifications(tx, ctx, fired.row, fired.notifications);
    await tx.execute(
      sql`insert into ${automationFirings} (vendor_id, automation_id, ticket_id, state_key)
          select ${tickets.vendorId}, ${p.a.id}, ${tickets.id}, ${stateKey} from ${tickets}
          where ${tickets.vendorId} = ${row.vendorId} and ${tickets.id} = ${row.id}
          on conflict do nothing`,
    );
    return fired.row === row && fired.notifications.length === 0 ? null : fired;
  });
}

/**
 * 自动化任务 for one vendor: each enabled automation in order, over the tickets that are not
 * closed and match now (SQL prefilter, business hours re-checked in memory), oldest update first,
 * at most MAX_TICKETS_PER_AUTOMATION firings and MAX_EXAMINED_PER_AUTOMATION candidates per
 * automation per run. Returns the number of firings.
 */
async function runVendor(
  deps: { db: Db; events: DomainEvents },
  vendor: typeof vendors.$inferSelect,
  now: Date,
) {
  const { db, events } = deps;
  const list = await db
    .select()
    .from(automations)
    .where(and(eq(automations.vendorId, vendor.id), eq(automations.enabled, true)))
    .orderBy(asc(automations.sortOrder), asc(automations.id));
  if (list.length === 0) return 0;
  const ctx = await systemContext(db, vendor);
  const calendar = await calendarFor(
    db,
    vendor.id,
    vendor.timeZone,
    list.map((a) => a.conditions),
  );
  let count = 0;
  for (const a of list) {
    const p = prepare(a, ctx, now, calendar);
    if (!p) continue;
    // Pages of candidates, oldest update first; a ticket fired on moves to a new state and drops out.
    let fired = 0;
    let examined = 0;
    let after: { at: string; id: number } | null = null;
    while (fired < MAX_TICKETS_PER_AUTOMATION && examined < MAX_EXAMINED_PER_AUTOMATION) {
      const page: { id: number; at: string }[] = await db
        .select({ id: tickets.id, at: stateKey })
        .from(tickets)
        .where(
          and(
            eq(tickets.vendorId, vendor.id),
            ne(tickets.status, 'closed'),
            sql`${tickets.mergedIntoId} is null`,
            p.where,
            sql`not ${firedInState(a.id)}`,
            after
              ? sql`(${tickets.updatedAt}, ${tickets.id}) > (${after.at}::timestamptz, ${after.id})`
              : undefined,
          ),
        )
        .orderBy(asc(tickets.updatedAt), asc(tickets.id))
        .limit(PAGE);
      for (const { id } of page) {
        if (fired >= MAX_TICKETS_PER_AUTOMATION) break;
        examined++;
        let result: Awaited<ReturnType<typeof runOnTicket>>;
        try {
          result = await runOnTicket(db, ctx, p, id);
        } catch (err) {
          console.error(`automation ${a.id} failed on ticket ${id}`, err);
          continue;
        }
        if (!result) continue;
        fired++;
        events.emit('ticket.changed', {
          vendorId: vendor.id,
          ticketId: id,
          kind: result.changes.length ? 'updated' : 'comment',
          changes: result.changes,
          author: ruleAuthor('automation', a),
        });
      }
      if (page.length < PAGE) break;
      after = page.at(-1)!;
    }
    count += fired;
  }
  return count;
}

/**
 * Runs the automations of one vendor (or of every active vendor) at `now`. The scheduled job
 * calls it every 10 minutes; tests call it directly. Returns how many times automations fired.
 */
export async function runAutomations(
  deps: { db: Db; events: DomainEvents },
  vendorId?: number,
  now: Date = new Date(),
): Promise<number> {
  const list = await deps.db
    .select()
    .from(vendors)
    .where(vendorId === undefined ? eq(vendors.status, 'active') : eq(vendors.id, vendorId));
  let count = 0;
  for (const v of list) if (v.status === 'active') count += await runVendor(deps, v, now);
  return count;
}

/** Every 10 minutes, on whichever node takes the job (pg-boss runs a schedule once across nodes). */
export async function scheduleAutomations(deps: { db: Db; events: DomainEvents }, jobs: Jobs) {
  await jobs.work(
    AUTOMATIONS_JOB,
    async () => {
      await runAutomations(deps);
    },
    { pollingIntervalSeconds: 30 },
  );
  await jobs.schedule(AUTOMATIONS_JOB, '*/10 * * * *');
}

/** Candidates a preview reads at most (each is checked in memory like a run would). */
export const MAX_PREVIEW_EXAMINED = 2_000;
const PREVIEW_ITEMS = 50;

/**
 * 预览: the open tickets an automation with these conditions would act on if it ran now (ignoring
 * whether it already fired on them), newest update first: the first 50 and how many match among
 * the candidates read. Throws validation_failed for conditions the catalogue refuses.
 */
export async function previewAutomation(
  db: Db,
  ctx: TicketContext,
  conditions: AutomationRow['conditions'],
  now: Date = new Date(),
): Promise<{ count: number; examined: number; truncated: boolean; rows: TicketRow[] }> {
  const errors = await automationConditionErrors(db, ctx, conditions);
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  const vendorId = ctx.actor.vendorId;
  const calendar = await calendarFor(db, vendorId, ctx.actor.vendor.timeZone, [conditions]);
  const draft = { id: 0, title: '预览', conditions } as AutomationRow;
  // Previews see what the vendor's automations would: every ticket, not only the caller's.
  const p = prepare(draft, { ...ctx, writer: { ...ctx.writer, isAdmin: true } }, now, calendar);
  if (!p) return { count: 0, examined: 0, truncated: false, rows: [] };
  const rows: TicketRow[] = [];
  let count = 0;
  let examined = 0;
  let after: { at: Date; id: number } | null = null;
  while (examined < MAX_PREVIEW_EXAMINED) {
    const page: TicketRow[] = await db
      .select()
      .from(tickets)
      .where(
        and(
          eq(tickets.vendorId, vendorId),
          ne(tickets.status, 'closed'),
          sql`${tickets.mergedIntoId} is null`,
          p.where,
          after ? sql`(${tickets.updatedAt}, ${tickets.id}) < (${after.at}, ${after.id})` : undefined,
        ),
      )
      .orderBy(desc(tickets.updatedAt), desc(tickets.id))
      .limit(Math.min(PAGE, MAX_PREVIEW_EXAMINED - examined));
    for (const t of page) {
      examined++;
      if (!p.test(t, await relationsOf(db, t))) continue;
      count++;
      if (rows.length < PREVIEW_ITEMS) rows.push(t);
    }
    if (page.length < PAGE) return { count, examined, truncated: false, rows };
    const last = page.at(-1)!;
    after = { at: last.updatedAt, id: last.id };
  }
  return { count, examined, truncated: true, rows };
}
