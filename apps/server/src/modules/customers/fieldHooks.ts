import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { onFieldKeyRenamed } from '../fields/service.js';
import { companies, contacts } from './schema.js';

/** Moves stored custom values to a renamed field key (called once at start). */
export function registerCustomerFieldHooks() {
  const rename =
    (table: typeof companies | typeof contacts) =>
    async (tx: Db, vendorId: number, from: string, to: string) => {
      await tx
        .update(table)
        .set({
          custom: sql`(${table.custom} - ${from}::text) || jsonb_build_object(${to}::text, ${table.custom} -> ${from}::text)`,
        })
        .where(and(eq(table.vendorId, vendorId), sql`${table.custom} ? ${from}::text`));
    };
  onFieldKeyRenamed('company', rename(companies));
  onFieldKeyRenamed('contact', rename(contacts));
}
