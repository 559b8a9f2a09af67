import type { CompanyInput, ContactInput, FieldDefinition } from '@yidan/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/service.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { getCompany, updateCompany } from './companies.js';
import { getContact, updateContact } from './contacts.js';
import { type CustomerContext, companyScope } from './context.js';
import { companies, contacts } from './schema.js';

export interface BulkResult {
  id: number;
  ok: boolean;
  error?: { code: string; errors?: { path: string; message: string }[] };
}

/** Attachments are appended by bulk edit, never replaced (manual 2.11.3.8). */
function appendAttachments(
  fields: FieldDefinition[],
  set: Record<string, unknown>,
  current: Record<string, unknown>,
) {
  const out = { ...set };
  for (const f of fields) {
    if (f.type === 'attachment' && Array.isArray(set[f.key]) && Array.isArray(current[f.key])) {
      out[f.key] = [...(current[f.key] as unknown[]), ...(set[f.key] as unknown[])];
    }
  }
  return out;
}

async function each<T>(ids: number[], run: (id: number) => Promise<T>): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const id of [...new Set(ids)]) {
    try {
      await run(id);
      results.push({ id, ok: true });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      results.push({
        id,
        ok: false,
        error: { code: err.code, ...(err.fieldErrors.length ? { errors: err.fieldErrors } : {}) },
      });
    }
  }
  return results;
}

/** Edits many companies with the same values, each through updateCompany (same rules), each on its own. */
export async function bulkUpdateCompanies(
  db: Db,
  ctx: CustomerContext,
  ids: number[],
  set: Partial<CompanyInput>,
) {
  return each(ids, async (id) => {
    const current = await getCompany(db, ctx, id);
    const patch = set.custom
      ? { ...set, custom: appendAttachments(ctx.companyFields, set.custom, current.custom) }
      : set;
    await updateCompany(db, ctx, id, patch);
  });
}

export async function bulkUpdateContacts(
  db: Db,
  ctx: CustomerContext,
  ids: number[],
  set: Partial<ContactInput>,
) {
  return each(ids, async (id) => {
    const current = await getContact(db, ctx, id);
    const patch = set.custom
      ? { ...set, custom: appendAttachments(ctx.contactFields, set.custom, current.custom) }
      : set;
    await updateContact(db, ctx, id, patch);
  });
}

/** Deletes the visible companies among `ids` in one transaction; the rest are reported not found. */
export async function bulkDeleteCompanies(db: Db, ctx: CustomerContext, ids: number[]) {
  if (ctx.settings.lockCompanyDelete) throw new AppError('customer_locked', { what: '删除公司' });
  const vendorId = ctx.actor.vendorId;
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(companies)
      .where(and(eq(companies.vendorId, vendorId), inArray(companies.id, ids), companyScope(ctx)))
      .returning({ id: companies.id, name: companies.name });
    await recordAudit(tx, {
      vendorId,
      agentId: ctx.actor.agentId,
      action: 'company.bulk_deleted',
      entity: 'company',
      data: { deleted },
    });
    const gone = new Set(deleted.map((d) => d.id));
    return [...new Set(ids)].map((id) =>
      gone.has(id) ? { id, ok: true } : { id, ok: false, error: { code: 'not_found' } },
    );
  });
}

export async function bulkDeleteContacts(db: Db, ctx: CustomerContext, ids: number[]) {
  if (ctx.settings.lockContactDelete) throw new AppError('customer_locked', { what: '删除联系人' });
  const results: BulkResult[] = [];
  await db.transaction(async (tx) => {
    const visible: number[] = [];
    for (const id of [...new Set(ids)]) {
      const ok = await getContact(tx, ctx, id).then(
        () => true,
        () => false,
      );
      if (ok) visible.push(id);
      else results.push({ id, ok: false, error: { code: 'not_found' } });
    }
    if (visible.length) {
      await tx
        .delete(contacts)
        .where(and(eq(contacts.vendorId, ctx.actor.vendorId), inArray(contacts.id, visible)));
      await recordAudit(tx, {
        vendorId: ctx.actor.vendorId,
        agentId: ctx.actor.agentId,
        action: 'contact.bulk_deleted',
        entity: 'contact',
        data: { ids: visible },
      });
    }
    results.push(...visible.map((id) => ({ id, ok: true })));
  });
  return results;
}
