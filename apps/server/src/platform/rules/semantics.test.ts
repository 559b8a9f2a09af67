import type { ConditionField, ConditionFieldType, Operator } from '@yidan/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/client.js';
import { conditionIssues, createFieldCatalogue } from './catalogue.js';
import { compileConditions } from './compile.js';
import { evaluate } from './evaluate.js';
import { typedLiteral } from './sqlLiterals.js';

// The pinned semantics of every operator (see evaluate.ts), each case checked in both engines:
// the evaluator, and PostgreSQL running the compiled condition over the value as a typed literal.

const NOW = new Date('2026-11-25T16:30:00.000Z'); // 2026-11-26 00:30 in Shanghai
const ctx = { now: NOW, timeZone: 'Asia/Shanghai' };
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Case = [op: Operator, value: unknown, record: unknown, expected: boolean];
const OPTIONS = ['open', 'solved', '待回访', 'GL', 'gl', '出纳', '报表'];
const fieldOf = (type: ConditionFieldType): ConditionField => ({
  key: `t.${type}`,
  type,
  label: { zh: type, en: type },
  ...(type === 'select' || type === 'multiselect'
    ? { options: OPTIONS.map((value) => ({ value, label: { zh: value, en: value } })) }
    : {}),
});
const catalogue = createFieldCatalogue(
  (
    [
      'text',
      'number',
      'integer',
      'boolean',
      'date',
      'datetime',
      'select',
      'multiselect',
      'tags',
      'id',
    ] as const
  ).map(fieldOf),
);

