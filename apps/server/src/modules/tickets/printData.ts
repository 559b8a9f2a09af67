import type {
  FieldDefinition,
  FieldOption,
  RecordChannel,
  TicketPriority,
  TicketSource,
  TicketStatus,
  TicketType,
} from '@yidan/contracts';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { Drop } from 'liquidjs';
import type { Db } from '../../platform/db/client.js';
import { maskPhone } from '../../platform/fields/phone.js';
import { localTime } from '../calendar/clock.js';
import { companies, contacts } from '../customers/schema.js';
import { listFields } from '../fields/service.js';
import { agents, groups } from '../org/schema.js';
import type { TicketContext } from './context.js';
import { loadTemplate, templateFieldDefs } from './customFields.js';
import { serviceRecords, type TicketRow, ticketEvents } from './schema.js';

/** Rich text sanitised when it was written: printed as HTML, while every other value is escaped. */
export class SafeHtml extends Drop {
  constructor(readonly html: string) {
    super();
  }
  override valueOf() {
    return this.html;
  }
  override toString() {
    return this.html;
  }
}

export const STATUS_LABELS: Record<TicketStatus, string> = {
  new: '新建',
  open: '处理中',
  pending: '待回应',
  solved: '已解决',
  closed: '已关闭',
};
export const PRIORITY_LABELS: Record<TicketPriority, string> = {
  low: '低',
  normal: '普通',
  high: '高',
  urgent: '紧急',
};
const TYPE_LABELS: Record<TicketType, string> = {
  question: '问题',
  incident: '事件',
  problem: '故障',
  task: '任务',
};
const SOURCE_LABELS: Record<TicketSource, string> = {
  phone: '电话',
  chat: '在线聊天',
  remote: '远程',
  message: '留言',
  email: '邮件',
  wechat: '微信',
  form: '工单模板发布',
  api: 'API',
  system: '系统创建',
  vendor: '其他服务商',
  agent: '客服创建',
  import: '导入',
};
const CHANNEL_LABELS: Record<RecordChannel, string> = {
  call: '通话',
  chat: '会话',
  remote: '远程',
  visit: '上门',
  email: '邮件',
  manual: '手工记录',
};

/** Most replies and records a printout carries (the oldest first). */
const MAX_ROWS = 500;

