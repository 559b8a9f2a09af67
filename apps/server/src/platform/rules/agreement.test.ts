import {
  type Condition,
  type ConditionField,
  type ConditionFieldType,
  type ConditionSet,
  isEventOperator,
  OPERATORS_BY_TYPE,
  type Operator,
  valueShape,
} from '@yidan/contracts';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/client.js';
import { addDays, calendarDate } from './calendar.js';
import { conditionIssues, createFieldCatalogue } from './catalogue.js';
import { type ConditionColumns, compileConditions, customFieldExpression } from './compile.js';
import { type ConditionRecord, prepareEvaluator } from './evaluate.js';
import { translatePattern } from './pattern.js';
import { SQL_TYPES, typedLiteral } from './sqlLiterals.js';

// The evaluator and the SQL compiler must select the same records for every valid condition set.
// Records and sets are drawn from pools full of edge cases: nulls, '', [], Chinese product names,
// mixed-case ASCII, LIKE metacharacters, accented letters (ASCII-only case folding), window edges.
// A failure names its seed; rerun with RULES_SEED=<seed> to get the same records and sets.

const RECORDS = 300;
const SETS = 1000;
const TEXT_SETS = 500;
const SEED = Number(process.env.RULES_SEED) || Date.now();
const NOW = new Date('2026-11-25T16:30:00.000Z'); // 00:30 on 11-26 in Shanghai, 11:30 on 11-25 in New York
const TIME_ZONES = ['Asia/Shanghai', 'UTC', 'America/New_York'];

const STATUS = ['new', 'open', 'pending', 'solved', '待回访'];
const LEVELS = ['A', 'B', 'b', '重要'];
const MODULES = ['总账', '报表', 'GL', 'gl', '出纳'];

/** A field stored in its own column, or under `custom` (jsonb) like vendors' custom fields. */
type Column = { field: ConditionField; column: string | null; custom?: string };
const def = (key: string, type: ConditionFieldType, zh: string, options?: string[]): ConditionField => ({
  key,
  type,
  label: { zh, en: key },
  ...(options ? { options: options.map((value) => ({ value, label: { zh: value, en: value } })) } : {}),
});
const stored = (column: string, f: ConditionField): Column => ({ field: f, column });
const custom = (name: string, f: ConditionField): Column => ({ field: f, column: null, custom: name });
const COLUMNS: Column[] = [
  stored('subject', def('ticket.subject', 'text', '标题')),
  custom('product', def('ticket.custom.product', 'text', '产品')),
  stored('amount', def('ticket.amount', 'number', '金额')),
  custom('price', def('ticket.custom.price', 'number', '单价')),
  stored('visits', def('ticket.visits', 'integer', '上门次数')),
  stored('urgent', def('ticket.urgent', 'boolean', '加急')),
  custom('paid', def('ticket.custom.paid', 'boolean', '已付费')),
  stored('service_end', def('company.serviceEnd', 'date', '服务到期')),
  custom('renewal', def('company.custom.renewal', 'date', '续费日')),
  stored('created_at', def('ticket.createdAt', 'datetime', '创建时间')),
  custom('visitAt', def('ticket.custom.visitAt', 'datetime', '上门时间')),
  stored('status', def('ticket.status', 'select', '状态', STATUS)),
  custom('level', def('ticket.custom.level', 'select', '级别', LEVELS)),
  stored('modules', def('ticket.modules', 'multiselect', '模块', MODULES)),
  custom('modules', def('ticket.custom.modules', 'multiselect', '自定义模块', MODULES)),
  stored('tags', def('contact.tags', 'tags', '标签')),
  stored('assignee_id', def('ticket.assigneeId', 'id', '处理人')),
];
const catalogue = createFieldCatalogue(COLUMNS.map((c) => c.field));

