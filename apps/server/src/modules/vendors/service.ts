import { DEFAULT_AGENT_PERMISSIONS, FEATURES, type Feature, PERMISSIONS } from '@yidan/contracts';
import { asc, count, eq, sql } from 'drizzle-orm';
import { hashPassword } from '../../platform/auth/passwords.js';
import { randomSecret } from '../../platform/auth/secrets.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { businessHours } from '../calendar/schema.js';
import { agents, roles } from '../org/schema.js';
import { vendors } from './schema.js';

export type VendorRow = typeof vendors.$inferSelect;

/** Default weekly hours: Monday to Friday 09:00–12:00 and 13:30–18:00. */
const DEFAULT_WEEKLY = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  ranges: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '18:00' },
  ],
}));

function newLoginKey() {
  return randomSecret(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 8)
    .padEnd(8, '0');
}

/**
 * Creates a tenant with its admin account `admin`, the default roles 管理员 and 普通客服,
 * business hours and settings, in one transaction.
 */
export async function createVendor(
  db: Db,
  input: { name: string; adminPassword: string; loginKey?: string },
): Promise<{ vendor: VendorRow; adminId: number }> {
  const passwordHash = await hashPassword(input.adminPassword);
  return db.transaction(async (tx) => {
    const loginKey = input.loginKey ?? newLoginKey();
    const [vendor] = await tx
      .insert(vendors)
      .values({ name: input.name, loginKey })
      .onConflictDoNothing()
      .returning();
    if (!vendor) throw new AppError('login_key_taken');
    const [adminRole] = await tx
      .insert(roles)
      .values({
        vendorId: vendor.id,
        name: '管理员',
        system: 'admin',
        permissions: [...PERMISSIONS],
        dataScope: 'all',
      })
      .returning({ id: roles.id });
    await tx.insert(roles).values({
      vendorId: vendor.id,
      name: '普通客服',
      system: 'agent',
      permissions: DEFAULT_AGENT_PERMISSIONS,
      dataScope: 'own',
    });
    const [admin] = await tx
      .insert(agents)
      .values({
        vendorId: vendor.id,
        account: 'admin',
        name: '管理员',
        passwordHash,
        roleId: adminRole!.id,
        grants: ['chat', 'ticket', 'call'],
      })
      .returning({ id: agents.id });
    await tx.insert(businessHours).values({ vendorId: vendor.id, weekly: DEFAULT_WEEKLY });
    return { vendor, adminId: admin!.id };
  });
}

export async function countVendors(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(vendors);
  return row?.n ?? 0;
}

export async function findVendorByLoginKey(db: Db, loginKey: string) {
  const [row] = await db.select().from(vendors).where(eq(vendors.loginKey, loginKey.toLowerCase()));
  return row ?? null;
}

/** The vendor to log into when no login key was given: only defined while there is exactly one. */
export async function soleVendor(db: Db) {
  const rows = await db.select().from(vendors).orderBy(asc(vendors.id)).limit(2);
  return rows.length === 1 ? rows[0]! : null;
}

export async function getVendor(db: Db, vendorId: number) {
  const [row] = await db.select().from(vendors).where(eq(vendors.id, vendorId));
  if (!row) throw new AppError('not_found');
  return row;
}

export async function listVendors(db: Db) {
  return db.select().from(vendors).orderBy(asc(vendors.id));
}

export async function setVendorStatus(db: Db, vendorId: number, status: 'active' | 'disabled') {
  const [row] = await db.update(vendors).set({ status }).where(eq(vendors.id, vendorId)).returning();
  if (!row) throw new AppError('not_found');
  return row;
}

export type VendorProfilePatch = Partial<
  Pick<
    VendorRow,
    'name' | 'displayName' | 'customerMode' | 'timeZone' | 'contactName' | 'contactPhone' | 'contactEmail'
  >
>;

export async function updateVendorProfile(db: Db, vendorId: number, patch: VendorProfilePatch) {
  if (Object.keys(patch).length === 0) return getVendor(db, vendorId);
  const [row] = await db.update(vendors).set(patch).where(eq(vendors.id, vendorId)).returning();
  if (!row) throw new AppError('not_found');
  return row;
}

export async function setVendorLogo(db: Db, vendorId: number, file: string | null) {
  await db.update(vendors).set({ logoFile: file }).where(eq(vendors.id, vendorId));
}

export function featureSwitches(vendor: VendorRow): Record<Feature, boolean> {
  return Object.fromEntries(FEATURES.map((f) => [f, vendor.features[f] !== false])) as Record<
    Feature,
    boolean
  >;
}

export async function updateFeatureSwitches(
  db: Db,
  vendorId: number,
  patch: Partial<Record<Feature, boolean>>,
) {
  const [row] = await db
    .update(vendors)
    .set({ features: sql`${vendors.features} || ${JSON.stringify(patch)}::jsonb` })
    .where(eq(vendors.id, vendorId))
    .returning();
  if (!row) throw new AppError('not_found');
  return featureSwitches(row);
}
