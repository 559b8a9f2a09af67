import { describe, expect, it } from 'vitest';
import { evaluateExpression, expressionRefs, parseExpression, renameExpressionKey } from './expression.js';

const calc = (text: string, values: Record<string, unknown> = {}) => {
  const tree = parseExpression(text);
  if (!tree) throw new Error(`did not parse: ${text}`);
  return evaluateExpression(tree, (k) => values[k]);
};

describe('calculated field expressions', () => {
  it('computes with precedence, parentheses and unary minus', () => {
    expect(calc('price * qty + fee', { price: 12.5, qty: 4, fee: 10 })).toBe(60);
    expect(calc('(a + b) * 2 - -c / 4', { a: 1, b: 2, c: 8 })).toBe(8);
    expect(calc('10 - 4 - 3')).toBe(3);
    expect(calc('2 * 3.5')).toBe(7);
  });

  it('has no value when an operand is missing or not a number, or on division by zero', () => {
    expect(calc('a + b', { a: 1 })).toBeNull();
    expect(calc('a + 1', { a: '5' })).toBeNull();
    expect(calc('a / b', { a: 1, b: 0 })).toBeNull();
    expect(calc('a * a * a', { a: 1e6 })).toBeNull();
  });

  it('refuses anything but numbers, keys, operators and parentheses', () => {
    for (const bad of [
      '',
      'a +',
      '(a',
      'a)',
      'a b',
      '2a',
      'Math.max(1)',
      'constructor',
      'a.b',
      'a ** 2',
      'a % 2',
      'a = 1',
      '"x"',
      '1e5',
      `${'('.repeat(60)}1${')'.repeat(60)}`,
      'a+'.repeat(300),
    ]) {
      const tree = parseExpression(bad);
      // "constructor" is a well-formed key; it simply never names a numeric field.
      if (bad === 'constructor') expect(tree && expressionRefs(tree)).toEqual(['constructor']);
      else expect(tree, bad).toBeNull();
    }
  });

  it('lists and renames the keys it reads', () => {
    const tree = parseExpression('price * qty + price2 - price')!;
    expect(expressionRefs(tree)).toEqual(['price', 'qty', 'price2']);
    expect(renameExpressionKey('price * qty + price2 - price', 'price', 'unit_price')).toBe(
      'unit_price * qty + price2 - unit_price',
    );
  });
});
