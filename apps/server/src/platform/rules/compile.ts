import type {
  Condition,
  ConditionField,
  ConditionFieldType,
  ConditionSet,
  RelativeTime,
} from '@yidan/contracts';
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { dateWindow, instantWindow } from './calendar.js';
import { type FieldCatalogue, resolveField } from './catalogue.js';
import { ConditionError } from './errors.js';
import { translatePattern } from './pattern.js';

/**
 * Field key → an SQL expression already of the field's type: text/select → text, number →
 * numeric, integer/id → an integer type, boolean → boolean, date → date, datetime → timestamptz,
 * multiselect/tags → text[]. Plain columns qualify as they are; custom fields in jsonb need a
 * typed extraction, which `customFieldExpression` builds.
 */
export type ConditionColumns = Readonly<Record<string, AnyColumn | SQL>>;

export interface CompileContext {
  now: Date;
  /** The vendor's time zone, for the calendar dates of `within_*` on date fields. */
  timeZone: string;
}

/**
 * A WHERE fragment equivalent to `evaluate` (semantics in evaluate.ts). Every value is a bound
 * parameter; event operators throw ConditionError('not_compilable'); an empty set is `true`.
 */
export function compileConditions(
  set: ConditionSet,
  catalogue: FieldCatalogue,
  columns: ConditionColumns,
  ctx: CompileContext,
): SQL {
  const one = (part: 'all' | 'any') => (c: Condition, i: number) => {
    const path = `${part}.${i}`;
    const field = resolveField(catalogue, c, path);
    const column = columns[c.field];
    if (!column) throw new ConditionError('missing_column', path, c.field);
    return compileCondition(c, field, sql`(${column})`, ctx, path);
  };
  const parts = set.all.map(one('all'));
  const any = set.any.map(one('any'));
  if (any.length > 0) parts.push(sql`(${sql.join(any, sql` or `)})`);
  if (parts.length === 0) return sql`true`;
  return sql`(${sql.join(parts, sql` and `)})`;
}

const CASTS: Record<ConditionFieldType, SQL> = {
  text: sql`text`,
  select: sql`text`,
  number: sql`numeric`,
  integer: sql`bigint`,
  id: sql`bigint`,
  boolean: sql`boolean`,
  date: sql`date`,
  datetime: sql`timestamptz`,
  multiselect: sql`text[]`,
  tags: sql`text[]`,
};

/** A bound parameter with an explicit type, so PostgreSQL never has to guess. */
const param = (type: ConditionFieldType, v: unknown) => sql`${v}::${CASTS[type]}`;
const paramList = (type: ConditionFieldType, values: unknown[]) =>
  sql.join(
    values.map((v) => param(type, v)),
    sql`, `,
  );
const textArray = (values: string[]) => sql`array[${paramList('text', values)}]::text[]`;

/** LIKE treats `%`, `_` and `\` specially; escape them so users' text is literal. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
// ILIKE under the "C" collation folds ASCII letters only, whatever the database locale.
const ilike = (x: SQL, pattern: string) => sql`${x} collate "C" ilike ${pattern}::text`;

/**
 * One condition as a two-valued predicate (never NULL, so callers may negate or select it).
 * Positive operators are guarded with `x is not null and …`, which keeps them indexable; the
 * negative ones are their exact complements.
 */
function compileCondition(
  c: Condition,
  field: ConditionField,
  x: SQL,
  ctx: CompileContext,
  path: string,
): SQL {
  const known = (predicate: SQL) => sql`(${x} is not null and ${predicate})`;
  const { type } = field;
  const isList = type === 'multiselect' || type === 'tags';
  const textual = type === 'text' || type === 'select';
  switch (c.op) {
    case 'is_not':
      return sql`${x} is distinct from ${param(type, c.value)}`;
    case 'not_in':
      return sql`not ${known(sql`${x} in (${paramList(type, c.value as unknown[])})`)}`;
    case 'not_contains':
      return sql`not ${known(ilike(x, `%${escapeLike(c.value as string)}%`))}`;
    case 'includes_none':
      return sql`not ${known(sql`${x} && ${textArray(c.value as string[])}`)}`;
    case 'blank':
      if (isList) return sql`coalesce(cardinality(${x}), 0) = 0`;
      return textual ? sql`coalesce(${x}, '') = ''` : sql`${x} is null`;
    case 'present':
      if (isList) return sql`coalesce(cardinality(${x}), 0) > 0`;
      return textual ? sql`coalesce(${x}, '') <> ''` : sql`${x} is not null`;
    case 'changed':
    case 'changed_to':
    case 'changed_from':
      throw new ConditionError('not_compilable', path, c.field);
    default:
      return known(comparison(c, type, x, ctx));
  }
}

/** The operators that are false on a missing value; NULL there is turned into false by the caller. */
function comparison(c: Condition, type: ConditionFieldType, x: SQL, ctx: CompileContext): SQL {
  switch (c.op) {
    case 'is':
      return sql`${x} = ${param(type, c.value)}`;
    case 'lt':
    case 'before':
      return sql`${x} < ${param(type, c.value)}`;
    case 'lte':
      return sql`${x} <= ${param(type, c.value)}`;
    case 'gt':
    case 'after':
      return sql`${x} > ${param(type, c.value)}`;
    case 'gte':
      return sql`${x} >= ${param(type, c.value)}`;
    case 'in':
      return sql`${x} in (${paramList(type, c.value as unknown[])})`;
    case 'contains':
      return ilike(x, `%${escapeLike(c.value as string)}%`);
    case 'starts_with':
      return ilike(x, `${escapeLike(c.value as string)}%`);
    case 'matches':
      return sql`${x} ~ ${canonicalPattern(c.value as string)}::text`;
    case 'includes_any':
      return sql`${x} && ${textArray(c.value as string[])}`;
    case 'includes_all':
      return sql`${x} @> ${textArray(c.value as string[])}`;
    case 'within_last':
    case 'within_next': {
      const rel = c.value as RelativeTime;
      if (type === 'date') {
        const w = dateWindow(c.op, rel, ctx);
        return sql`${x} between ${param('date', w.from)} and ${param('date', w.to)}`;
      }
      const w = instantWindow(c.op, rel, ctx.now);
      const from = param('datetime', w.from.toISOString());
      return sql`${x} between ${from} and ${param('datetime', w.to.toISOString())}`;
    }
    default:
      throw new Error(`no SQL comparison for ${c.op}`);
  }
}

function canonicalPattern(pattern: string): string {
  const result = translatePattern(pattern);
  if (!result.ok) throw new Error(`pattern not accepted: ${result.message}`);
  return result.source;
}

/**
 * The typed expression of a custom field kept in a jsonb column (`companies.custom`), for
 * ConditionColumns. Values are validated on write (platform/fields/values.ts), so the casts hold;
 * '' reads as null for non-text types, and a non-array reads as null for lists.
 */
export function customFieldExpression(jsonb: AnyColumn | SQL, key: string, type: ConditionFieldType): SQL {
  const raw = sql`(${jsonb}->>${key}::text)`;
  switch (type) {
    case 'text':
    case 'select':
      return raw;
    case 'multiselect':
    case 'tags': {
      const node = sql`(${jsonb}->${key}::text)`;
      return sql`(case when jsonb_typeof(${node}) = 'array' then array(select jsonb_array_elements_text(${node})) end)`;
    }
    default:
      return sql`nullif(${raw}, '')::${CASTS[type]}`;
  }
}
