import { z } from 'zod';
import { DATA_SCOPES, FEATURES, MODULE_GRANTS, PERMISSIONS } from './permissions.js';

export const loginBody = z.object({
  account: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  /** Vendor login key; required once more than one vendor exists. */
  vendor: z.string().trim().min(1).max(64).optional(),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(8).max(256),
});

export const meSchema = z.object({
  agent: z.object({
    id: z.number().int(),
    account: z.string(),
    name: z.string(),
    grants: z.array(z.enum(MODULE_GRANTS)),
    roleId: z.number().int().nullable(),
    roleName: z.string().nullable(),
    /** Holds the 管理员 role (all permissions, sees through privacy mode when allowed). */
    isAdmin: z.boolean(),
  }),
  vendor: z.object({
    id: z.number().int(),
    name: z.string(),
    loginKey: z.string(),
    timeZone: z.string(),
    customerMode: z.enum(['2b', '2c']),
    logoUrl: z.string().nullable(),
  }),
  permissions: z.array(z.enum(PERMISSIONS as [string, ...string[]])),
  dataScope: z.enum(DATA_SCOPES),
  features: z.array(z.enum(FEATURES)),
  /** Modules the agent may actually use: granted and switched on. */
  modules: z.array(z.enum(MODULE_GRANTS)),
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof meSchema>;

export const apiTokenCreateBody = z.object({ name: z.string().trim().min(1).max(100) });
export const apiTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export const apiTokenCreatedSchema = apiTokenSchema.extend({ token: z.string() });