// ---- value pools ----
const CHARS = Array.from('aAkKＫ38uU+%_\\ \u3000\t用友金蝶Éé😀\n');
const TEXTS = [
  '用友T+',
  '用友U8',
  '金蝶K3',
  '金蝶\u3000K3',
  'ＫＩＮＧＤＥＥ',
  '金蝶k3 cloud',
  'KINGDEE',
  'Kingdee',
  'kingdee',
  '管家婆',
  ' 管家婆 ',
  '100%',
  '100',
  'a_b',
  'axb',
  'C:\\path',
  'Éclair',
  'éclair',
  'line\nbreak',
  '😀 emoji',
  'VIP',
];
const NEEDLES = [
  'ｋ',
  '用友',
  't+',
  'T+',
  'k3',
  'K3',
  'KING',
  'dee',
  '%',
  '_',
  '\\',
  'é',
  'É',
  '管家',
  ' ',
  'a_b',
  '\n',
  '😀',
];
const PATTERNS = [
  '^用友',
  'K[0-9]+$',
  'T\\+',
  '(?:U8|K3)',
  '(用友|金蝶)',
  '[a-z]+',
  '^[^a-z]*$',
  '\\d{2,}',
  '\\w',
  '\\s',
  '\\S',
  '^.$',
  'line.break',
  'É|é',
  '[\\-_%]',
  'a.b',
  '^$|^ ',
  '[K-k]{2}',
  '😀',
  '\\\\',
];
const tzDay = (tz: string, days: number) => addDays(calendarDate(NOW, tz), days);
const DATES = [
  ...TIME_ZONES.flatMap((tz) => [-31, -30, -8, -7, -1, 0, 1, 7, 30, 31].map((d) => tzDay(tz, d))),
  '1970-01-01',
  '2000-02-29',
  '2026-12-31',
  '2027-01-01',
];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const OFFSETS = [0, 1, -1, MINUTE, -MINUTE, HOUR, -HOUR, DAY, -DAY, 7 * DAY, -7 * DAY, 30 * DAY, -30 * DAY];
const INSTANTS = OFFSETS.flatMap((o) => [o, o + 1, o - 1]).map((o) => NOW.getTime() + o);
const NUMBERS = [0, 1, -1, 1.5, 0.1, 0.2, 0.30000000000000004, 99.99, 100, -2.25, 1e6];
const INTEGERS = [0, 1, -1, 2, 42, 1000];
const IDS = [1, 2, 3, 42];
const TAGS = ['VIP', 'vip', '续费', '用友', 'a b', '100%'];
const AMOUNTS = [1, 7, 24, 30, 60, 1440];

const withOffset = (ms: number) => {
  // The same instant written in Beijing time, to exercise offsets in condition values.
  const local = new Date(ms + 8 * HOUR).toISOString().slice(0, 23);
  return `${local}+08:00`;
};