/** "2026-01-05 10:30" in the vendor's time zone; blank when there is no time. */
export function printTime(at: Date | string | null | undefined, timeZone: string): string {
  if (!at) return '';
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return '';
  const t = localTime(d, timeZone);
  return `${t.date} ${t.time}`;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

function optionLabel(options: FieldOption[], value: unknown) {
  return options.find((o) => o.value === value)?.label ?? String(value);
}

function cascadeLabels(options: FieldOption[], path: unknown[]): string {
  const labels: string[] = [];
  let level: FieldOption[] | undefined = options;
  for (const step of path) {
    const node: FieldOption | undefined = level?.find((o) => o.value === step);
    labels.push(node?.label ?? String(step));
    level = node?.children;
  }
  return labels.join(' / ');
}

interface FormatOptions {
  timeZone: string;
  masked: boolean;
}

/**
 * One custom value as people read it: option labels, 是/否, local times, masked phones; a
 * signature as `{ url }` (its image at /api/v1/files/<id>); a product table as rows with yuan.
 */
export function printValue(def: FieldDefinition | undefined, v: unknown, o: FormatOptions): unknown {
  if (v === null || v === undefined || v === '') return '';
  const mask = (s: string) => (o.masked ? (maskPhone(s) ?? '') : s);
  switch (def?.type as string | undefined) {
    case 'select':
      return optionLabel(def!.options, v);
    case 'multiselect':
      return Array.isArray(v) ? v.map((x) => optionLabel(def!.options, x)).join('、') : '';
    case 'cascade':
      return Array.isArray(v) ? cascadeLabels(def!.options, v) : '';
    case 'checkbox':
      return v === true ? '是' : '否';
    case 'datetime':
      return printTime(String(v), o.timeZone);
    case 'phone':
      return mask(String(v));
    case 'attachment':
      return Array.isArray(v) ? v.map((a) => String((a as { name?: unknown }).name ?? '')).join('、') : '';
    case 'location':
      return String((v as { address?: unknown }).address ?? '');
    case 'sms_code':
      return mask(String((v as { mobile?: unknown }).mobile ?? ''));
    case 'asset': {
      const a = v as { name?: unknown; serial?: unknown };
      return a.serial ? `${a.name ?? ''}（${a.serial}）` : String(a.name ?? '');
    }
    case 'signature': {
      const url = `/api/v1/files/${encodeURIComponent(String(v))}`;
      return { fileId: String(v), url, toString: () => url };
    }
    case 'product_table': {
      const t = v as {
        rows?: { name: string; price: number; quantity: number; total: number }[];
        total?: number;
      };
      const rows = (t.rows ?? []).map((r) => ({
        name: r.name,
        price: yuan(r.price),
        quantity: r.quantity,
        total: yuan(r.total),
      }));
      const total = yuan(t.total ?? 0);
      const text = `${rows.map((r) => `${r.name} ×${r.quantity}`).join('、')}（合计 ¥${total}）`;
      return { rows, total, toString: () => text };
    }
    default:
      return typeof v === 'object' ? '' : v;
  }
}

function printCustom(defs: FieldDefinition[], custom: Record<string, unknown>, o: FormatOptions) {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  return Object.fromEntries(Object.entries(custom).map(([k, v]) => [k, printValue(byKey.get(k), v, o)]));
}

async function agentNames(db: Db, vendorId: number, ids: number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await db
    .select({ id: agents.id, name: agents.name })
    .from(agents)
    .where(and(eq(agents.vendorId, vendorId), inArray(agents.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function groupName(db: Db, vendorId: number, id: number | null) {
  if (id === null) return '';
  const [g] = await db
    .select({ name: groups.name })
    .from(groups)
    .where(and(eq(groups.vendorId, vendorId), eq(groups.id, id)));
  return g?.name ?? '';
}

async function customerOf(db: Db, ticket: TicketRow) {
  const [contact] = ticket.contactId
    ? await db
        .select()
        .from(contacts)
        .where(and(eq(contacts.vendorId, ticket.vendorId), eq(contacts.id, ticket.contactId)))
    : [];
  const [company] = ticket.companyId
    ? await db
        .select()
        .from(companies)
        .where(and(eq(companies.vendorId, ticket.vendorId), eq(companies.id, ticket.companyId)))
    : [];
  return { contact, company };
}

async function historyOf(db: Db, ticket: TicketRow) {
  const replies = await db
    .select()
    .from(ticketEvents)
    .where(
      and(
        eq(ticketEvents.vendorId, ticket.vendorId),
        eq(ticketEvents.ticketId, ticket.id),
        eq(ticketEvents.kind, 'comment'),
        eq(ticketEvents.public, true),
      ),
    )
    .orderBy(asc(ticketEvents.id))
    .limit(MAX_ROWS);
  const records = await db
    .select()
    .from(serviceRecords)
    .where(and(eq(serviceRecords.vendorId, ticket.vendorId), eq(serviceRecords.ticketId, ticket.id)))
    .orderBy(asc(serviceRecords.startedAt), asc(serviceRecords.id))
    .limit(MAX_ROWS);
  const contactIds = [
    ...new Set(replies.map((r) => r.actorContactId).filter((x): x is number => x !== null)),
  ];
  const contactNames = contactIds.length
    ? new Map(
        (
          await db
            .select({ id: contacts.id, name: contacts.name })
            .from(contacts)
            .where(and(eq(contacts.vendorId, ticket.vendorId), inArray(contacts.id, contactIds)))
        ).map((c) => [c.id, c.name]),
      )
    : new Map<number, string>();
  return { replies, records, contactNames };
}

/**
 * Everything a print template can read about one ticket (the placeholders PRINT_PLACEHOLDERS
 * lists): labels instead of codes, times in the vendor's zone, phones masked under privacy mode,
 * rich text as SafeHtml and everything else left for the template engine to escape.
 */
export async function printContext(db: Db, ctx: TicketContext, ticket: TicketRow) {
  const vendorId = ctx.actor.vendorId;
  const tz = ctx.actor.vendor.timeZone;
  const fmt: FormatOptions = { timeZone: tz, masked: ctx.masked };
  const mask = (s: string | null) => (ctx.masked ? maskPhone(s) : s) ?? '';
  const { contact, company } = await customerOf(db, ticket);
  const { replies, records, contactNames } = await historyOf(db, ticket);
  const agentIds = [
    ticket.assigneeId,
    ticket.creatorAgentId,
    ...replies.map((r) => r.actorAgentId),
    ...records.map((r) => r.agentId),
  ].filter((x): x is number => x !== null);
  const agentNameById = await agentNames(db, vendorId, [...new Set(agentIds)]);
  const group = await groupName(db, vendorId, ticket.groupId);
  const template = ticket.templateId ? await loadTemplate(db, vendorId, ticket.templateId) : null;
  const companyFields = company ? await listFields(db, vendorId, 'company') : [];
  const contactFields = contact ? await listFields(db, vendorId, 'contact') : [];
  const agentName = (id: number | null) => (id === null ? '' : (agentNameById.get(id) ?? ''));

  const custom = printCustom(ctx.fields, ticket.custom, fmt);
  // The template's fields in its order, for layouts that list them all (blank ones too, to fill in by hand).
  const fieldDefs = templateFieldDefs(ctx.fields, template).filter(
    (d) => template || (ticket.custom[d.key] !== undefined && ticket.custom[d.key] !== null),
  );
  return {
    ticket: {
      id: ticket.id,
      number: ticket.number,
      subject: ticket.subject,
      description: new SafeHtml(ticket.description),
      status: STATUS_LABELS[ticket.status] ?? ticket.status,
      priority: PRIORITY_LABELS[ticket.priority] ?? ticket.priority,
      type: TYPE_LABELS[ticket.type] ?? ticket.type,
      source: SOURCE_LABELS[ticket.source] ?? ticket.source,
      template: template?.name ?? '',
      createdAt: printTime(ticket.createdAt, tz),
      updatedAt: printTime(ticket.updatedAt, tz),
      dueAt: printTime(ticket.dueAt, tz),
      solvedAt: printTime(ticket.solvedAt, tz),
      closedAt: printTime(ticket.closedAt, tz),
      assignee: agentName(ticket.assigneeId),
      group,
      creator: agentName(ticket.creatorAgentId),
      tags: ticket.tags.join('、'),
      custom,
      fields: fieldDefs.map((d) => ({
        key: d.key,
        label: d.label,
        type: d.type,
        value: custom[d.key] ?? '',
      })),
    },
    company: {
      name: company?.name ?? '',
      address: company?.address ?? '',
      phone: mask(company?.phone ?? null),
      website: company?.website ?? '',
      package: company?.package ?? '',
      serviceStart: company?.serviceStart ?? '',
      serviceEnd: company?.serviceEnd ?? '',
      tags: company?.tags.join('、') ?? '',
      notes: company?.notes ?? '',
      custom: company ? printCustom(companyFields, company.custom, fmt) : {},
    },
    contact: {
      name: contact?.name ?? '',
      mobile: mask(contact?.mobile ?? null),
      landline: mask(contact?.landline ?? null),
      email: contact?.email ?? '',
      qq: contact?.qq ?? '',
      position: contact?.position ?? '',
      custom: contact ? printCustom(contactFields, contact.custom, fmt) : {},
    },
    replies: replies.map((r) => ({
      author:
        r.actorAgentId !== null
          ? agentName(r.actorAgentId)
          : r.actorContactId !== null
            ? (contactNames.get(r.actorContactId) ?? '')
            : '',
      time: printTime(r.createdAt, tz),
      body: new SafeHtml(r.body ?? ''),
    })),
    records: records.map((r) => ({
      channel: CHANNEL_LABELS[r.channel] ?? r.channel,
      agent: agentName(r.agentId),
      startedAt: printTime(r.startedAt, tz),
      endedAt: printTime(r.endedAt, tz),
      summary: r.summary,
    })),
    vendor: { name: ctx.actor.vendor.displayName || ctx.actor.vendor.name },
    printedAt: printTime(new Date(), tz),
  };
}
