import { MAX_PATTERN_LENGTH } from '@yidan/contracts';
import safeRegex from 'safe-regex2';

/**
 * `matches` runs the same pattern in PostgreSQL (`~`, ARE syntax) and in JS (RegExp), so we accept
 * only a subset both read identically and re-emit it in one canonical spelling:
 * literals, `.`, `^`, `$`, `|`, groups `(…)` / `(?:…)`, classes `[…]` / `[^…]` with ranges,
 * quantifiers `* + ? {n} {n,} {n,m}` (bounds ≤ 100; a lazy `?` suffix is dropped as it cannot
 * change whether a match exists), escaped punctuation and `\t \n \r \f \v`.
 * `\d \w \s` are rewritten to explicit ASCII classes (`\s` also covers the ideographic space U+3000)
 * because their Unicode reach differs between the engines. Rejected: flags, lookarounds,
 * backreferences, named groups, POSIX classes, `\b`, `\p{…}`, `\uXXXX`. Output runs in JS with the
 * `su` flags (code points; `.` matches newlines, as in PostgreSQL's default mode).
 */
export type PatternResult =
  | { ok: true; source: string }
  | { ok: false; message: 'unsafe_regex' | 'regex_too_long' };

export const PATTERN_FLAGS = 'su';
const MAX_BOUND = 100;
// Characters that are syntax in either engine; always emitted escaped when meant literally.
const SYNTAX = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|']);
const CLASS_SPECIAL = new Set(['\\', ']', '[', '-', '^']);
const CONTROL_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', f: '\f', v: '\v' };
const SPACE = ' \t\n\r\f\v\u3000';
const CLASS_ESCAPES: Record<string, string> = { d: '0-9', w: 'A-Za-z0-9_', s: SPACE };

class Unsupported extends Error {}

/** Checks a user's pattern and returns the canonical source both engines run. */
export function translatePattern(pattern: string): PatternResult {
  if (pattern.length > MAX_PATTERN_LENGTH) return { ok: false, message: 'regex_too_long' };
  let source: string;
  try {
    source = new PatternParser(pattern).parse();
    new RegExp(source, PATTERN_FLAGS);
  } catch {
    return { ok: false, message: 'unsafe_regex' };
  }
  if (!safeRegex(source)) return { ok: false, message: 'unsafe_regex' };
  return { ok: true, source };
}

/** The JS RegExp of an accepted pattern. */
export function patternRegExp(pattern: string): RegExp {
  const result = translatePattern(pattern);
  if (!result.ok) throw new Error(`pattern not accepted: ${result.message}`);
  return new RegExp(result.source, PATTERN_FLAGS);
}

const escapeLiteral = (ch: string) => (SYNTAX.has(ch) ? `\\${ch}` : ch);
const escapeInClass = (ch: string) => (CLASS_SPECIAL.has(ch) ? `\\${ch}` : ch);

class PatternParser {
  private readonly chars: string[];
  private pos = 0;

  constructor(pattern: string) {
    this.chars = Array.from(pattern);
    for (const ch of this.chars) {
      const cp = ch.codePointAt(0) ?? 0;
      if (cp === 0 || (cp >= 0xd800 && cp <= 0xdfff)) throw new Unsupported();
    }
    if (this.chars.length === 0) throw new Unsupported();
  }

