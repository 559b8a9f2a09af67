import type { Contact, ContactInput } from '@yidan/contracts';
import { and, desc, eq, ilike, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.js';
import type { Db } from '../../platform/db/client.js';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/db/errors.js';
import { maskPhone } from '../../platform/fields/phone.js';
import { validateCustomValues } from '../../platform/fields/values.js';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import { changedKeys } from './changes.js';
import { type CustomerContext, companyScope } from './context.js';
import { type IdentityValue, identitiesOf, normalizeIdentity, syncIdentities } from './identities.js';
import { companies, contacts, type IdentityKind } from './schema.js';
import { serviceStatus } from './serviceStatus.js';

type ContactRow = typeof contacts.$inferSelect;
export type ContactPatch = Partial<ContactInput>;

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Phone numbers hidden under privacy mode, in identities too. */
export function presentContact(
  row: ContactRow,
  ids: { kind: IdentityKind; value: string }[],
  ctx: Pick<CustomerContext, 'masked'>,
  company?: Contact['company'],
): Contact {
  const mask = (v: string | null) => (ctx.masked ? maskPhone(v) : v);
  return {
    id: row.id,
    companyId: row.companyId,
    name: row.name,
    mobile: mask(row.mobile),
    landline: mask(row.landline),
    email: row.email,
    qq: row.qq,
    position: row.position,
    gender: row.gender,
    birthday: row.birthday,
    idNumber:
      ctx.masked && row.idNumber
        ? `${row.idNumber.slice(0, 6)}********${row.idNumber.slice(-4)}`
        : row.idNumber,
    tags: row.tags,
    notes: row.notes,
    custom: row.custom,
    externalId: row.externalId,
    isPrimary: row.isPrimary,
    identities: ids.map((i) =>
      ctx.masked && (i.kind === 'mobile' || i.kind === 'landline')
        ? { ...i, value: maskPhone(i.value) ?? '' }
        : i,
    ),
    ...(company !== undefined ? { company } : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Name and service status of the companies of some contacts, in one query. */
async function companySummaries(db: Db, ctx: CustomerContext, companyIds: (number | null)[]) {
  const ids = [...new Set(companyIds.filter((x): x is number => x !== null))];
  const map = new Map<number, NonNullable<Contact['company']>>();
  if (ids.length === 0) return map;
  const rows = await db
    .select({ id: companies.id, name: companies.name, serviceEnd: companies.serviceEnd })
    .from(companies)
    .where(and(eq(companies.vendorId, ctx.actor.vendorId), inArray(companies.id, ids)));
  for (const r of rows) {
    map.set(r.id, {
      ...r,
      serviceStatus: serviceStatus(r.serviceEnd, ctx.today, ctx.settings.expiryReminderDays),
    });
  }
  return map;
}

/** The identity fields of a contact input, normalised, with field errors for bad values. */
function identityValues(input: ContactPatch, path: string) {
  const wanted: IdentityValue[] = [];
  const kinds: IdentityKind[] = [];
  const errors: FieldError[] = [];
  const columns: Partial<Record<'mobile' | 'landline' | 'email' | 'qq', string | null>> = {};
  const take = (
    field: keyof ContactPatch,
    kind: IdentityKind | 'phone',
    replaces: IdentityKind[],
    column?: 'mobile' | 'landline' | 'email' | 'qq',
  ) => {
    if (!(field in input)) return;
    kinds.push(...replaces);
    const raw = input[field] as string | null | undefined;
    if (raw == null || raw.trim() === '') {
      if (column) columns[column] = null;
      return;
    }
    const n = normalizeIdentity(kind, raw);
    if (!n) {
      errors.push({
        path: `${path}.${field}`,
        message:
          field === 'mobile'
            ? 'invalid_mobile'
            : field === 'landline'
              ? 'invalid_phone'
              : field === 'email'
                ? 'invalid_email'
                : 'invalid_value',
      });
      return;
    }
    if (column) columns[column] = n.value;
    wanted.push({ ...n, path: `${path}.${field}` });
  };
  take('mobile', 'mobile', ['mobile'], 'mobile');
  take('landline', 'phone', ['landline'], 'landline');
  take('email', 'email', ['email'], 'email');
  take('qq', 'qq', ['qq'], 'qq');
  take('wechatOpenid', 'wechat_openid', ['wechat_openid']);
  take('wecomUserid', 'wecom_userid', ['wecom_userid']);
  take('machineId', 'machine_id', ['machine_id']);
  // A landline field holding a mobile number identifies by mobile: keep both kinds in step.
  if ('mobile' in input || 'landline' in input) kinds.push('mobile', 'landline');
  return { wanted, kinds: [...new Set(kinds)], errors, columns };
}

function mapWriteError(err: unknown): never {
  if (isUniqueViolation(err))
    throw new AppError('external_id_taken', {}, [{ path: 'body.externalId', message: 'taken' }]);
  if (isForeignKeyViolation(err))
    throw new AppError('reference_not_found', { entity: '公司' }, [
      { path: 'body.companyId', message: 'not_found' },
    ]);
  throw err;
}

/** Creates a contact inside the caller's transaction (also used when a company is created with contacts). */
export async function insertContact(
  tx: Db,
  ctx: CustomerContext,
  input: ContactInput,
  path = 'body',
): Promise<number> {
  const ids = identityValues(input, path);
  const custom = validateCustomValues(ctx.contactFields, input.custom ?? {}, {
    writer: ctx.writer,
    path: `${path}.custom`,
  });
  const errors = [...ids.errors, ...custom.errors];
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  const vendorId = ctx.actor.vendorId;
  const [row] = await tx
    .insert(contacts)
    .values({
      vendorId,
      companyId: input.companyId ?? null,
      name: input.name,
      mobile: ids.columns.mobile ?? null,
      landline: ids.columns.landline ?? null,
      email: ids.columns.email ?? null,
      qq: ids.columns.qq ?? null,
      position: input.position ?? null,
      gender: input.gender ?? null,
      birthday: input.birthday ?? null,
      idNumber: input.idNumber?.toUpperCase() ?? null,
      tags: input.tags ?? [],
      notes: input.notes ?? null,
      custom: custom.values,
      externalId: input.externalId ?? null,
      isPrimary: input.isPrimary ?? false,
    })
    .returning({ id: contacts.id })
    .catch(mapWriteError);
  await syncIdentities(tx, vendorId, row!.id, ids.kinds, ids.wanted);
  if (input.isPrimary && input.companyId) await makePrimary(tx, vendorId, input.companyId, row!.id);
  return row!.id;
}

async function makePrimary(tx: Db, vendorId: number, companyId: number, contactId: number) {
  await tx
    .update(contacts)
    .set({ isPrimary: sql`${contacts.id} = ${contactId}` })
    .where(and(eq(contacts.vendorId, vendorId), eq(contacts.companyId, companyId)));
}

function contactVisible(ctx: CustomerContext): SQL | undefined {
  const scope = companyScope(ctx);
  if (!scope) return undefined;
  return or(
    isNull(contacts.companyId),
    sql`${contacts.companyId} in (select ${companies.id} from ${companies} where ${companies.vendorId} = ${ctx.actor.vendorId} and ${scope})`,
  );
}

async function loadContact(db: Db, ctx: CustomerContext, id: number) {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.vendorId, ctx.actor.vendorId), eq(contacts.id, id), contactVisible(ctx)));
  if (!row) throw new AppError('not_found');
  return row;
}

export async function getContact(db: Db, ctx: CustomerContext, id: number): Promise<Contact> {
  const row = await loadContact(db, ctx, id);
  const ids = await identitiesOf(db, ctx.actor.vendorId, [id]);
  const summary = await companySummaries(db, ctx, [row.companyId]);
  return presentContact(
    row,
    ids.get(id) ?? [],
    ctx,
    row.companyId ? (summary.get(row.companyId) ?? null) : null,
  );
}

async function assertCompanyVisible(db: Db, ctx: CustomerContext, companyId: number | null | undefined) {
  if (companyId == null) return;
  const [row] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(and(eq(companies.vendorId, ctx.actor.vendorId), eq(companies.id, companyId), companyScope(ctx)));
  if (!row)
    throw new AppError('reference_not_found', { entity: '公司' }, [
      { path: 'body.companyId', message: 'not_found' },
    ]);
}

export async function createContact(db: Db, ctx: CustomerContext, input: ContactInput): Promise<Contact> {
  if (ctx.settings.lockContactCreate) throw new AppError('customer_locked', { what: '新增联系人' });
  await assertCompanyVisible(db, ctx, input.companyId);
  const id = await db.transaction((tx) => insertContact(tx, ctx, input));
  return getContact(db, ctx, id);
}

export async function updateContact(
  db: Db,
  ctx: CustomerContext,
  id: number,
  patch: ContactPatch,
): Promise<Contact> {
  const current = await loadContact(db, ctx, id);
  // 高级模式: editing is locked, tags stay editable.
  if (ctx.settings.lockContactEdit && Object.keys(patch).some((k) => k !== 'tags')) {
    throw new AppError('customer_locked', { what: '编辑联系人' });
  }
  if (patch.companyId !== undefined) await assertCompanyVisible(db, ctx, patch.companyId);
  // Mobile and landline identities are replaced together (a landline field may hold a mobile):
  // the one not being changed is carried over so it is not lost.
  const phones =
    'mobile' in patch || 'landline' in patch
      ? { mobile: current.mobile, landline: current.landline, ...patch }
      : patch;
  const ids = identityValues(phones, 'body');
  const custom =
    patch.custom !== undefined
      ? validateCustomValues(ctx.contactFields, patch.custom, {
          writer: ctx.writer,
          existing: current.custom,
        })
      : { values: current.custom, errors: [] };
  const errors = [...ids.errors, ...custom.errors];
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  const {
    mobile: _m,
    landline: _l,
    email: _e,
    qq: _q,
    wechatOpenid: _w,
    wecomUserid: _c,
    machineId: _i,
    custom: _u,
    ...plain
  } = patch;
  await db
    .transaction(async (tx) => {
      await tx
        .update(contacts)
        .set({
          ...plain,
          ...(plain.idNumber ? { idNumber: plain.idNumber.toUpperCase() } : {}),
          ...ids.columns,
          custom: custom.values,
          updatedAt: sql`now()`,
        })
        .where(and(eq(contacts.vendorId, ctx.actor.vendorId), eq(contacts.id, id)));
      await syncIdentities(tx, ctx.actor.vendorId, id, ids.kinds, ids.wanted);
      const companyId = patch.companyId !== undefined ? patch.companyId : current.companyId;
      if (patch.isPrimary && companyId) await makePrimary(tx, ctx.actor.vendorId, companyId, id);
      const changed = changedKeys(current, patch);
      if (changed.length)
        await recordAudit(tx, {
          vendorId: ctx.actor.vendorId,
          agentId: ctx.actor.agentId,
          action: 'contact.updated',
          entity: 'contact',
          entityId: id,
          data: { fields: changed },
        });
    })
    .catch(mapWriteError);
  return getContact(db, ctx, id);
}

export async function deleteContact(db: Db, ctx: CustomerContext, id: number) {
  if (ctx.settings.lockContactDelete) throw new AppError('customer_locked', { what: '删除联系人' });
  await loadContact(db, ctx, id);
  await db.delete(contacts).where(and(eq(contacts.vendorId, ctx.actor.vendorId), eq(contacts.id, id)));
}

export async function listContacts(
  db: Db,
  ctx: CustomerContext,
  q: {
    q?: string | undefined;
    companyId?: number | undefined;
    tag?: string | undefined;
    cursor?: string | undefined;
    limit?: number | undefined;
  },
) {
  const limit = q.limit ?? 50;
  const vendorId = ctx.actor.vendorId;
  const conditions: (SQL | undefined)[] = [eq(contacts.vendorId, vendorId), contactVisible(ctx)];
  if (q.companyId) conditions.push(eq(contacts.companyId, q.companyId));
  if (q.tag) conditions.push(sql`${q.tag} = any(${contacts.tags})`);
  if (q.cursor && /^\d{1,15}$/.test(q.cursor)) conditions.push(lt(contacts.id, Number(q.cursor)));
  if (q.q) {
    const phone = normalizeIdentity('phone', q.q);
    const digits = q.q.replace(/\D/g, '');
    conditions.push(
      or(
        ilike(contacts.name, like(q.q)),
        eq(contacts.qq, q.q),
        eq(contacts.email, q.q.toLowerCase()),
        phone ? or(eq(contacts.mobile, phone.value), eq(contacts.landline, phone.value)) : undefined,
        // A partial number (尾号) matches by suffix, and a prefix of 3+ digits by prefix.
        digits.length >= 4 && digits === q.q
          ? or(
              sql`reverse(${contacts.mobile}) like ${`${[...digits].reverse().join('')}%`}`,
              sql`${contacts.mobile} like ${`${digits}%`}`,
            )
          : undefined,
      ),
    );
  }
  const rows = await db
    .select()
    .from(contacts)
    .where(and(...conditions))
    .orderBy(desc(contacts.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const ids = await identitiesOf(
    db,
    vendorId,
    page.map((r) => r.id),
  );
  const summaries = await companySummaries(
    db,
    ctx,
    page.map((r) => r.companyId),
  );
  return {
    items: page.map((r) =>
      presentContact(r, ids.get(r.id) ?? [], ctx, r.companyId ? (summaries.get(r.companyId) ?? null) : null),
    ),
    nextCursor: rows.length > limit ? String(page.at(-1)!.id) : null,
  };
}
