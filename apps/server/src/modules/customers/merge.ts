import type { Company } from '@yidan/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { getCompany } from './companies.js';
import { type CustomerContext, companyScope } from './context.js';
import { companies, contacts } from './schema.js';

/**
 * What other modules move when two companies merge (tickets, service records, contact plans,
 * assets, WeChat bindings): each registers a function that re-points its rows in the merge's
 * transaction. Modules that own such rows add themselves here as they are built.
 */
export type CompanyMergeHook = (
  tx: Db,
  vendorId: number,
  sourceId: number,
  targetId: number,
) => Promise<void>;
const mergeHooks: CompanyMergeHook[] = [];
export function onCompanyMerge(hook: CompanyMergeHook) {
  mergeHooks.push(hook);
}

// Copied to the target only when the target's own value is empty (manual 2.11.3.9).
const FILLABLE = [
  'groupId',
  'address',
  'province',
  'city',
  'website',
  'phone',
  'package',
  'serviceStart',
  'serviceEnd',
  'serviceCode',
  'serviceAccount',
  'servicePasswordHash',
  'ownerAgentId',
  'ownerGroupId',
  'source',
  'notes',
  'externalId',
] as const;
// Unique per vendor: the source must give them up before the target can take them.
const UNIQUE = new Set(['serviceCode', 'serviceAccount', 'externalId']);

const empty = (v: unknown) => v === null || v === undefined || v === '';

/**
 * Merges `sourceId` into `targetId`: the target's fields win, its empty fields take the
 * source's values; tags and custom fields combine; contacts and everything registered in
 * `onCompanyMerge` move; the source is deleted. Irreversible, so it must be confirmed and is audited.
 */
export async function mergeCompanies(
  db: Db,
  ctx: CustomerContext,
  sourceId: number,
  targetId: number,
): Promise<Company> {
  if (sourceId === targetId) throw new AppError('merge_same');
  if (ctx.settings.lockCompanyEdit || ctx.settings.lockCompanyDelete)
    throw new AppError('customer_locked', { what: '合并公司' });
  const vendorId = ctx.actor.vendorId;
  await db.transaction(async (tx) => {
    const load = async (id: number) => {
      const [row] = await tx
        .select()
        .from(companies)
        .where(and(eq(companies.vendorId, vendorId), eq(companies.id, id), companyScope(ctx)))
        .for('update');
      if (!row) throw new AppError('not_found');
      return row;
    };
    const source = await load(sourceId);
    const target = await load(targetId);
    const set: Record<string, unknown> = {};
    const clearOnSource: Record<string, null> = {};
    for (const key of FILLABLE) {
      if (empty(target[key]) && !empty(source[key])) {
        set[key] = source[key];
        if (UNIQUE.has(key)) clearOnSource[key] = null;
      }
    }
    set.tags = [...new Set([...target.tags, ...source.tags])];
    const custom: Record<string, unknown> = { ...source.custom };
    for (const [k, v] of Object.entries(target.custom)) if (!empty(v)) custom[k] = v;
    set.custom = custom;
    set.notes =
      target.notes && source.notes && target.notes !== source.notes
        ? `${target.notes}\n${source.notes}`
        : (set.notes ?? target.notes);
    if (Object.keys(clearOnSource).length) {
      await tx
        .update(companies)
        .set(clearOnSource)
        .where(and(eq(companies.vendorId, vendorId), eq(companies.id, sourceId)));
    }
    await tx
      .update(companies)
      .set({ ...set, updatedAt: sql`now()` })
      .where(and(eq(companies.vendorId, vendorId), eq(companies.id, targetId)));
    // Moved contacts keep their data; the target keeps its own default contact if it has one.
    const [targetPrimary] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.vendorId, vendorId), eq(contacts.companyId, targetId)))
      .limit(1);
    const moved = await tx
      .update(contacts)
      .set({ companyId: targetId, ...(targetPrimary ? { isPrimary: false } : {}), updatedAt: sql`now()` })
      .where(and(eq(contacts.vendorId, vendorId), eq(contacts.companyId, sourceId)))
      .returning({ id: contacts.id });
    for (const hook of mergeHooks) await hook(tx, vendorId, sourceId, targetId);
    await tx.delete(companies).where(and(eq(companies.vendorId, vendorId), eq(companies.id, sourceId)));
    await recordAudit(tx, {
      vendorId,
      agentId: ctx.actor.agentId,
      action: 'company.merged',
      entity: 'company',
      entityId: targetId,
      data: {
        sourceId,
        sourceName: source.name,
        targetName: target.name,
        movedContactIds: moved.map((m) => m.id),
        filled: Object.keys(set),
      },
    });
  });
  return getCompany(db, ctx, targetId);
}
