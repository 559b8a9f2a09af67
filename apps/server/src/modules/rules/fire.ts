import type { TicketChange, TriggerAction } from '@yidan/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { FIELD_MESSAGES, formatMessage } from '../../platform/http/messages.js';
import { groups } from '../org/schema.js';
import { CURRENT_AGENT } from '../tickets/catalogue.js';
import type { TicketContext } from '../tickets/context.js';
import type { TicketRow } from '../tickets/schema.js';
import { changeTicket, type TicketPatch } from '../tickets/service.js';
import type { ChangeAuthor } from '../tickets/timeline.js';
import type { AssignmentValue, NotificationValue } from './actions.js';
import { pickGroupAgent } from './assignment.js';
import { applyCustomerActions } from './customerActions.js';
import { enqueueOutbound, planOutbound } from './outbound.js';
import { noteHtml, placeholderData, renderPlaceholders } from './placeholders.js';
import type { TriggerRow } from './schema.js';

/** What a fired trigger did: the ticket after it, its changes, what it expects to stay, its notifications. */
export interface Fired {
  row: TicketRow;
  changes: TicketChange[];
  /** Holds while what the trigger set is still so; false afterwards means a later trigger undid it. */
  stillApplied: (row: TicketRow) => boolean;
  notifications: NotificationValue[];
}

/** The rule kinds that change tickets through actions, with the name the timeline gives them. */
export type RuleKind = 'trigger' | 'automation' | 'workflow' | 'sla';
const RULE_NAMES: Record<RuleKind, string> = {
  trigger: '触发器',
  automation: '自动化任务',
  workflow: '工单流',
  sla: 'SLA',
};

/** What firing needs of a rule (a trigger or an automation): its title and actions. */
export type FirableRule = Pick<TriggerRow, 'title' | 'actions'> & {
  /** Keys the rule's outbound deliveries (outbound.ts); rules without one are keyed by title. */
  id?: number;
};

/** The author of a rule's changes, as the timeline names it (由触发器「VIP工单升级」修改 …). */
export const ruleAuthor = (kind: RuleKind, r: Pick<TriggerRow, 'title'>): ChangeAuthor => ({
  type: 'system',
  via: `${RULE_NAMES[kind]}「${r.title}」`,
});
export const triggerAuthor = (t: Pick<TriggerRow, 'title'>): ChangeAuthor => ruleAuthor('trigger', t);

const same = (a: unknown, b: unknown) =>
  JSON.stringify(a instanceof Date ? a.toISOString() : (a ?? null)) ===
  JSON.stringify(b instanceof Date ? b.toISOString() : (b ?? null));

const SET_FIELDS: Record<string, keyof TicketPatch & keyof TicketRow> = {
  'ticket.status': 'status',
  'ticket.priority': 'priority',
  'ticket.type': 'type',
  'ticket.groupId': 'groupId',
  'ticket.assigneeId': 'assigneeId',
  'ticket.templateId': 'templateId',
};

async function groupName(tx: Db, vendorId: number, groupId: number) {
  const [g] = await tx
    .select({ name: groups.name })
    .from(groups)
    .where(and(eq(groups.vendorId, vendorId), eq(groups.id, groupId)));
  return g?.name ?? `#${groupId}`;
}

/**
 * Turns a trigger's actions into one ticket patch, note texts and notifications, against the
 * ticket as it is now. `$me` as assignee is the agent who made the change (skipped otherwise).
 */
async function planActions(
  tx: Db,
  row: TicketRow,
  actions: TriggerAction[],
  actingAgentId: number | null,
): Promise<{ patch: TicketPatch; notes: string[]; notifications: NotificationValue[] }> {
  const patch: TicketPatch = {};
  const notes: string[] = [];
  const notifications: NotificationValue[] = [];
  let tags = row.tags;
  let cc = row.ccAgentIds;
  for (const a of actions) {
    const column = SET_FIELDS[a.field];
    if (column) {
      const value = a.value === CURRENT_AGENT ? actingAgentId : a.value;
      if (a.value === CURRENT_AGENT && actingAgentId === null) continue;
      (patch as Record<string, unknown>)[column] = value;
    } else if (a.field.startsWith('ticket.custom.')) {
      patch.custom = { ...(patch.custom ?? {}), [a.field.slice('ticket.custom.'.length)]: a.value ?? null };
    } else if (a.field === 'ticket.tags.add') {
      tags = [...new Set([...tags, ...(a.value as string[]).map((t) => t.trim())])];
      patch.tags = tags;
    } else if (a.field === 'ticket.tags.remove') {
      const drop = new Set((a.value as string[]).map((t) => t.trim()));
      tags = tags.filter((t) => !drop.has(t));
      patch.tags = tags;
    } else if (a.field === 'ticket.cc.add') {
      cc = [...new Set([...cc, ...(a.value as number[])])];
      patch.ccAgentIds = cc;
    } else if (a.field === 'ticket.note') {
      notes.push(a.value as string);
    } else if (a.field === 'notify.agent') {
      notifications.push(a.value as NotificationValue);
    } else if (a.field === 'ticket.autoAssign') {
      const { groupId, strategy } = a.value as AssignmentValue;
      const agentId = await pickGroupAgent(tx, row.vendorId, groupId, strategy);
      patch.groupId = groupId;
      if (agentId !== null) patch.assigneeId = agentId;
      else notes.push(`「${await groupName(tx, row.vendorId, groupId)}」组内没有可接单的客服，未能自动分配`);
    }
  }
  // A tag list over the ticket's limit keeps the first 50 (as merges do).
  if (patch.tags && patch.tags.length > 50) patch.tags = patch.tags.slice(0, 50);
  return { patch, notes, notifications };
}

