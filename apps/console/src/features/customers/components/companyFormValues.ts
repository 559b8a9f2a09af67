import dayjs, { type Dayjs } from 'dayjs';
import type { Company, CompanyCreate, CompanyUpdate, FieldDefinition } from '../types/customerTypes';
import { customBody, customFormValues, fromFormValue } from './customFieldValues';

/** A contact typed into the 新增客户 drawer together with its company. */
export interface InlineContactValues {
  name?: string;
  mobile?: string;
  email?: string;
  position?: string;
  custom?: Record<string, unknown>;
}

export interface CompanyFormValues {
  name: string;
  groupId?: number | null;
  phone?: string;
  address?: string;
  province?: string;
  city?: string;
  website?: string;
  package?: string | null;
  serviceStart?: Dayjs | null;
  serviceEnd?: Dayjs | null;
  serviceCode?: string;
  serviceAccount?: string;
  servicePassword?: string;
  ownerAgentId?: number | null;
  ownerGroupId?: number | null;
  tags: string[];
  source?: string;
  notes?: string;
  custom: Record<string, unknown>;
  contacts?: InlineContactValues[];
}

const TEXT_KEYS = [
  'phone',
  'address',
  'province',
  'city',
  'website',
  'serviceCode',
  'serviceAccount',
  'source',
  'notes',
] as const;
const ID_KEYS = ['groupId', 'ownerAgentId', 'ownerGroupId', 'package'] as const;
const DATE_KEYS = ['serviceStart', 'serviceEnd'] as const;

const text = (v: string | undefined) => (v?.trim() ? v.trim() : null);
const date = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);

export function emptyCompanyValues(ownerAgentId: number, groupId?: number): CompanyFormValues {
  return { name: '', tags: [], custom: {}, ownerAgentId, groupId: groupId ?? null, contacts: [] };
}

export function companyToValues(company: Company, customDefs: FieldDefinition[]): CompanyFormValues {
  const values: CompanyFormValues = {
    name: company.name,
    tags: company.tags,
    custom: customFormValues(customDefs, company.custom),
    serviceStart: company.serviceStart ? dayjs(company.serviceStart) : null,
    serviceEnd: company.serviceEnd ? dayjs(company.serviceEnd) : null,
  };
  for (const key of TEXT_KEYS) values[key] = company[key] ?? undefined;
  for (const key of ID_KEYS) (values as unknown as Record<string, unknown>)[key] = company[key];
  return values;
}

/** Everything typed, blanks left out; inline contacts without a name are skipped. */
export function valuesToCreate(
  v: CompanyFormValues,
  customDefs: FieldDefinition[],
  contactDefs: FieldDefinition[],
): CompanyCreate {
  const body: CompanyCreate = { name: v.name.trim(), tags: v.tags, custom: customBody(customDefs, v.custom) };
  for (const key of TEXT_KEYS) {
    const value = text(v[key]);
    if (value !== null) body[key] = value;
  }
  for (const key of ID_KEYS) if (v[key] != null) (body as Record<string, unknown>)[key] = v[key];
  for (const key of DATE_KEYS) if (v[key]) body[key] = date(v[key]);
  if (v.servicePassword) body.servicePassword = v.servicePassword;
  const contacts = (v.contacts ?? []).filter((c) => c.name?.trim());
  if (contacts.length) {
    body.contacts = contacts.map((c) => ({
      name: c.name!.trim(),
      ...(text(c.mobile) ? { mobile: text(c.mobile) } : {}),
      ...(text(c.email) ? { email: text(c.email) } : {}),
      ...(text(c.position) ? { position: text(c.position) } : {}),
      custom: customBody(contactDefs, c.custom),
    }));
  }
  return body;
}

/**
 * Only what changed: untouched fields are not sent, so a masked phone (privacy mode) or a
 * read-only custom value goes back to the server only when the agent actually edited it.
 */
export function valuesToPatch(
  v: CompanyFormValues,
  company: Company,
  customDefs: FieldDefinition[],
): CompanyUpdate {
  const patch: CompanyUpdate = {};
  if (v.name.trim() !== company.name) patch.name = v.name.trim();
  for (const key of TEXT_KEYS) {
    const value = text(v[key]);
    if (value !== company[key]) patch[key] = value;
  }
  for (const key of ID_KEYS) {
    const value = v[key] ?? null;
    if (value !== company[key]) (patch as Record<string, unknown>)[key] = value;
  }
  for (const key of DATE_KEYS) {
    const value = date(v[key]);
    if (value !== company[key]) patch[key] = value;
  }
  if (v.servicePassword) patch.servicePassword = v.servicePassword;
  if (JSON.stringify(v.tags) !== JSON.stringify(company.tags)) patch.tags = v.tags;
  const custom = customBody(customDefs, v.custom, company.custom);
  if (Object.keys(custom).length) patch.custom = custom;
  return patch;
}

/** Keys the 批量编辑 dialog offers for companies (besides custom fields), in the form's names. */
export const COMPANY_BULK_KEYS = [
  'groupId',
  'phone',
  'address',
  'region',
  'website',
  'package',
  'serviceStart',
  'serviceEnd',
  'ownerAgentId',
  'ownerGroupId',
  'tags',
  'source',
  'notes',
] as const;

/** The `set` of a bulk edit: only the chosen fields, blanks clearing the value on every company. */
export function valuesToBulkSet(
  v: Partial<CompanyFormValues>,
  chosen: string[],
  customDefs: FieldDefinition[],
): CompanyUpdate {
  const set: CompanyUpdate = {};
  for (const key of chosen) {
    if (key === 'region') {
      set.province = text(v.province);
      set.city = text(v.city);
    } else if (key === 'tags') set.tags = v.tags ?? [];
    else if ((TEXT_KEYS as readonly string[]).includes(key))
      set[key as (typeof TEXT_KEYS)[number]] = text(v[key as (typeof TEXT_KEYS)[number]]);
    else if ((ID_KEYS as readonly string[]).includes(key))
      (set as Record<string, unknown>)[key] = v[key as (typeof ID_KEYS)[number]] ?? null;
    else if ((DATE_KEYS as readonly string[]).includes(key))
      set[key as (typeof DATE_KEYS)[number]] = date(v[key as (typeof DATE_KEYS)[number]]);
  }
  const customKeys = chosen.filter((k) => k.startsWith('custom.')).map((k) => k.slice('custom.'.length));
  if (customKeys.length) {
    set.custom = Object.fromEntries(
      customDefs
        .filter((d) => customKeys.includes(d.key))
        .map((d) => [d.key, fromFormValue(d, v.custom?.[d.key])]),
    );
  }
  return set;
}
