/**
 * In-memory evaluation of condition sets (triggers, routing, IVR). The SQL compiler (compile.ts)
 * implements the same semantics and a property test holds the two together:
 *
 * - Missing / null: only `is_not`, `not_in`, `not_contains`, `includes_none` and `blank` hold on
 *   a missing value (SQL `is distinct from` / `not (x is not null and …)`); every other operator
 *   is false. Compiled conditions are never NULL, so `not (fragment)` is the exact complement.
 * - Blank = null, '' or an empty list; `present` = not blank. Whitespace is not blank.
 * - Text `is` / `in` and option / tag values compare exactly (case-sensitive, no trimming).
 * - `contains` / `not_contains` / `starts_with` ignore case of ASCII letters only (A–Z = a–z);
 *   every other character, Chinese or accented, compares exactly. SQL: `ILIKE` under
 *   `COLLATE "C"`, so the database locale cannot widen it. `%`, `_` and `\` are literal.
 * - Numbers compare numerically (numeric strings are read as numbers). Tags and option values
 *   compare exactly; `includes_all` on a missing list is false, `includes_none` true.
 * - `date` fields compare as calendar dates 'YYYY-MM-DD' (a Date or instant string becomes its
 *   date in ctx.timeZone); `datetime` fields compare as instants (millisecond precision).
 *   `before` / `after` are strict (= lt / gt).
 * - `within_last {amount, unit}` holds for now − amount ≤ value ≤ now, `within_next` for
 *   now ≤ value ≤ now + amount, both inclusive, with now = ctx.now (see calendar.ts for dates).
 * - `matches` runs the restricted, canonicalised pattern of pattern.ts (PostgreSQL `~`, JS `su`).
 * - `changed` holds when ctx.changes has the field with from ≠ to (blank values are all equal,
 *   lists compare as sets); `changed_to` / `changed_from` also need to / from to equal the value.
 */
import type {
  Condition,
  ConditionField,
  ConditionFieldType,
  ConditionSet,
  RelativeTime,
} from '@yidan/contracts';
import { calendarDate, dateWindow, instantWindow } from './calendar.js';
import { type FieldCatalogue, resolveField } from './catalogue.js';
import { patternRegExp } from './pattern.js';

export interface EvaluationContext {
  now: Date;
  /** The vendor's time zone, for calendar dates. */
  timeZone: string;
  /** The change being processed (triggers), for `changed*` operators. */
  changes?: Record<string, { from: unknown; to: unknown }>;
}

/** Field key → value: strings, numbers, booleans, Dates or ISO strings, arrays, null / undefined. */
export type ConditionRecord = Readonly<Record<string, unknown>>;

type Predicate = (record: ConditionRecord, ctx: EvaluationContext) => boolean;
type Scalar = string | number | boolean;

/** Whether a record satisfies a (validated) condition set. */
export function evaluate(
  set: ConditionSet,
  catalogue: FieldCatalogue,
  record: ConditionRecord,
  ctx: EvaluationContext,
): boolean {
  return prepareEvaluator(set, catalogue)(record, ctx);
}

/** Resolves fields and compiles patterns once, for sets run against many records. */
export function prepareEvaluator(set: ConditionSet, catalogue: FieldCatalogue): Predicate {
  const all = set.all.map((c, i) => conditionPredicate(c, resolveField(catalogue, c, `all.${i}`)));
  const any = set.any.map((c, i) => conditionPredicate(c, resolveField(catalogue, c, `any.${i}`)));
  return (record, ctx) =>
    all.every((p) => p(record, ctx)) && (any.length === 0 || any.some((p) => p(record, ctx)));
}

const foldAscii = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

function toText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  return null;
}

const NUMERIC = /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && NUMERIC.test(v)) return Number(v);
  return null;
}

