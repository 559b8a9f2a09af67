import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { onCompanyMerge } from '../customers/merge.js';
import { serviceRecords, tickets } from './schema.js';

/**
 * When two companies merge, the source's tickets and service records move to the target inside
 * the merge's transaction (before the source is deleted, which would otherwise unlink them). Each
 * moved ticket's timeline says so, as a system change.
 */
export async function moveTicketsToCompany(tx: Db, vendorId: number, sourceId: number, targetId: number) {
  const change = sql`jsonb_build_array(jsonb_build_object('field', 'companyId', 'from', ${sourceId}::bigint, 'to', ${targetId}::bigint))`;
  await tx.execute(sql`
    insert into ticket_events (vendor_id, ticket_id, kind, actor_type, via, changes)
    select vendor_id, id, 'updated', 'system', '公司合并', ${change}
    from tickets where vendor_id = ${vendorId} and company_id = ${sourceId}`);
  await tx
    .update(tickets)
    .set({ companyId: targetId, updatedAt: new Date(), version: sql`${tickets.version} + 1` })
    .where(and(eq(tickets.vendorId, vendorId), eq(tickets.companyId, sourceId)));
  await tx
    .update(serviceRecords)
    .set({ companyId: targetId })
    .where(and(eq(serviceRecords.vendorId, vendorId), eq(serviceRecords.companyId, sourceId)));
}

// Hooks live in module state; several servers in one process (tests) must register them once.
let registered = false;
export function registerTicketCustomerHooks() {
  if (registered) return;
  registered = true;
  onCompanyMerge(moveTicketsToCompany);
}
