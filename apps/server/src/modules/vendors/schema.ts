import { bigint, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** A tenant (服务商). Not itself tenant-owned: `id` is the vendor_id every other table leads with. */
export const vendors = pgTable(
  'vendors',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    displayName: text('display_name'),
    loginKey: text('login_key').notNull(),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    logoFile: text('logo_file'),
    customerMode: text('customer_mode', { enum: ['2b', '2c'] })
      .notNull()
      .default('2b'),
    timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    /** Feature switches (功能开关): feature key → on/off; missing keys are on. */
    features: jsonb('features').$type<Record<string, boolean>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('vendors_login_key').on(t.loginKey)],
);
