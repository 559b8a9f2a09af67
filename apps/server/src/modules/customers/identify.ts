import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { presentCompany } from './companies.js';
import { presentContact } from './contacts.js';
import type { CustomerContext } from './context.js';
import { identitiesOf, normalizeIdentity } from './identities.js';
import { companies, contacts, type IdentityKind, identities } from './schema.js';
import { daysBetween } from './serviceStatus.js';

export interface IdentifyInput {
  mobile?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  openid?: string | undefined;
  wecomUserid?: string | undefined;
  qq?: string | undefined;
  machineId?: string | undefined;
  serviceCode?: string | undefined;
}

const ORDER: [keyof IdentifyInput, IdentityKind | 'phone'][] = [
  ['machineId', 'machine_id'],
  ['openid', 'wechat_openid'],
  ['wecomUserid', 'wecom_userid'],
  ['mobile', 'phone'],
  ['phone', 'phone'],
  ['email', 'email'],
  ['qq', 'qq'],
];

/**
 * Who is this, and is their service valid? Every channel asks this first. One primary-key
 * lookup on identities (or the service-code index), then the contact and company by key.
 * Not scoped by data scope: routing must know every customer.
 */
export async function identify(db: Db, ctx: CustomerContext, input: IdentifyInput) {
  const vendorId = ctx.actor.vendorId;
  let contactId: number | null = null;
  let companyId: number | null = null;
  let matchedBy: string | null = null;
  for (const [param, kind] of ORDER) {
    const raw = input[param];
    const n = raw ? normalizeIdentity(kind, raw) : null;
    if (!n) continue;
    const [hit] = await db
      .select({ contactId: identities.contactId })
      .from(identities)
      .where(
        and(eq(identities.vendorId, vendorId), eq(identities.kind, n.kind), eq(identities.value, n.value)),
      );
    if (hit) {
      contactId = hit.contactId;
      matchedBy = param;
      break;
    }
  }
  const contact = contactId
    ? (
        await db
          .select()
          .from(contacts)
          .where(and(eq(contacts.vendorId, vendorId), eq(contacts.id, contactId)))
      )[0]
    : undefined;
  companyId = contact?.companyId ?? null;
  let company = companyId
    ? (
        await db
          .select()
          .from(companies)
          .where(and(eq(companies.vendorId, vendorId), eq(companies.id, companyId)))
      )[0]
    : undefined;
  if (!company && input.serviceCode && /^\d{4,12}$/.test(input.serviceCode)) {
    [company] = await db
      .select()
      .from(companies)
      .where(and(eq(companies.vendorId, vendorId), eq(companies.serviceCode, input.serviceCode)));
    if (company) matchedBy = 'serviceCode';
  }
  const ids = contact ? await identitiesOf(db, vendorId, [contact.id]) : new Map();
  const presented = company ? presentCompany(company, null, ctx) : null;
  return {
    matchedBy,
    contact: contact ? presentContact(contact, ids.get(contact.id) ?? [], ctx) : null,
    company: presented,
    serviceStatus: presented?.serviceStatus ?? 'none',
    package: company?.package ?? null,
    serviceEnd: company?.serviceEnd ?? null,
    daysLeft: company?.serviceEnd ? daysBetween(ctx.today, company.serviceEnd) : null,
  };
}