const CASES: Record<ConditionFieldType, Case[]> = {
  text: [
    ['is', 'Kingdee', 'Kingdee', true],
    ['is', 'Kingdee', 'kingdee', false], // exact, case-sensitive
    ['is', 'Kingdee', 'Kingdee ', false], // no trimming
    ['is', 'x', null, false],
    ['is_not', 'x', null, true], // is distinct from
    ['is_not', 'x', 'x', false],
    ['is_not', 'x', 'X', true],
    ['contains', 'k3', '金蝶K3', true], // ASCII case folds
    ['contains', '用友', '畅捷通用友T+', true],
    ['contains', 't+', '用友T+', true],
    ['contains', 'é', 'Éclair', false], // only ASCII letters fold
    ['contains', 'ｋ', 'Ｋ3', false], // nor do full-width letters
    ['contains', '%', '100%', true], // LIKE metacharacters are literal
    ['contains', '%', '100', false],
    ['contains', '_', 'axb', false],
    ['contains', '\\', 'C:\\path', true],
    ['contains', 'x', null, false],
    ['contains', 'x', '', false],
    ['not_contains', 'x', null, true],
    ['not_contains', 'x', '', true],
    ['not_contains', 'K3', '金蝶k3', false],
    ['starts_with', 'KING', 'kingdee', true],
    ['starts_with', '用友', ' 用友', false],
    ['starts_with', 'a', null, false],
    ['in', ['a', 'b'], 'a', true],
    ['in', ['a', 'b'], 'A', false],
    ['in', ['a', 'b'], null, false],
    ['not_in', ['a', 'b'], null, true],
    ['not_in', ['a', 'b'], 'c', true],
    ['not_in', ['a', 'b'], 'a', false],
    ['blank', undefined, null, true],
    ['blank', undefined, '', true],
    ['blank', undefined, '  ', false], // whitespace is a value
    ['present', undefined, '  ', true],
    ['present', undefined, null, false],
    ['matches', '^用友', '用友T+', true],
    ['matches', 't\\+', '用友T+', false], // case-sensitive
    ['matches', '\\w', '用友', false], // \w is ASCII
    ['matches', '\\d{2}', '金蝶K35', true],
    ['matches', '\\s', '金蝶\u3000K3', true], // ideographic space counts as space
    ['matches', 'a.b', 'a\nb', true], // . matches newlines
    ['matches', '^.$', '😀', true], // one code point
    ['matches', '^[^a-z]+$', 'ABC', true],
    ['matches', 'x', null, false],
  ],
  number: [
    ['is', 0.1, 0.1, true],
    ['is', 1.5, '1.50', true], // numeric strings are numbers
    ['is', 1, null, false],
    ['is_not', 1, null, true],
    ['lt', 2, 1.5, true],
    ['lt', 2, 2, false],
    ['lte', 2, 2, true],
    ['gt', 9, '10', true], // numerically, not as text
    ['gte', -1, -1, true],
    ['lt', 2, null, false],
    ['gt', 2, null, false],
    ['in', [1, 2.5], 2.5, true],
    ['not_in', [1, 2.5], null, true],
    ['blank', undefined, null, true],
    ['present', undefined, 0, true],
  ],
  integer: [
    ['is', 3, 3, true],
    ['gt', 3, 4, true],
    ['lte', 3, 4, false],
    ['in', [1, 2], 3, false],
    ['not_in', [1, 2], 3, true],
    ['present', undefined, null, false],
  ],
  id: [
    ['is', 42, 42, true],
    ['is_not', 42, null, true],
    ['in', [1, 42], 42, true],
    ['not_in', [1, 42], null, true],
    ['blank', undefined, null, true],
  ],
  boolean: [
    ['is', true, true, true],
    ['is', true, null, false],
    ['is', false, false, true],
    ['is_not', true, null, true],
    ['is_not', true, false, true],
    ['is_not', false, false, false],
  ],
  date: [
    ['is', '2026-11-26', '2026-11-26', true],
    ['before', '2026-11-26', '2026-11-25', true],
    ['before', '2026-11-26', '2026-11-26', false], // strict
    ['after', '2026-11-26', '2026-11-26', false],
    ['lte', '2026-11-26', '2026-11-26', true],
    ['gte', '2026-11-26', '2026-11-27', true],
    ['before', '2026-11-26', null, false],
    ['is_not', '2026-11-26', null, true],
    // Today is 2026-11-26 in Shanghai (but still 11-25 in UTC).
    ['within_last', { amount: 1, unit: 'days' }, '2026-11-25', true],
    ['within_last', { amount: 1, unit: 'days' }, '2026-11-26', true],
    ['within_last', { amount: 1, unit: 'days' }, '2026-11-24', false],
    ['within_last', { amount: 1, unit: 'days' }, '2026-11-27', false],
    ['within_last', { amount: 1, unit: 'hours' }, '2026-11-25', true], // 23:30 yesterday
    ['within_last', { amount: 31, unit: 'minutes' }, '2026-11-25', true], // 23:59 yesterday
    ['within_last', { amount: 30, unit: 'minutes' }, '2026-11-25', false], // 00:00 today
    ['within_next', { amount: 7, unit: 'days' }, '2026-12-03', true],
    ['within_next', { amount: 7, unit: 'days' }, '2026-12-04', false],
    ['within_next', { amount: 7, unit: 'days' }, null, false],
    ['blank', undefined, null, true],
  ],
  datetime: [
    ['is', '2026-11-26T00:30:00+08:00', NOW, true], // the same instant written with an offset
    ['before', '2026-11-26T00:30:00+08:00', at(-1), true],
    ['before', '2026-11-26T00:30:00+08:00', NOW, false],
    ['after', '2026-11-25T16:30:00Z', at(1), true],
    ['lte', '2026-11-25T16:30:00Z', NOW, true],
    ['lt', '2026-11-25T16:30:00Z', null, false],
    ['within_last', { amount: 1, unit: 'hours' }, at(-HOUR), true], // inclusive edges
    ['within_last', { amount: 1, unit: 'hours' }, at(-HOUR - 1), false],
    ['within_last', { amount: 1, unit: 'hours' }, NOW, true],
    ['within_last', { amount: 1, unit: 'hours' }, at(1), false],
    ['within_next', { amount: 1, unit: 'days' }, at(DAY), true],
    ['within_next', { amount: 1, unit: 'days' }, at(DAY + 1), false],
    ['within_next', { amount: 1, unit: 'days' }, at(-1), false],
    ['within_next', { amount: 10, unit: 'minutes' }, '2026-11-25T16:35:00.000Z', true], // ISO strings work too
    ['present', undefined, NOW, true],
  ],
  select: [
    ['is', 'open', 'open', true],
    ['is', 'open', null, false],
    ['is_not', 'open', null, true],
    ['in', ['open', '待回访'], '待回访', true],
    ['not_in', ['open'], '', true],
    ['blank', undefined, '', true],
    ['present', undefined, 'solved', true],
  ],
  multiselect: [
    ['includes_any', ['GL'], ['gl'], false], // option values are exact
    ['includes_any', ['GL', '报表'], ['GL', '出纳'], true],
    ['includes_any', ['GL'], [], false],
    ['includes_any', ['GL'], null, false],
    ['includes_all', ['GL', '出纳'], ['GL'], false],
    ['includes_all', ['GL', '出纳'], ['出纳', 'GL', '报表'], true],
    ['includes_all', ['GL'], null, false],
    ['includes_none', ['GL'], null, true],
    ['includes_none', ['GL'], [], true],
    ['includes_none', ['GL'], ['GL'], false],
    ['includes_none', ['GL'], ['报表'], true],
    ['blank', undefined, [], true],
    ['blank', undefined, null, true],
    ['present', undefined, ['GL'], true],
  ],
  tags: [
    ['includes_any', ['VIP'], ['vip'], false],
    ['includes_any', ['VIP', '续费'], ['续费'], true],
    ['includes_all', ['VIP', '续费'], ['续费', 'VIP'], true],
    ['includes_none', ['VIP'], ['vip'], true],
    ['present', undefined, [], false],
  ],
};