function toInstant(v: unknown): number | null {
  const ms = v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : toNumber(v);
  return ms === null || Number.isNaN(ms) ? null : ms;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
function toDate(v: unknown, timeZone: string): string | null {
  if (typeof v === 'string' && DATE_ONLY.test(v)) return v;
  const ms = v instanceof Date || typeof v === 'string' ? toInstant(v) : null;
  return ms === null ? null : calendarDate(new Date(ms), timeZone);
}

/** A single value of the field's type in its comparable form, or null when missing. */
function scalar(type: ConditionFieldType, v: unknown, timeZone: string): Scalar | null {
  switch (type) {
    case 'text':
    case 'select':
      return toText(v);
    case 'number':
    case 'integer':
    case 'id':
      return toNumber(v);
    case 'boolean':
      return typeof v === 'boolean' ? v : null;
    case 'date':
      return toDate(v, timeZone);
    case 'datetime':
      return toInstant(v);
    case 'multiselect':
    case 'tags':
      return null;
  }
}

function toList(v: unknown): string[] | null {
  if (!Array.isArray(v)) return null;
  return v.map(toText).filter((x): x is string => x !== null);
}

function isBlank(type: ConditionFieldType, v: unknown, timeZone: string): boolean {
  if (type === 'multiselect' || type === 'tags') return (toList(v)?.length ?? 0) === 0;
  const s = scalar(type, v, timeZone);
  return s === null || s === '';
}

function conditionPredicate(c: Condition, field: ConditionField): Predicate {
  const { type, key } = field;
  const value = (record: ConditionRecord, ctx: EvaluationContext) => scalar(type, record[key], ctx.timeZone);
  const list = (record: ConditionRecord) => toList(record[key]);
  const operand = (ctx: EvaluationContext) => scalar(type, c.value, ctx.timeZone);
  const operands = (ctx: EvaluationContext) =>
    (c.value as unknown[]).map((x) => scalar(type, x, ctx.timeZone));
  const order = (test: (a: Scalar, b: Scalar) => boolean): Predicate => {
    return (r, ctx) => {
      const a = value(r, ctx);
      const b = operand(ctx);
      return a !== null && b !== null && test(a, b);
    };
  };
  const not =
    (p: Predicate): Predicate =>
    (r, ctx) =>
      !p(r, ctx);

  switch (c.op) {
    case 'is':
      return order((a, b) => a === b);
    case 'is_not':
      return not(order((a, b) => a === b));
    case 'lt':
    case 'before':
      return order((a, b) => a < b);
    case 'lte':
      return order((a, b) => a <= b);
    case 'gt':
    case 'after':
      return order((a, b) => a > b);
    case 'gte':
      return order((a, b) => a >= b);
    case 'in':
      return (r, ctx) => {
        const a = value(r, ctx);
        return a !== null && operands(ctx).includes(a);
      };
    case 'not_in':
      return (r, ctx) => {
        const a = value(r, ctx);
        return a === null || !operands(ctx).includes(a);
      };
    case 'contains':
      return textTest(key, (s, needle) => s.includes(needle), c.value as string);
    case 'not_contains':
      return not(textTest(key, (s, needle) => s.includes(needle), c.value as string));
    case 'starts_with':
      return textTest(key, (s, needle) => s.startsWith(needle), c.value as string);
    case 'matches': {
      const re = patternRegExp(c.value as string);
      return (r) => {
        const s = toText(r[key]);
        return s !== null && re.test(s);
      };
    }
    case 'includes_any':
    case 'includes_none': {
      const wanted = c.value as string[];
      const any: Predicate = (r) => list(r)?.some((x) => wanted.includes(x)) ?? false;
      return c.op === 'includes_any' ? any : not(any);
    }
    case 'includes_all': {
      const wanted = c.value as string[];
      return (r) => {
        const have = list(r);
        return have !== null && wanted.every((x) => have.includes(x));
      };
    }
    case 'blank':
      return (r, ctx) => isBlank(type, r[key], ctx.timeZone);
    case 'present':
      return (r, ctx) => !isBlank(type, r[key], ctx.timeZone);
    case 'within_last':
    case 'within_next':
      return withinPredicate(c.op, field, c.value as RelativeTime);
    case 'changed':
    case 'changed_to':
    case 'changed_from':
      return changePredicate(c, field);
  }
}

function textTest(key: string, test: (s: string, needle: string) => boolean, needle: string): Predicate {
  const folded = foldAscii(needle);
  return (r) => {
    const s = toText(r[key]);
    return s !== null && test(foldAscii(s), folded);
  };
}

function withinPredicate(
  op: 'within_last' | 'within_next',
  field: ConditionField,
  rel: RelativeTime,
): Predicate {
  if (field.type === 'date') {
    return (r, ctx) => {
      const d = toDate(r[field.key], ctx.timeZone);
      const w = dateWindow(op, rel, ctx);
      return d !== null && w.from <= d && d <= w.to;
    };
  }
  return (r, ctx) => {
    const t = toInstant(r[field.key]);
    const w = instantWindow(op, rel, ctx.now);
    return t !== null && w.from.getTime() <= t && t <= w.to.getTime();
  };
}

/** Equality for change detection: blanks are equal, lists are sets. */
function sameValue(type: ConditionFieldType, a: unknown, b: unknown, timeZone: string): boolean {
  const aBlank = isBlank(type, a, timeZone);
  const bBlank = isBlank(type, b, timeZone);
  if (aBlank || bBlank) return aBlank && bBlank;
  if (type === 'multiselect' || type === 'tags') {
    const x = new Set(toList(a));
    const y = new Set(toList(b));
    return x.size === y.size && [...x].every((v) => y.has(v));
  }
  return scalar(type, a, timeZone) === scalar(type, b, timeZone);
}

function changePredicate(c: Condition, field: ConditionField): Predicate {
  return (_r, ctx) => {
    const change = ctx.changes?.[field.key];
    if (!change || sameValue(field.type, change.from, change.to, ctx.timeZone)) return false;
    if (c.op === 'changed_to') return sameValue(field.type, change.to, c.value, ctx.timeZone);
    if (c.op === 'changed_from') return sameValue(field.type, change.from, c.value, ctx.timeZone);
    return true;
  };
}
