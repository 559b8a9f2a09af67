import { describe, expect, it } from 'vitest';
import { patternRegExp, translatePattern } from './pattern.js';

const source = (p: string) => {
  const r = translatePattern(p);
  return r.ok ? r.source : r.message;
};

describe('regex subset for matches', () => {
  it('re-emits accepted patterns in one spelling both engines read alike', () => {
    expect(source('^用友T\\+')).toBe('^用友T\\+');
    expect(source('K\\d+')).toBe('K[0-9]+');
    expect(source('\\w\\W')).toBe('[A-Za-z0-9_][^A-Za-z0-9_]');
    expect(source('[\\d.-]')).toBe('[0-9.\\-]');
    expect(source('(U8|K3)')).toBe('(?:U8|K3)');
    expect(source('a*?b{2,}?')).toBe('a*b{2,}'); // laziness cannot change whether a match exists
    expect(source('a{3,3}')).toBe('a{3}');
    expect(source('x]}')).toBe('x\\]\\}');
    expect(source('\\n\\t')).toBe('\n\t');
    expect(source('[^\\s]')).toBe('[^ \t\n\r\f\v\u3000]');
  });

  it('runs in JS with code points and dot-all', () => {
    expect(patternRegExp('^.$').test('😀')).toBe(true);
    expect(patternRegExp('a.b').test('a\nb')).toBe(true);
    expect(patternRegExp('\\s').test('金蝶\u3000K3')).toBe(true);
    expect(patternRegExp('\\w').test('用友')).toBe(false);
  });

  it.each([
    '(?=a)', // lookahead
    '(?!a)',
    '(?<=a)b', // lookbehind
    '(?<name>a)', // named group
    '(?i)abc', // inline flags
    '(a)\\1', // backreference
    '\\k<a>',
    '\\bword',
    '\\p{L}',
    '\\u0041',
    '\\x41',
    '[[:alpha:]]', // POSIX class
    '[]a]',
    '[]',
    '[z-a]',
    '[\\D]',
    '*a',
    'a**',
    'a{101}',
    'a{3,2}',
    'a{',
    'a||b',
    '()',
    '^*',
    '(a',
    'a)',
    '(a+)+', // star height 2
    '(a*)*b',
    '',
  ])('rejects %j', (p) => {
    expect(translatePattern(p)).toEqual({ ok: false, message: 'unsafe_regex' });
  });

  it('caps patterns at 200 characters', () => {
    expect(translatePattern('a'.repeat(200)).ok).toBe(true);
    expect(translatePattern('a'.repeat(201))).toEqual({ ok: false, message: 'regex_too_long' });
  });
});
