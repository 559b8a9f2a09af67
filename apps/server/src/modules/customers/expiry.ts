import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { DomainEvents } from '../../platform/events.js';
import type { Jobs } from '../../platform/jobs/queue.js';
import { addDays, localTime } from '../calendar/clock.js';
import { insertNotifications, publishNotifications } from '../notifications/service.js';
import { vendors } from '../vendors/schema.js';
import { companies, serviceReminders } from './schema.js';
import { getCustomerSettings } from './settings.js';

export const EXPIRY_JOB = 'customers.expiry';

/**
 * Sends each company's owner one reminder when its service enters the "expiring" window and
 * one when it has expired, at most once per service end date (a renewal starts a new pair).
 * Catches up on days the job did not run: anything that crossed a threshold in the past week.
 */
export async function sendExpiryReminders(db: Db, events: DomainEvents, vendorId: number, at = new Date()) {
  const [vendor] = await db.select().from(vendors).where(eq(vendors.id, vendorId));
  if (vendor?.status !== 'active') return 0;
  const settings = await getCustomerSettings(db, vendorId);
  const today = localTime(at, vendor.timeZone).date;
  const due = await db
    .select({
      id: companies.id,
      name: companies.name,
      serviceEnd: companies.serviceEnd,
      ownerAgentId: companies.ownerAgentId,
    })
    .from(companies)
    .where(
      and(
        eq(companies.vendorId, vendorId),
        gte(companies.serviceEnd, addDays(today, -7)),
        lte(companies.serviceEnd, addDays(today, settings.expiryReminderDays)),
        sql`${companies.ownerAgentId} is not null`,
      ),
    );
  let sent = 0;
  for (const c of due) {
    const kind = c.serviceEnd! < today ? 'expired' : 'expiring';
    // The claim and the notification commit together: a crash sends it later, never twice.
    const rows = await db.transaction(async (tx) => {
      const claimed = await tx
        .insert(serviceReminders)
        .values({ vendorId, companyId: c.id, serviceEnd: c.serviceEnd!, kind })
        .onConflictDoNothing()
        .returning({ companyId: serviceReminders.companyId });
      if (claimed.length === 0) return [];
      return insertNotifications(tx, vendorId, [c.ownerAgentId!], {
        kind: 'customer.expiry',
        title:
          kind === 'expired'
            ? `客户「${c.name}」的服务已于 ${c.serviceEnd} 到期`
            : `客户「${c.name}」的服务将于 ${c.serviceEnd} 到期`,
        body:
          kind === 'expired'
            ? '请联系客户续费。'
            : `距到期不足 ${settings.expiryReminderDays} 天，请提前联系客户续费。`,
        link: `/customers/companies/${c.id}`,
      });
    });
    await publishNotifications(db, events, rows);
    sent += rows.length;
  }
  return sent;
}

/** Daily at 08:30 (vendor-independent schedule in China time), on whichever node takes the job. */
export async function scheduleExpiryReminders(db: Db, events: DomainEvents, jobs: Jobs) {
  await jobs.work(
    EXPIRY_JOB,
    async () => {
      const all = await db.select({ id: vendors.id }).from(vendors).where(eq(vendors.status, 'active'));
      for (const v of all) await sendExpiryReminders(db, events, v.id);
    },
    { pollingIntervalSeconds: 30 },
  );
  await jobs.schedule(EXPIRY_JOB, '30 8 * * *');
}