describe('condition semantics in both engines', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({
      databaseUrl: process.env.TEST_DATABASE_URL || null,
      dataDir: 'memory://',
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  for (const [type, cases] of Object.entries(CASES) as [ConditionFieldType, Case[]][]) {
    it.each(cases)(`${type} %s %j on %j → %s`, async (op, value, recordValue, expected) => {
      const field = `t.${type}`;
      const set = { all: [{ field, op, value }], any: [] };
      expect(conditionIssues(set, catalogue)).toEqual([]);
      expect(evaluate(set, catalogue, { [field]: recordValue }, ctx)).toBe(expected);

      const where = compileConditions(set, catalogue, { [field]: typedLiteral(type, recordValue) }, ctx);
      const result = await database.db.execute(sql`select (${where}) as ok`);
      expect(result.rows[0]?.ok).toBe(expected);
    });
  }

  it('reads dates given as instants on the vendor calendar (evaluator input only)', () => {
    const set = { all: [{ field: 't.date', op: 'is' as const, value: '2026-11-26' }], any: [] };
    expect(evaluate(set, catalogue, { 't.date': NOW }, ctx)).toBe(true);
    expect(evaluate(set, catalogue, { 't.date': NOW }, { ...ctx, timeZone: 'UTC' })).toBe(false);
    expect(evaluate(set, catalogue, { 't.date': '2026-11-25T16:30:00Z' }, ctx)).toBe(true);
  });

  it('counts the calendar of the given time zone for within_* on dates', () => {
    const set = {
      all: [{ field: 't.date', op: 'within_last' as const, value: { amount: 1, unit: 'days' } }],
      any: [],
    };
    // In UTC today is 11-25, so 11-24 is inside the window and 11-26 is in the future.
    expect(evaluate(set, catalogue, { 't.date': '2026-11-24' }, { ...ctx, timeZone: 'UTC' })).toBe(true);
    expect(evaluate(set, catalogue, { 't.date': '2026-11-26' }, { ...ctx, timeZone: 'UTC' })).toBe(false);
  });
});
