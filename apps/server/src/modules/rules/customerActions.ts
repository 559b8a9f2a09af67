import type {
  FieldDefinition,
  FieldType,
  LocalizedLabel,
  TriggerAction,
  TriggerActionField,
} from '@yidan/contracts';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.js';
import type { Db } from '../../platform/db/client.js';
import { validateCustomValues } from '../../platform/fields/values.js';
import type { FieldError } from '../../platform/http/errors.js';
import { companies, contacts } from '../customers/schema.js';
import { listPackages } from '../customers/settings.js';
import { listFieldsCached } from '../fields/service.js';
import type { TicketRow } from '../tickets/schema.js';

/**
 * 公司系统字段 / 公司自定义字段 / 联系人系统字段 / 联系人自定义字段 as rule actions (manual 5.1.6.1):
 * `company.serviceEnd`, `company.custom.<key>`, `contact.position`, `contact.custom.<key>` set that
 * field of the ticket's company or contact. Values are written like the ticket's custom values
 * (`valueType: 'custom'` with the field's type), validated when the rule is saved and again when it
 * fires; the customer's audit trail records the change with the rule's name.
 */
export type CustomerEntity = 'company' | 'contact';

/** The system fields a rule may set: the service period, address and contact details, not names or keys. */
const SETTABLE_SYSTEM: Record<CustomerEntity, Record<string, string>> = {
  company: {
    address: 'address',
    region: 'region',
    website: 'website',
    package: 'package',
    serviceStart: 'service_start',
    serviceEnd: 'service_end',
    notes: 'notes',
  },
  contact: { position: 'position', email: 'email', qq: 'qq', landline: 'landline', notes: 'notes' },
};
const SETTABLE_CUSTOM: readonly FieldType[] = [
  'text',
  'textarea',
  'integer',
  'decimal',
  'select',
  'multiselect',
  'checkbox',
  'date',
  'datetime',
  'regex',
  'phone',
  'email',
  'url',
];
const ENTITY_LABEL: Record<CustomerEntity, LocalizedLabel> = {
  company: { zh: '公司', en: 'Company' },
  contact: { zh: '联系人', en: 'Contact' },
};

export interface CustomerFields {
  company: FieldDefinition[];
  contact: FieldDefinition[];
  packages: string[];
}

export async function loadCustomerFields(db: Db, vendorId: number): Promise<CustomerFields> {
  const [company, contact, packages] = await Promise.all([
    listFieldsCached(db, vendorId, 'company'),
    listFieldsCached(db, vendorId, 'contact'),
    listPackages(db, vendorId),
  ]);
  return { company, contact, packages: packages.map((p) => p.name) };
}

export const isCustomerAction = (field: string) =>
  field.startsWith('company.') || field.startsWith('contact.');

/** Where an action points: the entity, the definition, and whether it is a system column. */
function target(field: string, fields: CustomerFields) {
  const entity: CustomerEntity = field.startsWith('company.') ? 'company' : 'contact';
  const rest = field.slice(entity.length + 1);
  const custom = rest.startsWith('custom.');
  const key = custom ? rest.slice('custom.'.length) : rest;
  const def = fields[entity].find((f) => f.key === key && f.system === !custom && f.enabled);
  if (!def) return null;
  if (custom ? !SETTABLE_CUSTOM.includes(def.type) : !(key in SETTABLE_SYSTEM[entity])) return null;
  return { entity, key, custom, def };
}

