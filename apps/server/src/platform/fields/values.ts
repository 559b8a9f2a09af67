import {
  assetValueSchema,
  attachmentValueSchema,
  type FieldDefinition,
  type FieldOption,
  locationValueSchema,
  type ReadOnlyScope,
} from '@yidan/contracts';
import type { FieldError } from '../http/errors.js';
import { DEFAULT_RATING_MAX } from './fieldConfig.js';
import { normalizePhone } from './phone.js';

export type CustomValues = Record<string, unknown>;

/** Who is writing, for read-only scopes. */
export interface Writer {
  agentId: number;
  groupIds: number[];
  isAdmin: boolean;
}

export function isReadOnlyFor(scope: ReadOnlyScope, writer: Writer): boolean {
  return (
    scope.all ||
    scope.agentIds.includes(writer.agentId) ||
    scope.groupIds.some((g) => writer.groupIds.includes(g))
  );
}

const isBlank = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function validDate(s: string) {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

function cascadePath(options: FieldOption[], path: unknown): string[] | null {
  if (!Array.isArray(path) || path.length === 0 || path.length > 10) return null;
  let level: FieldOption[] | undefined = options;
  for (const step of path) {
    const node: FieldOption | undefined = level?.find((o) => o.value === step);
    if (!node) return null;
    level = node.children;
  }
  return path as string[];
}

type Check = { ok: true; value: unknown } | { ok: false; message: string };
const ok = (value: unknown): Check => ({ ok: true, value });
const bad = (message: string): Check => ({ ok: false, message });

/** Checks one non-blank value against its field and returns it normalised. */
export function checkValue(def: FieldDefinition, v: unknown): Check {
  switch (def.type) {
    case 'text':
    case 'textarea': {
      if (typeof v !== 'string') return bad('expected_text');
      const max = def.type === 'text' ? 500 : 10_000;
      return v.length > max ? bad('too_long') : ok(def.type === 'text' ? v.trim() : v);
    }
    case 'integer': {
      const n = typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
      return typeof n === 'number' && Number.isSafeInteger(n) ? ok(n) : bad('expected_integer');
    }
    case 'decimal': {
      const n = typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v;
      return typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < 1e15
        ? ok(n)
        : bad('expected_number');
    }
    case 'select':
      return typeof v === 'string' && def.options.some((o) => o.value === v) ? ok(v) : bad('not_an_option');
    case 'multiselect': {
      if (
        !Array.isArray(v) ||
        !v.every((x) => typeof x === 'string' && def.options.some((o) => o.value === x))
      ) {
        return bad('not_an_option');
      }
      return ok([...new Set(v as string[])]);
    }
    case 'checkbox':
      return typeof v === 'boolean' ? ok(v) : bad('expected_boolean');
    case 'date':
      return typeof v === 'string' && validDate(v) ? ok(v) : bad('invalid_date');
    case 'datetime': {
      const t = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? Date.parse(v) : Number.NaN;
      return Number.isNaN(t) ? bad('invalid_datetime') : ok(new Date(t).toISOString());
    }
    case 'cascade': {
      const path = cascadePath(def.options, v);
      return path ? ok(path) : bad('not_an_option');
    }
    case 'regex': {
      if (typeof v !== 'string' || v.length > 500) return bad('expected_text');
      return !def.regex || new RegExp(def.regex).test(v) ? ok(v) : bad('regex_mismatch');
    }
    case 'phone': {
      const p = typeof v === 'string' ? normalizePhone(v) : null;
      return p ? ok(p.value) : bad('invalid_phone');
    }
    case 'email': {
      const s = typeof v === 'string' ? v.trim().toLowerCase() : '';
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) && s.length <= 254 ? ok(s) : bad('invalid_email');
    }
    case 'url': {
      if (typeof v !== 'string' || v.length > 2000) return bad('invalid_url');
      try {
        const u = new URL(v.trim());
        return u.protocol === 'http:' || u.protocol === 'https:' ? ok(u.toString()) : bad('invalid_url');
      } catch {
        return bad('invalid_url');
      }
    }
    case 'attachment': {
      const r = attachmentValueSchema.safeParse(v);
      return r.success ? ok(r.data) : bad('invalid_attachment');
    }
    case 'location': {
      const r = locationValueSchema.safeParse(v);
      return r.success ? ok(r.data) : bad('invalid_location');
    }
    case 'rating': {
      const max = typeof def.config.max === 'number' ? def.config.max : DEFAULT_RATING_MAX;
      return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= max
        ? ok(v)
        : bad('invalid_rating');
    }
    case 'signature':
      // The file itself (uploaded, an image, this vendor's) is checked where the database is at hand.
      return typeof v === 'string' && UUID.test(v) ? ok(v.toLowerCase()) : bad('invalid_signature');
    case 'sms_code':
      return checkSmsCode(v);
    case 'product_table':
      return checkProductTable(v);
    case 'asset': {
      const r = assetValueSchema.safeParse(v);
      return r.success ? ok(r.data) : bad('invalid_asset');
    }
    case 'calculated':
      // Computed by the server on every write; callers drop given values before validating.
      return bad('read_only');
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * 短信验证码: the mobile the code went to. Nothing is verified until the SMS provider exists, so
 * the server never stores a client's claim of `verified: true`.
 */
function checkSmsCode(v: unknown): Check {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad('invalid_sms_code');
  const { mobile, verified, ...rest } = v as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || (verified !== undefined && typeof verified !== 'boolean'))
    return bad('invalid_sms_code');
  const phone = typeof mobile === 'string' ? normalizePhone(mobile) : null;
  return phone?.kind === 'mobile' ? ok({ mobile: phone.value, verified: false }) : bad('invalid_mobile');
}

const MAX_PRODUCT_ROWS = 200;
const MAX_PRICE_FEN = 1e12;
const MAX_QUANTITY = 1e6;

/**
 * 商品表: rows of name, unit price in fen (分, a whole number ≥ 0) and quantity (> 0). Row totals
 * (price × quantity, rounded to the fen) and the grand total are computed here, whatever was sent.
 * Takes the rows alone or the stored { rows, total } shape.
 */
function checkProductTable(v: unknown): Check {
  const raw = Array.isArray(v) ? v : (v as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_PRODUCT_ROWS)
    return bad('invalid_product_table');
  const rows: { name: string; price: number; quantity: number; total: number }[] = [];
  for (const r of raw) {
    if (typeof r !== 'object' || r === null) return bad('invalid_product_table');
    const { name, price, quantity } = r as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '' || name.length > 100)
      return bad('invalid_product_table');
    if (typeof price !== 'number' || !Number.isSafeInteger(price) || price < 0 || price > MAX_PRICE_FEN)
      return bad('invalid_product_price');
    if (
      typeof quantity !== 'number' ||
      !Number.isFinite(quantity) ||
      quantity <= 0 ||
      quantity > MAX_QUANTITY
    )
      return bad('invalid_product_quantity');
    rows.push({ name: name.trim(), price, quantity, total: Math.round(price * quantity) });
  }
  const total = rows.reduce((sum, r) => sum + r.total, 0);
  return Number.isSafeInteger(total) ? ok({ rows, total }) : bad('invalid_product_table');
}

