import {
  companyUpdateBody,
  contactCreateBody,
  contactUpdateBody,
  type FieldDefinition,
  type FieldOption,
  type ImportEntity,
} from '@yidan/contracts';
import type { z } from 'zod';
import { normalizeIdentity } from '../../modules/customers/identities.js';
import type {
  CompanyUpsertItem,
  ContactUpsertItem,
  UpsertError,
  UpsertLookups,
} from '../../modules/customers/upsert.js';
import { FIELD_MESSAGES } from '../../platform/http/messages.js';
import { localizeIssue } from '../../platform/http/problem.js';
import { isFormulaInjection, parseSheetDate } from '../../platform/spreadsheets/cells.js';
import type { SheetRow } from '../../platform/spreadsheets/read.js';
import type { ImportField } from './fields.js';

/** A problem with one cell or row; `column` is the file's header (or a field label). */
export interface RowError {
  column: string;
  message: string;
  params?: Record<string, string | number>;
}

/** The reasons of a failed row in Chinese, for the 失败原因 column: "服务到期：日期格式不正确…；手机：与第 2 行重复". */
export function describeErrors(errors: RowError[]): string {
  return errors
    .map((e) => {
      const known = FIELD_MESSAGES[e.message];
      const text = (known?.zh ?? e.message).replace(/\{(\w+)\}/g, (_, k: string) =>
        String(e.params?.[k] ?? ''),
      );
      return e.column ? `${e.column}：${text}` : text;
    })
    .join('；');
}

export interface ColumnPlan {
  col: number;
  header: string;
  field: ImportField;
}

/** Which file column feeds which field. */
export function planColumns(
  header: string[],
  mapping: Record<string, string>,
  fields: ImportField[],
): ColumnPlan[] {
  const plan: ColumnPlan[] = [];
  header.forEach((h, col) => {
    const field = fields.find((f) => f.key === mapping[h]);
    if (field) plan.push({ col, header: h, field });
  });
  return plan;
}

const IDENTITY_FIELDS: Record<string, 'mobile' | 'phone' | 'email'> = {
  mobile: 'mobile',
  landline: 'phone',
  email: 'email',
  'contacts.mobile': 'mobile',
  'contacts.landline': 'phone',
  'contacts.email': 'email',
};

/**
 * Every identity value in the file with the first row that has it, so a later row with the
 * same phone or e-mail fails as a duplicate — the same rows on every run, whatever the chunks.
 */
export class FirstSeen {
  private readonly first = new Map<string, number>();
  constructor(private readonly plan: ColumnPlan[]) {}

  private *keys(row: SheetRow) {
    for (const p of this.plan) {
      const kind = IDENTITY_FIELDS[p.field.key];
      const raw = row.cells[p.col];
      if (!kind || !raw) continue;
      const n = normalizeIdentity(kind, raw);
      if (n) yield { p, key: `${n.kind}:${n.value}` };
    }
  }
  add(row: SheetRow) {
    for (const { key } of this.keys(row)) if (!this.first.has(key)) this.first.set(key, row.number);
  }
  duplicates(row: SheetRow): RowError[] {
    const out: RowError[] = [];
    for (const { p, key } of this.keys(row)) {
      const first = this.first.get(key);
      if (first !== undefined && first !== row.number)
        out.push({ column: p.header, message: 'duplicate_in_file', params: { row: first } });
    }
    return out;
  }
}

const SPLIT = /[,，、;；|\n]+/;
const YES = new Set(['是', 'true', '1', 'y', 'yes', '√', '✓', '有']);
const NO = new Set(['否', 'false', '0', 'n', 'no', '×', '无']);

function optionValue(options: FieldOption[], text: string): string | undefined {
  return options.find((o) => o.value === text || o.label === text)?.value;
}

/** A list cell ("T+、老客户", "a,b;c") as distinct trimmed values. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(SPLIT)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

/** Formula cells and formula-injection text fail their row before any value is read. */
export function formulaError(row: SheetRow, p: ColumnPlan, text: string): RowError | null {
  if (row.formulas.includes(p.col)) return { column: p.header, message: 'formula_cell' };
  if (isFormulaInjection(text)) return { column: p.header, message: 'formula_injection' };
  return null;
}

/** An agent named in a cell, by name or account (accounts ignore case). */
export function findAgent<T extends { name: string; account: string }>(agents: T[], text: string) {
  return agents.find((x) => x.name === text || x.account.toLowerCase() === text.toLowerCase());
}

/** A custom field's cell as the value validateCustomValues expects; it reports what is still wrong. */
export function customValue(def: FieldDefinition, text: string): unknown | { unsupported: true } {
  switch (def.type) {
    case 'select':
      return optionValue(def.options, text) ?? text;
    case 'multiselect':
      return text.split(SPLIT).map((t) => optionValue(def.options, t.trim()) ?? t.trim());
    case 'checkbox': {
      const t = text.toLowerCase();
      return YES.has(t) ? true : NO.has(t) ? false : text;
    }
    case 'date':
      return parseSheetDate(text) ?? text;
    case 'datetime': {
      const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/.exec(text);
      return m ? `${m[1]}T${m[2]}+08:00` : text;
    }
    case 'cascade': {
      let level: FieldOption[] | undefined = def.options;
      return text.split(/\s*[/>＞／]\s*/).map((step) => {
        const node: FieldOption | undefined = level?.find((o) => o.value === step || o.label === step);
        level = node?.children;
        return node?.value ?? step;
      });
    }
    case 'attachment':
    case 'location':
      return { unsupported: true };
    default:
      return text;
  }
}

