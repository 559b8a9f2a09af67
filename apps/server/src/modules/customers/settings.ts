import { eq, sql } from 'drizzle-orm';
import { cachedForVendor, invalidateVendorCache } from '../../platform/cache/vendorCache.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { type CustomerSettings, customerSettings, servicePackages } from './schema.js';

export const DEFAULT_CUSTOMER_SETTINGS: CustomerSettings = {
  privacyMode: false,
  privacyAdminsSeeFull: true,
  lockCompanyCreate: false,
  lockCompanyEdit: false,
  lockCompanyDelete: false,
  lockContactCreate: false,
  lockContactEdit: false,
  lockContactDelete: false,
  expiryReminderDays: 30,
};

export const DEFAULT_PACKAGES = ['在线服务包', '标准服务包', 'VIP服务包', '增值服务包'];

export async function getCustomerSettings(db: Db, vendorId: number): Promise<CustomerSettings> {
  const [row] = await db.select().from(customerSettings).where(eq(customerSettings.vendorId, vendorId));
  return { ...DEFAULT_CUSTOMER_SETTINGS, ...(row?.settings ?? {}) };
}

/** getCustomerSettings through the per-vendor cache, for the hot path (root handle only). */
export function getCustomerSettingsCached(db: Db, vendorId: number): Promise<CustomerSettings> {
  return cachedForVendor('customerSettings', vendorId, () => getCustomerSettings(db, vendorId));
}

export async function updateCustomerSettings(db: Db, vendorId: number, patch: Partial<CustomerSettings>) {
  await db
    .insert(customerSettings)
    .values({ vendorId, settings: patch })
    .onConflictDoUpdate({
      target: customerSettings.vendorId,
      set: { settings: sql`${customerSettings.settings} || ${JSON.stringify(patch)}::jsonb` },
    });
  invalidateVendorCache('customerSettings', vendorId);
  return getCustomerSettings(db, vendorId);
}

/** The vendor's package list; the four defaults until the vendor edits it. */
export async function listPackages(db: Db, vendorId: number) {
  const rows = await db
    .select()
    .from(servicePackages)
    .where(eq(servicePackages.vendorId, vendorId))
    .orderBy(servicePackages.sortOrder);
  if (rows.length > 0) return rows;
  await db
    .insert(servicePackages)
    .values(DEFAULT_PACKAGES.map((name, sortOrder) => ({ vendorId, name, sortOrder })))
    .onConflictDoNothing();
  return db
    .select()
    .from(servicePackages)
    .where(eq(servicePackages.vendorId, vendorId))
    .orderBy(servicePackages.sortOrder);
}

/** Replaces the package list (names in order). Companies keep the name they have. */
export async function setPackages(db: Db, vendorId: number, names: string[]) {
  const unique = [...new Set(names)];
  await db.transaction(async (tx) => {
    await tx.delete(servicePackages).where(eq(servicePackages.vendorId, vendorId));
    await tx.insert(servicePackages).values(unique.map((name, sortOrder) => ({ vendorId, name, sortOrder })));
  });
  return listPackages(db, vendorId);
}

export async function assertPackage(db: Db, vendorId: number, name: string | null | undefined) {
  if (!name) return;
  const names = (await listPackages(db, vendorId)).map((p) => p.name);
  if (!names.includes(name)) {
    throw new AppError('validation_failed', {}, [{ path: 'body.package', message: 'not_an_option' }]);
  }
}
