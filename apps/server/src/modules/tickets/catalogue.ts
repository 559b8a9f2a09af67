import type {
  Condition,
  ConditionField,
  ConditionFieldType,
  ConditionSet,
  FieldDefinition,
  FieldType,
  LocalizedLabel,
  TICKET_PRIORITIES,
  TICKET_SOURCES,
  TICKET_STATUSES,
  TICKET_TYPES,
} from '@yidan/contracts';
import { asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import {
  createFieldCatalogue,
  type FieldCatalogue,
  validateConditions,
} from '../../platform/rules/catalogue.js';
import {
  type ConditionColumns,
  compileConditions,
  customFieldExpression,
} from '../../platform/rules/compile.js';
import type { ConditionRecord } from '../../platform/rules/evaluate.js';
import { listPackages } from '../customers/settings.js';
import { agents, groups } from '../org/schema.js';
import type { TicketContext } from './context.js';
import { type TicketRow, tickets, ticketTemplates } from './schema.js';

/**
 * The value token for "the current agent" in conditions on agent fields (ticket.assigneeId,
 * ticket.creatorAgentId, ticket.ccAgentIds). Stored as written; `bindCurrentAgent` replaces it
 * with the caller's agent id (views) or the acting agent (rules) before validation, SQL
 * compilation and evaluation, so both engines see a plain id.
 */
export const CURRENT_AGENT = '$me';
const AGENT_FIELDS = new Set(['ticket.assigneeId', 'ticket.creatorAgentId', 'ticket.ccAgentIds']);
/** Bound when there is no current agent: no agent has this id, so `is $me` never holds. */
const NO_AGENT = -1;

const label = (zh: string, en: string): LocalizedLabel => ({ zh, en });

export const TICKET_STATUS_LABELS: Record<(typeof TICKET_STATUSES)[number], LocalizedLabel> = {
  new: label('新建', 'New'),
  open: label('已开启', 'Open'),
  pending: label('待回应', 'Pending'),
  solved: label('已解决', 'Solved'),
  closed: label('已关闭', 'Closed'),
};
export const TICKET_PRIORITY_LABELS: Record<(typeof TICKET_PRIORITIES)[number], LocalizedLabel> = {
  low: label('低', 'Low'),
  normal: label('普通', 'Normal'),
  high: label('高', 'High'),
  urgent: label('紧急', 'Urgent'),
};
const TYPE_LABELS: Record<(typeof TICKET_TYPES)[number], LocalizedLabel> = {
  question: label('问题', 'Question'),
  incident: label('事故', 'Incident'),
  problem: label('故障', 'Problem'),
  task: label('任务', 'Task'),
};
const SOURCE_LABELS: Record<(typeof TICKET_SOURCES)[number], LocalizedLabel> = {
  phone: label('电话', 'Phone'),
  chat: label('在线聊天', 'Chat'),
  remote: label('远程', 'Remote'),
  message: label('留言', 'Message'),
  email: label('邮件', 'E-mail'),
  wechat: label('微信', 'WeChat'),
  form: label('工单模板发布', 'Web form'),
  api: label('API', 'API'),
  system: label('系统创建', 'System'),
  vendor: label('其他服务商', 'Other vendor'),
  agent: label('客服创建', 'Agent'),
  import: label('导入', 'Import'),
};

/** How each custom field type is queried (as for companies); attachments and locations are not. */
const CONDITION_TYPE: Partial<Record<FieldType, ConditionFieldType>> = {
  text: 'text',
  textarea: 'text',
  regex: 'text',
  phone: 'text',
  email: 'text',
  url: 'text',
  integer: 'integer',
  decimal: 'number',
  select: 'select',
  multiselect: 'multiselect',
  checkbox: 'boolean',
  date: 'date',
  datetime: 'datetime',
  cascade: 'multiselect',
};

type Option = NonNullable<ConditionField['options']>[number];
const labelled = <K extends string>(labels: Record<K, LocalizedLabel>): Option[] =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
const named = (rows: { id: number; name: string }[]): Option[] =>
  rows.map((r) => ({ value: String(r.id), label: label(r.name, r.name) }));
const meOption: Option = { value: CURRENT_AGENT, label: label('当前客服（我）', 'Current agent (me)') };

// Related rows are read by the ticket's own keys, so a condition on them is one indexed lookup.
const companyColumn = (column: string): SQL =>
  sql.raw(
    `(select c.${column} from companies c where c.vendor_id = "tickets"."vendor_id" and c.id = "tickets"."company_id")`,
  );
const contactColumn = (column: string): SQL =>
  sql.raw(
    `(select p.${column} from contacts p where p.vendor_id = "tickets"."vendor_id" and p.id = "tickets"."contact_id")`,
  );

export interface TicketCatalogueInput {
  /** The vendor's ticket field definitions (system and custom). */
  fields: FieldDefinition[];
  packages: string[];
  agents: { id: number; name: string }[];
  groups: { id: number; name: string }[];
  templates: { id: number; name: string }[];
  /** Privacy mode: phone numbers cannot be searched by those who only see them masked. */
  masked: boolean;
}

/**
 * The ticket condition catalogue (DESIGN §4): ticket system and custom fields, the ticket's
 * company and contact. The same list drives the console's condition builder, validation, the SQL
 * compiler (views) and the evaluator (rules); `ticketConditionRecord` reads a ticket the same way.
 */
export function ticketQueryFields(input: TicketCatalogueInput): {
  fields: ConditionField[];
  columns: ConditionColumns;
} {
  const fields: ConditionField[] = [];
  const columns: Record<string, SQL> = {};
  const add = (key: string, type: ConditionFieldType, l: LocalizedLabel, column: SQL, options?: Option[]) => {
    fields.push({ key, type, label: l, ...(options ? { options } : {}) });
    columns[key] = column;
  };
  const t = (col: keyof TicketRow) => sql`${tickets[col]}`;
  const agentOptions = [meOption, ...named(input.agents)];
  add('ticket.subject', 'text', label('标题', 'Subject'), t('subject'));
  add('ticket.description', 'text', label('描述', 'Description'), t('description'));
  add('ticket.number', 'integer', label('工单编号', 'Ticket number'), t('number'));
  add('ticket.status', 'select', label('状态', 'Status'), t('status'), labelled(TICKET_STATUS_LABELS));
  add(
    'ticket.priority',
    'select',
    label('优先级', 'Priority'),
    t('priority'),
    labelled(TICKET_PRIORITY_LABELS),
  );
  add('ticket.type', 'select', label('类型', 'Type'), t('type'), labelled(TYPE_LABELS));
  add('ticket.source', 'select', label('来源', 'Source'), t('source'), labelled(SOURCE_LABELS));
  add('ticket.assigneeId', 'id', label('处理客服', 'Assignee'), t('assigneeId'), agentOptions);
  add('ticket.groupId', 'id', label('客服组', 'Group'), t('groupId'), named(input.groups));
  add('ticket.creatorAgentId', 'id', label('创建客服', 'Created by'), t('creatorAgentId'), agentOptions);
  add(
    'ticket.ccAgentIds',
    'multiselect',
    label('抄送客服', 'CC agents'),
    sql`${tickets.ccAgentIds}::text[]`,
    agentOptions,
  );
  add(
    'ticket.ccGroupIds',
    'multiselect',
    label('抄送客服组', 'CC groups'),
    sql`${tickets.ccGroupIds}::text[]`,
    named(input.groups),
  );
  add('ticket.templateId', 'id', label('工单模板', 'Template'), t('templateId'), named(input.templates));
  add('ticket.contactId', 'id', label('联系人', 'Contact'), t('contactId'));
  add('ticket.companyId', 'id', label('公司', 'Company'), t('companyId'));
  add('ticket.tags', 'tags', label('标签', 'Tags'), t('tags'));
  add('ticket.createdAt', 'datetime', label('创建时间', 'Created'), t('createdAt'));
  add('ticket.updatedAt', 'datetime', label('更新时间', 'Updated'), t('updatedAt'));
  add('ticket.solvedAt', 'datetime', label('解决时间', 'Solved'), t('solvedAt'));
  add('ticket.closedAt', 'datetime', label('关闭时间', 'Closed'), t('closedAt'));
  add('ticket.dueAt', 'datetime', label('截止时间', 'Due'), t('dueAt'));
  for (const f of input.fields) {
    const type = CONDITION_TYPE[f.type];
    if (f.system || !f.enabled || !type) continue;
    const options =
      f.type === 'select' || f.type === 'multiselect'
        ? f.options.map((o) => ({ value: o.value, label: label(o.label, o.label) }))
        : undefined;
    add(
      `ticket.custom.${f.key}`,
      type,
      label(f.label, f.label),
      customFieldExpression(tickets.custom, f.key, type),
      options,
    );
  }
  add('company.name', 'text', label('公司名称', 'Company name'), companyColumn('name'));
  add(
    'company.package',
    'select',
    label('服务包', 'Service package'),
    companyColumn('package'),
    input.packages.map((p) => ({ value: p, label: label(p, p) })),
  );
  add('company.serviceEnd', 'date', label('服务到期日期', 'Service end'), companyColumn('service_end'));
  add('company.tags', 'tags', label('公司标签', 'Company tags'), companyColumn('tags'));
  add('contact.name', 'text', label('联系人姓名', 'Contact name'), contactColumn('name'));
  if (!input.masked)
    add('contact.mobile', 'text', label('联系人手机', 'Contact mobile'), contactColumn('mobile'));
  add('contact.tags', 'tags', label('联系人标签', 'Contact tags'), contactColumn('tags'));
  return { fields, columns };
}

export interface TicketCatalogue {
  fields: ConditionField[];
  columns: ConditionColumns;
  catalogue: FieldCatalogue;
}

/**
 * The caller's ticket catalogue, with the vendor's packages, agents, groups and templates as
 * options. Privacy mode hides phone fields from what the caller may write conditions on; saved
 * views (written by someone else, run as they are) pass `savedViews` to keep them.
 */
export async function ticketCatalogue(
  db: Db,
  ctx: Pick<TicketContext, 'actor' | 'fields' | 'masked'>,
  opts: { savedViews?: boolean } = {},
): Promise<TicketCatalogue> {
  const vendorId = ctx.actor.vendorId;
  const [packages, agentRows, groupRows, templateRows] = await Promise.all([
    listPackages(db, vendorId),
    db
      .select({ id: agents.id, name: agents.name })
      .from(agents)
      .where(eq(agents.vendorId, vendorId))
      .orderBy(asc(agents.id)),
    db
      .select({ id: groups.id, name: groups.name })
      .from(groups)
      .where(eq(groups.vendorId, vendorId))
      .orderBy(asc(groups.id)),
    db
      .select({ id: ticketTemplates.id, name: ticketTemplates.name })
      .from(ticketTemplates)
      .where(eq(ticketTemplates.vendorId, vendorId))
      .orderBy(asc(ticketTemplates.sortOrder), asc(ticketTemplates.id)),
  ]);
  const { fields, columns } = ticketQueryFields({
    fields: ctx.fields,
    packages: packages.map((p) => p.name),
    agents: agentRows,
    groups: groupRows,
    templates: templateRows,
    masked: ctx.masked && !opts.savedViews,
  });
  return { fields, columns, catalogue: createFieldCatalogue(fields) };
}

/** Replaces `$me` on agent fields with the given agent (null: an id no agent has). */
export function bindCurrentAgent(set: ConditionSet, agentId: number | null): ConditionSet {
  const id = agentId ?? NO_AGENT;
  const bindOne = (c: Condition): Condition => {
    if (!AGENT_FIELDS.has(c.field)) return c;
    const list = c.field === 'ticket.ccAgentIds';
    const swap = (v: unknown) => (v === CURRENT_AGENT ? (list ? String(id) : id) : v);
    return { ...c, value: Array.isArray(c.value) ? c.value.map(swap) : swap(c.value) };
  };
  return { all: set.all.map(bindOne), any: set.any.map(bindOne) };
}

/**
 * A condition set as a WHERE fragment over `tickets`, for the caller: `$me` bound to them, then
 * validated (field paths under `path`) and compiled.
 */
export function ticketConditionSql(
  ctx: Pick<TicketContext, 'actor'>,
  cat: TicketCatalogue,
  conditions: ConditionSet,
  path = 'body.conditions',
): SQL {
  const bound = bindCurrentAgent(conditions, ctx.actor.agentId);
  const errors = validateConditions(bound, cat.catalogue, { path });
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  return compileConditions(bound, cat.catalogue, cat.columns, {
    now: new Date(),
    timeZone: ctx.actor.vendor.timeZone,
  });
}

export interface TicketRelations {
  company: {
    name: string;
    package: string | null;
    serviceEnd: string | null;
    tags: string[];
  } | null;
  contact: { name: string; mobile: string | null; tags: string[] } | null;
}

/** A ticket as the evaluator reads it: the same keys and values the SQL columns give. */
export function ticketConditionRecord(
  t: TicketRow,
  related: TicketRelations,
  fields: FieldDefinition[],
): ConditionRecord {
  const record: Record<string, unknown> = {
    'ticket.subject': t.subject,
    'ticket.description': t.description,
    'ticket.number': t.number,
    'ticket.status': t.status,
    'ticket.priority': t.priority,
    'ticket.type': t.type,
    'ticket.source': t.source,
    'ticket.assigneeId': t.assigneeId,
    'ticket.groupId': t.groupId,
    'ticket.creatorAgentId': t.creatorAgentId,
    'ticket.ccAgentIds': t.ccAgentIds.map(String),
    'ticket.ccGroupIds': t.ccGroupIds.map(String),
    'ticket.templateId': t.templateId,
    'ticket.contactId': t.contactId,
    'ticket.companyId': t.companyId,
    'ticket.tags': t.tags,
    'ticket.createdAt': t.createdAt,
    'ticket.updatedAt': t.updatedAt,
    'ticket.solvedAt': t.solvedAt,
    'ticket.closedAt': t.closedAt,
    'ticket.dueAt': t.dueAt,
    'company.name': related.company?.name ?? null,
    'company.package': related.company?.package ?? null,
    'company.serviceEnd': related.company?.serviceEnd ?? null,
    'company.tags': related.company?.tags ?? null,
    'contact.name': related.contact?.name ?? null,
    'contact.mobile': related.contact?.mobile ?? null,
    'contact.tags': related.contact?.tags ?? null,
  };
  for (const f of fields) {
    if (!f.system && CONDITION_TYPE[f.type]) record[`ticket.custom.${f.key}`] = t.custom[f.key] ?? null;
  }
  return record;
}
