import {
  type ConditionField,
  type FieldDefinition,
  type LocalizedLabel,
  MACRO_FORM_SYSTEM_KEYS,
  type MacroAction,
  type MacroActionField,
  type MacroMode,
  TICKET_STATUSES,
  type TriggerActionField,
} from '@yidan/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/client.js';
import type { FieldError } from '../../platform/http/errors.js';
import { CURRENT_AGENT, TICKET_STATUS_LABELS } from '../tickets/catalogue.js';
import { type ActionLists, triggerActionErrors, triggerActionFields } from './actions.js';
import { placeholderSyntaxError } from './placeholders.js';
import { macros } from './schema.js';

const label = (zh: string, en: string): LocalizedLabel => ({ zh, en });

/** The trigger actions a macro takes over: the form's system fields, custom fields, tags and CC. */
const FROM_TRIGGERS = new Set([
  'ticket.status',
  'ticket.priority',
  'ticket.type',
  'ticket.groupId',
  'ticket.assigneeId',
  'ticket.tags.add',
  'ticket.tags.remove',
  'ticket.cc.add',
]);
const isFromTriggers = (key: string) => FROM_TRIGGERS.has(key) || key.startsWith('ticket.custom.');
/** Fields that always hold a value: 「仅为空时设置」 would never set them. */
const NEVER_EMPTY = new Set(['ticket.status', 'ticket.priority', 'ticket.type']);
const REPEATABLE = new Set([
  'ticket.tags.add',
  'ticket.tags.remove',
  'ticket.cc.add',
  'form.showFields',
  'form.hideFields',
  'macros.hide',
]);

/** A field of the ticket form as macros name it (watched, shown, hidden). */
export interface MacroFormField {
  key: string;
  label: LocalizedLabel;
}

/**
 * The fields of the ticket form: the system fields the form edits (labels from the condition
 * catalogue) and every enabled custom field, keyed as conditions name them.
 */
export function macroFormFields(conditions: ConditionField[], fields: FieldDefinition[]): MacroFormField[] {
  const byKey = new Map(conditions.map((c) => [c.key, c.label]));
  const system = MACRO_FORM_SYSTEM_KEYS.map((key) => ({
    key: key as string,
    label: byKey.get(key) ?? label(key, key),
  }));
  const custom = fields
    .filter((f) => !f.system && f.enabled)
    .map((f) => ({ key: `ticket.custom.${f.key}`, label: label(f.label, f.label) }));
  return [...system, ...custom];
}

/**
 * The action catalogue of macros (manual 5.1.6.3). 基本操作: the trigger actions on the form's fields
 * (status may be 已关闭 as in the form), each settable only where empty; 工单特殊操作: 工单控制 (block the
 * submit with a message, or make the form view-only) and 宏控制 (hide other macros); the reply (text
 * with Liquid placeholders, public or internal); 高级操作: show or hide fields and the reply list.
 */
export function macroActionFields(
  fields: FieldDefinition[],
  lists: ActionLists & { formFields: MacroFormField[]; macros: { id: number; title: string }[] },
): MacroActionField[] {
  const fromTriggers = triggerActionFields(fields, lists, { close: true })
    .filter((s) => isFromTriggers(s.key))
    .map((s) => macroSpec(s));
  const own = (
    key: string,
    valueType: MacroActionField['valueType'],
    group: MacroActionField['group'],
    l: LocalizedLabel,
    extra: Partial<MacroActionField> = {},
  ): MacroActionField => ({
    key,
    valueType,
    group,
    label: l,
    nullable: false,
    emptiable: false,
    repeatable: REPEATABLE.has(key),
    ...extra,
  });
  const fieldOptions = lists.formFields.map((f) => ({ value: f.key, label: f.label }));
  return [
    ...fromTriggers,
    own(
      'submit.block',
      'text',
      'special',
      label('工单控制：阻止提交并提示', 'Block the submit with a message'),
      {
        modes: ['submit'],
      },
    ),
    own(
      'form.readOnly',
      'flag',
      'special',
      label('工单控制：只能查看，不能编辑', 'Make the ticket view-only'),
    ),
    own('macros.hide', 'macros', 'special', label('宏控制：隐藏宏', 'Hide macros'), {
      options: lists.macros.map((m) => ({ value: String(m.id), label: label(m.title, m.title) })),
    }),
    own('reply.text', 'text', 'reply', label('回复内容', 'Reply text'), { emptiable: true }),
    own(
      'reply.public',
      'boolean',
      'reply',
      label('回复方式：公开回复（否：内部注释）', 'Public reply (no: internal note)'),
    ),
    own('form.showFields', 'fields', 'advanced', label('显示字段', 'Show fields'), { options: fieldOptions }),
    own('form.hideFields', 'fields', 'advanced', label('隐藏字段', 'Hide fields'), { options: fieldOptions }),
    own('form.showReplies', 'flag', 'advanced', label('显示回复列表', 'Show the reply list')),
    own('form.hideReplies', 'flag', 'advanced', label('隐藏回复列表', 'Hide the reply list')),
  ];
}