/**
 * Validates custom field values on every write path (API, import, bulk edit, rules):
 * unknown keys, read-only scopes, required fields, and each value's type.
 * `existing` is the record's current values (absent on create).
 */
export function validateCustomValues(
  defs: FieldDefinition[],
  input: CustomValues,
  opts: { writer: Writer; existing?: CustomValues; path?: string },
): { values: CustomValues; errors: FieldError[] } {
  const path = opts.path ?? 'body.custom';
  const creating = opts.existing === undefined;
  const byKey = new Map(defs.filter((d) => !d.system && d.enabled).map((d) => [d.key, d]));
  const values: CustomValues = { ...(opts.existing ?? {}) };
  const errors: FieldError[] = [];
  for (const [key, raw] of Object.entries(input)) {
    const def = byKey.get(key);
    if (!def) {
      errors.push({ path: `${path}.${key}`, message: 'unknown_field' });
      continue;
    }
    if (isReadOnlyFor(def.readOnly, opts.writer) && !opts.writer.isAdmin) {
      if (JSON.stringify(raw ?? null) !== JSON.stringify(opts.existing?.[key] ?? null)) {
        errors.push({ path: `${path}.${key}`, message: 'read_only' });
      }
      continue;
    }
    if (isBlank(raw)) {
      delete values[key];
      continue;
    }
    const checked = checkValue(def, raw);
    if (checked.ok) values[key] = checked.value;
    else errors.push({ path: `${path}.${key}`, message: checked.message });
  }
  for (const def of byKey.values()) {
    const touched = creating || def.key in input;
    if (def.required && touched && isBlank(values[def.key])) {
      if (!errors.some((e) => e.path === `${path}.${def.key}`))
        errors.push({ path: `${path}.${def.key}`, message: 'required' });
    }
  }
  return { values, errors };
}
