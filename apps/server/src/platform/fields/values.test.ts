import type { FieldDefinition, FieldType } from '@yidan/contracts';
import { describe, expect, it } from 'vitest';
import { validateCustomValues } from './values.js';

let nextId = 1;
function def(key: string, type: FieldType, extra: Partial<FieldDefinition> = {}): FieldDefinition {
  return {
    id: nextId++,
    entity: 'company',
    key,
    keyLocked: false,
    label: key,
    type,
    system: false,
    options: [],
    required: false,
    readOnly: { all: false, groupIds: [], agentIds: [] },
    regex: null,
    sortOrder: 0,
    enabled: true,
    config: {},
    ...extra,
  };
}

const defs = [
  def('product', 'select', {
    options: [
      { value: 'tplus', label: 'T+' },
      { value: 'k3', label: 'K3' },
    ],
    required: true,
  }),
  def('modules', 'multiselect', {
    options: [
      { value: 'gl', label: '总账' },
      { value: 'ar', label: '应收' },
    ],
  }),
  def('seats', 'integer'),
  def('fee', 'decimal'),
  def('vip', 'checkbox'),
  def('signed', 'date'),
  def('visit', 'datetime'),
  def('region', 'cascade', {
    options: [{ value: 'bj', label: '北京市', children: [{ value: 'hd', label: '海淀区' }] }],
  }),
  def('taxno', 'regex', { regex: '^[0-9A-Z]{18}$' }),
  def('hotline', 'phone'),
  def('mail', 'email'),
  def('site', 'url'),
  def('addr', 'location'),
  def('files', 'attachment'),
  def('locked', 'text', { readOnly: { all: false, groupIds: [7], agentIds: [] } }),
  def('note', 'textarea'),
];
const writer = { agentId: 1, groupIds: [], isAdmin: false };

describe('custom field values', () => {
  it('normalises valid values of every type', () => {
    const { values, errors } = validateCustomValues(
      defs,
      {
        product: 'tplus',
        modules: ['gl', 'gl', 'ar'],
        seats: '12',
        fee: 1999.5,
        vip: true,
        signed: '2026-02-28',
        visit: '2026-11-25T10:00:00+08:00',
        region: ['bj', 'hd'],
        taxno: '91110108MA01ABCD2X',
        hotline: '+86 10 6370 1234',
        mail: ' Finance@Example.COM ',
        site: 'https://example.com/a',
        addr: { address: '北京市海淀区中关村大街1号', lng: 116.3, lat: 39.98 },
        files: [{ fileId: 'f1', name: '合同.pdf', size: 1024 }],
        note: '多行\n文本',
      },
      { writer },
    );
    expect(errors).toEqual([]);
    expect(values).toMatchObject({
      modules: ['gl', 'ar'],
      seats: 12,
      visit: '2026-11-25T02:00:00.000Z',
      hotline: '01063701234',
      mail: 'finance@example.com',
    });
  });

  it('reports each bad value with its path and reason', () => {
    const { errors } = validateCustomValues(
      defs,
      {
        product: 'sap',
        modules: ['gl', 'hr'],
        seats: 1.5,
        fee: 'lots',
        vip: 'yes',
        signed: '2026-02-30',
        visit: 'tomorrow',
        region: ['bj', 'cy'],
        taxno: 'short',
        hotline: '12345',
        mail: 'not-mail',
        site: 'javascript:alert(1)',
        addr: { lng: 500 },
        files: 'x',
        ghost: 1,
      },
      { writer },
    );
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
    expect(byPath).toEqual({
      'body.custom.product': 'not_an_option',
      'body.custom.modules': 'not_an_option',
      'body.custom.seats': 'expected_integer',
      'body.custom.fee': 'expected_number',
      'body.custom.vip': 'expected_boolean',
      'body.custom.signed': 'invalid_date',
      'body.custom.visit': 'invalid_datetime',
      'body.custom.region': 'not_an_option',
      'body.custom.taxno': 'regex_mismatch',
      'body.custom.hotline': 'invalid_phone',
      'body.custom.mail': 'invalid_email',
      'body.custom.site': 'invalid_url',
      'body.custom.addr': 'invalid_location',
      'body.custom.files': 'invalid_attachment',
      'body.custom.ghost': 'unknown_field',
    });
  });

  it('requires required fields on create, and on update only when touched', () => {
    expect(validateCustomValues(defs, {}, { writer }).errors).toEqual([
      { path: 'body.custom.product', message: 'required' },
    ]);
    expect(validateCustomValues(defs, { seats: 3 }, { writer, existing: { product: 'k3' } }).errors).toEqual(
      [],
    );
    expect(
      validateCustomValues(defs, { product: '' }, { writer, existing: { product: 'k3' } }).errors,
    ).toEqual([{ path: 'body.custom.product', message: 'required' }]);
  });

  it('keeps read-only fields for the scoped group, but lets unchanged values through and admins edit', () => {
    const grouped = { agentId: 2, groupIds: [7], isAdmin: false };
    const existing = { product: 'k3', locked: '原值' };
    expect(validateCustomValues(defs, { locked: '新值' }, { writer: grouped, existing }).errors).toEqual([
      { path: 'body.custom.locked', message: 'read_only' },
    ]);
    expect(validateCustomValues(defs, { locked: '原值' }, { writer: grouped, existing }).errors).toEqual([]);
    expect(validateCustomValues(defs, { locked: '新值' }, { writer, existing }).values.locked).toBe('新值');
    expect(
      validateCustomValues(defs, { locked: '新值' }, { writer: { ...grouped, isAdmin: true }, existing })
        .errors,
    ).toEqual([]);
  });

  it('clears a value with null or an empty string', () => {
    const { values } = validateCustomValues(
      defs,
      { seats: null, note: '' },
      { writer, existing: { product: 'k3', seats: 3, note: 'x' } },
    );
    expect(values).toEqual({ product: 'k3' });
  });
});