function macroSpec(s: TriggerActionField): MacroActionField {
  const group =
    s.valueType === 'custom'
      ? 'custom'
      : s.key.startsWith('ticket.tags') || s.key === 'ticket.cc.add'
        ? 'other'
        : 'system';
  return {
    ...s,
    group,
    // The form's status select offers 已关闭 too; the labels are the condition catalogue's.
    ...(s.key === 'ticket.status'
      ? { options: TICKET_STATUSES.map((v) => ({ value: v, label: TICKET_STATUS_LABELS[v] })) }
      : {}),
    // In a macro `$me` is the agent using the form.
    ...(s.key === 'ticket.assigneeId'
      ? {
          options: s.options?.map((o) =>
            o.value === CURRENT_AGENT ? { ...o, label: label('当前客服（我）', 'Current agent (me)') } : o,
          ),
        }
      : {}),
    emptiable: !NEVER_EMPTY.has(s.key) && !REPEATABLE.has(s.key),
    repeatable: REPEATABLE.has(s.key),
  };
}

const ids = z.array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)).min(1).max(100);
const SHAPES: Partial<Record<MacroActionField['valueType'], z.ZodType>> = {
  text: z.string().trim().min(1).max(5000),
  boolean: z.boolean(),
  flag: z.literal(true),
  fields: z.array(z.string().min(1).max(100)).min(1).max(100),
  macros: ids,
};

const zodErrors = (error: z.ZodError, at: string): FieldError[] =>
  error.issues.map((x) => ({
    path: [at, ...x.path.filter((p): p is string | number => typeof p !== 'symbol')].join('.'),
    message: 'invalid_action_value',
  }));

/** Problems of a macro-only action's value (the reply, 工单控制, 宏控制, 高级操作). */
function ownValueErrors(
  spec: MacroActionField,
  value: unknown,
  at: string,
  formKeys: Set<string>,
  macroIds: Map<number, string[]>,
): FieldError[] {
  const shape = SHAPES[spec.valueType];
  const parsed = shape?.safeParse(value);
  if (!parsed) return [{ path: at, message: 'invalid_action_value' }];
  if (!parsed.success) return zodErrors(parsed.error, at);
  switch (spec.valueType) {
    case 'text': {
      const error = placeholderSyntaxError(parsed.data as string);
      return error ? [{ path: at, message: `占位符语法错误：${error}` }] : [];
    }
    case 'fields':
      return (parsed.data as string[]).flatMap((k, j) =>
        formKeys.has(k) ? [] : [{ path: `${at}.${j}`, message: 'unknown_field' }],
      );
    case 'macros':
      for (const [j, id] of (parsed.data as number[]).entries())
        macroIds.set(id, [...(macroIds.get(id) ?? []), `${at}.${j}`]);
      return [];
    default:
      return [];
  }
}

/**
 * Problems of a macro's action list, at `<path>.<i>.field|value|onlyIfEmpty`: an action macros do
 * not have or not in this mode (阻止提交 only on submit), a set-type action twice, 「仅为空时设置」 on
 * a field that always has a value, a value of the wrong shape — the trigger actions validated as
 * triggers do (options, custom values, agent and group ids) —, a Liquid syntax error, an unknown form
 * field or a macro the vendor does not have.
 */
export async function macroActionErrors(
  db: Db,
  vendorId: number,
  fields: FieldDefinition[],
  actions: MacroAction[],
  mode: MacroMode,
  path: string,
  formFields: MacroFormField[],
): Promise<FieldError[]> {
  const specs = new Map(
    macroActionFields(fields, { agents: [], groups: [], templates: [], formFields, macros: [] }).map((s) => [
      s.key,
      s,
    ]),
  );
  const formKeys = new Set(formFields.map((f) => f.key));
  const errors: FieldError[] = [];
  const macroIds = new Map<number, string[]>();
  const seen = new Set<string>();
  const checkedAsTrigger = new Set<number>();
  actions.forEach((a, i) => {
    const spec = specs.get(a.field);
    if (!spec) {
      errors.push({ path: `${path}.${i}.field`, message: 'unknown_action' });
      return;
    }
    if (spec.modes && !spec.modes.includes(mode))
      errors.push({ path: `${path}.${i}.field`, message: 'macro_submit_only' });
    if (a.onlyIfEmpty && !spec.emptiable)
      errors.push({ path: `${path}.${i}.onlyIfEmpty`, message: 'not_emptiable' });
    if (isFromTriggers(a.field)) {
      checkedAsTrigger.add(i);
      return;
    }
    if (!spec.repeatable) {
      if (seen.has(a.field)) errors.push({ path: `${path}.${i}.field`, message: 'duplicate' });
      seen.add(a.field);
    }
    errors.push(...ownValueErrors(spec, a.value, `${path}.${i}.value`, formKeys, macroIds));
  });
  // The trigger actions are checked as triggers check them (shape, options, custom values, ids,
  // repeats), in the whole list so that paths keep their indexes; the other actions' findings there
  // (unknown to triggers) are not theirs to report.
  const asTriggers = await triggerActionErrors(db, vendorId, fields, actions, path, { close: true });
  errors.push(
    ...asTriggers.filter((e) => checkedAsTrigger.has(Number(e.path.slice(path.length + 1).split('.')[0]))),
  );
  if (macroIds.size) {
    const found = new Set(
      (
        await db
          .select({ id: macros.id })
          .from(macros)
          .where(and(eq(macros.vendorId, vendorId), inArray(macros.id, [...macroIds.keys()])))
      ).map((r) => r.id),
    );
    for (const [id, paths] of macroIds)
      if (!found.has(id)) errors.push(...paths.map((p) => ({ path: p, message: 'unknown_macro' })));
  }
  return errors;
}
