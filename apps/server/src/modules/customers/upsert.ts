import type { CompanyInput, ContactInput } from '@yidan/contracts';
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { Db } from '../../platform/db/client.js';
import { normalizePhone } from '../../platform/fields/phone.js';
import { validateCustomValues } from '../../platform/fields/values.js';
import { agents, groups } from '../org/schema.js';
import { getVendor } from '../vendors/service.js';
import { type CustomerContext, companyScope } from './context.js';
import { normalizeIdentity } from './identities.js';
import { companies, contacts, customerGroups, type IdentityKind, identities } from './schema.js';
import { listPackages } from './settings.js';

/**
 * Batch upsert of companies and contacts: the one write path of spreadsheet import and CRM
 * sync. It enforces what createCompany/createContact enforce (identity normalisation and
 * uniqueness, custom fields, the vendor's packages, references, data scope, advanced-mode
 * locks) with a handful of queries per batch instead of several per row. Call it inside a
 * transaction; it serialises with other upserts of the vendor.
 */

/** undefined leaves a field as it is; null clears it. */
export type CompanyValues = Partial<Omit<CompanyInput, 'contacts'>>;
export type ContactValues = Partial<ContactInput>;

export interface CompanyUpsertItem {
  values: CompanyValues;
  /** The company's contact given on the same row (company import), upserted under it. */
  contact?: ContactValues;
}
export interface ContactUpsertItem {
  values: ContactValues;
  /** 公司名称: links (and creates when missing) the company by exact name (contact import). */
  companyName?: string;
  /** Links the company synced with this external id (CRM sync). */
  companyExternalId?: string | null;
}

/** `path` is a field key ("serviceEnd", "custom.industry", "contacts.mobile"); `message` a FIELD_MESSAGES key. */
export interface UpsertError {
  path: string;
  message: string;
}
export type UpsertAction = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';
export interface UpsertResult {
  action: UpsertAction;
  id: number | null;
  errors: UpsertError[];
}

export interface UpsertOptions {
  /**
   * natural (import): companies by externalId, else serviceCode, else exact name; contacts by
   * externalId, else mobile, else e-mail, else name within the company.
   * externalId (CRM sync): by the external id only.
   */
  keys: 'natural' | 'externalId';
  /** 不更新重复信息: a match is skipped instead of updated. */
  skipExisting: boolean;
}

/** Reference data a batch is checked against, loaded once per import or sync request. */
export interface UpsertLookups {
  packages: Set<string>;
  agents: { id: number; name: string; account: string }[];
  groups: { id: number; name: string }[];
  customerGroups: { id: number; name: string }[];
  customerMode: '2b' | '2c';
}

export async function loadUpsertLookups(db: Db, vendorId: number): Promise<UpsertLookups> {
  const [packages, agentRows, groupRows, customerGroupRows, vendor] = await Promise.all([
    listPackages(db, vendorId),
    db
      .select({ id: agents.id, name: agents.name, account: agents.account })
      .from(agents)
      .where(eq(agents.vendorId, vendorId)),
    db.select({ id: groups.id, name: groups.name }).from(groups).where(eq(groups.vendorId, vendorId)),
    db
      .select({ id: customerGroups.id, name: customerGroups.name })
      .from(customerGroups)
      .where(eq(customerGroups.vendorId, vendorId)),
    getVendor(db, vendorId),
  ]);
  return {
    packages: new Set(packages.map((p) => p.name)),
    agents: agentRows,
    groups: groupRows,
    customerGroups: customerGroupRows,
    customerMode: vendor.customerMode,
  };
}

/** Thrown when a concurrent writer took an identity between the check and the insert; retry the batch. */
export class UpsertConflict extends Error {}

