import {
  AUTO_ASSIGN_STRATEGIES,
  type AutoAssignStrategy,
  type CustomerMessageValue,
  customerMessageValue,
  type FieldDefinition,
  type FieldType,
  type LocalizedLabel,
  type TargetActionValue,
  TICKET_STATUSES,
  type TriggerAction,
  type TriggerActionField,
  type TriggerActionValueType,
  targetActionValue,
} from '@yidan/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.js';
import { validateCustomValues } from '../../platform/fields/values.js';
import type { FieldError } from '../../platform/http/errors.js';
import { agents, groups } from '../org/schema.js';
import { existingTargetIds } from '../targets/service.js';
import { CURRENT_AGENT, TICKET_PRIORITY_LABELS, TICKET_STATUS_LABELS } from '../tickets/catalogue.js';
import { ticketTemplates } from '../tickets/schema.js';
import {
  type CustomerFields,
  customerActionErrors,
  customerActionFields,
  isCustomerAction,
  loadCustomerFields,
} from './customerActions.js';
import { placeholderSyntaxError } from './placeholders.js';

const label = (zh: string, en: string): LocalizedLabel => ({ zh, en });
type Option = { value: string; label: LocalizedLabel };

const TYPE_OPTIONS: Option[] = [
  { value: 'question', label: label('问题', 'Question') },
  { value: 'incident', label: label('事故', 'Incident') },
  { value: 'problem', label: label('故障', 'Problem') },
  { value: 'task', label: label('任务', 'Task') },
];
// Triggers never close a ticket: a closed ticket takes no more changes (Zendesk: only automations close).
const SETTABLE_STATUSES = TICKET_STATUSES.filter((s) => s !== 'closed');

/** Custom field types a trigger may set (files, signatures, tables and calculated values are not). */
const SETTABLE_CUSTOM: readonly FieldType[] = [
  'text',
  'textarea',
  'integer',
  'decimal',
  'select',
  'multiselect',
  'checkbox',
  'date',
  'datetime',
  'cascade',
  'regex',
  'phone',
  'email',
  'url',
  'rating',
];

export interface ActionLists {
  agents: { id: number; name: string }[];
  groups: { id: number; name: string }[];
  templates: { id: number; name: string }[];
  /** Company and contact fields: offered as actions (公司字段 / 联系人字段) when given. */
  customer?: CustomerFields;
}
const named = (rows: { id: number; name: string }[]): Option[] =>
  rows.map((r) => ({ value: String(r.id), label: label(r.name, r.name) }));

/**
 * The action catalogue of triggers (Zendesk's `actions: [{field, value}]`): ticket system fields,
 * custom fields, tags, CC, an internal note, in-app notification and auto-assignment within a group,
 * and outbound actions through the outbox: SMS, e-mail, WeChat to the customer, an external target.
 */
export function triggerActionFields(
  fields: FieldDefinition[],
  lists: ActionLists,
  opts: { close?: boolean } = {},
): TriggerActionField[] {
  const out: TriggerActionField[] = [];
  const add = (
    key: string,
    valueType: TriggerActionValueType,
    l: LocalizedLabel,
    extra: Partial<TriggerActionField> = {},
  ) => out.push({ key, valueType, label: l, nullable: false, ...extra });
  add('ticket.status', 'select', label('状态', 'Status'), {
    // Automations may close a ticket (as in Zendesk); triggers may not.
    options: (opts.close ? TICKET_STATUSES : SETTABLE_STATUSES).map((s) => ({
      value: s,
      label: TICKET_STATUS_LABELS[s],
    })),
  });
  add('ticket.priority', 'select', label('优先级', 'Priority'), {
    options: (Object.keys(TICKET_PRIORITY_LABELS) as (keyof typeof TICKET_PRIORITY_LABELS)[]).map((p) => ({
      value: p,
      label: TICKET_PRIORITY_LABELS[p],
    })),
  });
  add('ticket.type', 'select', label('类型', 'Type'), { options: TYPE_OPTIONS });
  add('ticket.groupId', 'group', label('客服组', 'Group'), { nullable: true, options: named(lists.groups) });
  add('ticket.assigneeId', 'agent', label('处理客服', 'Assignee'), {
    nullable: true,
    options: [
      { value: CURRENT_AGENT, label: label('更新者（当前客服）', 'The updating agent') },
      ...named(lists.agents),
    ],
  });
  add('ticket.templateId', 'template', label('工单模板', 'Template'), {
    nullable: true,
    options: named(lists.templates),
  });
  for (const f of fields) {
    if (f.system || !f.enabled || !SETTABLE_CUSTOM.includes(f.type)) continue;
    add(`ticket.custom.${f.key}`, 'custom', label(f.label, f.label), {
      nullable: true,
      customType: f.type,
      ...(f.type === 'select' || f.type === 'multiselect'
        ? { options: f.options.map((o) => ({ value: o.value, label: label(o.label, o.label) })) }
        : {}),
    });
  }
  if (lists.customer) out.push(...customerActionFields(lists.customer));
  add('ticket.tags.add', 'tags', label('添加标签', 'Add tags'));
  add('ticket.tags.remove', 'tags', label('移除标签', 'Remove tags'));
  add('ticket.cc.add', 'agents', label('添加抄送客服', 'CC agents'), { options: named(lists.agents) });
  add('ticket.note', 'text', label('添加内部注释', 'Add an internal note'));
  add('ticket.autoAssign', 'assignment', label('组内自动分配', 'Auto-assign within a group'), {
    options: AUTO_ASSIGN_STRATEGIES.map((s) => ({
      value: s,
      label: s === 'least_load' ? label('负载优先', 'Least load') : label('轮流分配', 'Round robin'),
    })),
  });
  add('notify.agent', 'notification', label('通知：向客服发送系统消息', 'Notify agents in-app'), {
    options: [
      { value: 'assignee', label: label('处理客服', 'The assignee') },
      { value: 'supervisors', label: label('客服组主管', "The group's supervisors") },
      ...named(lists.agents),
    ],
  });
  // Outbound (through the outbox): the customer by SMS, e-mail, WeChat; an external target (5.2.19).
  add('notify.customer.sms', 'message', label('通知：向客户发送短消息', 'Notify the customer by SMS'));
  add('notify.customer.email', 'message', label('通知：向客户发送邮件', 'Notify the customer by e-mail'));
  add(
    'notify.customer.wechat',
    'message',
    label('通知：向客户发送微信消息', 'Notify the customer on WeChat'),
  );
  add('target', 'target', label('通知：外部目标', 'Notify an external target'));
  return out;
}

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const tag = z.string().trim().min(1).max(50);
export const notificationValue = z
  .object({
    to: z
      .array(z.union([id, z.literal('assignee'), z.literal('supervisors')]))
      .min(1)
      .max(50),
    title: z.string().trim().min(1).max(100),
    body: z.string().max(2000).optional(),
  })
  .strict();
