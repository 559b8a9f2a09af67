import { companySyncBody, contactSyncBody, type SyncResult, syncResultSchema } from '@yidan/contracts';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../platform/db/client.js';
import { pickLang } from '../../platform/http/messages.js';
import { localizeIssue } from '../../platform/http/problem.js';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import { customerContext } from './context.js';
import {
  type CompanyUpsertItem,
  type ContactUpsertItem,
  loadUpsertLookups,
  UpsertConflict,
  type UpsertResult,
  upsertCompanies,
  upsertContacts,
} from './upsert.js';

/** Runs one sync batch in a transaction, re-checking it if a concurrent writer took an identity. */
async function syncBatch(db: Db, run: (tx: Db) => Promise<UpsertResult[]>): Promise<UpsertResult[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(run);
    } catch (err) {
      if (!(err instanceof UpsertConflict) || attempt >= 2) throw err;
    }
  }
}

function present(req: FastifyRequest, externalIds: string[], results: UpsertResult[]): SyncResult {
  const lang = pickLang(req.headers['accept-language']);
  const counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  const items = results.map((r, i) => {
    const action = r.action === 'skipped' ? 'unchanged' : r.action;
    counts[action]++;
    return {
      externalId: externalIds[i]!,
      id: r.id,
      action,
      ...(r.errors.length
        ? {
            errors: r.errors.map((e) => ({
              path: `items.${i}.${e.path}`,
              message: localizeIssue({ code: 'custom', path: [], message: e.message }, lang),
            })),
          }
        : {}),
    };
  });
  return { items, counts };
}

/**
 * CRM sync (white paper 4.3.1): a dealer's CRM pushes companies and contacts keyed by its own
 * ids, up to 1,000 per call. The same batch sent twice creates nothing new. Writes go through
 * the import's upsert, so the rules of the console hold here too.
 */
export function customerSyncRoutes(app: App, { db }: Deps) {
  const sync = { config: { permission: 'customer.import' as const } };
  const tags = ['crm-sync'];

  app.post(
    '/api/v1/sync/companies',
    {
      ...sync,
      schema: {
        tags,
        summary: 'CRM 同步：按 externalId 批量新增或更新公司',
        description:
          'Upserts up to 1,000 companies by `externalId`. Fields left out are kept; `null` clears a field. Each item gets `created`, `updated`, `unchanged` or `failed` (with `errors`); one failed item does not stop the others. Idempotent: sending the same batch again answers `unchanged`.',
        body: companySyncBody,
        response: { 200: syncResultSchema },
      },
    },
    async (req) => {
      const ctx = await customerContext(db, actorOf(req));
      const lk = await loadUpsertLookups(db, ctx.actor.vendorId);
      const items: CompanyUpsertItem[] = req.body.items.map((values) => ({ values }));
      const results = await syncBatch(db, (tx) =>
        upsertCompanies(tx, ctx, lk, items, { keys: 'externalId', skipExisting: false }),
      );
      return present(
        req,
        req.body.items.map((i) => i.externalId),
        results,
      );
    },
  );

  app.post(
    '/api/v1/sync/contacts',
    {
      ...sync,
      schema: {
        tags,
        summary: 'CRM 同步：按 externalId 批量新增或更新联系人',
        description:
          'Upserts up to 1,000 contacts by `externalId`; `companyExternalId` links a contact to a company synced before (or give `companyId`). Phone numbers and e-mails are normalised and must not belong to another contact. Idempotent like /sync/companies.',
        body: contactSyncBody,
        response: { 200: syncResultSchema },
      },
    },
    async (req) => {
      const ctx = await customerContext(db, actorOf(req));
      const lk = await loadUpsertLookups(db, ctx.actor.vendorId);
      const items: ContactUpsertItem[] = req.body.items.map(({ companyExternalId, ...values }) => ({
        values,
        ...(companyExternalId ? { companyExternalId } : {}),
      }));
      const results = await syncBatch(db, (tx) =>
        upsertContacts(tx, ctx, lk, items, { keys: 'externalId', skipExisting: false }),
      );
      return present(
        req,
        req.body.items.map((i) => i.externalId),
        results,
      );
    },
  );
}
