import type { TicketChange, TriggerEventType } from '@yidan/contracts';
import { and, asc, eq } from 'drizzle-orm';
import { cachedForVendor } from '../../platform/cache/vendorCache.js';
import type { Db } from '../../platform/db/client.js';
import type { FieldCatalogue } from '../../platform/rules/catalogue.js';
import { ConditionError } from '../../platform/rules/errors.js';
import { type EvaluationContext, prepareEvaluator } from '../../platform/rules/evaluate.js';
import { companies, contacts } from '../customers/schema.js';
import { bindCurrentAgent, type TicketRelations } from '../tickets/catalogue.js';
import type { TicketContext } from '../tickets/context.js';
import type { TicketRow } from '../tickets/schema.js';
import {
  changeTicket,
  onTicketChangedInTransaction,
  type TicketChangedInTransaction,
} from '../tickets/service.js';
import { type Fired, fireTrigger } from './fire.js';
import { type TriggerRow, triggers } from './schema.js';
import { TRIGGER_CACHE } from './service.js';
import { triggerEvaluationCatalogue, triggerRecord } from './triggerCatalogue.js';
import { sendTriggerNotifications } from './triggerNotifications.js';

/** The vendor's enabled triggers in order, through the per-vendor cache (trigger writes invalidate it). */
function enabledTriggers(db: Db, vendorId: number): Promise<TriggerRow[]> {
  return cachedForVendor(TRIGGER_CACHE, vendorId, () =>
    db
      .select()
      .from(triggers)
      .where(and(eq(triggers.vendorId, vendorId), eq(triggers.enabled, true)))
      .orderBy(asc(triggers.sortOrder), asc(triggers.id)),
  );
}

/** Passes over the triggers per change; a cycle still firing after this many is a loop. */
export const MAX_TRIGGER_PASSES = 10;

export async function relationsOf(tx: Db, row: TicketRow): Promise<TicketRelations> {
  const [company] = row.companyId
    ? await tx
        .select({
          name: companies.name,
          package: companies.package,
          serviceEnd: companies.serviceEnd,
          tags: companies.tags,
        })
        .from(companies)
        .where(and(eq(companies.vendorId, row.vendorId), eq(companies.id, row.companyId)))
    : [];
  const [contact] = row.contactId
    ? await tx
        .select({ name: contacts.name, mobile: contacts.mobile, tags: contacts.tags })
        .from(contacts)
        .where(and(eq(contacts.vendorId, row.vendorId), eq(contacts.id, row.contactId)))
    : [];
  return { company: company ?? null, contact: contact ?? null };
}

type Test = (record: Parameters<ReturnType<typeof prepareEvaluator>>[0], ctx: EvaluationContext) => boolean;

/** A trigger's conditions ready to run; one whose fields are gone since it was saved never fires. */
function prepare(t: TriggerRow, catalogue: FieldCatalogue, actingAgentId: number | null): Test | null {
  try {
    return prepareEvaluator(bindCurrentAgent(t.conditions, actingAgentId), catalogue);
  } catch (err) {
    if (err instanceof ConditionError) return null;
    throw err;
  }
}

/** The accumulated change set: each field from its value before the cycle to its value now. */
class ChangeSet {
  private readonly byField = new Map<string, { from: unknown; to: unknown }>();
  constructor(changes: TicketChange[]) {
    this.add(changes);
  }
  add(changes: TicketChange[]) {
    for (const c of changes) {
      const key = `ticket.${c.field}`;
      const before = this.byField.get(key);
      this.byField.set(key, { from: before ? before.from : c.from, to: c.to });
    }
  }
  record() {
    return Object.fromEntries(this.byField);
  }
}

/**
 * 触发器 (manual 5.1.6.1) with Zendesk's semantics, run inside the transaction of the change: the
 * vendor's enabled triggers in order; a trigger whose conditions hold fires once per change cycle;
 * its changes go through the ticket service (so the timeline names the trigger) and are seen by the
 * triggers after it, with the change set accumulated; after a pass that fired anything the pass
 * starts again, until one fires nothing. A trigger whose conditions stopped holding after it fired
 * and hold again because a later trigger undid what it set (two triggers swapping a tag back and
 * forth) would fire forever without the once-per-change rule: that is a loop, and besides stopping
 * (the last change stands) the cycle leaves an internal note naming the triggers; so does a cycle
 * still firing after MAX_TRIGGER_PASSES passes. Two triggers that merely set one field differently
 * are no loop: the later one wins, as in Zendesk. Imported tickets run no triggers
 * (Zendesk's import API does not either).
 */
