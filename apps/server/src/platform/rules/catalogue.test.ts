import type { Condition, ConditionField } from '@yidan/contracts';
import { describe, expect, it } from 'vitest';
import { conditionSetBody, createFieldCatalogue, validateConditions } from './catalogue.js';

const label = (zh: string, en: string) => ({ zh, en });
const FIELDS: ConditionField[] = [
  { key: 'ticket.subject', type: 'text', label: label('标题', 'Subject') },
  { key: 'ticket.amount', type: 'number', label: label('金额', 'Amount') },
  { key: 'ticket.visits', type: 'integer', label: label('上门次数', 'Visits') },
  {
    key: 'ticket.status',
    type: 'select',
    label: label('状态', 'Status'),
    options: [
      { value: 'open', label: label('处理中', 'Open') },
      { value: 'solved', label: label('已解决', 'Solved') },
    ],
  },
  {
    key: 'company.custom.modules',
    type: 'multiselect',
    label: label('模块', 'Modules'),
    options: [{ value: 'GL', label: label('总账', 'GL') }],
  },
  { key: 'company.serviceEnd', type: 'date', label: label('服务到期', 'Service end') },
  { key: 'ticket.createdAt', type: 'datetime', label: label('创建时间', 'Created') },
  { key: 'ticket.assigneeId', type: 'id', label: label('处理人', 'Assignee') },
];
const catalogue = createFieldCatalogue(FIELDS);
const errorsOf = (c: Condition, opts = {}) => validateConditions({ all: [c], any: [] }, catalogue, opts);

describe('condition validation against a field catalogue', () => {
  it('refuses duplicate field keys', () => {
    expect(() => createFieldCatalogue([FIELDS[0]!, FIELDS[0]!])).toThrow(/duplicate/);
  });

  it('accepts a valid set', () => {
    const set = {
      all: [
        { field: 'ticket.subject', op: 'contains' as const, value: '用友' },
        { field: 'ticket.status', op: 'in' as const, value: ['open', 'solved'] },
        { field: 'company.serviceEnd', op: 'within_next' as const, value: { amount: 30, unit: 'days' } },
      ],
      any: [
        { field: 'ticket.assigneeId', op: 'blank' as const },
        { field: 'ticket.createdAt', op: 'before' as const, value: '2026-11-25T08:00:00+08:00' },
      ],
    };
    expect(validateConditions(set, catalogue)).toEqual([]);
  });

  it('names unknown fields and operators the type does not allow', () => {
    expect(
      validateConditions(
        {
          all: [{ field: 'ticket.nope', op: 'is', value: 'x' }],
          any: [{ field: 'ticket.subject', op: 'lt', value: 'x' }],
        },
        catalogue,
      ),
    ).toEqual([
      { path: 'conditions.all.0.field', message: 'unknown_field' },
      { path: 'conditions.any.0.op', message: 'operator_not_allowed' },
    ]);
  });

  it('allows event operators only where asked for (triggers)', () => {
    const c: Condition = { field: 'ticket.status', op: 'changed_to', value: 'solved' };
    expect(errorsOf(c)).toEqual([{ path: 'conditions.all.0.op', message: 'operator_not_allowed' }]);
    expect(errorsOf(c, { events: true })).toEqual([]);
    expect(errorsOf({ ...c, value: 'gone' }, { events: true })).toEqual([
      { path: 'conditions.all.0.value', message: 'not_an_option' },
    ]);
  });

  it.each<[Condition, string, string]>([
    [{ field: 'ticket.amount', op: 'gt', value: 'abc' }, 'value', 'expected_number'],
    [{ field: 'ticket.amount', op: 'gt', value: Number.POSITIVE_INFINITY }, 'value', 'expected_number'],
    [{ field: 'ticket.visits', op: 'is', value: 1.5 }, 'value', 'expected_integer'],
    [{ field: 'ticket.assigneeId', op: 'is', value: 0 }, 'value', 'expected_integer'],
    [{ field: 'ticket.subject', op: 'in', value: [] }, 'value', 'expected_list'],
    [{ field: 'ticket.subject', op: 'in', value: 'a' }, 'value', 'expected_list'],
    [{ field: 'ticket.subject', op: 'in', value: ['a', 1] }, 'value.1', 'expected_text'],
    [{ field: 'ticket.subject', op: 'present', value: 'x' }, 'value', 'value_not_expected'],
    [{ field: 'ticket.subject', op: 'is', value: 'x'.repeat(501) }, 'value', 'too_long'],
    [{ field: 'company.serviceEnd', op: 'is', value: '2026-02-30' }, 'value', 'invalid_date'],
    [{ field: 'ticket.createdAt', op: 'after', value: '2026-11-25T08:00:00' }, 'value', 'invalid_datetime'],
    [
      { field: 'ticket.createdAt', op: 'after', value: '2026-11-25T08:00:00.1234Z' },
      'value',
      'invalid_datetime',
    ],
    [
      { field: 'ticket.createdAt', op: 'within_last', value: { amount: 0, unit: 'days' } },
      'value.amount',
      'expected_relative_time',
    ],
    [
      { field: 'ticket.createdAt', op: 'within_last', value: { amount: 1, unit: 'weeks' } },
      'value.unit',
      'expected_relative_time',
    ],
    [{ field: 'ticket.status', op: 'is', value: 'closed' }, 'value', 'not_an_option'],
    [
      { field: 'company.custom.modules', op: 'includes_any', value: ['GL', 'AR'] },
      'value.1',
      'not_an_option',
    ],
    [{ field: 'ticket.subject', op: 'matches', value: '(a+)+$' }, 'value', 'unsafe_regex'],
    [{ field: 'ticket.subject', op: 'matches', value: '(?<=x)y' }, 'value', 'unsafe_regex'],
    [{ field: 'ticket.subject', op: 'matches', value: 'a'.repeat(201) }, 'value', 'regex_too_long'],
  ])('rejects %j at %s with %s', (c, path, message) => {
    expect(errorsOf(c)).toEqual([{ path: `conditions.all.0.${path}`, message }]);
  });

  it('validates API bodies through a zod schema with the same paths and keys', () => {
    const schema = conditionSetBody(catalogue);
    expect(schema.parse({ all: [{ field: 'ticket.subject', op: 'blank' }] })).toEqual({
      all: [{ field: 'ticket.subject', op: 'blank' }],
      any: [],
    });
    const bad = schema.safeParse({ any: [{ field: 'ticket.status', op: 'in', value: ['open', 'x'] }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['any.0.value.1', 'not_an_option'],
    ]);
    expect(schema.safeParse({ all: [{ field: 'ticket.subject', op: 'like' }] }).success).toBe(false);
  });
});
