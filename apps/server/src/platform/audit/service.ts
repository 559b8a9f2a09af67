import type { Db } from '../db/client.js';
import { auditLog } from './schema.js';

/** Records an audit entry inside the caller's transaction, so it exists exactly when the change does. */
export async function recordAudit(
  tx: Db,
  entry: {
    vendorId: number;
    agentId: number | null;
    action: string;
    entity: string;
    entityId?: number | null;
    data?: Record<string, unknown>;
  },
) {
  await tx.insert(auditLog).values({ ...entry, entityId: entry.entityId ?? null, data: entry.data ?? {} });
}
