import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { presentCompany } from './companies.js';
import { presentContact } from './contacts.js';
import type { PresentContext } from './context.js';
import { normalizeIdentity } from './identities.js';
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

function identifyQuery(db: Db) {
  return db
    .select({
      contact: contacts,
      company: companies,
      identities: sql<
        { kind: IdentityKind; value: string }[]
      >`(select coalesce(json_agg(json_build_object('kind', i.kind, 'value', i.value)), '[]'::json)
        from identities i where i.vendor_id = "contacts"."vendor_id" and i.contact_id = "contacts"."id")`,
    })
    .from(identities)
    .innerJoin(
      contacts,
      and(eq(contacts.vendorId, identities.vendorId), eq(contacts.id, identities.contactId)),
    )
    .leftJoin(companies, and(eq(companies.vendorId, contacts.vendorId), eq(companies.id, contacts.companyId)))
    .where(
      and(
        eq(identities.vendorId, sql.placeholder('vendorId')),
        eq(identities.kind, sql.placeholder('kind')),
        eq(identities.value, sql.placeholder('value')),
      ),
    )
    .prepare('identify_by_identity');
}
// Every call, chat and mail asks this first: one prepared query per database.
const prepared = new WeakMap<Db, ReturnType<typeof identifyQuery>>();

/**
 * Who is this, and is their service valid? Every channel asks this first. One primary-key
 * lookup on identities joined to the contact and company (or the service-code index).
 * Not scoped by data scope: routing must know every customer.
 */
export async function identify(db: Db, ctx: PresentContext, input: IdentifyInput) {
  const vendorId = ctx.actor.vendorId;
  let query = prepared.get(db);
  if (!query) {
    query = identifyQuery(db);
    prepared.set(db, query);
  }
  let matchedBy: string | null = null;
  let hit: Awaited<ReturnType<typeof query.execute>>[number] | undefined;
  for (const [param, kind] of ORDER) {
    const raw = input[param];
    const n = raw ? normalizeIdentity(kind, raw) : null;
    if (!n) continue;
    [hit] = await query.execute({ vendorId, kind: n.kind, value: n.value });
    if (hit) {
      matchedBy = param;
      break;
    }
  }
  let company = hit?.company ?? undefined;
  if (!company && input.serviceCode && /^\d{4,12}$/.test(input.serviceCode)) {
    [company] = await db
      .select()
      .from(companies)
      .where(and(eq(companies.vendorId, vendorId), eq(companies.serviceCode, input.serviceCode)));
    if (company) matchedBy = 'serviceCode';
  }
  const presented = company ? presentCompany(company, null, ctx) : null;
  return {
    matchedBy,
    contact: hit ? presentContact(hit.contact, hit.identities, ctx) : null,
    company: presented,
    serviceStatus: presented?.serviceStatus ?? 'none',
    package: company?.package ?? null,
    serviceEnd: company?.serviceEnd ?? null,
    daysLeft: company?.serviceEnd ? daysBetween(ctx.today, company.serviceEnd) : null,
  };
}
