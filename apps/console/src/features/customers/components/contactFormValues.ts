import dayjs, { type Dayjs } from 'dayjs';
import type { Contact, ContactCreate, ContactUpdate, FieldDefinition } from '../types/customerTypes';
import { customBody, customFormValues, fromFormValue } from './customFieldValues';

export interface ContactFormValues {
  name: string;
  companyId?: number | null;
  mobile?: string;
  landline?: string;
  email?: string;
  qq?: string;
  position?: string;
  gender?: 'male' | 'female' | null;
  birthday?: Dayjs | null;
  idNumber?: string;
  tags: string[];
  notes?: string;
  wechatOpenid?: string;
  machineId?: string;
  isPrimary?: boolean;
  custom: Record<string, unknown>;
}

const TEXT_KEYS = [
  'mobile',
  'landline',
  'email',
  'qq',
  'position',
  'idNumber',
  'notes',
  'wechatOpenid',
  'machineId',
] as const;
type TextKey = (typeof TEXT_KEYS)[number];

const text = (v: string | undefined) => (v?.trim() ? v.trim() : null);
const date = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : null);

/** WeChat openid and machine ID are identities only, not columns of the contact. */
function identity(contact: Contact, kind: 'wechat_openid' | 'machine_id') {
  return contact.identities.find((i) => i.kind === kind)?.value ?? null;
}

function current(contact: Contact): Record<TextKey, string | null> {
  return {
    mobile: contact.mobile,
    landline: contact.landline,
    email: contact.email,
    qq: contact.qq,
    position: contact.position,
    idNumber: contact.idNumber,
    notes: contact.notes,
    wechatOpenid: identity(contact, 'wechat_openid'),
    machineId: identity(contact, 'machine_id'),
  };
}

export function emptyContactValues(companyId?: number | null): ContactFormValues {
  return { name: '', companyId: companyId ?? null, tags: [], custom: {}, gender: null, isPrimary: false };
}

export function contactToValues(contact: Contact, customDefs: FieldDefinition[]): ContactFormValues {
  const values: ContactFormValues = {
    name: contact.name,
    companyId: contact.companyId,
    gender: contact.gender,
    birthday: contact.birthday ? dayjs(contact.birthday) : null,
    tags: contact.tags,
    isPrimary: contact.isPrimary,
    custom: customFormValues(customDefs, contact.custom),
  };
  for (const [key, value] of Object.entries(current(contact))) values[key as TextKey] = value ?? undefined;
  return values;
}

export function valuesToCreate(v: ContactFormValues, customDefs: FieldDefinition[]): ContactCreate {
  const body: ContactCreate = { name: v.name.trim(), tags: v.tags, custom: customBody(customDefs, v.custom) };
  for (const key of TEXT_KEYS) {
    const value = text(v[key]);
    if (value !== null) body[key] = value;
  }
  if (v.companyId) body.companyId = v.companyId;
  if (v.gender) body.gender = v.gender;
  if (v.birthday) body.birthday = date(v.birthday);
  if (v.companyId && v.isPrimary) body.isPrimary = true;
  return body;
}

/** Only what changed, so masked numbers (privacy mode) are never sent back as if typed. */
export function valuesToPatch(
  v: ContactFormValues,
  contact: Contact,
  customDefs: FieldDefinition[],
): ContactUpdate {
  const patch: ContactUpdate = {};
  if (v.name.trim() !== contact.name) patch.name = v.name.trim();
  const before = current(contact);
  for (const key of TEXT_KEYS) {
    const value = text(v[key]);
    if (value !== before[key]) patch[key] = value;
  }
  if ((v.companyId ?? null) !== contact.companyId) patch.companyId = v.companyId ?? null;
  if ((v.gender ?? null) !== contact.gender) patch.gender = v.gender ?? null;
  if (date(v.birthday) !== contact.birthday) patch.birthday = date(v.birthday);
  if (Boolean(v.isPrimary) !== contact.isPrimary) patch.isPrimary = Boolean(v.isPrimary);
  if (JSON.stringify(v.tags) !== JSON.stringify(contact.tags)) patch.tags = v.tags;
  const custom = customBody(customDefs, v.custom, contact.custom);
  if (Object.keys(custom).length) patch.custom = custom;
  return patch;
}

/** Contact fields the 批量编辑 dialog offers (identities are unique per contact, so never in bulk). */
export const CONTACT_BULK_KEYS = ['position', 'gender', 'birthday', 'tags', 'notes'] as const;

export function valuesToBulkSet(
  v: Partial<ContactFormValues>,
  chosen: string[],
  customDefs: FieldDefinition[],
): ContactUpdate {
  const set: ContactUpdate = {};
  if (chosen.includes('position')) set.position = text(v.position);
  if (chosen.includes('notes')) set.notes = text(v.notes);
  if (chosen.includes('gender')) set.gender = v.gender ?? null;
  if (chosen.includes('birthday')) set.birthday = date(v.birthday);
  if (chosen.includes('tags')) set.tags = v.tags ?? [];
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
