import { describe, expect, it } from 'vitest';
import { maskPhone, normalizePhone } from './phone.js';

describe('Chinese phone numbers', () => {
  it.each([
    ['13800138000', 'mobile', '13800138000'],
    ['138 0013 8000', 'mobile', '13800138000'],
    ['+86 138-0013-8000', 'mobile', '13800138000'],
    ['0086 13800138000', 'mobile', '13800138000'],
    ['8613800138000', 'mobile', '13800138000'],
    ['013800138000', 'mobile', '13800138000'],
    ['010-63701234', 'landline', '01063701234'],
    ['(010) 6370 1234', 'landline', '01063701234'],
    ['（0755）88886666', 'landline', '075588886666'],
    ['+86 10 63701234', 'landline', '01063701234'],
    ['0755-8888 6666 转 123', 'landline', '075588886666#123'],
    ['021-12345678 ext. 9', 'landline', '02112345678#9'],
  ])('%s → %s %s', (raw, kind, value) => {
    expect(normalizePhone(raw)).toEqual({ kind, value });
  });

  it.each([
    '',
    '12345',
    '1380013800',
    '23800138000',
    'abc13800138000',
    '138001380001234',
    '+1 415 555 0100',
    '010-123',
  ])('rejects %s', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });

  it('masks like the manual: 135****5678 and 010-6370****', () => {
    expect(maskPhone('13512345678')).toBe('135****5678');
    expect(maskPhone('+86 135 1234 5678')).toBe('135****5678');
    expect(maskPhone('010-63701234')).toBe('010-6370****');
    expect(maskPhone('0755-88886666#12')).toBe('0755-8888****');
    expect(maskPhone('garbage')).toBe('****');
    expect(maskPhone(null)).toBeNull();
  });
});
