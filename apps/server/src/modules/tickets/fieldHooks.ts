import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { onFieldKeyRenamed } from '../fields/service.js';
import { tickets, ticketTemplates } from './schema.js';

/** A renamed ticket field key moves in stored ticket values and in every template listing it. */
async function renameTicketFieldKey(tx: Db, vendorId: number, from: string, to: string) {
  await tx
    .update(tickets)
    .set({
      custom: sql`(${tickets.custom} - ${from}::text) || jsonb_build_object(${to}::text, ${tickets.custom} -> ${from}::text)`,
    })
    .where(and(eq(tickets.vendorId, vendorId), sql`${tickets.custom} ? ${from}::text`));
  const templates = await tx
    .select({ id: ticketTemplates.id, fields: ticketTemplates.fields })
    .from(ticketTemplates)
    .where(eq(ticketTemplates.vendorId, vendorId));
  for (const t of templates) {
    if (!t.fields.some((f) => f.key === from)) continue;
    await tx
      .update(ticketTemplates)
      .set({ fields: t.fields.map((f) => (f.key === from ? { ...f, key: to } : f)) })
      .where(and(eq(ticketTemplates.vendorId, vendorId), eq(ticketTemplates.id, t.id)));
  }
}

// Hooks live in module state; several servers in one process (tests) must register them once.
let registered = false;
export function registerTicketFieldHooks() {
  if (registered) return;
  registered = true;
  onFieldKeyRenamed('ticket', renameTicketFieldKey);
}
