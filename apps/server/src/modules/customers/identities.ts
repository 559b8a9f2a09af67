import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { normalizePhone } from '../../platform/fields/phone.js';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import { type IdentityKind, identities } from './schema.js';

export interface IdentityValue {
  kind: IdentityKind;
  value: string;
  /** Where the value came from in the request, for error paths. */
  path: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Normalises one identity as typed by a user or sent by a channel; null when it is not valid. */
export function normalizeIdentity(
  kind: IdentityKind | 'phone',
  raw: string,
): { kind: IdentityKind; value: string } | null {
  const value = raw.trim();
  if (!value) return null;
  switch (kind) {
    case 'phone':
    case 'mobile':
    case 'landline': {
      const p = normalizePhone(value);
      if (!p || (kind === 'mobile' && p.kind !== 'mobile')) return null;
      return { kind: p.kind, value: p.value };
    }
    case 'email': {
      const e = value.toLowerCase();
      return EMAIL.test(e) && e.length <= 254 ? { kind, value: e } : null;
    }
    case 'qq':
      return /^[1-9]\d{4,11}$/.test(value) ? { kind, value } : null;
    case 'machine_id':
      return /^\d{9}$/.test(value) ? { kind, value } : null;
    case 'wechat_openid':
    case 'wecom_userid':
      return /^[\w-]{1,64}$/.test(value) ? { kind, value } : null;
  }
}

/**
 * Makes a contact's identities of the given kinds exactly `wanted`; a value already held by
 * another contact of the vendor is refused (identity_taken) with the request path.
 */
export async function syncIdentities(
  tx: Db,
  vendorId: number,
  contactId: number,
  kinds: IdentityKind[],
  wanted: IdentityValue[],
) {
  if (kinds.length === 0) return;
  const mine = and(eq(identities.vendorId, vendorId), eq(identities.contactId, contactId));
  await tx.delete(identities).where(and(mine, inArray(identities.kind, kinds)));
  const errors: FieldError[] = [];
  for (const w of wanted) {
    const inserted = await tx
      .insert(identities)
      .values({ vendorId, kind: w.kind, value: w.value, contactId })
      .onConflictDoNothing()
      .returning({ contactId: identities.contactId });
    if (inserted.length === 0) {
      const [holder] = await tx
        .select({ contactId: identities.contactId })
        .from(identities)
        .where(
          and(eq(identities.vendorId, vendorId), eq(identities.kind, w.kind), eq(identities.value, w.value)),
        );
      if (holder && holder.contactId !== contactId) errors.push({ path: w.path, message: 'identity_taken' });
    }
  }
  if (errors.length) throw new AppError('identity_taken', {}, errors);
}

export async function identitiesOf(db: Db, vendorId: number, contactIds: number[]) {
  if (contactIds.length === 0) return new Map<number, { kind: IdentityKind; value: string }[]>();
  const rows = await db
    .select()
    .from(identities)
    .where(and(eq(identities.vendorId, vendorId), inArray(identities.contactId, contactIds)));
  const map = new Map<number, { kind: IdentityKind; value: string }[]>();
  for (const r of rows) {
    const list = map.get(r.contactId) ?? [];
    list.push({ kind: r.kind, value: r.value });
    map.set(r.contactId, list);
  }
  return map;
}
