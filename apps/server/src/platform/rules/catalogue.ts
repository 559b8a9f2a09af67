import {
  type Condition,
  type ConditionField,
  type ConditionSet,
  conditionSetSchema,
  conditionValueSchema,
  isEventOperator,
  isOperatorAllowed,
} from '@yidan/contracts';
import type { z } from 'zod';
import type { FieldError } from '../http/errors.js';
import { ConditionError } from './errors.js';
import { translatePattern } from './pattern.js';

/** The fields one context offers to conditions (a ticket view, a trigger, a customer query…). */
export interface FieldCatalogue {
  readonly fields: readonly ConditionField[];
  get(key: string): ConditionField | undefined;
}

/** Builds a catalogue; modules concatenate their field lists, so a duplicate key is a bug. */
export function createFieldCatalogue(fields: readonly ConditionField[]): FieldCatalogue {
  const byKey = new Map<string, ConditionField>();
  for (const f of fields) {
    if (byKey.has(f.key)) throw new Error(`duplicate condition field ${f.key}`);
    byKey.set(f.key, f);
  }
  return { fields, get: (key) => byKey.get(key) };
}

export interface ValidateOptions {
  /** Allow `changed*` operators (triggers); views, queries and reports cannot use them. */
  events?: boolean;
}

/**
 * Message keys of condition errors that FIELD_MESSAGES (platform/http/messages.ts) does not
 * have yet; the other keys used here (unknown_field, not_an_option, unsafe_regex, expected_*,
 * invalid_date, invalid_datetime, too_long) already exist there.
 */
export const CONDITION_MESSAGES: Record<string, { zh: string; en: string }> = {
  operator_not_allowed: { zh: '该字段不支持此运算符', en: 'This operator is not available for the field' },
  value_not_expected: { zh: '此运算符不需要值', en: 'This operator takes no value' },
  expected_list: { zh: '请至少选择一个值', en: 'Give at least one value' },
  expected_relative_time: {
    zh: '请填写时长（分钟、小时或天）',
    en: 'Give an amount of minutes, hours or days',
  },
  regex_too_long: { zh: '正则表达式最多 200 个字符', en: 'At most 200 characters in a pattern' },
};

type Issue = { path: (string | number)[]; message: string };

/** Problems of a condition set against a catalogue, with paths relative to the set (`['all', 0, 'value']`). */
export function conditionIssues(set: ConditionSet, catalogue: FieldCatalogue, opts: ValidateOptions = {}) {
  const issues: Issue[] = [];
  for (const part of ['all', 'any'] as const) {
    set[part].forEach((c, i) => {
      issues.push(
        ...conditionIssuesOf(c, catalogue, opts).map((x) => ({ ...x, path: [part, i, ...x.path] })),
      );
    });
  }
  return issues;
}

function conditionIssuesOf(c: Condition, catalogue: FieldCatalogue, opts: ValidateOptions): Issue[] {
  const field = catalogue.get(c.field);
  if (!field) return [{ path: ['field'], message: 'unknown_field' }];
  if (!isOperatorAllowed(field.type, c.op) || (isEventOperator(c.op) && !opts.events)) {
    return [{ path: ['op'], message: 'operator_not_allowed' }];
  }
  const parsed = conditionValueSchema(field.type, c.op).safeParse(c.value);
  if (!parsed.success) {
    return parsed.error.issues.map((x) => ({
      path: ['value', ...x.path.filter((p): p is string | number => typeof p !== 'symbol')],
      message: x.message,
    }));
  }
  if (c.op === 'matches') {
    const result = translatePattern(c.value as string);
    return result.ok ? [] : [{ path: ['value'], message: result.message }];
  }
  return optionIssues(field, c.value);
}

/** Select and multiselect values must be options, when the field lists its options. */
function optionIssues(field: ConditionField, value: unknown): Issue[] {
  if (!field.options || (field.type !== 'select' && field.type !== 'multiselect')) return [];
  const known = new Set(field.options.map((o) => o.value));
  if (typeof value === 'string')
    return known.has(value) ? [] : [{ path: ['value'], message: 'not_an_option' }];
  if (!Array.isArray(value)) return [];
  return value.flatMap((v, i) =>
    known.has(v as string) ? [] : [{ path: ['value', i], message: 'not_an_option' }],
  );
}

/** Field errors (`conditions.all.0.value`) ready for an AppError('validation_failed'). */
export function validateConditions(
  set: ConditionSet,
  catalogue: FieldCatalogue,
  opts: ValidateOptions & { path?: string } = {},
): FieldError[] {
  const prefix = opts.path ?? 'conditions';
  return conditionIssues(set, catalogue, opts).map((x) => ({
    path: [prefix, ...x.path].join('.'),
    message: x.message,
  }));
}

/** A zod schema for a condition set in an API body, checked against the catalogue. */
export function conditionSetBody(
  catalogue: FieldCatalogue,
  opts: ValidateOptions = {},
): z.ZodType<ConditionSet, z.input<typeof conditionSetSchema>> {
  return conditionSetSchema.superRefine((set, ctx) => {
    for (const issue of conditionIssues(set, catalogue, opts)) {
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    }
  });
}

/** The catalogue entry of a condition the engines are about to run; throws on sets never validated. */
export function resolveField(catalogue: FieldCatalogue, c: Condition, path: string): ConditionField {
  const field = catalogue.get(c.field);
  if (!field) throw new ConditionError('unknown_field', path, c.field);
  if (!isOperatorAllowed(field.type, c.op)) throw new ConditionError('operator_not_allowed', path, c.field);
  return field;
}