/** What the trigger set, as a check on a later version of the ticket. */
function expectation(actions: TriggerAction[], after: TicketRow): (row: TicketRow) => boolean {
  const checks: ((row: TicketRow) => boolean)[] = [];
  for (const a of actions) {
    const column = SET_FIELDS[a.field];
    if (column) {
      const v = after[column];
      checks.push((r) => same(r[column], v));
    } else if (a.field.startsWith('ticket.custom.')) {
      const key = a.field.slice('ticket.custom.'.length);
      const v = after.custom[key];
      checks.push((r) => same(r.custom[key], v));
    } else if (a.field === 'ticket.tags.add') {
      const added = (a.value as string[]).map((t) => t.trim()).filter((t) => after.tags.includes(t));
      checks.push((r) => added.every((t) => r.tags.includes(t)));
    } else if (a.field === 'ticket.tags.remove') {
      const removed = (a.value as string[]).map((t) => t.trim());
      checks.push((r) => removed.every((t) => !r.tags.includes(t)));
    } else if (a.field === 'ticket.cc.add') {
      const added = (a.value as number[]).filter((id) => after.ccAgentIds.includes(id));
      checks.push((r) => added.every((id) => r.ccAgentIds.includes(id)));
    } else if (a.field === 'ticket.autoAssign') {
      const { groupId, assigneeId } = after;
      checks.push((r) => r.groupId === groupId && r.assigneeId === assigneeId);
    }
  }
  return (row) => checks.every((check) => check(row));
}

/** Why a trigger's change was refused, for the note on the ticket. */
function refusal(err: AppError): string {
  const details = err.fieldErrors.map(
    (f) => `${f.path.replace(/^body\./, '')}：${FIELD_MESSAGES[f.message]?.zh ?? f.message}`,
  );
  return [formatMessage(err.code, 'zh-CN', err.params), ...details].join('；');
}

/** Fires one trigger on a ticket inside the change's transaction (see fireRule). */
export function fireTrigger(
  tx: Db,
  ctx: TicketContext,
  trigger: FirableRule,
  row: TicketRow,
  actingAgentId: number | null,
): Promise<Fired> {
  return fireRule(tx, ctx, 'trigger', trigger, row, actingAgentId);
}

/**
 * Fires one rule (a trigger, an automation) on a locked ticket in the caller's transaction: its
 * field actions and notes go through changeTicket as one system change ("由触发器「…」修改 …",
 * "由自动化任务「…」修改 …"); a change the ticket service refuses (a field now required, an agent no
 * longer available) leaves the ticket as it was and a note saying why, instead of failing the
 * change that ran the rule. A closed ticket only gets notifications. Outbound actions (external
 * targets, messages to the customer) are written to the outbox in the same transaction, rendered
 * with the ticket as the rule left it (outbound.ts).
 */
export async function fireRule(
  tx: Db,
  ctx: TicketContext,
  kind: RuleKind,
  trigger: FirableRule,
  row: TicketRow,
  actingAgentId: number | null,
): Promise<Fired> {
  const outbound = await planOutbound(tx, row, trigger.actions);
  const customerNotes = await applyCustomerActions(tx, row, trigger.actions, ruleAuthor(kind, trigger).via!);
  const fired = await fireRuleChanges(tx, ctx, kind, trigger, row, actingAgentId, [
    ...outbound.notes,
    ...customerNotes,
  ]);
  await enqueueOutbound(tx, ctx, outbound, kind, trigger, row, fired.row);
  return fired;
}

/** The changes, notes and notifications of fireRule; `outboundNotes` join the rule's own notes. */
async function fireRuleChanges(
  tx: Db,
  ctx: TicketContext,
  kind: RuleKind,
  trigger: FirableRule,
  row: TicketRow,
  actingAgentId: number | null,
  outboundNotes: string[],
): Promise<Fired> {
  const author = ruleAuthor(kind, trigger);
  if (row.status === 'closed') {
    const notifications = trigger.actions
      .filter((a) => a.field === 'notify.agent')
      .map((a) => a.value as NotificationValue);
    return { row, changes: [], stillApplied: () => true, notifications };
  }
  const plan = await planActions(tx, row, trigger.actions, actingAgentId);
  plan.notes.push(...outboundNotes);
  let note: string | undefined;
  if (plan.notes.length) {
    const data = await placeholderData(tx, ctx, row);
    const parts = await Promise.all(plan.notes.map((n) => renderPlaceholders(n, data, 'html')));
    note = parts.map(noteHtml).join('');
  }
  if (Object.keys(plan.patch).length === 0 && !note)
    return { row, changes: [], stillApplied: () => true, notifications: plan.notifications };
  try {
    const result = await changeTicket(tx, ctx, row, plan.patch, { author, ...(note ? { note } : {}) });
    return {
      row: result.row,
      changes: result.changes,
      stillApplied: expectation(trigger.actions, result.row),
      notifications: plan.notifications,
    };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    // Validation happens before any write, so the transaction is intact and the ticket unchanged.
    const refused = await changeTicket(
      tx,
      ctx,
      row,
      {},
      { author, note: `<p>${RULE_NAMES[kind]}未能修改工单：${refusal(err)}</p>` },
    );
    return { row: refused.row, changes: [], stillApplied: () => true, notifications: plan.notifications };
  }
}