export const assignmentValue = z.object({ groupId: id, strategy: z.enum(AUTO_ASSIGN_STRATEGIES) }).strict();
export type NotificationValue = z.infer<typeof notificationValue>;
export type AssignmentValue = { groupId: number; strategy: AutoAssignStrategy };

const SHAPES: Record<Exclude<TriggerActionValueType, 'custom'>, z.ZodType> = {
  select: z.string(),
  agent: z.union([id, z.literal(CURRENT_AGENT), z.null()]),
  group: id.nullable(),
  template: id.nullable(),
  tags: z.array(tag).min(1).max(50),
  agents: z.array(id).min(1).max(50),
  text: z.string().trim().min(1).max(5000),
  notification: notificationValue,
  assignment: assignmentValue,
  target: targetActionValue,
  message: customerMessageValue,
};

/** Actions that set one thing may appear once per trigger; adding/removing tags, notes and notifications may repeat. */
const REPEATABLE = new Set([
  'ticket.tags.add',
  'ticket.tags.remove',
  'ticket.cc.add',
  'ticket.note',
  'notify.agent',
  'notify.customer.sms',
  'notify.customer.email',
  'notify.customer.wechat',
  'target',
]);

interface References {
  agentIds: Map<number, string[]>;
  groupIds: Map<number, string[]>;
  templateIds: Map<number, string[]>;
  targetIds?: Map<number, string[]>;
}
const refer = (m: Map<number, string[]>, key: number, path: string) =>
  m.set(key, [...(m.get(key) ?? []), path]);

function shapeIssues(spec: TriggerActionField, value: unknown, at: string, refs: References): FieldError[] {
  if (spec.valueType === 'custom') return [];
  const parsed = SHAPES[spec.valueType].safeParse(value);
  if (!parsed.success) {
    return parsed.error.issues.map((x) => ({
      path: [at, ...x.path.filter((p): p is string | number => typeof p !== 'symbol')].join('.'),
      message: 'invalid_action_value',
    }));
  }
  const v = parsed.data as never;
  switch (spec.valueType) {
    case 'select':
      return spec.options?.some((o) => o.value === v) ? [] : [{ path: at, message: 'not_an_option' }];
    case 'agent':
      if (typeof v === 'number') refer(refs.agentIds, v, at);
      return [];
    case 'group':
      if (v !== null) refer(refs.groupIds, v, at);
      return [];
    case 'template':
      if (v !== null) refer(refs.templateIds, v, at);
      return [];
    case 'agents':
      for (const [j, a] of (v as number[]).entries()) refer(refs.agentIds, a, `${at}.${j}`);
      return [];
    case 'text': {
      const error = placeholderSyntaxError(v);
      return error ? [{ path: at, message: `占位符语法错误：${error}` }] : [];
    }
    case 'notification': {
      const n = v as NotificationValue;
      n.to.forEach((a, j) => {
        if (typeof a === 'number') refer(refs.agentIds, a, `${at}.to.${j}`);
      });
      return liquidErrors(at, { title: n.title, body: n.body });
    }
    case 'assignment':
      refer(refs.groupIds, (v as AssignmentValue).groupId, `${at}.groupId`);
      return [];
    case 'target': {
      const t = v as TargetActionValue;
      refs.targetIds ??= new Map();
      refer(refs.targetIds, t.targetId, `${at}.targetId`);
      return liquidErrors(at, { body: t.body });
    }
    case 'message': {
      const m = v as CustomerMessageValue;
      return liquidErrors(at, { subject: m.subject, body: m.body });
    }
    default:
      return [];
  }
}

