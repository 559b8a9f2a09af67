import { and, eq, isNotNull } from 'drizzle-orm';
import { cachedForVendor, invalidateVendorCache } from '../../platform/cache/vendorCache.js';
import type { Db } from '../../platform/db/client.js';
import { workflows } from './schema.js';

const WORKFLOW_CACHE = 'workflows';

export interface PublishedWorkflow {
  name: string;
  versionId: number;
}

/**
 * The vendor's enabled, published workflows by template id, through the per-vendor cache: ticket
 * creation asks it on every ticket, and saving, publishing or switching a workflow invalidates it.
 */
export function publishedWorkflows(db: Db, vendorId: number): Promise<Map<number, PublishedWorkflow>> {
  return cachedForVendor(WORKFLOW_CACHE, vendorId, async () => {
    const rows = await db
      .select({
        templateId: workflows.templateId,
        name: workflows.name,
        versionId: workflows.currentVersionId,
      })
      .from(workflows)
      .where(
        and(
          eq(workflows.vendorId, vendorId),
          eq(workflows.enabled, true),
          isNotNull(workflows.currentVersionId),
        ),
      );
    return new Map(rows.map((r) => [r.templateId, { name: r.name, versionId: r.versionId! }]));
  });
}

export const forgetPublishedWorkflows = (vendorId: number) => invalidateVendorCache(WORKFLOW_CACHE, vendorId);
