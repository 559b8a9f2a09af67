import { z } from 'zod';

/**
 * The one condition language (DESIGN §4): "满足以下全部条件 / 满足以下任意条件" for customer queries,
 * ticket views, triggers, automations, macros, SLA policies, routing and reports.
 * Semantics (nulls, case, dates) are pinned in apps/server/src/platform/rules/evaluate.ts.
 */
export const OPERATORS = [
  'is',
  'is_not',
  'lt',
  'lte',
  'gt',
  'gte',
  'contains',
  'not_contains',
  'starts_with',
  'in',
  'not_in',
  'includes_any',
  'includes_all',
  'includes_none',
  'present',
  'blank',
  'matches',
  'before',
  'after',
  'within_last',
  'within_next',
  'changed',
  'changed_to',
  'changed_from',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** Operators about a change (triggers); they need the change set and cannot be compiled to SQL. */
export const EVENT_OPERATORS = [
  'changed',
  'changed_to',
  'changed_from',
] as const satisfies readonly Operator[];
export type EventOperator = (typeof EVENT_OPERATORS)[number];
export const isEventOperator = (op: Operator): op is EventOperator =>
  (EVENT_OPERATORS as readonly Operator[]).includes(op);

/** Field types the condition language knows; custom field types map onto these. */
export const CONDITION_FIELD_TYPES = [
  'text',
  'number', // decimal
  'integer',
  'boolean',
  'date', // calendar date 'YYYY-MM-DD'
  'datetime', // an instant
  'select', // one option value
  'multiselect', // option values
  'tags', // free strings
  'id', // numeric reference, e.g. ownerAgentId
] as const;
export type ConditionFieldType = (typeof CONDITION_FIELD_TYPES)[number];

const ORDER = ['lt', 'lte', 'gt', 'gte'] as const;
const EMPTINESS = ['present', 'blank'] as const;

/** Which operators each field type allows, in the order the condition builder lists them. */
export const OPERATORS_BY_TYPE: Readonly<Record<ConditionFieldType, readonly Operator[]>> = {
  text: [
    'is',
    'is_not',
    'contains',
    'not_contains',
    'starts_with',
    'in',
    'not_in',
    ...EMPTINESS,
    'matches',
    ...EVENT_OPERATORS,
  ],
  number: ['is', 'is_not', ...ORDER, 'in', 'not_in', ...EMPTINESS, ...EVENT_OPERATORS],
  integer: ['is', 'is_not', ...ORDER, 'in', 'not_in', ...EMPTINESS, ...EVENT_OPERATORS],
  boolean: ['is', 'is_not', ...EVENT_OPERATORS],
  date: [
    'is',
    'is_not',
    'before',
    'after',
    ...ORDER,
    'within_last',
    'within_next',
    ...EMPTINESS,
    ...EVENT_OPERATORS,
  ],
  datetime: [
    'is',
    'is_not',
    'before',
    'after',
    ...ORDER,
    'within_last',
    'within_next',
    ...EMPTINESS,
    ...EVENT_OPERATORS,
  ],
  select: ['is', 'is_not', 'in', 'not_in', ...EMPTINESS, ...EVENT_OPERATORS],
  multiselect: ['includes_any', 'includes_all', 'includes_none', ...EMPTINESS, ...EVENT_OPERATORS],
  tags: ['includes_any', 'includes_all', 'includes_none', ...EMPTINESS, ...EVENT_OPERATORS],
  id: ['is', 'is_not', 'in', 'not_in', ...EMPTINESS, ...EVENT_OPERATORS],
};

export const isOperatorAllowed = (type: ConditionFieldType, op: Operator): boolean =>
  OPERATORS_BY_TYPE[type].includes(op);

export const localizedLabelSchema = z.object({
  zh: z.string().min(1).max(100),
  en: z.string().min(1).max(100),
});
export type LocalizedLabel = z.infer<typeof localizedLabelSchema>;

/**
 * A field as the condition language sees it. Keys are namespaced ('company.serviceEnd',
 * 'company.custom.product'); each module registers its own and the builder, evaluator and SQL
 * compiler all read the same list. (Named apart from the custom-field `FieldDefinition` in fields.ts.)
 */
export const conditionFieldSchema = z.object({
  key: z.string().min(1).max(100),
  type: z.enum(CONDITION_FIELD_TYPES),
  label: localizedLabelSchema,
  options: z.array(z.object({ value: z.string().min(1).max(100), label: localizedLabelSchema })).optional(),
});
export type ConditionField = z.infer<typeof conditionFieldSchema>;

export const RELATIVE_UNITS = ['minutes', 'hours', 'days'] as const;
export type RelativeUnit = (typeof RELATIVE_UNITS)[number];
/** `within_last` / `within_next` take an amount of time relative to the evaluation's `now`. */
export const relativeTimeSchema = z.object(
  {
    amount: z.number({ error: 'expected_relative_time' }).int().min(1).max(100_000),
    unit: z.enum(RELATIVE_UNITS, { error: 'expected_relative_time' }),
  },
  { error: 'expected_relative_time' },
);
export type RelativeTime = z.infer<typeof relativeTimeSchema>;

export const conditionSchema = z.object({
  field: z.string().min(1).max(100),
  op: z.enum(OPERATORS),
  value: z.unknown().optional(),
});
export type Condition = { field: string; op: Operator; value?: unknown };

export const MAX_CONDITIONS = 50;
export const conditionSetSchema = z.object({
  all: z.array(conditionSchema).max(MAX_CONDITIONS).default([]),
  any: z.array(conditionSchema).max(MAX_CONDITIONS).default([]),
});
/** Every `all` condition must hold, then at least one `any` condition if `any` is not empty. */
export type ConditionSet = { all: Condition[]; any: Condition[] };

export const MAX_PATTERN_LENGTH = 200;
export const MAX_TEXT_VALUE_LENGTH = 500;
export const MAX_LIST_VALUES = 500;

/** What an operator's value looks like, whatever the field type. */
export type ValueShape = 'none' | 'single' | 'list' | 'relative' | 'pattern';
export function valueShape(op: Operator): ValueShape {
  switch (op) {
    case 'present':
    case 'blank':
    case 'changed':
      return 'none';
    case 'in':
    case 'not_in':
    case 'includes_any':
    case 'includes_all':
    case 'includes_none':
      return 'list';
    case 'within_last':
    case 'within_next':
      return 'relative';
    case 'matches':
      return 'pattern';
    default:
      return 'single';
  }
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar date 'YYYY-MM-DD' (no 02-30). */
export function isCalendarDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

const text = z.string({ error: 'expected_text' }).max(MAX_TEXT_VALUE_LENGTH, { error: 'too_long' });
const option = z.string({ error: 'expected_text' }).min(1, { error: 'not_an_option' }).max(100);
const decimal = z
  .number({ error: 'expected_number' })
  .refine((n) => Number.isFinite(n) && Math.abs(n) < 1e15, { error: 'expected_number' });
const integer = z
  .number({ error: 'expected_integer' })
  .refine((n) => Number.isSafeInteger(n), { error: 'expected_integer' });
const reference = integer.refine((n) => n > 0, { error: 'expected_integer' });
const date = z.string({ error: 'invalid_date' }).refine(isCalendarDate, { error: 'invalid_date' });
// Instants carry an offset and at most milliseconds, so JS Dates and timestamptz agree exactly.
const datetime = z
  .string({ error: 'invalid_datetime' })
  .refine((s) => z.iso.datetime({ offset: true }).safeParse(s).success && !/\.\d{4,}/.test(s), {
    error: 'invalid_datetime',
  });
const stringList = z.array(z.string({ error: 'expected_text' }).min(1).max(100), { error: 'expected_list' });

/** The value of one element of the type: what `is`, `changed_to` and list items compare against. */
function singleValueSchema(type: ConditionFieldType): z.ZodType {
  switch (type) {
    case 'text':
      return text;
    case 'number':
      return decimal;
    case 'integer':
      return integer;
    case 'boolean':
      return z.boolean({ error: 'expected_boolean' });
    case 'date':
      return date;
    case 'datetime':
      return datetime;
    case 'select':
      return option;
    case 'multiselect':
    case 'tags':
      return stringList.max(MAX_LIST_VALUES, { error: 'too_long' });
    case 'id':
      return reference;
  }
}

/** Items of `in` / `includes_*` lists. */
function listItemSchema(type: ConditionFieldType): z.ZodType {
  if (type === 'multiselect' || type === 'tags') return z.string({ error: 'expected_text' }).min(1).max(100);
  return singleValueSchema(type);
}

/**
 * The schema of a condition's value for a field type and operator (`in` takes a non-empty list,
 * `present` takes none, `within_last` takes {amount, unit}). Options and regex safety are checked
 * on the server's catalogue, which knows the options and has the regex analyser.
 */
export function conditionValueSchema(type: ConditionFieldType, op: Operator): z.ZodType {
  switch (valueShape(op)) {
    case 'none':
      return z.union([z.undefined(), z.null()], { error: 'value_not_expected' });
    case 'list':
      return z
        .array(listItemSchema(type), { error: 'expected_list' })
        .min(1, { error: 'expected_list' })
        .max(MAX_LIST_VALUES, { error: 'too_long' });
    case 'relative':
      return relativeTimeSchema;
    case 'pattern':
      return z
        .string({ error: 'expected_text' })
        .min(1, { error: 'unsafe_regex' })
        .max(MAX_PATTERN_LENGTH, { error: 'regex_too_long' });
    case 'single':
      return singleValueSchema(type);
  }
}