/** Liquid syntax errors of an action value's texts, at `<at>.<part>`. */
function liquidErrors(at: string, parts: Record<string, string | undefined>): FieldError[] {
  const errors: FieldError[] = [];
  for (const [part, text] of Object.entries(parts)) {
    const error = text ? placeholderSyntaxError(text) : null;
    if (error) errors.push({ path: `${at}.${part}`, message: `占位符语法错误：${error}` });
  }
  return errors;
}

/** Ids that name nothing of the vendor: agents (enabled ones), groups, templates and external targets. */
async function referenceErrors(db: Db, vendorId: number, refs: References): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const check = async (
    m: Map<number, string[]>,
    query: (ids: number[]) => Promise<{ id: number }[]>,
    message: string,
  ) => {
    if (m.size === 0) return;
    const found = new Set((await query([...m.keys()])).map((r) => r.id));
    for (const [key, paths] of m)
      if (!found.has(key)) errors.push(...paths.map((path) => ({ path, message })));
  };
  await check(
    refs.agentIds,
    (ids) =>
      db
        .select({ id: agents.id })
        .from(agents)
        .where(and(eq(agents.vendorId, vendorId), inArray(agents.id, ids), eq(agents.enabled, true))),
    'unknown_agent',
  );
  await check(
    refs.groupIds,
    (ids) =>
      db
        .select({ id: groups.id })
        .from(groups)
        .where(and(eq(groups.vendorId, vendorId), inArray(groups.id, ids))),
    'unknown_group',
  );
  await check(
    refs.templateIds,
    (ids) =>
      db
        .select({ id: ticketTemplates.id })
        .from(ticketTemplates)
        .where(and(eq(ticketTemplates.vendorId, vendorId), inArray(ticketTemplates.id, ids))),
    'unknown_template',
  );
  if (refs.targetIds)
    await check(
      refs.targetIds,
      async (ids) => (await existingTargetIds(db, vendorId, ids)).map((id) => ({ id })),
      'unknown_target',
    );
  return errors;
}

/**
 * Problems of a trigger's actions, at `body.actions.<i>.field|value…`: an unknown action, a value
 * of the wrong shape or not an option, a custom value its field refuses, a Liquid syntax error, or
 * an agent, group or template id the vendor does not have.
 */
export async function triggerActionErrors(
  db: Db,
  vendorId: number,
  fields: FieldDefinition[],
  actions: TriggerAction[],
  path = 'body.actions',
  opts: { close?: boolean } = {},
): Promise<FieldError[]> {
  const specs = new Map(
    triggerActionFields(fields, { agents: [], groups: [], templates: [] }, opts).map((s) => [s.key, s]),
  );
  const errors: FieldError[] = [];
  const refs: References = { agentIds: new Map(), groupIds: new Map(), templateIds: new Map() };
  const seen = new Set<string>();
  actions.forEach((a, i) => {
    if (isCustomerAction(a.field)) return;
    const spec = specs.get(a.field);
    if (!spec) {
      errors.push({ path: `${path}.${i}.field`, message: 'unknown_action' });
      return;
    }
    if (!REPEATABLE.has(a.field)) {
      if (seen.has(a.field)) errors.push({ path: `${path}.${i}.field`, message: 'duplicate' });
      seen.add(a.field);
    }
    const at = `${path}.${i}.value`;
    if (spec.valueType !== 'custom') {
      errors.push(...shapeIssues(spec, a.value, at, refs));
      return;
    }
    if (a.value === null) return;
    const key = a.field.slice('ticket.custom.'.length);
    const checked = validateCustomValues(
      fields.filter((f) => f.key === key),
      { [key]: a.value },
      { writer: { agentId: 0, groupIds: [], isAdmin: true }, path: '' },
    );
    errors.push(
      ...checked.errors.map((e) => ({ path: at + e.path.slice(`.${key}`.length), message: e.message })),
    );
    if (checked.values[key] === undefined && checked.errors.length === 0)
      errors.push({ path: at, message: 'invalid_action_value' });
  });
  errors.push(...(await referenceErrors(db, vendorId, refs)));
  if (actions.some((a) => isCustomerAction(a.field)))
    errors.push(...customerActionErrors(actions, await loadCustomerFields(db, vendorId), path));
  return errors;
}