export async function runTriggers(
  tx: Db,
  ctx: TicketContext,
  change: TicketChangedInTransaction,
): Promise<{ row: TicketRow; changes: TicketChange[] } | undefined> {
  if (change.kind === 'created' && change.row.source === 'import') return undefined;
  const list = await enabledTriggers(tx, change.row.vendorId);
  if (list.length === 0) return undefined;

  // Trigger changes are the system's: read-only field scopes and template visibility do not apply.
  const system: TicketContext = {
    ...ctx,
    writer: { ...ctx.writer, isAdmin: true },
    actor: { ...ctx.actor, permissions: new Set([...ctx.actor.permissions, 'ticket.settings']) },
  };
  const actingAgentId = change.author.type === 'agent' ? (change.author.agentId ?? null) : null;
  const catalogue = triggerEvaluationCatalogue(ctx.fields);
  const prepared = list.map((t) => ({ t, test: prepare(t, catalogue, actingAgentId) }));
  const event = { type: change.kind as TriggerEventType, author: change.author };
  const evaluation = { now: new Date(), timeZone: ctx.actor.vendor.timeZone };

  let row = change.row;
  let related = await relationsOf(tx, row);
  const changeSet = new ChangeSet(change.changes);
  const made: TicketChange[] = [];
  const fired = new Map<number, Fired>();
  const matches = (test: Test | null) =>
    test?.(triggerRecord(row, related, ctx.fields, event), { ...evaluation, changes: changeSet.record() }) ===
    true;

  // Fired triggers whose conditions stopped holding afterwards (most often through their own actions).
  const lapsed = new Set<number>();
  let loop: TriggerRow[] = [];
  let passes = 0;
  for (;;) {
    if (passes === MAX_TRIGGER_PASSES) {
      loop = list.filter((t) => fired.has(t.id));
      break;
    }
    passes++;
    let firedThisPass = false;
    for (const { t, test } of prepared) {
      if (fired.has(t.id) || !matches(test)) continue;
      firedThisPass = true;
      const before = row;
      const result = await fireTrigger(tx, system, t, row, actingAgentId);
      fired.set(t.id, result);
      row = result.row;
      made.push(...result.changes);
      changeSet.add(result.changes);
      if (row.companyId !== before.companyId || row.contactId !== before.contactId)
        related = await relationsOf(tx, row);
      for (const p of prepared) if (fired.has(p.t.id) && !matches(p.test)) lapsed.add(p.t.id);
    }
    if (!firedThisPass) {
      loop = undone(
        prepared.filter(
          ({ t, test }) => lapsed.has(t.id) && !fired.get(t.id)!.stillApplied(row) && matches(test),
        ),
        list,
        fired,
      );
      break;
    }
  }
  if (loop.length) row = await noteLoop(tx, system, row, loop, passes);
  await sendTriggerNotifications(
    tx,
    ctx,
    row,
    [...fired.values()].flatMap((f) => f.notifications),
  );
  return fired.size ? { row, changes: made } : undefined;
}

/** The triggers whose changes were undone, and the fired triggers that changed the same fields. */
function undone(looping: { t: TriggerRow }[], list: TriggerRow[], fired: Map<number, Fired>): TriggerRow[] {
  if (looping.length === 0) return [];
  const fields = new Set(looping.flatMap(({ t }) => fired.get(t.id)!.changes.map((c) => c.field)));
  const ids = new Set(looping.map(({ t }) => t.id));
  for (const [id, f] of fired) if (f.changes.some((c) => fields.has(c.field))) ids.add(id);
  return list.filter((t) => ids.has(t.id));
}

/** The internal note a loop leaves, naming the triggers involved. */
async function noteLoop(
  tx: Db,
  ctx: TicketContext,
  row: TicketRow,
  loop: TriggerRow[],
  passes: number,
): Promise<TicketRow> {
  if (row.status === 'closed') return row;
  const names = loop.map((t) => `「${t.title}」`).join('、');
  const why =
    passes === MAX_TRIGGER_PASSES
      ? `触发器连续执行了 ${MAX_TRIGGER_PASSES} 轮仍未结束`
      : `触发器${names}相互改回对方的修改，条件反复成立`;
  const note = `<p>检测到触发器循环：${why}，已停止执行（每个触发器本次只执行一次）。请检查触发器${names}的条件与操作。</p>`;
  const result = await changeTicket(tx, ctx, row, {}, { author: { type: 'system', via: '触发器' }, note });
  return result.row;
}

/** Runs the triggers after every ticket change, in its transaction (once per process; idempotent). */
export function registerTriggerEngine() {
  onTicketChangedInTransaction(
    runTriggers,
    async (db, vendorId) => (await enabledTriggers(db, vendorId)).length > 0,
  );
}
