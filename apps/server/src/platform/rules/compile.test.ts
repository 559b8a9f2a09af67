import type { ConditionField, ConditionSet } from '@yidan/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { createFieldCatalogue } from './catalogue.js';
import { compileConditions, customFieldExpression } from './compile.js';
import { ConditionError } from './errors.js';

const dialect = new PgDialect();
const render = (fragment: SQL) => dialect.sqlToQuery(fragment);
const label = { zh: '字段', en: 'Field' };
const FIELDS: ConditionField[] = [
  { key: 'ticket.subject', type: 'text', label },
  { key: 'ticket.status', type: 'select', label },
  { key: 'company.custom.product', type: 'text', label },
  { key: 'company.custom.seats', type: 'integer', label },
];
const catalogue = createFieldCatalogue(FIELDS);
const columns = {
  'ticket.subject': sql`t.subject`,
  'ticket.status': sql`t.status`,
  'company.custom.product': customFieldExpression(sql`c.custom`, 'product', 'text'),
  'company.custom.seats': customFieldExpression(sql`c.custom`, 'seats', 'integer'),
};
const ctx = { now: new Date('2026-11-25T16:30:00Z'), timeZone: 'Asia/Shanghai' };
const compile = (set: ConditionSet) => render(compileConditions(set, catalogue, columns, ctx));

describe('condition SQL compiler', () => {
  it('compiles an empty set to true', () => {
    expect(compile({ all: [], any: [] })).toMatchObject({ sql: 'true', params: [] });
  });

  it('binds every value as a parameter', () => {
    const evil = "x'; drop table tickets; --";
    const q = compile({ all: [{ field: 'ticket.subject', op: 'is', value: evil }], any: [] });
    expect(q.sql).not.toContain('drop table');
    expect(q.params).toEqual([evil]);
  });

  it('escapes LIKE metacharacters in contains / starts_with', () => {
    const q = compile({
      all: [
        { field: 'ticket.subject', op: 'contains', value: '50%_\\' },
        { field: 'ticket.subject', op: 'starts_with', value: '用友' },
      ],
      any: [],
    });
    expect(q.params).toEqual(['%50\\%\\_\\\\%', '用友%']);
    expect(q.sql).toContain('collate "C" ilike');
  });

  it('joins all with and, then any with or', () => {
    const q = compile({
      all: [
        { field: 'ticket.status', op: 'is', value: 'open' },
        { field: 'ticket.subject', op: 'present' },
      ],
      any: [
        { field: 'ticket.status', op: 'in', value: ['a', 'b'] },
        { field: 'ticket.subject', op: 'blank' },
      ],
    });
    expect(q.sql).toBe(
      "(((t.status) is not null and (t.status) = $1::text) and coalesce((t.subject), '') <> '' and " +
        "(((t.status) is not null and (t.status) in ($2::text, $3::text)) or coalesce((t.subject), '') = ''))",
    );
    expect(q.params).toEqual(['open', 'a', 'b']);
  });

  it('reads custom fields from jsonb with a typed cast', () => {
    const q = compile({
      all: [
        { field: 'company.custom.product', op: 'is', value: '金蝶K3' },
        { field: 'company.custom.seats', op: 'gte', value: 5 },
      ],
      any: [],
    });
    expect(q.sql).toContain('(c.custom->>$1::text)');
    expect(q.sql).toContain("nullif((c.custom->>$4::text), '')::bigint");
    expect(q.params).toEqual(['product', 'product', '金蝶K3', 'seats', 'seats', 5]);
  });

  it('refuses event operators, unknown fields and fields without a column', () => {
    const attempt = (set: ConditionSet) => {
      try {
        compileConditions(set, catalogue, columns, ctx);
      } catch (e) {
        return e instanceof ConditionError ? [e.code, e.path] : e;
      }
      return null;
    };
    const one = (field: string, op: 'changed' | 'is') => ({ all: [], any: [{ field, op, value: 'x' }] });
    expect(attempt(one('ticket.status', 'changed'))).toEqual(['not_compilable', 'any.0']);
    expect(attempt(one('ticket.nope', 'is'))).toEqual(['unknown_field', 'any.0']);
    const noColumn = createFieldCatalogue([...FIELDS, { key: 'ticket.extra', type: 'text', label }]);
    expect(() =>
      compileConditions({ all: [{ field: 'ticket.extra', op: 'blank' }], any: [] }, noColumn, columns, ctx),
    ).toThrow(ConditionError);
  });
});
