import dayjs, { type Dayjs } from 'dayjs';
import type { FieldDefinition, FieldOption } from '../types/customerTypes';

const isDayjs = (v: unknown): v is Dayjs => dayjs.isDayjs(v);

/** A stored custom value as its form control wants it (dates as dayjs, a location as its address). */
export function toFormValue(def: FieldDefinition, raw: unknown): unknown {
  if (raw === undefined || raw === null) return undefined;
  switch (def.type) {
    case 'date':
    case 'datetime':
      return typeof raw === 'string' ? dayjs(raw) : undefined;
    case 'location':
      return typeof raw === 'object' && 'address' in raw ? String(raw.address) : undefined;
    default:
      return raw;
  }
}

const blank = (v: unknown) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

/** A form value back to what the API stores; null when blank (the server then clears the value). */
export function fromFormValue(def: FieldDefinition, value: unknown, existing?: unknown): unknown {
  if (blank(value)) return null;
  switch (def.type) {
    case 'date':
      return isDayjs(value) ? value.format('YYYY-MM-DD') : value;
    case 'datetime':
      return isDayjs(value) ? value.toISOString() : value;
    case 'location': {
      const previous = existing && typeof existing === 'object' ? existing : {};
      return { ...previous, address: String(value).trim() };
    }
    case 'text':
    case 'regex':
    case 'phone':
    case 'email':
    case 'url':
      return typeof value === 'string' ? value.trim() : value;
    default:
      return value;
  }
}

/** Form values of the `custom` group → the body's `custom`: on create blanks are left out. */
export function customBody(
  defs: FieldDefinition[],
  values: Record<string, unknown> | undefined,
  existing?: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const def of defs) {
    if (!values || !(def.key in values) || def.type === 'calculated') continue;
    const next = fromFormValue(def, values[def.key], existing?.[def.key]);
    if (existing === undefined) {
      if (next !== null) out[def.key] = next;
    } else if (JSON.stringify(next ?? null) !== JSON.stringify(existing[def.key] ?? null)) {
      out[def.key] = next;
    }
  }
  return out;
}

export function customFormValues(defs: FieldDefinition[], custom: Record<string, unknown>) {
  return Object.fromEntries(defs.map((def) => [def.key, toFormValue(def, custom[def.key])]));
}

function optionLabels(options: FieldOption[], path: unknown[]): string[] {
  const labels: string[] = [];
  let level: FieldOption[] | undefined = options;
  for (const value of path) {
    const node: FieldOption | undefined = level?.find((o) => o.value === value);
    labels.push(node?.label ?? String(value));
    level = node?.children;
  }
  return labels;
}

/** A stored value as text for lists and detail pages; `yes`/`no` label checkboxes. */
export function displayCustomValue(
  def: FieldDefinition,
  raw: unknown,
  words: { yes: string; no: string },
): string {
  if (blank(raw)) return '';
  switch (def.type) {
    case 'select':
      return def.options.find((o) => o.value === raw)?.label ?? String(raw);
    case 'multiselect':
      return Array.isArray(raw)
        ? raw.map((v) => def.options.find((o) => o.value === v)?.label ?? v).join('、')
        : '';
    case 'cascade':
      return Array.isArray(raw) ? optionLabels(def.options, raw).join(' / ') : '';
    case 'checkbox':
      return raw ? words.yes : words.no;
    case 'datetime':
      return typeof raw === 'string' ? dayjs(raw).format('YYYY-MM-DD HH:mm') : '';
    case 'location':
      return typeof raw === 'object' && raw && 'address' in raw ? String(raw.address) : '';
    case 'attachment':
      return Array.isArray(raw) ? raw.map((f: { name?: string }) => f.name ?? '').join('、') : '';
    case 'rating':
      return `${'★'.repeat(Number(raw))} ${raw}/${typeof def.config.max === 'number' ? def.config.max : 5}`;
    case 'signature':
      return '✔';
    case 'sms_code':
      return typeof raw === 'object' && raw && 'mobile' in raw ? String(raw.mobile) : '';
    case 'product_table':
      return typeof raw === 'object' && raw && 'total' in raw
        ? `¥${(Number(raw.total) / 100).toFixed(2)}`
        : '';
    case 'asset':
      return typeof raw === 'object' && raw && 'name' in raw
        ? `${String(raw.name)}${'serial' in raw && raw.serial ? ` (${String(raw.serial)})` : ''}`
        : '';
    default:
      return String(raw);
  }
}