const UPSERT_LOCK = 7_231_002;
// Multi-column lookups pass arrays through unnest(): a long IN list of row constructors becomes a
// deep OR chain that overflows PGlite's WebAssembly stack at a few hundred rows.
async function lockVendor(tx: Db, vendorId: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(${UPSERT_LOCK}, ${vendorId}::int)`);
}

type CompanyRow = typeof companies.$inferSelect;
type ContactRow = typeof contacts.$inferSelect;
type Pending<T> = { index: number; item: T; errors: UpsertError[] };

const fail = (results: UpsertResult[], index: number, errors: UpsertError[]) => {
  results[index] = { action: 'failed', id: null, errors };
};
const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Items sharing a key (a company named twice, a contact's mobile twice) go to successive
 * rounds, so within a round every target is written once and later rows see earlier ones.
 */
function rounds<T>(items: T[], keysOf: (item: T, i: number) => string[]): number[][] {
  const next = new Map<string, number>();
  const out: number[][] = [];
  items.forEach((item, i) => {
    const keys = keysOf(item, i);
    const r = Math.max(0, ...keys.map((k) => next.get(k) ?? 0));
    for (const k of keys) next.set(k, r + 1);
    const round = out[r] ?? [];
    round.push(i);
    out[r] = round;
  });
  return out;
}

// ——— companies ———

const COMPANY_COLUMNS = [
  ['groupId', 'group_id', 'bigint'],
  ['name', 'name', 'text'],
  ['address', 'address', 'text'],
  ['province', 'province', 'text'],
  ['city', 'city', 'text'],
  ['website', 'website', 'text'],
  ['phone', 'phone', 'text'],
  ['package', 'package', 'text'],
  ['serviceStart', 'service_start', 'date'],
  ['serviceEnd', 'service_end', 'date'],
  ['serviceCode', 'service_code', 'text'],
  ['serviceAccount', 'service_account', 'text'],
  ['servicePasswordHash', 'service_password_hash', 'text'],
  ['ownerAgentId', 'owner_agent_id', 'bigint'],
  ['ownerGroupId', 'owner_group_id', 'bigint'],
  ['tags', 'tags', 'text[]'],
  ['source', 'source', 'text'],
  ['notes', 'notes', 'text'],
  ['custom', 'custom', 'jsonb'],
  ['externalId', 'external_id', 'text'],
] as const;
type CompanyColumn = (typeof COMPANY_COLUMNS)[number][0];
type CompanyState = { [K in CompanyColumn]: CompanyRow[K] };

const CONTACT_COLUMNS = [
  ['companyId', 'company_id', 'bigint'],
  ['name', 'name', 'text'],
  ['mobile', 'mobile', 'text'],
  ['landline', 'landline', 'text'],
  ['email', 'email', 'text'],
  ['qq', 'qq', 'text'],
  ['position', 'position', 'text'],
  ['gender', 'gender', 'text'],
  ['birthday', 'birthday', 'date'],
  ['idNumber', 'id_number', 'text'],
  ['tags', 'tags', 'text[]'],
  ['notes', 'notes', 'text'],
  ['custom', 'custom', 'jsonb'],
  ['externalId', 'external_id', 'text'],
  ['isPrimary', 'is_primary', 'boolean'],
] as const;
type ContactColumn = (typeof CONTACT_COLUMNS)[number][0];
type ContactState = { [K in ContactColumn]: ContactRow[K] };

type Columns = readonly (readonly [string, string, string])[];

/**
 * A batch of rows travels as one JSON parameter and is expanded by the database: binding
 * thousands of separate parameters costs PGlite (and drizzle's builder) far more than the insert.
 */
function jsonRows(columns: Columns, rows: Record<string, unknown>[], withId: boolean) {
  const expr = ([key, col, type]: readonly [string, string, string]) => {
    const field = sql.raw(`doc->>'${key}'`);
    switch (type) {
      case 'text':
        return sql`${field} as ${sql.raw(col)}`;
      case 'jsonb':
        return sql`${sql.raw(`doc->'${key}'`)} as ${sql.raw(col)}`;
      case 'text[]':
        return sql`array(select jsonb_array_elements_text(${sql.raw(`doc->'${key}'`)})) as ${sql.raw(col)}`;
      default:
        return sql`(${field})::${sql.raw(type)} as ${sql.raw(col)}`;
    }
  };
  const selected = [...(withId ? [sql`(doc->>'id')::bigint as id`] : []), ...columns.map(expr)];
  return sql`select ${sql.join(selected, sql`, `)} from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) with ordinality as e(doc, ord)`;
}

/** Inserts rows in order and returns their new ids in the same order. */
async function insertMany(
  tx: Db,
  table: 'companies' | 'contacts',
  vendorId: number,
  columns: Columns,
  rows: Record<string, unknown>[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const names = columns.map(([, col]) => col).join(', ');
  const result = await tx.execute<{ id: number | string }>(sql`
    insert into ${sql.raw(table)} (vendor_id, ${sql.raw(names)})
    select ${vendorId}, ${sql.raw(names)} from (${jsonRows(columns, rows, false)} order by ord) as v
    returning id`);
  return result.rows.map((r: { id: number | string }) => Number(r.id));
}

/** One UPDATE for a batch of rows, each with all its columns. */
async function updateMany(
  tx: Db,
  table: 'companies' | 'contacts',
  vendorId: number,
  columns: Columns,
  rows: { id: number; state: Record<string, unknown> }[],
) {
  if (rows.length === 0) return;
  const names = columns.map(([, col]) => col);
  await tx.execute(sql`
    update ${sql.raw(table)} as t
    set ${sql.raw(names.map((c) => `${c} = v.${c}`).join(', '))}, updated_at = now()
    from (${jsonRows(
      columns,
      rows.map((r) => ({ ...r.state, id: r.id })),
      true,
    )}) as v
    where t.vendor_id = ${vendorId} and t.id = v.id`);
}

function companyState(row: CompanyRow): CompanyState {
  return Object.fromEntries(COMPANY_COLUMNS.map(([k]) => [k, row[k]])) as CompanyState;
}

function companyKey(v: CompanyValues, opts: UpsertOptions): string | null {
  if (v.externalId) return `x:${v.externalId}`;
  if (opts.keys === 'externalId') return null;
  if (v.serviceCode) return `c:${v.serviceCode}`;
  if (v.name) return `n:${v.name}`;
  return null;
}

/** Field checks that need no database: normalised phone, package list, references. */
function checkCompanyValues(
  v: CompanyValues,
  lk: UpsertLookups,
): { values: CompanyValues; errors: UpsertError[] } {
  const errors: UpsertError[] = [];
  const values = { ...v };
  if (values.name !== undefined && !values.name?.trim())
    errors.push({ path: 'name', message: 'company_name_missing' });
  if (values.phone) {
    const p = normalizePhone(values.phone);
    if (p) values.phone = p.value;
    else errors.push({ path: 'phone', message: 'invalid_phone' });
  }
  if (values.package && !lk.packages.has(values.package))
    errors.push({ path: 'package', message: 'not_an_option' });
  if (values.ownerAgentId && !lk.agents.some((a) => a.id === values.ownerAgentId))
    errors.push({ path: 'ownerAgentId', message: 'unknown_agent' });
  if (values.ownerGroupId && !lk.groups.some((g) => g.id === values.ownerGroupId))
    errors.push({ path: 'ownerGroupId', message: 'unknown_group' });
  if (values.groupId && !lk.customerGroups.some((g) => g.id === values.groupId))
    errors.push({ path: 'groupId', message: 'unknown_group' });
  return { values, errors };
}

function visibleColumn(ctx: CustomerContext): SQL<boolean> {
  const scope = companyScope(ctx);
  return scope ? sql<boolean>`(${scope})` : sql<boolean>`true`;
}

export async function upsertCompanies(
  tx: Db,
  ctx: CustomerContext,
  lk: UpsertLookups,
  items: CompanyUpsertItem[],
  opts: UpsertOptions,
): Promise<UpsertResult[]> {
  await lockVendor(tx, ctx.actor.vendorId);
  const results: UpsertResult[] = new Array(items.length);
  const contactKeys = (c: ContactValues | undefined) => (c ? contactKeysOf(c) : []);
  for (const round of rounds(items, (it) =>
    [companyKey(it.values, opts) ?? '', ...contactKeys(it.contact)].filter(Boolean),
  )) {
    await companyRound(
      tx,
      ctx,
      lk,
      round.map((i) => ({ index: i, item: items[i]!, errors: [] })),
      opts,
      results,
    );
  }
  return results;
}

async function companyRound(
  tx: Db,
  ctx: CustomerContext,
  lk: UpsertLookups,
  batch: Pending<CompanyUpsertItem>[],
  opts: UpsertOptions,
  results: UpsertResult[],
) {
  const vendorId = ctx.actor.vendorId;
  const checked = batch.map((p) => ({ ...p, ...checkCompanyValues(p.item.values, lk) }));
  const valid = checked.filter((p) => {
    if (p.errors.length) fail(results, p.index, p.errors);
    return p.errors.length === 0;
  });
  const pick = (f: (v: CompanyValues) => string | null | undefined) => [
    ...new Set(valid.map((p) => f(p.values)).filter((x): x is string => !!x)),
  ];
  const names = opts.keys === 'natural' ? pick((v) => (v.externalId || v.serviceCode ? null : v.name)) : [];
  const existing = valid.length
    ? await tx
        .select({ row: companies, visible: visibleColumn(ctx) })
        .from(companies)
        .where(
          and(
            eq(companies.vendorId, vendorId),
            or(
              inArray(
                companies.externalId,
                pick((v) => v.externalId),
              ),
              inArray(
                companies.serviceCode,
                pick((v) => v.serviceCode),
              ),
              inArray(
                companies.serviceAccount,
                pick((v) => v.serviceAccount),
              ),
              inArray(companies.name, names),
            ),
          ),
        )
    : [];

  const claimed = new Map<string, number | string>();
  type Planned = {
    p: (typeof valid)[number];
    id: number | null;
    state: CompanyState;
    created: boolean;
    servicePassword: string | null | undefined;
  };
  const planned: Planned[] = [];
  for (const p of valid) {
    const v = p.values;
    const errors: UpsertError[] = [];
    let target: (typeof existing)[number] | undefined;
    if (v.externalId) target = existing.find((e) => e.row.externalId === v.externalId);
    else if (opts.keys === 'natural' && v.serviceCode)
      target = existing.find((e) => e.row.serviceCode === v.serviceCode);
    else if (opts.keys === 'natural' && v.name) {
      const named = existing.filter((e) => e.row.name === v.name);
      if (named.length > 1) errors.push({ path: 'name', message: 'company_ambiguous' });
      target = named[0];
    }
    if (errors.length) {
      fail(results, p.index, errors);
      continue;
    }
    if (target && !target.visible) {
      fail(results, p.index, [{ path: 'name', message: 'not_in_scope' }]);
      continue;
    }
    if (target && opts.skipExisting) {
      results[p.index] = { action: 'skipped', id: target.row.id, errors: [] };
      continue;
    }
    if (!target && !v.name) {
      fail(results, p.index, [{ path: 'name', message: 'company_name_missing' }]);
      continue;
    }
    const { servicePassword, custom, ...plain } = v;
    const base: CompanyState = target
      ? companyState(target.row)
      : {
          ...(Object.fromEntries(COMPANY_COLUMNS.map(([k]) => [k, null])) as unknown as CompanyState),
          tags: [],
          custom: {},
          ownerAgentId: ctx.actor.agentId,
        };
    const state: CompanyState = { ...base, ...(defined(plain) as Partial<CompanyState>) };
    if (custom !== undefined) {
      const c = validateCustomValues(ctx.companyFields, custom ?? {}, {
        writer: ctx.writer,
        path: 'custom',
        ...(target ? { existing: target.row.custom } : {}),
      });
      errors.push(...c.errors);
      state.custom = c.values;
    } else if (!target) {
      errors.push(
        ...validateCustomValues(ctx.companyFields, {}, { writer: ctx.writer, path: 'custom' }).errors,
      );
    }
    if (state.serviceStart && state.serviceEnd && state.serviceStart > state.serviceEnd)
      errors.push({ path: 'serviceEnd', message: 'end_before_start' });
    const self = target?.row.id ?? `new:${p.index}`;
    for (const [key, value] of [
      ['externalId', state.externalId],
      ['serviceCode', state.serviceCode],
      ['serviceAccount', state.serviceAccount],
    ] as const) {
      if (!value) continue;
      const holder = existing.find((e) => e.row[key] === value && e.row.id !== target?.row.id);
      const other = claimed.get(`${key}:${value}`);
      if (holder || (other !== undefined && other !== self)) errors.push({ path: key, message: 'taken' });
    }
    const changed = target ? COMPANY_COLUMNS.filter(([k]) => !same(state[k], base[k])).map(([k]) => k) : [];
    // A given password always counts as a change: comparing it would cost a hash too.
    if (servicePassword !== undefined) changed.push('servicePasswordHash');
    if (target && changed.length > 0) {
      const lockedEdit = ctx.settings.lockCompanyEdit && changed.some((k) => k !== 'tags');
      if (lockedEdit) errors.push({ path: 'name', message: 'locked_edit' });
    }
    if (!target && ctx.settings.lockCompanyCreate) errors.push({ path: 'name', message: 'locked_create' });
    if (errors.length) {
      fail(results, p.index, errors);
      continue;
    }
    for (const key of ['externalId', 'serviceCode', 'serviceAccount'] as const) {
      if (state[key]) claimed.set(`${key}:${state[key]}`, self);
    }
    planned.push({ p, id: target?.row.id ?? null, state, created: !target, servicePassword });
    results[p.index] = {
      action: target ? (changed.length ? 'updated' : 'unchanged') : 'created',
      id: target?.row.id ?? null,
      errors: [],
    };
  }

  // The row's contact is checked before anything is written, so a row succeeds or fails whole.
  const withContact = planned.filter((x) => x.p.item.contact);
  const contactPlans = withContact.length
    ? await planContacts(
        tx,
        ctx,
        withContact.map((x) => ({
          index: x.p.index,
          values: { ...x.p.item.contact!, companyId: x.id },
          companyNew: x.created,
          prefix: 'contacts.',
        })),
        opts.keys === 'externalId' ? { ...opts, keys: 'natural' } : opts,
        results,
        true,
      )
    : [];
  const survivors = planned.filter((x) => results[x.p.index]!.action !== 'failed');
  // argon2 is slow on purpose: hash the round's passwords in parallel on the thread pool.
  await Promise.all(
    survivors.map(async (x) => {
      if (x.servicePassword !== undefined)
        x.state.servicePasswordHash = x.servicePassword ? await hashPassword(x.servicePassword) : null;
    }),
  );

  const creates = survivors.filter((x) => x.created);
  if (creates.length) {
    const ids = await insertMany(
      tx,
      'companies',
      vendorId,
      COMPANY_COLUMNS,
      creates.map((x) => x.state),
    );
    creates.forEach((x, i) => {
      x.id = ids[i]!;
      results[x.p.index]!.id = x.id;
    });
  }
  await updateMany(
    tx,
    'companies',
    vendorId,
    COMPANY_COLUMNS,
    survivors
      .filter((x) => !x.created && results[x.p.index]!.action === 'updated')
      .map((x) => ({ id: x.id!, state: x.state })),
  );
  const companyIdOf = new Map(survivors.map((x) => [x.p.index, x.id!]));
  const contactChanged = await writeContacts(
    tx,
    vendorId,
    contactPlans
      .filter((c) => results[c.index]!.action !== 'failed')
      .map((c) => ({
        ...c,
        state: { ...c.state, companyId: companyIdOf.get(c.index) ?? c.state.companyId },
      })),
  );
  for (const index of contactChanged) {
    if (results[index]!.action === 'unchanged') results[index]!.action = 'updated';
  }
}

// ——— contacts ———

interface ContactCandidate {
  index: number;
  values: ContactValues;
  /** The company was created in this batch: the contact is new and becomes its default contact. */
  companyNew: boolean;
  /** Error path prefix ("contacts." for a company row's contact). */
  prefix: string;
}
interface ContactPlan {
  index: number;
  id: number | null;
  state: ContactState;
  created: boolean;
  changed: boolean;
  /** Identities to delete and insert. */
  drop: { kind: IdentityKind; value: string }[];
  add: { kind: IdentityKind; value: string }[];
}

const EXTRA_KINDS = [
  ['wechatOpenid', 'wechat_openid'],
  ['wecomUserid', 'wecom_userid'],
  ['machineId', 'machine_id'],
] as const;

/** The keys a contact may be matched by, normalised, for splitting a batch into rounds. */
function contactKeysOf(v: ContactValues): string[] {
  const keys: string[] = [];
  if (v.externalId) keys.push(`x:${v.externalId}`);
  for (const [field, kind] of [
    ['mobile', 'mobile'],
    ['landline', 'phone'],
    ['email', 'email'],
  ] as const) {
    const raw = v[field];
    const n = raw ? normalizeIdentity(kind, raw) : null;
    if (n) keys.push(`${n.kind}:${n.value}`);
  }
  return keys;
}

function contactState(row: ContactRow): ContactState {
  return Object.fromEntries(CONTACT_COLUMNS.map(([k]) => [k, row[k]])) as ContactState;
}

/** Normalises the identity fields of a contact, with errors for bad values. */
function contactIdentities(v: ContactValues, prefix: string) {
  const errors: UpsertError[] = [];
  const columns: Partial<Record<'mobile' | 'landline' | 'email' | 'qq', string | null>> = {};
  const extra: { kind: IdentityKind; value: string | null }[] = [];
  const norm = (field: keyof ContactValues, kind: IdentityKind | 'phone', message: string) => {
    const raw = v[field] as string | null | undefined;
    if (raw === undefined) return undefined;
    if (raw === null || raw.trim() === '') return null;
    const n = normalizeIdentity(kind, raw);
    if (!n) errors.push({ path: `${prefix}${field}`, message });
    return n?.value;
  };
  for (const [field, kind, message] of [
    ['mobile', 'mobile', 'invalid_mobile'],
    ['landline', 'phone', 'invalid_phone'],
    ['email', 'email', 'invalid_email'],
    ['qq', 'qq', 'invalid_qq'],
  ] as const) {
    const value = norm(field, kind, message);
    if (value !== undefined) columns[field] = value;
  }
  for (const [field, kind] of EXTRA_KINDS) {
    const value = norm(field, kind, field === 'machineId' ? 'invalid_machine_id' : 'expected_text');
    if (value !== undefined) extra.push({ kind, value });
  }
  return { columns, extra, errors };
}

/** The identities a contact should have, from its final columns. */
type Identity = { kind: IdentityKind; value: string };
const IDENTITY_COLUMNS = ['mobile', 'landline', 'email', 'qq'] as const;
type IdentityColumn = (typeof IDENTITY_COLUMNS)[number];

/** The identity a (normalised) column value gives; a landline column holding a mobile identifies by mobile, as in createContact. */
function identityOf(column: IdentityColumn, value: string | null | undefined): Identity | null {
  if (!value) return null;
  if (column === 'landline') {
    const p = normalizePhone(value);
    return p ? { kind: p.kind, value: p.value } : null;
  }
  return { kind: column, value };
}

/** The error path of an identity: the field it came from. */
function identityField(d: Identity, state: ContactState): string {
  if (d.kind === 'mobile') return state.mobile === d.value ? 'mobile' : 'landline';
  return EXTRA_KINDS.find(([, kind]) => kind === d.kind)?.[0] ?? d.kind;
}

/**
 * Resolves and checks contacts without writing: targets by key, identity conflicts against the
 * database and the batch, scope, locks, custom fields. Failures land in `results`.
 */
async function planContacts(
  tx: Db,
  ctx: CustomerContext,
  candidates: ContactCandidate[],
  opts: UpsertOptions,
  results: UpsertResult[],
  partOfCompanyRow: boolean,
): Promise<ContactPlan[]> {
  const vendorId = ctx.actor.vendorId;
  const prepared = candidates.map((c) => ({ c, ...contactIdentities(c.values, c.prefix) }));
  const valid = prepared.filter((p) => {
    if (p.errors.length) fail(results, p.c.index, p.errors);
    return p.errors.length === 0;
  });
  const wanted = valid.flatMap((p) => [
    ...IDENTITY_COLUMNS.map((col) => identityOf(col, p.columns[col])).filter(
      (x): x is Identity => x !== null,
    ),
    ...p.extra.filter((e): e is { kind: IdentityKind; value: string } => e.value !== null),
  ]);
  const holders = wanted.length
    ? await tx
        .select({ kind: identities.kind, value: identities.value, contactId: identities.contactId })
        .from(identities)
        .where(
          and(
            eq(identities.vendorId, vendorId),
            sql`(${identities.kind}, ${identities.value}) in (select * from unnest(${sql.param(
              wanted.map((w) => w.kind),
            )}::text[], ${sql.param(wanted.map((w) => w.value))}::text[]))`,
          ),
        )
    : [];
  const holderOf = (kind: string, value: string) => holders.find((h) => h.kind === kind && h.value === value);
  const externalIds = [...new Set(valid.map((p) => p.c.values.externalId).filter((x): x is string => !!x))];
  const byName = valid.filter((p) => p.c.values.companyId && p.c.values.name && !p.c.companyNew);
  const candidatesRows = valid.length
    ? await tx
        .select({
          row: contacts,
          visible: sql<boolean>`(${contacts.companyId} is null or exists (select 1 from ${companies} where ${companies.vendorId} = ${vendorId} and ${companies.id} = ${contacts.companyId} and ${visibleColumn(ctx)}))`,
        })
        .from(contacts)
        .where(
          and(
            eq(contacts.vendorId, vendorId),
            or(
              inArray(contacts.externalId, externalIds),
              inArray(contacts.id, [...new Set(holders.map((h) => h.contactId))]),
              byName.length
                ? sql`(${contacts.companyId}, ${contacts.name}) in (select * from unnest(${sql.param(
                    byName.map((p) => p.c.values.companyId),
                  )}::bigint[], ${sql.param(byName.map((p) => p.c.values.name))}::text[]))`
                : undefined,
            ),
          ),
        )
    : [];
  const rowById = new Map(candidatesRows.map((r) => [r.row.id, r]));
  const currentIds = candidatesRows.length
    ? await tx
        .select({ contactId: identities.contactId, kind: identities.kind, value: identities.value })
        .from(identities)
        .where(and(eq(identities.vendorId, vendorId), inArray(identities.contactId, [...rowById.keys()])))
    : [];

  const claimed = new Map<string, number | string>();
  const plans: ContactPlan[] = [];
  for (const p of valid) {
    const { c } = p;
    const v = c.values;
    const errors: UpsertError[] = [];
    const at = (field: string) => `${c.prefix}${field}`;
    let target: (typeof candidatesRows)[number] | undefined;
    if (v.externalId) target = candidatesRows.find((r) => r.row.externalId === v.externalId);
    else if (opts.keys === 'natural') {
      const mobile = p.columns.mobile ? holderOf('mobile', p.columns.mobile) : undefined;
      const email = p.columns.email ? holderOf('email', p.columns.email) : undefined;
      const holder = mobile ?? email;
      if (holder) target = rowById.get(holder.contactId);
      else if (v.companyId && v.name && !c.companyNew)
        target = candidatesRows
          .filter((r) => r.row.companyId === v.companyId && r.row.name === v.name)
          .sort((a, b) => a.row.id - b.row.id)[0];
    }
    if (target && !target.visible) errors.push({ path: at('name'), message: 'not_in_scope' });
    // An import never moves a contact between companies (a new company's contact must be new too).
    if (
      target &&
      opts.keys === 'natural' &&
      v.companyId !== undefined &&
      target.row.companyId !== null &&
      target.row.companyId !== v.companyId
    )
      errors.push({ path: at(p.columns.mobile ? 'mobile' : 'email'), message: 'contact_in_other_company' });
    if (errors.length) {
      fail(results, c.index, errors);
      continue;
    }
    if (target && opts.skipExisting && !partOfCompanyRow) {
      results[c.index] = { action: 'skipped', id: target.row.id, errors: [] };
      continue;
    }
    if (target && opts.skipExisting) continue;
    // A new contact without a name is named by its number (manual: 联系人 or 手机号 is enough).
    const name =
      v.name?.trim() || (target ? undefined : (p.columns.mobile ?? p.columns.email ?? p.columns.landline));
    if (!target && !name) {
      fail(results, c.index, [{ path: at('name'), message: 'contact_key_missing' }]);
      continue;
    }
    const { custom, wechatOpenid: _w, wecomUserid: _u, machineId: _m, isPrimary: _p, ...given } = v;
    const plain = { ...given, ...(name ? { name } : {}) };
    const base: ContactState = target
      ? contactState(target.row)
      : {
          ...(Object.fromEntries(CONTACT_COLUMNS.map(([k]) => [k, null])) as unknown as ContactState),
          tags: [],
          custom: {},
          isPrimary: false,
        };
    const state: ContactState = {
      ...base,
      ...(defined(plain) as Partial<ContactState>),
      ...(p.columns as Partial<ContactState>),
    };
    if (state.idNumber) state.idNumber = state.idNumber.toUpperCase();
    if (custom !== undefined) {
      const r = validateCustomValues(ctx.contactFields, custom ?? {}, {
        writer: ctx.writer,
        path: at('custom'),
        ...(target ? { existing: target.row.custom } : {}),
      });
      errors.push(...r.errors);
      state.custom = r.values;
    } else if (!target) {
      errors.push(
        ...validateCustomValues(ctx.contactFields, {}, { writer: ctx.writer, path: at('custom') }).errors,
      );
    }
    const self = target?.row.id ?? `new:${c.index}`;
    // Identities change only where the row gives a new value: a changed column replaces the
    // identity of its old value; given WeChat/WeCom/machine ids replace that kind.
    const current = target ? currentIds.filter((i) => i.contactId === target.row.id) : [];
    const key = (i: Identity) => `${i.kind}:${i.value}`;
    const replaced = new Set<string>();
    const incoming: Identity[] = [];
    for (const col of IDENTITY_COLUMNS) {
      if (!(col in p.columns) || same(base[col], state[col])) continue;
      const before = identityOf(col, base[col]);
      const after = identityOf(col, state[col]);
      if (before) replaced.add(key(before));
      if (after) incoming.push(after);
    }
    const extraGiven = new Set(p.extra.map((e) => e.kind));
    incoming.push(...p.extra.filter((e): e is Identity => e.value !== null));
    const kept = current.filter((i) => !replaced.has(key(i)) && !extraGiven.has(i.kind));
    for (const d of incoming) {
      const holder = holderOf(d.kind, d.value);
      const other = claimed.get(key(d));
      if ((holder && holder.contactId !== target?.row.id) || (other !== undefined && other !== self))
        errors.push({ path: at(identityField(d, state)), message: 'identity_taken' });
    }
    const desired = [...kept, ...incoming];
    const desiredKeys = new Set(desired.map(key));
    const currentKeys = new Set(current.map(key));
    const drop = current.filter((i) => !desiredKeys.has(key(i)));
    const add = [
      ...new Map(desired.filter((d) => !currentKeys.has(key(d))).map((d) => [key(d), d])).values(),
    ];
    const changedColumns = target
      ? CONTACT_COLUMNS.filter(([k]) => !same(state[k], base[k])).map(([k]) => k)
      : [];
    const changed = changedColumns.length > 0 || drop.length > 0 || add.length > 0;
    if (
      target &&
      changed &&
      ctx.settings.lockContactEdit &&
      (changedColumns.some((k) => k !== 'tags') || drop.length || add.length)
    )
      errors.push({ path: at('name'), message: 'locked_edit' });
    if (!target && ctx.settings.lockContactCreate)
      errors.push({ path: at('name'), message: 'locked_create' });
    if (errors.length) {
      fail(results, c.index, errors);
      continue;
    }
    for (const d of desired) claimed.set(key(d), self);
    // The first contact of a company created in this batch is its default contact.
    if (!target && c.companyNew) state.isPrimary = true;
    plans.push({ index: c.index, id: target?.row.id ?? null, state, created: !target, changed, drop, add });
    if (!partOfCompanyRow) {
      results[c.index] = {
        action: target ? (changed ? 'updated' : 'unchanged') : 'created',
        id: target?.row.id ?? null,
        errors: [],
      };
    }
  }
  return plans;
}

/** Writes planned contacts and their identities; returns the indexes whose contact changed. */
async function writeContacts(tx: Db, vendorId: number, plans: ContactPlan[]): Promise<number[]> {
  const creates = plans.filter((x) => x.created);
  if (creates.length) {
    const ids = await insertMany(
      tx,
      'contacts',
      vendorId,
      CONTACT_COLUMNS,
      creates.map((x) => x.state),
    );
    creates.forEach((x, i) => {
      x.id = ids[i]!;
    });
  }
  const updates = plans.filter((x) => !x.created && x.changed);
  await updateMany(
    tx,
    'contacts',
    vendorId,
    CONTACT_COLUMNS,
    updates.map((x) => ({ id: x.id!, state: x.state })),
  );
  const drop = plans.flatMap((x) => x.drop.map((d) => ({ ...d, contactId: x.id! })));
  if (drop.length) {
    await tx
      .delete(identities)
      .where(
        and(
          eq(identities.vendorId, vendorId),
          sql`(${identities.contactId}, ${identities.kind}, ${identities.value}) in (select * from unnest(${sql.param(
            drop.map((d) => d.contactId),
          )}::bigint[], ${sql.param(drop.map((d) => d.kind))}::text[], ${sql.param(drop.map((d) => d.value))}::text[]))`,
        ),
      );
  }
  const add = plans.flatMap((x) => x.add.map((a) => ({ kind: a.kind, value: a.value, contactId: x.id! })));
  if (add.length) {
    const inserted = await tx.execute(sql`
      insert into identities (vendor_id, kind, value, contact_id)
      select ${vendorId}, u.kind, u.value, u.contact_id
      from unnest(${sql.param(add.map((a) => a.kind))}::text[], ${sql.param(add.map((a) => a.value))}::text[],
        ${sql.param(add.map((a) => a.contactId))}::bigint[]) as u(kind, value, contact_id)
      on conflict do nothing
      returning kind`);
    if (inserted.rows.length !== add.length) throw new UpsertConflict('an identity was taken concurrently');
  }
  return plans.filter((x) => x.created || x.changed).map((x) => x.index);
}

export async function upsertContacts(
  tx: Db,
  ctx: CustomerContext,
  lk: UpsertLookups,
  items: ContactUpsertItem[],
  opts: UpsertOptions,
): Promise<UpsertResult[]> {
  await lockVendor(tx, ctx.actor.vendorId);
  const results: UpsertResult[] = new Array(items.length);
  const companyIds = await linkCompanies(tx, ctx, lk, items, results);
  // Only the first contact of a company created here becomes its default contact.
  const withPrimary = new Set<number>();
  for (const round of rounds(items, (it, i) => (results[i] ? [] : contactKeysOf(it.values)))) {
    const candidates = round
      .filter((i) => !results[i])
      .map((i) => {
        const link = companyIds.get(i);
        const values = { ...items[i]!.values, ...(link ? { companyId: link.id } : {}) };
        const companyNew = !!link?.created && !withPrimary.has(link.id);
        if (link && companyNew) withPrimary.add(link.id);
        return { index: i, values, companyNew, prefix: '' };
      });
    const plans = await planContacts(tx, ctx, candidates, opts, results, false);
    await writeContacts(tx, ctx.actor.vendorId, plans);
    for (const plan of plans) results[plan.index]!.id = plan.id;
  }
  return results;
}

/** Company ids for contact items linked by company name (created when missing) or external id. */
async function linkCompanies(
  tx: Db,
  ctx: CustomerContext,
  lk: UpsertLookups,
  items: ContactUpsertItem[],
  results: UpsertResult[],
) {
  const links = new Map<number, { id: number; created: boolean }>();
  const byExternal = items.flatMap((it, i) =>
    it.companyExternalId ? [{ i, ext: it.companyExternalId }] : [],
  );
  if (byExternal.length) {
    const rows = await tx
      .select({ id: companies.id, externalId: companies.externalId, visible: visibleColumn(ctx) })
      .from(companies)
      .where(
        and(
          eq(companies.vendorId, ctx.actor.vendorId),
          inArray(
            companies.externalId,
            byExternal.map((x) => x.ext),
          ),
        ),
      );
    for (const { i, ext } of byExternal) {
      const row = rows.find((r) => r.externalId === ext);
      if (!row) fail(results, i, [{ path: 'companyExternalId', message: 'not_found' }]);
      else if (!row.visible) fail(results, i, [{ path: 'companyExternalId', message: 'not_in_scope' }]);
      else links.set(i, { id: row.id, created: false });
    }
  }
  const byId = items.flatMap((it, i) =>
    it.values.companyId && !it.companyExternalId ? [{ i, id: it.values.companyId }] : [],
  );
  if (byId.length) {
    const rows = await tx
      .select({ id: companies.id, visible: visibleColumn(ctx) })
      .from(companies)
      .where(
        and(
          eq(companies.vendorId, ctx.actor.vendorId),
          inArray(
            companies.id,
            byId.map((x) => x.id),
          ),
        ),
      );
    for (const { i, id } of byId) {
      const row = rows.find((r) => r.id === id);
      if (!row?.visible) fail(results, i, [{ path: 'companyId', message: 'not_found' }]);
    }
  }
  const byName = items.flatMap((it, i) =>
    it.companyName && !results[i] ? [{ i, name: it.companyName }] : [],
  );
  if (byName.length) {
    const names = [...new Set(byName.map((x) => x.name))];
    const companyResults = await upsertCompanies(
      tx,
      ctx,
      lk,
      names.map((name) => ({ values: { name } })),
      { keys: 'natural', skipExisting: true },
    );
    const byCompany = new Map(names.map((n, k) => [n, companyResults[k]!]));
    for (const { i, name } of byName) {
      const r = byCompany.get(name)!;
      if (r.action === 'failed')
        fail(
          results,
          i,
          r.errors.map((e) => ({ path: 'companyName', message: e.message })),
        );
      else links.set(i, { id: r.id!, created: r.action === 'created' });
    }
  }
  return links;
}
