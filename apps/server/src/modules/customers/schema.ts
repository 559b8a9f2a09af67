import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, rowId, tenantKey, updatedAt } from '../../platform/db/columns.js';
import { agents, groups } from '../org/schema.js';

const timestamps = {
  createdAt: createdAt(),
  updatedAt: updatedAt(),
};

/** 客户组: a tree of customer groups. */
export const customerGroups = pgTable(
  'customer_groups',
  {
    vendorId: tenantKey(),
    id: rowId(),
    name: text('name').notNull(),
    parentId: bigint('parent_id', { mode: 'number' }),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    foreignKey({ columns: [t.vendorId, t.parentId], foreignColumns: [t.vendorId, t.id] }),
  ],
);

/** The vendor's editable list of service packages (在线服务包, 标准服务包, VIP服务包, 增值服务包 …). */
export const servicePackages = pgTable(
  'service_packages',
  {
    vendorId: tenantKey(),
    id: rowId(),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    uniqueIndex('service_packages_name').on(t.vendorId, t.name),
  ],
);

export const companies = pgTable(
  'companies',
  {
    vendorId: tenantKey(),
    id: rowId(),
    groupId: bigint('group_id', { mode: 'number' }),
    name: text('name').notNull(),
    address: text('address'),
    province: text('province'),
    city: text('city'),
    website: text('website'),
    phone: text('phone'),
    package: text('package'),
    serviceStart: date('service_start', { mode: 'string' }),
    serviceEnd: date('service_end', { mode: 'string' }),
    /** 服务验证码: numeric, unique per vendor; customers identify themselves with it. */
    serviceCode: text('service_code'),
    serviceAccount: text('service_account'),
    servicePasswordHash: text('service_password_hash'),
    ownerAgentId: bigint('owner_agent_id', { mode: 'number' }),
    ownerGroupId: bigint('owner_group_id', { mode: 'number' }),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    source: text('source'),
    notes: text('notes'),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    /** Id in the dealer's own CRM, for idempotent sync (white paper 4.3.1). */
    externalId: text('external_id'),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    foreignKey({
      columns: [t.vendorId, t.groupId],
      foreignColumns: [customerGroups.vendorId, customerGroups.id],
    }).onDelete('set null'),
    foreignKey({ columns: [t.vendorId, t.ownerAgentId], foreignColumns: [agents.vendorId, agents.id] }),
    foreignKey({ columns: [t.vendorId, t.ownerGroupId], foreignColumns: [groups.vendorId, groups.id] }),
    uniqueIndex('companies_service_code').on(t.vendorId, t.serviceCode),
    uniqueIndex('companies_service_account').on(t.vendorId, t.serviceAccount),
    uniqueIndex('companies_external_id').on(t.vendorId, t.externalId),
    index('companies_name').on(t.vendorId, t.name),
    index('companies_service_end').on(t.vendorId, t.serviceEnd),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    vendorId: tenantKey(),
    id: rowId(),
    companyId: bigint('company_id', { mode: 'number' }),
    name: text('name').notNull(),
    mobile: text('mobile'),
    landline: text('landline'),
    email: text('email'),
    qq: text('qq'),
    position: text('position'),
    gender: text('gender', { enum: ['male', 'female'] }),
    birthday: date('birthday', { mode: 'string' }),
    idNumber: text('id_number'),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    notes: text('notes'),
    custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
    externalId: text('external_id'),
    /** The company's default contact (shown in company lists). */
    isPrimary: boolean('is_primary').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    foreignKey({
      columns: [t.vendorId, t.companyId],
      foreignColumns: [companies.vendorId, companies.id],
    }).onDelete('cascade'),
    uniqueIndex('contacts_external_id').on(t.vendorId, t.externalId),
    index('contacts_company').on(t.vendorId, t.companyId),
    index('contacts_name').on(t.vendorId, t.name),
  ],
);

export const IDENTITY_KINDS = [
  'mobile',
  'landline',
  'email',
  'wechat_openid',
  'wecom_userid',
  'qq',
  'machine_id',
] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

/** Ways to recognise a contact; a value belongs to one contact per vendor. */
export const identities = pgTable(
  'identities',
  {
    vendorId: tenantKey(),
    kind: text('kind', { enum: IDENTITY_KINDS }).notNull(),
    value: text('value').notNull(),
    contactId: bigint('contact_id', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.kind, t.value] }),
    foreignKey({
      columns: [t.vendorId, t.contactId],
      foreignColumns: [contacts.vendorId, contacts.id],
    }).onDelete('cascade'),
    index('identities_contact').on(t.vendorId, t.contactId),
  ],
);

export interface CustomerSettings {
  /** 保密模式: phone numbers masked in every response, export and log. */
  privacyMode: boolean;
  /** With privacy mode on, administrators still see full numbers. */
  privacyAdminsSeeFull: boolean;
  /** 高级模式 locks (tags stay editable). */
  lockCompanyCreate: boolean;
  lockCompanyEdit: boolean;
  lockCompanyDelete: boolean;
  lockContactCreate: boolean;
  lockContactEdit: boolean;
  lockContactDelete: boolean;
  /** Days before the service end that count as "expiring" and trigger the reminder. */
  expiryReminderDays: number;
}

export const customerSettings = pgTable('customer_settings', {
  vendorId: tenantKey().primaryKey(),
  settings: jsonb('settings').$type<Partial<CustomerSettings>>().notNull().default({}),
});

/** Expiry reminders already sent: at most one per company, service end date and kind. */
export const serviceReminders = pgTable(
  'service_reminders',
  {
    vendorId: tenantKey(),
    companyId: bigint('company_id', { mode: 'number' }).notNull(),
    serviceEnd: date('service_end', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: ['expiring', 'expired'] }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.companyId, t.serviceEnd, t.kind] }),
    foreignKey({
      columns: [t.vendorId, t.companyId],
      foreignColumns: [companies.vendorId, companies.id],
    }).onDelete('cascade'),
  ],
);

/** 客户模板: which customer fields a workspace shows (IM, call screen pop, ticket) or a published form asks. */
export const customerTemplates = pgTable(
  'customer_templates',
  {
    vendorId: tenantKey(),
    id: rowId(),
    name: text('name').notNull(),
    module: text('module', { enum: ['chat', 'call', 'ticket', 'publish'] }).notNull(),
    /** Field keys in display order: 'company.<key>' / 'contact.<key>' (system or custom). */
    fieldKeys: text('field_keys').array().notNull().default(sql`'{}'`),
    /** For "模板发布": the public link is /visitor/forms/<vendorId>/<token>, set while published. */
    publicToken: text('public_token'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    uniqueIndex('customer_templates_token').on(t.vendorId, t.publicToken),
  ],
);