const text = fc.oneof(
  fc.constantFrom(...TEXTS),
  fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 6 }),
);
const needle = fc.oneof(
  fc.constantFrom(...NEEDLES),
  fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 3 }),
);
const number = fc.oneof(fc.constantFrom(...NUMBERS), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
const integer = fc.oneof(fc.constantFrom(...INTEGERS), fc.integer({ min: -1000, max: 1000 }));
const instant = fc.oneof(
  fc.constantFrom(...INSTANTS),
  fc.integer({ min: NOW.getTime() - 60 * DAY, max: NOW.getTime() + 60 * DAY }),
);
const subset = (pool: string[], minLength: number) =>
  fc.uniqueArray(fc.constantFrom(...pool), { minLength, maxLength: 3 });
const missing = fc.constantFrom(null, undefined);
const generatedPattern = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.tuple(
        fc.constantFrom(
          ...['a', 'K', 'Ｋ', '3', '用', '\\+', '.', '\\d', '\\w', '\\s', '\\S', '\\W', '\\D', '\\n', '\\t'],
          ...['[a-z]', '[^a-z]', '[\\s_]', '[^\\d]', '(?:U8|K3)', '(用友|金蝶)', 'é', 'É', '😀', '%'],
        ),
        fc.constantFrom('', '', '*', '+', '?', '{2}', '{1,3}', '*?'),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    fc.boolean(),
  )
  .map(
    ([start, atoms, end]) => `${start ? '^' : ''}${atoms.map(([a, q]) => a + q).join('')}${end ? '$' : ''}`,
  )
  .filter((p) => translatePattern(p).ok);
const pattern = fc.oneof(fc.constantFrom(...PATTERNS), generatedPattern);

/** A record value of a field: the stored form, as the evaluator receives it. */
function recordValue(type: ConditionFieldType, custom: boolean): fc.Arbitrary<unknown> {
  switch (type) {
    case 'text':
      return fc.oneof(missing, fc.constant(''), text);
    case 'number':
      return fc.oneof(missing, number);
    case 'integer':
      return fc.oneof(missing, integer);
    case 'boolean':
      return fc.oneof(missing, fc.boolean());
    case 'date':
      return fc.oneof(missing, fc.constantFrom(...DATES));
    case 'datetime':
      // Columns hand back Dates; jsonb holds ISO strings.
      return fc.oneof(
        missing,
        instant.map((ms) => (custom ? new Date(ms).toISOString() : new Date(ms))),
      );
    case 'select':
      return fc.oneof(missing, fc.constant(''), fc.constantFrom(...(custom ? LEVELS : STATUS)));
    case 'multiselect':
      return fc.oneof(missing, subset(MODULES, 0));
    case 'tags':
      return fc.oneof(missing, subset(TAGS, 0));
    case 'id':
      return fc.oneof(missing, fc.constantFrom(...IDS));
  }
}

const recordArb: fc.Arbitrary<ConditionRecord> = fc.record(
  Object.fromEntries(COLUMNS.map((c) => [c.field.key, recordValue(c.field.type, c.custom !== undefined)])),
);

/** A valid value for an operator on a field. */
function conditionValue(field: ConditionField, op: Operator): fc.Arbitrary<unknown> {
  const options = (field.options ?? []).map((o) => o.value);
  const single = (): fc.Arbitrary<unknown> => {
    switch (field.type) {
      case 'text':
        return text;
      case 'number':
        return number;
      case 'integer':
        return integer;
      case 'boolean':
        return fc.boolean();
      case 'date':
        return fc.constantFrom(...DATES);
      case 'datetime':
        return instant.chain((ms) => fc.constantFrom(new Date(ms).toISOString(), withOffset(ms)));
      case 'select':
        return fc.constantFrom(...options);
      case 'multiselect':
        return subset(options, 1);
      case 'tags':
        return subset(TAGS, 1);
      case 'id':
        return fc.constantFrom(...IDS);
    }
  };
  switch (valueShape(op)) {
    case 'none':
      return fc.constant(undefined);
    case 'relative':
      return fc.record({
        amount: fc.constantFrom(...AMOUNTS),
        unit: fc.constantFrom('minutes' as const, 'hours' as const, 'days' as const),
      });
    case 'pattern':
      return pattern;
    case 'list':
      if (field.type === 'multiselect') return subset(options, 1);
      if (field.type === 'tags') return subset(TAGS, 1);
      return fc.array(single(), { minLength: 1, maxLength: 3 });
    case 'single':
      if (op === 'contains' || op === 'not_contains' || op === 'starts_with') return needle;
      return single();
  }
}

const conditionArb: fc.Arbitrary<Condition> = fc
  .constantFrom(...COLUMNS.map((c) => c.field))
  .chain((field) =>
    fc
      .constantFrom(...OPERATORS_BY_TYPE[field.type].filter((op) => !isEventOperator(op)))
      .chain((op) => conditionValue(field, op).map((value): Condition => ({ field: field.key, op, value }))),
  );
// Text operators depend on two engines' idea of case and of regexes: give them a run of their own.
const TEXT_FIELDS = COLUMNS.filter((c) => c.field.type === 'text').map((c) => c.field);
const textConditionArb: fc.Arbitrary<Condition> = fc
  .constantFrom(...TEXT_FIELDS)
  .chain((field) =>
    fc
      .constantFrom<Operator>('contains', 'not_contains', 'starts_with', 'matches', 'matches', 'is', 'in')
      .chain((op) => conditionValue(field, op).map((value): Condition => ({ field: field.key, op, value }))),
  );
const setArb: fc.Arbitrary<ConditionSet> = fc.record({
  all: fc.array(conditionArb, { maxLength: 3 }),
  any: fc.array(conditionArb, { maxLength: 3 }),
});

// ---- database ----
const columnsFor = (table: ReturnType<typeof sql.identifier>): ConditionColumns =>
  Object.fromEntries(
    COLUMNS.map((c) => [
      c.field.key,
      c.custom
        ? customFieldExpression(sql`${table}.custom`, c.custom, c.field.type)
        : sql`${table}.${sql.identifier(c.column!)}`,
    ]),
  );

function customJson(record: ConditionRecord, index: number): string {
  const values: Record<string, unknown> = {};
  for (const c of COLUMNS) {
    const v = record[c.field.key];
    // Missing keys and JSON nulls must both read as null.
    if (c.custom && (v !== undefined || index % 2 === 0)) values[c.custom] = v ?? null;
  }
  return JSON.stringify(values);
}

describe('condition evaluator and SQL compiler agree', () => {
  let database: Database;
  const tableName = `rules_agreement_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const table = sql.identifier(tableName);
  const records = fc.sample(recordArb, { numRuns: RECORDS, seed: SEED });

  beforeAll(async () => {
    database = await openDatabase({
      databaseUrl: process.env.TEST_DATABASE_URL || null,
      dataDir: 'memory://',
    });
    const defs = COLUMNS.filter((c) => c.column).map((c) =>
      sql.raw(`${c.column} ${SQL_TYPES[c.field.type]}`),
    );
    await database.db.execute(
      sql`create table ${table} (id integer primary key, ${sql.join(defs, sql`, `)}, custom jsonb not null)`,
    );
    const rows = records.map((r, i) => {
      const values = COLUMNS.filter((c) => c.column).map((c) => typedLiteral(c.field.type, r[c.field.key]));
      return sql`(${i}, ${sql.join(values, sql`, `)}, ${customJson(r, i)}::jsonb)`;
    });
    const names = COLUMNS.filter((c) => c.column).map((c) => sql.identifier(c.column!));
    await database.db.execute(
      sql`insert into ${table} (id, ${sql.join(names, sql`, `)}, custom) values ${sql.join(rows, sql`, `)}`,
    );
  });

  afterAll(async () => {
    if (!database) return;
    await database.db.execute(sql`drop table if exists ${table}`);
    await database.close();
  });

  /** The ids SQL selects and the ids the evaluator accepts, for one set. */
  async function bothWays(set: ConditionSet, timeZone: string) {
    expect(conditionIssues(set, catalogue)).toEqual([]);
    const ctx = { now: NOW, timeZone };
    const where = compileConditions(set, catalogue, columnsFor(table), ctx);
    const result = await database.db.execute(sql`select id from ${table} where ${where} order by id`);
    const fromSql = (result.rows as { id: number }[]).map((r) => Number(r.id));
    const test = prepareEvaluator(set, catalogue);
    const fromEvaluator = records.flatMap((r, i) => (test(r, ctx) ? [i] : []));
    return { fromSql, fromEvaluator };
  }

  it(`selects the same records (${RECORDS} records × ${SETS} condition sets, seed ${SEED})`, async () => {
    let splitting = 0;
    await fc.assert(
      fc.asyncProperty(setArb, fc.constantFrom(...TIME_ZONES), async (set, timeZone) => {
        const { fromSql, fromEvaluator } = await bothWays(set, timeZone);
        expect(fromSql).toEqual(fromEvaluator);
        if (fromSql.length > 0 && fromSql.length < records.length) splitting++;
        // The fragment is never NULL, so its negation selects exactly the other records.
        const where = compileConditions(set, catalogue, columnsFor(table), { now: NOW, timeZone });
        const rest = await database.db.execute(
          sql`select count(*)::int as n from ${table} where not ${where}`,
        );
        expect(Number(rest.rows[0]?.n)).toBe(records.length - fromSql.length);
      }),
      { numRuns: SETS, seed: SEED },
    );
    // The generators must produce sets that split the records, or the agreement proves little.
    expect(splitting).toBeGreaterThan(SETS / 3);
  });

  it(`agrees on case folding and patterns (${TEXT_SETS} text conditions, seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(textConditionArb, async (condition) => {
        const { fromSql, fromEvaluator } = await bothWays({ all: [condition], any: [] }, 'Asia/Shanghai');
        expect(fromSql).toEqual(fromEvaluator);
      }),
      { numRuns: TEXT_SETS, seed: SEED },
    );
  });
});
