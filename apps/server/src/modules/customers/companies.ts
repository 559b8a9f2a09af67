import type { Company, CompanyInput } from '@yidan/contracts';
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { Db } from '../../platform/db/client.js';
import { isForeignKeyViolation, isUniqueViolation, pgErrorConstraint } from '../../platform/db/errors.js';
import { maskPhone, normalizePhone } from '../../platform/fields/phone.js';
import { validateCustomValues } from '../../platform/fields/values.js';
import { AppError } from '../../platform/http/errors.js';
import { changedKeys } from './changes.js';
import { insertContact } from './contacts.js';
import { type CustomerContext, companyScope } from './context.js';
import { companies, contacts } from './schema.js';
import { daysBetween, serviceStatus } from './serviceStatus.js';
import { assertPackage } from './settings.js';

type CompanyRow = typeof companies.$inferSelect;
type PrimaryContact = { id: number; name: string; mobile: string | null } | null;

export function presentCompany(
  row: CompanyRow,
  primary: PrimaryContact,
  ctx: Pick<CustomerContext, 'masked' | 'today' | 'settings'>,
): Company {
  const mask = (v: string | null) => (ctx.masked ? maskPhone(v) : v);
  return {
    id: row.id,
    groupId: row.groupId,
    name: row.name,
    address: row.address,
    province: row.province,
    city: row.city,
    website: row.website,
    phone: mask(row.phone),
    package: row.package,
    serviceStart: row.serviceStart,
    serviceEnd: row.serviceEnd,
    serviceStatus: serviceStatus(row.serviceEnd, ctx.today, ctx.settings.expiryReminderDays),
    daysLeft: row.serviceEnd ? daysBetween(ctx.today, row.serviceEnd) : null,
    serviceCode: row.serviceCode,
    serviceAccount: row.serviceAccount,
    hasServicePassword: row.servicePasswordHash !== null,
    ownerAgentId: row.ownerAgentId,
    ownerGroupId: row.ownerGroupId,
    tags: row.tags,
    source: row.source,
    notes: row.notes,
    custom: row.custom,
    externalId: row.externalId,
    primaryContact: primary ? { ...primary, mobile: mask(primary.mobile) } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Each company's default contact: the one marked primary, else the first created. */
async function primaryContacts(db: Db, vendorId: number, companyIds: number[]) {
  const map = new Map<number, PrimaryContact>();
  if (companyIds.length === 0) return map;
  const rows = await db
    .selectDistinctOn([contacts.companyId], {
      companyId: contacts.companyId,
      id: contacts.id,
      name: contacts.name,
      mobile: contacts.mobile,
    })
    .from(contacts)
    .where(and(eq(contacts.vendorId, vendorId), inArray(contacts.companyId, companyIds)))
    .orderBy(contacts.companyId, desc(contacts.isPrimary), asc(contacts.id));
  for (const r of rows) map.set(r.companyId!, { id: r.id, name: r.name, mobile: r.mobile });
  return map;
}

function mapWriteError(err: unknown): never {
  if (isUniqueViolation(err)) {
    const constraint = pgErrorConstraint(err) ?? '';
    if (constraint.includes('service_code'))
      throw new AppError('service_code_taken', {}, [{ path: 'body.serviceCode', message: 'taken' }]);
    if (constraint.includes('service_account'))
      throw new AppError('validation_failed', {}, [{ path: 'body.serviceAccount', message: 'taken' }]);
    throw new AppError('external_id_taken', {}, [{ path: 'body.externalId', message: 'taken' }]);
  }
  if (isForeignKeyViolation(err)) throw new AppError('reference_not_found', { entity: '客户组、客服或分组' });
  throw err;
}

async function loadCompany(db: Db, ctx: CustomerContext, id: number) {
  const [row] = await db
    .select()
    .from(companies)
    .where(and(eq(companies.vendorId, ctx.actor.vendorId), eq(companies.id, id), companyScope(ctx)));
  if (!row) throw new AppError('not_found');
  return row;
}

export async function getCompany(db: Db, ctx: CustomerContext, id: number): Promise<Company> {
  const row = await loadCompany(db, ctx, id);
  const primary = await primaryContacts(db, ctx.actor.vendorId, [id]);
  return presentCompany(row, primary.get(id) ?? null, ctx);
}

type CompanyColumns = Omit<CompanyInput, 'contacts' | 'servicePassword' | 'custom'>;

async function companyValues(db: Db, ctx: CustomerContext, input: Partial<CompanyInput>) {
  await assertPackage(db, ctx.actor.vendorId, input.package);
  const { contacts: _c, servicePassword, custom: _u, phone, ...plain } = input;
  const values: Partial<CompanyColumns> & { servicePasswordHash?: string | null; phone?: string | null } = {
    ...plain,
  };
  if (phone !== undefined) {
    const p = phone ? normalizePhone(phone) : null;
    if (phone && !p)
      throw new AppError('validation_failed', {}, [{ path: 'body.phone', message: 'invalid_phone' }]);
    values.phone = p?.value ?? null;
  }
  if (servicePassword !== undefined)
    values.servicePasswordHash = servicePassword ? await hashPassword(servicePassword) : null;
  if (input.serviceStart && input.serviceEnd && input.serviceStart > input.serviceEnd) {
    throw new AppError('validation_failed', {}, [{ path: 'body.serviceEnd', message: 'end_before_start' }]);
  }
  return values;
}

export async function createCompany(db: Db, ctx: CustomerContext, input: CompanyInput): Promise<Company> {
  if (ctx.settings.lockCompanyCreate) throw new AppError('customer_locked', { what: '新增公司' });
  const values = await companyValues(db, ctx, input);
  const custom = validateCustomValues(ctx.companyFields, input.custom ?? {}, { writer: ctx.writer });
  if (custom.errors.length) throw new AppError('validation_failed', {}, custom.errors);
  const id = await db
    .transaction(async (tx) => {
      const [row] = await tx
        .insert(companies)
        .values({
          ...values,
          vendorId: ctx.actor.vendorId,
          name: input.name,
          // The creator is the owner (受理客服) unless someone else is named.
          ownerAgentId: input.ownerAgentId === undefined ? ctx.actor.agentId : input.ownerAgentId,
          custom: custom.values,
        })
        .returning({ id: companies.id });
      for (const [i, contact] of (input.contacts ?? []).entries()) {
        await insertContact(
          tx,
          ctx,
          { ...contact, companyId: row!.id, isPrimary: contact.isPrimary ?? i === 0 },
          `body.contacts.${i}`,
        );
      }
      return row!.id;
    })
    .catch(mapWriteError);
  return getCompany(db, ctx, id);
}

export async function updateCompany(
  db: Db,
  ctx: CustomerContext,
  id: number,
  patch: Partial<CompanyInput>,
): Promise<Company> {
  const current = await loadCompany(db, ctx, id);
  if (ctx.settings.lockCompanyEdit && Object.keys(patch).some((k) => k !== 'tags')) {
    throw new AppError('customer_locked', { what: '编辑公司' });
  }
  const values = await companyValues(db, ctx, patch);
  const start = patch.serviceStart !== undefined ? patch.serviceStart : current.serviceStart;
  const end = patch.serviceEnd !== undefined ? patch.serviceEnd : current.serviceEnd;
  if (start && end && start > end)
    throw new AppError('validation_failed', {}, [{ path: 'body.serviceEnd', message: 'end_before_start' }]);
  const custom =
    patch.custom !== undefined
      ? validateCustomValues(ctx.companyFields, patch.custom, {
          writer: ctx.writer,
          existing: current.custom,
        })
      : { values: current.custom, errors: [] };
  if (custom.errors.length) throw new AppError('validation_failed', {}, custom.errors);
  const changed = changedKeys(current, patch);
  await db
    .transaction(async (tx) => {
      await tx
        .update(companies)
        .set({ ...values, custom: custom.values, updatedAt: sql`now()` })
        .where(and(eq(companies.vendorId, ctx.actor.vendorId), eq(companies.id, id)));
      // The customer timeline shows who changed which fields (names only: values may be private).
      if (changed.length)
        await recordAudit(tx, {
          vendorId: ctx.actor.vendorId,
          agentId: ctx.actor.agentId,
          action: 'company.updated',
          entity: 'company',
          entityId: id,
          data: { fields: changed },
        });
    })
    .catch(mapWriteError);
  return getCompany(db, ctx, id);
}

export async function deleteCompany(db: Db, ctx: CustomerContext, id: number) {
  if (ctx.settings.lockCompanyDelete) throw new AppError('customer_locked', { what: '删除公司' });
  await loadCompany(db, ctx, id);
  await db.delete(companies).where(and(eq(companies.vendorId, ctx.actor.vendorId), eq(companies.id, id)));
}

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Search by name, phone (full or 4+ trailing digits), QQ, service code or contact name. */
function companySearch(vendorId: number, q: string): SQL {
  const phone = normalizePhone(q);
  const digits = /^\d{4,}$/.test(q) ? q : null;
  const contactMatch = or(
    ilike(contacts.name, like(q)),
    eq(contacts.qq, q),
    phone ? or(eq(contacts.mobile, phone.value), eq(contacts.landline, phone.value)) : undefined,
    digits ? sql`reverse(${contacts.mobile}) like ${`${[...digits].reverse().join('')}%`}` : undefined,
  );
  return or(
    ilike(companies.name, like(q)),
    eq(companies.serviceCode, q),
    phone ? eq(companies.phone, phone.value) : undefined,
    sql`exists (select 1 from ${contacts} where ${contacts.vendorId} = ${vendorId} and ${contacts.companyId} = ${companies.id} and ${contactMatch})`,
  )!;
}

const SORTS = {
  name: { expr: sql`${companies.name}`, dir: 'asc' },
  '-name': { expr: sql`${companies.name}`, dir: 'desc' },
  createdAt: { expr: sql`${companies.id}`, dir: 'asc' },
  '-createdAt': { expr: sql`${companies.id}`, dir: 'desc' },
  serviceEnd: { expr: sql`coalesce(${companies.serviceEnd}, '9999-12-31'::date)::text`, dir: 'asc' },
  '-serviceEnd': { expr: sql`coalesce(${companies.serviceEnd}, '0001-01-01'::date)::text`, dir: 'desc' },
} as const;
export type CompanySort = keyof typeof SORTS;

function encodeCursor(value: unknown, id: number) {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}
function decodeCursor(cursor: string): [string | number, number] | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      (typeof v[0] === 'string' || typeof v[0] === 'number') &&
      Number.isSafeInteger(v[1])
    ) {
      return v as [string | number, number];
    }
  } catch {
    // fall through: a bad cursor is treated as none
  }
  return null;
}