  parse(): string {
    const out = this.alternation();
    if (this.pos !== this.chars.length) throw new Unsupported();
    return out;
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.pos + offset];
  }

  private next(): string {
    const ch = this.chars[this.pos++];
    if (ch === undefined) throw new Unsupported();
    return ch;
  }

  private alternation(): string {
    const branches = [this.sequence()];
    while (this.peek() === '|') {
      this.pos++;
      branches.push(this.sequence());
    }
    if (branches.some((b) => b === '')) throw new Unsupported();
    return branches.join('|');
  }

  private sequence(): string {
    let out = '';
    for (let ch = this.peek(); ch !== undefined && ch !== '|' && ch !== ')'; ch = this.peek()) {
      const atom = this.atom();
      out += atom.quantifiable ? atom.source + this.quantifier() : atom.source;
    }
    return out;
  }

  private atom(): { source: string; quantifiable: boolean } {
    const ch = this.next();
    switch (ch) {
      case '^':
      case '$':
        if (this.isQuantifierStart()) throw new Unsupported();
        return { source: ch, quantifiable: false };
      case '.':
        return { source: '.', quantifiable: true };
      case '[':
        return { source: this.charClass(), quantifiable: true };
      case '(':
        return { source: this.group(), quantifiable: true };
      case '\\':
        return { source: this.escape(), quantifiable: true };
      case '*':
      case '+':
      case '?':
      case '{':
        throw new Unsupported(); // a quantifier with nothing to repeat, or an ambiguous brace
      default:
        return { source: escapeLiteral(ch), quantifiable: true };
    }
  }

  private group(): string {
    if (this.peek() === '?') {
      if (this.peek(1) !== ':') throw new Unsupported(); // lookarounds, named groups, inline flags
      this.pos += 2;
    }
    const inner = this.alternation();
    if (this.next() !== ')' || inner === '') throw new Unsupported();
    return `(?:${inner})`;
  }

  private escape(): string {
    const ch = this.next();
    const cls = CLASS_ESCAPES[ch];
    if (cls) return `[${cls}]`;
    const negated = CLASS_ESCAPES[ch.toLowerCase()];
    if (negated && ch !== ch.toLowerCase()) return `[^${negated}]`;
    const control = CONTROL_ESCAPES[ch];
    if (control) return control;
    if (SYNTAX.has(ch) || ch === '/' || ch === '-') return escapeLiteral(ch);
    throw new Unsupported();
  }

  private charClass(): string {
    let out = '[';
    if (this.peek() === '^') {
      this.pos++;
      out += '^';
    }
    if (this.peek() === ']') throw new Unsupported(); // `[]…]` reads differently in the two engines
    let items = 0;
    while (this.peek() !== ']') {
      const item = this.classItem();
      if (item.kind === 'set') {
        out += item.source;
      } else if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined) {
        this.pos++;
        const end = this.classItem();
        if (end.kind !== 'char' || end.char.codePointAt(0)! < item.char.codePointAt(0)!)
          throw new Unsupported();
        out += `${escapeInClass(item.char)}-${escapeInClass(end.char)}`;
      } else {
        out += escapeInClass(item.char);
      }
      items++;
    }
    this.pos++;
    if (items === 0) throw new Unsupported();
    return `${out}]`;
  }

  private classItem(): { kind: 'char'; char: string } | { kind: 'set'; source: string } {
    const ch = this.next();
    // `[:alpha:]`, `[.x.]`, `[=x=]` are POSIX-only; refuse rather than read them as literals.
    if (ch === '[' && [':', '.', '='].includes(this.peek() ?? '')) throw new Unsupported();
    if (ch !== '\\') return { kind: 'char', char: ch };
    const esc = this.next();
    const cls = CLASS_ESCAPES[esc];
    if (cls) return { kind: 'set', source: cls };
    const control = CONTROL_ESCAPES[esc];
    if (control) return { kind: 'char', char: control };
    if (SYNTAX.has(esc) || esc === '/' || esc === '-') return { kind: 'char', char: esc };
    throw new Unsupported(); // \D \W \S inside a class, \b, \p, \u …
  }

  private isQuantifierStart(): boolean {
    const ch = this.peek();
    return ch === '*' || ch === '+' || ch === '?' || ch === '{';
  }

  private quantifier(): string {
    const ch = this.peek();
    let out: string;
    if (ch === '*' || ch === '+' || ch === '?') {
      this.pos++;
      out = ch;
    } else if (ch === '{') {
      this.pos++;
      out = this.bounds();
    } else {
      return '';
    }
    if (this.peek() === '?') this.pos++; // lazy: same yes/no answer
    if (this.isQuantifierStart()) throw new Unsupported();
    return out;
  }

  private bounds(): string {
    const min = this.digits();
    let max: number | null = min;
    if (this.peek() === ',') {
      this.pos++;
      max = this.peek() === '}' ? null : this.digits();
    }
    if (this.next() !== '}') throw new Unsupported();
    if (min > MAX_BOUND || (max !== null && (max > MAX_BOUND || max < min))) throw new Unsupported();
    if (max === min) return `{${min}}`;
    return max === null ? `{${min},}` : `{${min},${max}}`;
  }

  private digits(): number {
    let s = '';
    for (let ch = this.peek(); ch !== undefined && ch >= '0' && ch <= '9'; ch = this.peek()) {
      s += ch;
      this.pos++;
    }
    if (s === '' || s.length > 3) throw new Unsupported();
    return Number(s);
  }
}
