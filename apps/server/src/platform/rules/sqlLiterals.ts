import type { ConditionFieldType } from '@yidan/contracts';
import { type SQL, sql } from 'drizzle-orm';

/** The PostgreSQL column type each field type compiles against (see ConditionColumns). */
export const SQL_TYPES: Readonly<Record<ConditionFieldType, string>> = {
  text: 'text',
  number: 'numeric',
  integer: 'integer',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamptz',
  select: 'text',
  multiselect: 'text[]',
  tags: 'text[]',
  id: 'bigint',
};

/** A record value as a typed SQL expression (bound parameters), for tests that store or inline records. */
export function typedLiteral(type: ConditionFieldType, v: unknown): SQL {
  if (v === null || v === undefined) return sql`null::${sql.raw(SQL_TYPES[type])}`;
  if (Array.isArray(v)) {
    if (v.length === 0) return sql`'{}'::text[]`;
    return sql`array[${sql.join(
      v.map((x) => sql`${x}::text`),
      sql`, `,
    )}]::text[]`;
  }
  return sql`${v instanceof Date ? v.toISOString() : v}::${sql.raw(SQL_TYPES[type])}`;
}
