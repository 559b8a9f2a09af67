import { createHash } from 'node:crypto';
import type { CustomerMessageValue, TargetActionValue, TriggerAction } from '@yidan/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { enqueueOutbox } from '../../platform/outbox/enqueue.js';
import type { MessagePayload } from '../../platform/outbox/messages.js';
import { contacts, identities } from '../customers/schema.js';
import { outboundPlaceholderData, renderTargetRequest } from '../targets/render.js';
import type { TargetRow } from '../targets/schema.js';
import { targetsByIds } from '../targets/service.js';
import type { TicketContext } from '../tickets/context.js';
import type { TicketRow } from '../tickets/schema.js';
import { placeholderData, renderPlaceholders } from './placeholders.js';

type MessageChannel = 'sms' | 'email' | 'wechat';
const MESSAGE_ACTIONS: Record<string, MessageChannel> = {
  'notify.customer.sms': 'sms',
  'notify.customer.email': 'email',
  'notify.customer.wechat': 'wechat',
};
const CHANNEL_NAMES: Record<MessageChannel, { what: string; missing: string }> = {
  sms: { what: '短信', missing: '手机号' },
  email: { what: '邮件', missing: '邮箱' },
  wechat: { what: '微信消息', missing: '微信 openid（客户未关注服务号）' },
};

type Planned =
  | { index: number; kind: 'target'; target: TargetRow; value: TargetActionValue }
  | { index: number; kind: 'message'; channel: MessageChannel; to: string; value: CustomerMessageValue };

/** A rule's outbound actions resolved against the ticket: what to send, and notes on what cannot be. */
export interface OutboundPlan {
  items: Planned[];
  /** Internal notes for the rule's change: no recipient, a target deleted since the rule was saved. */
  notes: string[];
}

const isOutbound = (a: TriggerAction) => a.field === 'target' || a.field in MESSAGE_ACTIONS;

/** Where the contact can be reached: the contact's own mobile and e-mail, else its identities. */
async function contactAddresses(tx: Db, vendorId: number, contactId: number | null) {
  const found: Record<MessageChannel, string | null> = { sms: null, email: null, wechat: null };
  if (contactId === null) return found;
  const [c] = await tx
    .select({ mobile: contacts.mobile, email: contacts.email })
    .from(contacts)
    .where(and(eq(contacts.vendorId, vendorId), eq(contacts.id, contactId)));
  const ids = await tx
    .select({ kind: identities.kind, value: identities.value })
    .from(identities)
    .where(
      and(
        eq(identities.vendorId, vendorId),
        eq(identities.contactId, contactId),
        inArray(identities.kind, ['mobile', 'email', 'wechat_openid']),
      ),
    )
    .orderBy(asc(identities.createdAt));
  const identity = (kind: string) => ids.find((i) => i.kind === kind)?.value ?? null;
  found.sms = c?.mobile || identity('mobile');
  found.email = c?.email || identity('email');
  found.wechat = identity('wechat_openid');
  return found;
}

/**
 * Resolves a rule's outbound actions (通知：外部目标, 向客户发送短消息/邮件/微信消息) before its change:
 * targets by id (a disabled one is skipped, as Zendesk skips inactive targets) and the contact's
 * address per channel. Nothing outbound: no query at all.
 */
export async function planOutbound(tx: Db, row: TicketRow, actions: TriggerAction[]): Promise<OutboundPlan> {
  const plan: OutboundPlan = { items: [], notes: [] };
  if (!actions.some(isOutbound)) return plan;
  const targetIds = actions
    .filter((a) => a.field === 'target')
    .map((a) => (a.value as TargetActionValue).targetId);
  const targets = new Map((await targetsByIds(tx, row.vendorId, targetIds)).map((t) => [t.id, t]));
  const needsContact = actions.some((a) => a.field in MESSAGE_ACTIONS);
  const addresses = needsContact ? await contactAddresses(tx, row.vendorId, row.contactId) : null;
  actions.forEach((a, index) => {
    if (a.field === 'target') {
      const value = a.value as TargetActionValue;
      const target = targets.get(value.targetId);
      if (!target) plan.notes.push(`未调用外部目标：目标 #${value.targetId} 已被删除`);
      else if (target.enabled) plan.items.push({ index, kind: 'target', target, value });
      return;
    }
    const channel = MESSAGE_ACTIONS[a.field];
    if (!channel || !addresses) return;
    const to = addresses[channel];
    const names = CHANNEL_NAMES[channel];
    if (to) plan.items.push({ index, kind: 'message', channel, to, value: a.value as CustomerMessageValue });
    else
      plan.notes.push(
        row.contactId === null
          ? `未发送${names.what}：工单没有联系人`
          : `未发送${names.what}：联系人没有${names.missing}`,
      );
  });
  return plan;
}

/**
 * The idempotency key of one outbound action of one firing: vendor, rule, ticket, the ticket's
 * version when the rule fired (every change bumps it) and the action's place in the rule. The same
 * change run again yields the same keys, so it cannot enqueue twice.
 */
function outboundKey(
  ruleKind: string,
  rule: { id?: number; title: string },
  fired: TicketRow,
  index: number,
) {
  const ruleId = rule.id ?? createHash('sha256').update(rule.title).digest('hex').slice(0, 12);
  return `yd-${fired.vendorId}-${ruleKind}-${ruleId}-t${fired.id}-v${fired.version}-a${index}`;
}

/**
 * Renders the planned calls and messages with the ticket as the rule left it and writes them to the
 * outbox in the change's transaction: they go out after commit, and not at all on rollback.
 * Webhook bodies escape values for their format (JSON strings, URL encoding); messages are plain text.
 */
export async function enqueueOutbound(
  tx: Db,
  ctx: TicketContext,
  plan: OutboundPlan,
  ruleKind: string,
  rule: { id?: number; title: string },
  firedOn: TicketRow,
  after: TicketRow,
): Promise<void> {
  if (plan.items.length === 0) return;
  const data = await outboundPlaceholderData(tx, await placeholderData(tx, ctx, after), after);
  for (const item of plan.items) {
    const common = {
      vendorId: after.vendorId,
      ticketId: after.id,
      idempotencyKey: outboundKey(ruleKind, rule, firedOn, item.index),
    };
    if (item.kind === 'target') {
      const payload = await renderTargetRequest(item.target, data, item.value.body);
      await enqueueOutbox(tx, { ...common, channel: 'webhook', targetId: item.target.id, payload });
      continue;
    }
    const message: MessagePayload = {
      to: item.to,
      subject: item.value.subject
        ? (await renderPlaceholders(item.value.subject, data, 'text')).slice(0, 200)
        : null,
      body: (await renderPlaceholders(item.value.body, data, 'text')).slice(0, 4000),
      contactId: after.contactId,
    };
    await enqueueOutbox(tx, { ...common, channel: item.channel, payload: { ...message } });
  }
}
