import { LEGACY_TARGET_PLACEHOLDERS, type TargetContentType } from '@yidan/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { agents } from '../org/schema.js';
import { type PlaceholderData, type PlaceholderMode, renderPlaceholders } from '../rules/placeholders.js';
import type { TicketContext } from '../tickets/context.js';
import { printTime, SafeHtml } from '../tickets/printData.js';
import type { TicketRow } from '../tickets/schema.js';
import type { TargetRow } from './schema.js';
import { sendsBody, type WebhookPayload } from './webhook.js';

/** Placeholder values are escaped for the body's format: `"{{ticket.subject}}"` stays valid JSON. */
const BODY_MODES: Record<TargetContentType, PlaceholderMode> = {
  'application/json': 'json',
  'application/x-www-form-urlencoded': 'url',
  'application/xml': 'xml',
  'text/plain': 'text',
};

/**
 * The placeholder data of outbound texts: the rules' data plus the manual's names
 * (`{{ticket.ticketId}}`, `{{ticket.servicer_Mobile}}` …, LEGACY_TARGET_PLACEHOLDERS) and
 * `{{ticket.<key>}}` for a custom field (帮我吧's form), unless the key is a name of its own.
 */
export async function outboundPlaceholderData(
  db: Db,
  data: PlaceholderData,
  ticket: Pick<TicketRow, 'vendorId' | 'assigneeId'> | null,
): Promise<PlaceholderData> {
  const [assignee] = ticket?.assigneeId
    ? await db
        .select({ mobile: agents.mobile })
        .from(agents)
        .where(and(eq(agents.vendorId, ticket.vendorId), eq(agents.id, ticket.assigneeId)))
    : [];
  const t: Record<string, unknown> = { ...data.ticket, assigneeMobile: assignee?.mobile ?? '' };
  for (const l of LEGACY_TARGET_PLACEHOLDERS)
    t[l.key.slice('ticket.'.length)] = t[l.same.slice('ticket.'.length)];
  const merged = { ...data.ticket.custom, ...t };
  return { ...data, ticket: merged as PlaceholderData['ticket'] };
}

/** The request a target makes for this data: URL (values URL-encoded) and body rendered. */
export async function renderTargetRequest(
  target: Pick<TargetRow, 'url' | 'method' | 'headers' | 'contentType' | 'body'>,
  data: PlaceholderData,
  bodyOverride?: string,
): Promise<WebhookPayload> {
  const mode = BODY_MODES[target.contentType as TargetContentType] ?? 'text';
  const template = bodyOverride ?? target.body;
  return {
    url: (await renderPlaceholders(target.url, data, 'url')).trim(),
    method: target.method,
    headers: target.headers,
    contentType: target.contentType,
    body: sendsBody(target.method) && template ? await renderPlaceholders(template, data, mode) : '',
  };
}

/** A made-up ticket for 测试 without a real one: every placeholder has a recognisable value. */
export function samplePlaceholderData(ctx: TicketContext): PlaceholderData {
  const tz = ctx.actor.vendor.timeZone;
  const now = printTime(new Date(), tz);
  const custom = Object.fromEntries(
    ctx.fields.filter((f) => !f.system).map((f) => [f.key, `示例${f.label}`] as const),
  );
  return {
    ticket: {
      id: 0,
      number: 10086,
      subject: '示例工单：凭证无法打印',
      description: new SafeHtml('<p>客户反映打印凭证时提示“打印机未就绪”。</p>'),
      status: '处理中',
      priority: '普通',
      type: '问题',
      source: '电话',
      template: '',
      createdAt: now,
      updatedAt: now,
      dueAt: '',
      solvedAt: '',
      closedAt: '',
      assignee: ctx.actor.name,
      group: '',
      creator: ctx.actor.name,
      tags: '示例',
      custom,
      fields: [],
    },
    company: {
      name: '示例科技有限公司',
      address: '杭州市西湖区示例路 1 号',
      phone: '0571-88888888',
      website: '',
      package: '标准服务包',
      serviceStart: '',
      serviceEnd: '',
      tags: '',
      notes: '',
      custom: {},
    },
    contact: {
      name: '王会计',
      mobile: '13800000000',
      landline: '',
      email: 'wang@example.com',
      qq: '',
      position: '会计',
      custom: {},
    },
    replies: [],
    records: [],
    vendor: { name: ctx.actor.vendor.displayName || ctx.actor.vendor.name },
    printedAt: now,
  };
}
