import type { ConditionField, ConditionSet } from '@yidan/contracts';
import { describe, expect, it } from 'vitest';
import { createFieldCatalogue } from './catalogue.js';
import { ConditionError } from './errors.js';
import { evaluate, prepareEvaluator } from './evaluate.js';

const label = { zh: '字段', en: 'Field' };
const FIELDS: ConditionField[] = [
  { key: 'ticket.status', type: 'select', label },
  { key: 'ticket.priority', type: 'integer', label },
  { key: 'ticket.tags', type: 'tags', label },
  { key: 'ticket.subject', type: 'text', label },
  { key: 'ticket.dueAt', type: 'datetime', label },
];
const catalogue = createFieldCatalogue(FIELDS);
const now = new Date('2026-11-25T02:00:00Z');
const ctx = (changes?: Record<string, { from: unknown; to: unknown }>) => ({
  now,
  timeZone: 'Asia/Shanghai',
  ...(changes ? { changes } : {}),
});
const run = (
  set: ConditionSet,
  record: Record<string, unknown>,
  changes?: Record<string, { from: unknown; to: unknown }>,
) => evaluate(set, catalogue, record, ctx(changes));

describe('condition evaluator', () => {
  it('needs every `all` and, when given, one `any`', () => {
    const set: ConditionSet = {
      all: [{ field: 'ticket.status', op: 'is', value: 'open' }],
      any: [
        { field: 'ticket.priority', op: 'gte', value: 3 },
        { field: 'ticket.tags', op: 'includes_any', value: ['VIP'] },
      ],
    };
    expect(run(set, { 'ticket.status': 'open', 'ticket.priority': 3 })).toBe(true);
    expect(run(set, { 'ticket.status': 'open', 'ticket.tags': ['VIP'] })).toBe(true);
    expect(run(set, { 'ticket.status': 'open', 'ticket.priority': 1, 'ticket.tags': [] })).toBe(false);
    expect(run(set, { 'ticket.status': 'solved', 'ticket.priority': 5 })).toBe(false);
    expect(run({ all: [], any: [] }, {})).toBe(true);
    expect(run({ all: set.all, any: [] }, { 'ticket.status': 'open' })).toBe(true);
  });

  it('sees a change only when from and to differ', () => {
    const changed: ConditionSet = { all: [{ field: 'ticket.status', op: 'changed' }], any: [] };
    expect(run(changed, {}, { 'ticket.status': { from: 'open', to: 'solved' } })).toBe(true);
    expect(run(changed, {}, { 'ticket.status': { from: 'open', to: 'open' } })).toBe(false);
    expect(run(changed, {}, { 'ticket.priority': { from: 1, to: 2 } })).toBe(false);
    expect(run(changed, {})).toBe(false);
    // Blank values are all the same value.
    expect(run(changed, {}, { 'ticket.status': { from: null, to: '' } })).toBe(false);
    expect(run(changed, {}, { 'ticket.status': { from: null, to: 'open' } })).toBe(true);
  });

  it('matches changed_to / changed_from against the value', () => {
    const to: ConditionSet = {
      all: [{ field: 'ticket.status', op: 'changed_to', value: 'solved' }],
      any: [],
    };
    const from: ConditionSet = {
      all: [{ field: 'ticket.status', op: 'changed_from', value: 'open' }],
      any: [],
    };
    const change = { 'ticket.status': { from: 'open', to: 'solved' } };
    expect(run(to, {}, change)).toBe(true);
    expect(run(from, {}, change)).toBe(true);
    expect(run(to, {}, { 'ticket.status': { from: 'solved', to: 'open' } })).toBe(false);
    expect(run(from, {}, { 'ticket.status': { from: 'pending', to: 'solved' } })).toBe(false);
    // Numbers compare numerically, instants as instants, lists as sets.
    const priority: ConditionSet = {
      all: [{ field: 'ticket.priority', op: 'changed_to', value: 3 }],
      any: [],
    };
    expect(run(priority, {}, { 'ticket.priority': { from: 1, to: '3' } })).toBe(true);
    const due: ConditionSet = {
      all: [{ field: 'ticket.dueAt', op: 'changed_to', value: '2026-11-26T09:00:00+08:00' }],
      any: [],
    };
    expect(run(due, {}, { 'ticket.dueAt': { from: null, to: new Date('2026-11-26T01:00:00Z') } })).toBe(true);
    const tags: ConditionSet = {
      all: [{ field: 'ticket.tags', op: 'changed_to', value: ['b', 'a'] }],
      any: [],
    };
    expect(run(tags, {}, { 'ticket.tags': { from: ['a'], to: ['a', 'b'] } })).toBe(true);
    expect(run(tags, {}, { 'ticket.tags': { from: ['b', 'a'], to: ['a', 'b'] } })).toBe(false);
  });

  it('prepares a set once for many records', () => {
    const test = prepareEvaluator(
      { all: [{ field: 'ticket.subject', op: 'matches', value: 'K\\d' }], any: [] },
      catalogue,
    );
    expect(
      ['金蝶K3', '用友U8', '金蝶k3'].map((subject) => test({ 'ticket.subject': subject }, ctx())),
    ).toEqual([true, false, false]);
  });

  it('throws ConditionError on sets that were never validated', () => {
    expect(() => run({ all: [{ field: 'ticket.nope', op: 'is', value: 1 }], any: [] }, {})).toThrow(
      ConditionError,
    );
    expect(() => run({ all: [], any: [{ field: 'ticket.subject', op: 'gt', value: 'a' }] }, {})).toThrow(
      /operator_not_allowed at any.0/,
    );
  });
});
