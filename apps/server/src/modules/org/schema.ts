import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, rowId, tenantKey, updatedAt } from '../../platform/db/columns.js';

export const roles = pgTable(
  'roles',
  {
    vendorId: tenantKey(),
    id: rowId(),
    name: text('name').notNull(),
    description: text('description'),
    permissions: text('permissions').array().notNull().default(sql`'{}'`),
    dataScope: text('data_scope', { enum: ['own', 'groups', 'all'] })
      .notNull()
      .default('own'),
    /** Set on the two default roles; they cannot be deleted and 管理员 always holds every permission. */
    system: text('system', { enum: ['admin', 'agent'] }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    uniqueIndex('roles_vendor_name').on(t.vendorId, t.name),
  ],
);

export const agents = pgTable(
  'agents',
  {
    vendorId: tenantKey(),
    id: rowId(),
    account: text('account').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    employeeNo: text('employee_no'),
    mobile: text('mobile'),
    email: text('email'),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    maxChats: integer('max_chats').notNull().default(5),
    grants: text('grants').array().notNull().default(sql`'{}'`),
    roleId: bigint('role_id', { mode: 'number' }),
    enabled: boolean('enabled').notNull().default(true),
    /** 可接单 / 不可接单: whether routing may pick this agent. */
    available: boolean('available').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    uniqueIndex('agents_vendor_account').on(t.vendorId, sql`lower(${t.account})`),
    foreignKey({ columns: [t.vendorId, t.roleId], foreignColumns: [roles.vendorId, roles.id] }),
  ],
);

export const groups = pgTable(
  'groups',
  {
    vendorId: tenantKey(),
    id: rowId(),
    name: text('name').notNull(),
    parentId: bigint('parent_id', { mode: 'number' }),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.id] }),
    foreignKey({ columns: [t.vendorId, t.parentId], foreignColumns: [t.vendorId, t.id] }),
    index('groups_vendor_parent').on(t.vendorId, t.parentId),
  ],
);

export const groupMembers = pgTable(
  'group_members',
  {
    vendorId: tenantKey(),
    groupId: bigint('group_id', { mode: 'number' }).notNull(),
    agentId: bigint('agent_id', { mode: 'number' }).notNull(),
    supervisor: boolean('supervisor').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.vendorId, t.groupId, t.agentId] }),
    foreignKey({ columns: [t.vendorId, t.groupId], foreignColumns: [groups.vendorId, groups.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.vendorId, t.agentId], foreignColumns: [agents.vendorId, agents.id] }).onDelete(
      'cascade',
    ),
    index('group_members_agent').on(t.vendorId, t.agentId),
  ],
);