export interface CompanyListQuery {
  q?: string | undefined;
  groupId?: number | undefined;
  status?: 'active' | 'expiring' | 'expired' | 'none' | undefined;
  ownerAgentId?: number | undefined;
  tag?: string | undefined;
  sort?: CompanySort | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
  /** An extra condition (the advanced query), already compiled. */
  where?: SQL | undefined;
}

function statusCondition(status: CompanyListQuery['status'], today: string, days: number): SQL | undefined {
  const soon = sql`(${today}::date + ${days}::int)`;
  switch (status) {
    case 'none':
      return sql`${companies.serviceEnd} is null`;
    case 'expired':
      return sql`${companies.serviceEnd} < ${today}::date`;
    case 'expiring':
      return sql`${companies.serviceEnd} >= ${today}::date and ${companies.serviceEnd} <= ${soon}`;
    case 'active':
      return sql`${companies.serviceEnd} > ${soon}`;
    default:
      return undefined;
  }
}

export async function listCompanies(db: Db, ctx: CustomerContext, q: CompanyListQuery) {
  const vendorId = ctx.actor.vendorId;
  const limit = q.limit ?? 50;
  const sort = SORTS[q.sort ?? '-createdAt'];
  const base: (SQL | undefined)[] = [eq(companies.vendorId, vendorId), companyScope(ctx), q.where];
  if (q.q) base.push(companySearch(vendorId, q.q));
  if (q.groupId) base.push(eq(companies.groupId, q.groupId));
  if (q.ownerAgentId) base.push(eq(companies.ownerAgentId, q.ownerAgentId));
  if (q.tag) base.push(sql`${q.tag} = any(${companies.tags})`);
  const filtered = [...base, statusCondition(q.status, ctx.today, ctx.settings.expiryReminderDays)];
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  if (cursor) {
    filtered.push(
      sort.dir === 'asc'
        ? sql`(${sort.expr}, ${companies.id}) > (${cursor[0]}, ${cursor[1]})`
        : sql`(${sort.expr}, ${companies.id}) < (${cursor[0]}, ${cursor[1]})`,
    );
  }
  const rows = await db
    .select({ row: companies, sortValue: sql<string | number>`${sort.expr}` })
    .from(companies)
    .where(and(...filtered))
    .orderBy(
      sort.dir === 'asc'
        ? sql`${sort.expr} asc, ${companies.id} asc`
        : sql`${sort.expr} desc, ${companies.id} desc`,
    )
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const primaries = await primaryContacts(
    db,
    vendorId,
    page.map((r) => r.row.id),
  );
  const [counts] = await db
    .select({
      expiring: sql<number>`count(*) filter (where ${statusCondition('expiring', ctx.today, ctx.settings.expiryReminderDays)})::int`,
      expired: sql<number>`count(*) filter (where ${statusCondition('expired', ctx.today, ctx.settings.expiryReminderDays)})::int`,
    })
    .from(companies)
    .where(and(...base));
  const last = page.at(-1);
  return {
    items: page.map((r) => presentCompany(r.row, primaries.get(r.row.id) ?? null, ctx)),
    nextCursor: rows.length > limit && last ? encodeCursor(last.sortValue, last.row.id) : null,
    counts: { expiring: counts?.expiring ?? 0, expired: counts?.expired ?? 0 },
  };
}