/** The customer actions the builder offers, labelled 公司：… / 联系人：…. */
export function customerActionFields(fields: CustomerFields): TriggerActionField[] {
  const out: TriggerActionField[] = [];
  for (const entity of ['company', 'contact'] as const) {
    for (const def of fields[entity]) {
      const field = def.system ? `${entity}.${def.key}` : `${entity}.custom.${def.key}`;
      if (!target(field, fields)) continue;
      const options =
        entity === 'company' && def.key === 'package'
          ? fields.packages.map((p) => ({ value: p, label: { zh: p, en: p } }))
          : def.options.map((o) => ({ value: o.value, label: { zh: o.label, en: o.label } }));
      out.push({
        key: field,
        valueType: 'custom',
        customType: def.type,
        label: {
          zh: `${ENTITY_LABEL[entity].zh}：${def.label}`,
          en: `${ENTITY_LABEL[entity].en}: ${def.label}`,
        },
        nullable: true,
        ...(options.length ? { options } : {}),
      });
    }
  }
  return out;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A system column's value, checked by the field's type; `undefined` when it does not fit. */
function systemValue(
  def: FieldDefinition,
  value: unknown,
  fields: CustomerFields,
): string | null | undefined {
  if (value === null) return null;
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  const v = value.trim();
  if (def.key === 'package') return fields.packages.includes(v) ? v : undefined;
  if (def.type === 'date') return DATE.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined;
  if (def.type === 'email') return EMAIL.test(v) ? v : undefined;
  if (def.type === 'url') return /^https?:\/\/\S+$/.test(v) ? v : undefined;
  return v;
}

/** Checks one customer action's value; the custom ones through the custom-field validator. */
function valueErrors(
  t: NonNullable<ReturnType<typeof target>>,
  value: unknown,
  at: string,
  fields: CustomerFields,
) {
  if (!t.custom)
    return systemValue(t.def, value, fields) === undefined
      ? [{ path: at, message: 'invalid_action_value' }]
      : [];
  if (value === null) return [];
  const checked = validateCustomValues(
    [t.def],
    { [t.key]: value },
    {
      writer: { agentId: 0, groupIds: [], isAdmin: true },
      path: '',
    },
  );
  const errors = checked.errors.map((e) => ({
    path: at + e.path.slice(`.${t.key}`.length),
    message: e.message,
  }));
  if (checked.values[t.key] === undefined && errors.length === 0)
    errors.push({ path: at, message: 'invalid_action_value' });
  return errors;
}

/** Problems of the customer actions among `actions` (the others are not looked at). */
export function customerActionErrors(
  actions: TriggerAction[],
  fields: CustomerFields,
  path: string,
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  actions.forEach((a, i) => {
    if (!isCustomerAction(a.field)) return;
    const t = target(a.field, fields);
    if (!t) {
      errors.push({ path: `${path}.${i}.field`, message: 'unknown_action' });
      return;
    }
    if (seen.has(a.field)) errors.push({ path: `${path}.${i}.field`, message: 'duplicate' });
    seen.add(a.field);
    errors.push(...valueErrors(t, a.value ?? null, `${path}.${i}.value`, fields));
  });
  return errors;
}

/**
 * Sets the customer fields a firing rule names on the ticket's company / contact, in the rule's
 * transaction. Returns the notes for the ticket's timeline: what was set, or why nothing was (no
 * company on the ticket, a value the field no longer accepts).
 */
export async function applyCustomerActions(
  tx: Db,
  row: TicketRow,
  actions: TriggerAction[],
  via: string,
): Promise<string[]> {
  const mine = actions.filter((a) => isCustomerAction(a.field));
  if (mine.length === 0) return [];
  const fields = await loadCustomerFields(tx, row.vendorId);
  const notes: string[] = [];
  for (const entity of ['company', 'contact'] as const) {
    const list = mine.filter((a) => a.field.startsWith(`${entity}.`));
    if (list.length === 0) continue;
    const id = entity === 'company' ? row.companyId : row.contactId;
    if (id === null) {
      notes.push(`工单没有${ENTITY_LABEL[entity].zh}，未能修改${ENTITY_LABEL[entity].zh}字段`);
      continue;
    }
    const columns: Record<string, string | null> = {};
    const custom: Record<string, unknown> = {};
    const labels: string[] = [];
    for (const a of list) {
      const t = target(a.field, fields);
      const value = a.value ?? null;
      if (!t || valueErrors(t, value, '', fields).length) {
        notes.push(`未能修改${ENTITY_LABEL[entity].zh}字段「${t?.def.label ?? a.field}」：值已不再有效`);
        continue;
      }
      if (t.custom) custom[t.key] = value;
      else columns[SETTABLE_SYSTEM[entity][t.key]!] = systemValue(t.def, value, fields) ?? null;
      labels.push(t.def.label);
    }
    if (labels.length === 0) continue;
    const table = entity === 'company' ? companies : contacts;
    const sets = [
      ...Object.entries(columns).map(([column, v]) => sql`${sql.identifier(column)} = ${v}`),
      ...(Object.keys(custom).length ? [sql`custom = custom || ${JSON.stringify(custom)}::jsonb`] : []),
      sql`updated_at = now()`,
    ];
    await tx.execute(
      sql`update ${table} set ${sql.join(sets, sql`, `)} where vendor_id = ${row.vendorId} and id = ${id}`,
    );
    await recordAudit(tx, {
      vendorId: row.vendorId,
      agentId: null,
      action: `${entity}.updated`,
      entity,
      entityId: id,
      data: { fields: labels, via },
    });
    notes.push(`已修改${ENTITY_LABEL[entity].zh}字段：${labels.join('、')}`);
  }
  return notes;
}