/** A company row's contact: the contact fields without the company link. */
const COMPANY_CONTACT = contactCreateBody.partial().omit({ companyId: true });

export interface MappedRow<T> {
  item: T | null;
  errors: RowError[];
}

/** Turns sheet rows into upsert items: formula checks, cell coercion and the contracts' field validation. */
export class RowMapper {
  private readonly labelOf: Map<string, string>;
  constructor(
    private readonly entity: ImportEntity,
    private readonly plan: ColumnPlan[],
    private readonly lk: UpsertLookups,
  ) {
    this.labelOf = new Map(plan.map((p) => [p.field.key, p.header]));
  }

  /** The file's header for a field key from the upsert ("contacts.mobile", "custom.x"), else the key. */
  columnOf(path: string): string {
    return this.labelOf.get(path) ?? this.plan.find((p) => p.field.key === path)?.field.label ?? path;
  }

  upsertErrors(errors: UpsertError[]): RowError[] {
    return errors.map((e) => ({ column: this.columnOf(e.path), message: e.message }));
  }

  map(row: SheetRow): MappedRow<CompanyUpsertItem | ContactUpsertItem> {
    const errors: RowError[] = [];
    const values: Record<string, unknown> = {};
    const contact: Record<string, unknown> = {};
    const custom: Record<string, unknown> = {};
    for (const p of this.plan) {
      const text = row.cells[p.col] ?? '';
      if (!text) continue;
      const formula = formulaError(row, p, text);
      if (formula) {
        errors.push(formula);
        continue;
      }
      const key = p.field.key;
      const target = key.startsWith('contacts.') ? contact : values;
      const name = key.replace(/^contacts\./, '');
      const err = (message: string) => errors.push({ column: p.header, message });
      switch (p.field.kind) {
        case 'date': {
          const d = parseSheetDate(text);
          if (d) target[name] = d;
          else err('invalid_import_date');
          break;
        }
        case 'tags':
          target[name] = splitList(text);
          break;
        case 'gender':
          if (/^(男|male|m)$/i.test(text)) target[name] = 'male';
          else if (/^(女|female|f)$/i.test(text)) target[name] = 'female';
          else err('invalid_gender');
          break;
        case 'agent': {
          const a = findAgent(this.lk.agents, text);
          if (a) target[name] = a.id;
          else err('unknown_agent');
          break;
        }
        case 'group': {
          const g = this.lk.groups.find((x) => x.name === text);
          if (g) target[name] = g.id;
          else err('unknown_group');
          break;
        }
        case 'customerGroup': {
          const g = this.lk.customerGroups.find((x) => x.name === text);
          if (g) target[name] = g.id;
          else err('unknown_group');
          break;
        }
        case 'region': {
          const [province, ...rest] = text.split(/[\s/／\-—,，]+/).filter(Boolean);
          if (province) values.province = province;
          if (rest.length) values.city = rest.join('');
          break;
        }
        case 'custom': {
          const v = customValue(p.field.def!, text);
          if (v && typeof v === 'object' && 'unsupported' in v) err('not_importable');
          else custom[key.slice('custom.'.length)] = v;
          break;
        }
        default:
          target[name] = text;
      }
    }
    if (errors.length) return { item: null, errors };
    if (Object.keys(custom).length) values.custom = custom;
    return this.entity === 'companies' ? this.company(values, contact) : this.contact(values);
  }

  /** The contracts' own checks (lengths, formats), reported against the file's columns. */
  private validate(schema: z.ZodType, data: object, prefix: string) {
    const r = schema.safeParse(data);
    if (r.success) return { data: r.data as Record<string, unknown>, errors: [] as RowError[] };
    const errors = r.error.issues.map((issue) => ({
      column: this.columnOf(`${prefix}${String(issue.path[0] ?? '')}`),
      message: localizeIssue(issue as never, 'zh-CN'),
    }));
    return { data: null, errors };
  }

  private company(
    values: Record<string, unknown>,
    contact: Record<string, unknown>,
  ): MappedRow<CompanyUpsertItem> {
    const c = this.validate(companyUpdateBody, values, '');
    const hasContact = Object.keys(contact).length > 0;
    const k = hasContact ? this.validate(COMPANY_CONTACT, contact, 'contacts.') : { data: null, errors: [] };
    const errors = [...c.errors, ...k.errors];
    if (errors.length || !c.data) return { item: null, errors };
    return { item: { values: c.data, ...(k.data ? { contact: k.data } : {}) }, errors: [] };
  }

  private contact(values: Record<string, unknown>): MappedRow<ContactUpsertItem> {
    const { companyName, ...rest } = values as {
      companyName?: string;
      name?: string;
      mobile?: string;
      email?: string;
    };
    const errors: RowError[] = [];
    if (this.lk.customerMode === '2b' && !companyName)
      errors.push({ column: this.columnOf('companyName'), message: 'company_name_missing' });
    if (!rest.name && !rest.mobile && !rest.email)
      errors.push({ column: this.columnOf('name'), message: 'contact_key_missing' });
    const c = this.validate(contactUpdateBody, rest, '');
    errors.push(...c.errors);
    if (errors.length || !c.data) return { item: null, errors };
    return { item: { values: c.data, ...(companyName ? { companyName } : {}) }, errors: [] };
  }
}
