/**
 * The arithmetic of 计算字段 (calculated fields): numbers, field keys, + - * / and parentheses,
 * unary minus. Parsed once into a tree and evaluated over a record's values — never `eval`.
 * A small hand-written parser instead of a library: the grammar is six rules, and a library
 * (mathjs, expr-eval) brings functions, assignments and property access we would have to forbid.
 */
export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'ref'; key: string }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr };

export const MAX_EXPRESSION_LENGTH = 500;
const MAX_DEPTH = 40;

type Token = { t: 'num'; v: number } | { t: 'ref'; v: string } | { t: 'op'; v: string };

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?)|([a-z][a-z0-9_]{0,39})|([-+*/()]))/y;
  let i = 0;
  while (i < text.length) {
    if (/^\s*$/.test(text.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) return null;
    if (m[1] !== undefined) tokens.push({ t: 'num', v: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ t: 'ref', v: m[2] });
    else tokens.push({ t: 'op', v: m[3]! });
    i = re.lastIndex;
  }
  return tokens;
}

/** Parses an expression; null when it is not one (bad characters, unbalanced, too long or deep). */
export function parseExpression(text: string): Expr | null {
  if (text.length === 0 || text.length > MAX_EXPRESSION_LENGTH) return null;
  const tokens = tokenize(text);
  if (!tokens || tokens.length === 0) return null;
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (v: string) => peek()?.t === 'op' && peek()?.v === v;

  // expr := term (('+'|'-') term)* ; term := unary (('*'|'/') unary)* ; unary := '-' unary | atom
  const expr = (depth: number): Expr | null => {
    let left = term(depth);
    while (left && (isOp('+') || isOp('-'))) {
      const op = tokens[pos++]!.v as '+' | '-';
      const right = term(depth);
      left = right ? { kind: 'bin', op, left, right } : null;
    }
    return left;
  };
  const term = (depth: number): Expr | null => {
    let left = unary(depth);
    while (left && (isOp('*') || isOp('/'))) {
      const op = tokens[pos++]!.v as '*' | '/';
      const right = unary(depth);
      left = right ? { kind: 'bin', op, left, right } : null;
    }
    return left;
  };
  const unary = (depth: number): Expr | null => {
    if (depth > MAX_DEPTH) return null;
    if (isOp('-')) {
      pos++;
      const arg = unary(depth + 1);
      return arg ? { kind: 'neg', arg } : null;
    }
    if (isOp('+')) {
      pos++;
      return unary(depth + 1);
    }
    return atom(depth);
  };
  const atom = (depth: number): Expr | null => {
    const tok = tokens[pos++];
    if (!tok) return null;
    if (tok.t === 'num') return { kind: 'num', value: tok.v };
    if (tok.t === 'ref') return { kind: 'ref', key: tok.v };
    if (tok.v !== '(') return null;
    const inner = expr(depth + 1);
    if (!inner || !isOp(')')) return null;
    pos++;
    return inner;
  };

  const tree = expr(0);
  return tree && pos === tokens.length ? tree : null;
}

/** The field keys an expression reads, each once. */
export function expressionRefs(e: Expr): string[] {
  const out = new Set<string>();
  const walk = (x: Expr) => {
    if (x.kind === 'ref') out.add(x.key);
    else if (x.kind === 'neg') walk(x.arg);
    else if (x.kind === 'bin') {
      walk(x.left);
      walk(x.right);
    }
  };
  walk(e);
  return [...out];
}

/**
 * The value of an expression, or null when it has none: a referenced value is missing or not a
 * number, a division by zero, or a result beyond ±1e15.
 */
export function evaluateExpression(e: Expr, values: (key: string) => unknown): number | null {
  const ev = (x: Expr): number | null => {
    switch (x.kind) {
      case 'num':
        return x.value;
      case 'ref': {
        const v = values(x.key);
        return typeof v === 'number' && Number.isFinite(v) ? v : null;
      }
      case 'neg': {
        const a = ev(x.arg);
        return a === null ? null : -a;
      }
      case 'bin': {
        const a = ev(x.left);
        const b = ev(x.right);
        if (a === null || b === null) return null;
        if (x.op === '+') return a + b;
        if (x.op === '-') return a - b;
        if (x.op === '*') return a * b;
        return b === 0 ? null : a / b;
      }
    }
  };
  const result = ev(e);
  return result !== null && Number.isFinite(result) && Math.abs(result) < 1e15 ? result : null;
}

/** Rewrites a field key in an expression's text (a key rename), leaving everything else as written. */
export function renameExpressionKey(text: string, from: string, to: string): string {
  return text.replace(/[a-z][a-z0-9_]*/g, (word, offset: number) => {
    // A key never follows a digit or a dot directly: "1e5"-like text is not a reference.
    const before = offset > 0 ? text[offset - 1]! : '';
    return word === from && !/[0-9.]/.test(before) ? to : word;
  });
}
