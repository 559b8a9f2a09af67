import { z } from 'zod';
import { conditionFieldSchema, conditionSetSchema } from './conditions.js';

const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date');
const text = (max: number) => z.string().trim().max(max);
const tags = z.array(z.string().trim().min(1).max(32)).max(50);
const custom = z.record(z.string(), z.unknown());

export const SERVICE_STATUSES = ['active', 'expiring', 'expired', 'none'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const identitySchema = z.object({
  kind: z.enum(['mobile', 'landline', 'email', 'wechat_openid', 'wecom_userid', 'qq', 'machine_id']),
  value: z.string(),
});

export const contactSchema = z.object({
  id,
  companyId: id.nullable(),
  name: z.string(),
  mobile: z.string().nullable(),
  landline: z.string().nullable(),
  email: z.string().nullable(),
  qq: z.string().nullable(),
  position: z.string().nullable(),
  gender: z.enum(['male', 'female']).nullable(),
  birthday: z.string().nullable(),
  idNumber: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  custom,
  externalId: z.string().nullable(),
  isPrimary: z.boolean(),
  identities: z.array(identitySchema),
  /** The contact's company at a glance (lists and details; null without a company). */
  company: z
    .object({
      id,
      name: z.string(),
      serviceStatus: z.enum(SERVICE_STATUSES),
      serviceEnd: z.string().nullable(),
    })
    .nullable()
    .optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;

const contactFields = {
  name: text(64).min(1),
  companyId: id.nullable(),
  mobile: text(40).nullable(),
  landline: text(40).nullable(),
  email: text(254).nullable(),
  qq: z
    .string()
    .trim()
    .regex(/^[1-9]\d{4,11}$/, 'invalid_qq')
    .nullable(),
  position: text(64).nullable(),
  gender: z.enum(['male', 'female']).nullable(),
  birthday: isoDate.nullable(),
  idNumber: z
    .string()
    .trim()
    .regex(/^\d{17}[\dXx]$|^\d{15}$/, 'invalid_id_number')
    .nullable(),
  tags,
  notes: text(2000).nullable(),
  custom,
  externalId: text(100).min(1).nullable(),
  isPrimary: z.boolean(),
  wechatOpenid: text(64).min(1).nullable(),
  wecomUserid: text(64).min(1).nullable(),
  /** 9-digit machine ID of the remote-assistance client. */
  machineId: z
    .string()
    .trim()
    .regex(/^\d{9}$/, 'invalid_machine_id')
    .nullable(),
};
export const contactCreateBody = z.object(contactFields).partial().required({ name: true });
export const contactUpdateBody = z.object(contactFields).partial().strict();
export type ContactInput = z.infer<typeof contactCreateBody>;

export const companySchema = z.object({
  id,
  groupId: id.nullable(),
  name: z.string(),
  address: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  website: z.string().nullable(),
  phone: z.string().nullable(),
  package: z.string().nullable(),
  serviceStart: z.string().nullable(),
  serviceEnd: z.string().nullable(),
  serviceStatus: z.enum(SERVICE_STATUSES),
  /** Days from the vendor's today to the service end (negative once expired). */
  daysLeft: z.number().int().nullable(),
  serviceCode: z.string().nullable(),
  serviceAccount: z.string().nullable(),
  hasServicePassword: z.boolean(),
  ownerAgentId: id.nullable(),
  ownerGroupId: id.nullable(),
  tags: z.array(z.string()),
  source: z.string().nullable(),
  notes: z.string().nullable(),
  custom,
  externalId: z.string().nullable(),
  primaryContact: z.object({ id, name: z.string(), mobile: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Company = z.infer<typeof companySchema>;

const companyFields = {
  name: text(100).min(1),
  groupId: id.nullable(),
  address: text(300).nullable(),
  province: text(20).nullable(),
  city: text(20).nullable(),
  website: text(300).nullable(),
  phone: text(40).nullable(),
  package: text(50).nullable(),
  serviceStart: isoDate.nullable(),
  serviceEnd: isoDate.nullable(),
  serviceCode: z
    .string()
    .trim()
    .regex(/^\d{4,12}$/, 'invalid_service_code')
    .nullable(),
  serviceAccount: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.@-]{3,64}$/, 'invalid_account')
    .nullable(),
  servicePassword: z.string().min(6).max(128).nullable(),
  ownerAgentId: id.nullable(),
  ownerGroupId: id.nullable(),
  tags,
  source: text(50).nullable(),
  notes: text(2000).nullable(),
  custom,
  externalId: text(100).min(1).nullable(),
};
export const companyCreateBody = z
  .object(companyFields)
  .partial()
  .required({ name: true })
  .extend({
    contacts: z
      .array(contactCreateBody.omit({ companyId: true }))
      .max(50)
      .optional(),
  });
export const companyUpdateBody = z.object(companyFields).partial().strict();
export type CompanyInput = z.infer<typeof companyCreateBody>;

const listBase = {
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
};
export const companyListQuery = z.object({
  ...listBase,
  groupId: z.coerce.number().int().positive().optional(),
  status: z.enum(SERVICE_STATUSES).optional(),
  ownerAgentId: z.coerce.number().int().positive().optional(),
  tag: z.string().trim().max(32).optional(),
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt', 'serviceEnd', '-serviceEnd']).optional(),
});
export const contactListQuery = z.object({
  ...listBase,
  companyId: z.coerce.number().int().positive().optional(),
  tag: z.string().trim().max(32).optional(),
});
export const companyPage = z.object({
  items: z.array(companySchema),
  nextCursor: z.string().nullable(),
  counts: z.object({ expiring: z.number().int(), expired: z.number().int() }),
});
export const contactPage = z.object({ items: z.array(contactSchema), nextCursor: z.string().nullable() });

/** The one lookup every channel makes: who is this, and is their service valid? */
export const identifyQuery = z
  .object({
    mobile: z.string().trim().max(40).optional(),
    phone: z.string().trim().max(40).optional(),
    email: z.string().trim().max(254).optional(),
    openid: z.string().trim().max(64).optional(),
    wecomUserid: z.string().trim().max(64).optional(),
    qq: z.string().trim().max(12).optional(),
    machineId: z.string().trim().max(9).optional(),
    serviceCode: z.string().trim().max(12).optional(),
  })
  .refine((q) => Object.values(q).some((v) => v), { message: 'identify_needs_one', path: ['mobile'] });
export const identifyResult = z.object({
  matchedBy: z.string().nullable(),
  contact: contactSchema.nullable(),
  company: companySchema.nullable(),
  serviceStatus: z.enum(SERVICE_STATUSES),
  package: z.string().nullable(),
  serviceEnd: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
});

export const customerSettingsSchema = z.object({
  privacyMode: z.boolean(),
  privacyAdminsSeeFull: z.boolean(),
  lockCompanyCreate: z.boolean(),
  lockCompanyEdit: z.boolean(),
  lockCompanyDelete: z.boolean(),
  lockContactCreate: z.boolean(),
  lockContactEdit: z.boolean(),
  lockContactDelete: z.boolean(),
  expiryReminderDays: z.number().int().min(1).max(365),
});
export const customerSettingsUpdateBody = customerSettingsSchema.partial().strict();

export const servicePackageSchema = z.object({ id, name: z.string(), sortOrder: z.number().int() });
export const servicePackagesBody = z.object({ names: z.array(text(50).min(1)).min(1).max(50) });

export const customerGroupSchema = z.object({
  id,
  name: z.string(),
  parentId: id.nullable(),
  sortOrder: z.number().int(),
  companyCount: z.number().int(),
});
export const customerGroupCreateBody = z.object({
  name: text(64).min(1),
  parentId: id.nullable().optional(),
});
export const customerGroupUpdateBody = customerGroupCreateBody.partial().strict();

const bulkIds = z.array(id).min(1).max(1000);
export const bulkDeleteBody = z.object({ ids: bulkIds });
export const companyBulkUpdateBody = z.object({
  ids: bulkIds,
  set: companyUpdateBody.omit({ externalId: true, serviceCode: true, serviceAccount: true }),
});
export const contactBulkUpdateBody = z.object({
  ids: bulkIds,
  set: contactUpdateBody.omit({
    externalId: true,
    mobile: true,
    landline: true,
    email: true,
    qq: true,
    wechatOpenid: true,
    wecomUserid: true,
    machineId: true,
  }),
});
export const bulkResultSchema = z.object({
  items: z.array(
    z.object({
      id,
      ok: z.boolean(),
      error: z
        .object({
          code: z.string(),
          /** In the caller's language. */
          message: z.string().optional(),
          errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
        })
        .optional(),
    }),
  ),
});
/** 合并公司: irreversible, so the caller must confirm explicitly. */
export const companyMergeBody = z.object({ targetId: id, confirm: z.literal(true) });

/** 高级查询: the list filters plus a condition set over system, custom and default-contact fields. */
export const companySearchBody = z.object({
  conditions: conditionSetSchema.optional(),
  q: z.string().trim().max(100).optional(),
  groupId: z.number().int().positive().optional(),
  status: z.enum(SERVICE_STATUSES).optional(),
  ownerAgentId: z.number().int().positive().optional(),
  tag: z.string().trim().max(32).optional(),
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt', 'serviceEnd', '-serviceEnd']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).optional(),
});
export const queryFieldsSchema = z.object({ items: z.array(conditionFieldSchema) });

export const SAVED_QUERY_ENTITIES = ['companies', 'contacts'] as const;
export const queryVisibilitySchema = z.object({
  scope: z.enum(['me', 'all', 'groups', 'agents']),
  groupIds: z.array(id).max(200).default([]),
  agentIds: z.array(id).max(1000).default([]),
});
/** 查询器: a named condition set with who can see it and a default sort. */
export const savedQuerySchema = z.object({
  id,
  entity: z.enum(SAVED_QUERY_ENTITIES),
  name: z.string(),
  conditions: conditionSetSchema,
  visibility: queryVisibilitySchema,
  sort: z.string().nullable(),
  ownerAgentId: id,
  createdAt: z.string(),
});
export const savedQueryCreateBody = z.object({
  entity: z.enum(SAVED_QUERY_ENTITIES),
  name: text(50).min(1),
  conditions: conditionSetSchema,
  visibility: queryVisibilitySchema.default({ scope: 'me', groupIds: [], agentIds: [] }),
  sort: z
    .enum(['name', '-name', 'createdAt', '-createdAt', 'serviceEnd', '-serviceEnd'])
    .nullable()
    .optional(),
});
export const savedQueryUpdateBody = savedQueryCreateBody.omit({ entity: true }).partial().strict();
export const savedQueryListQuery = z.object({ entity: z.enum(SAVED_QUERY_ENTITIES) });
export const savedQueryRunQuery = z.object({
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const CUSTOMER_TEMPLATE_MODULES = ['chat', 'call', 'ticket', 'publish'] as const;
/** 客户模板: the customer fields a workspace shows, or a published form asks (manual 2.11.5). */
export const customerTemplateSchema = z.object({
  id,
  name: z.string(),
  module: z.enum(CUSTOMER_TEMPLATE_MODULES),
  fieldKeys: z.array(z.string()),
  /** The public form's path while published ("模板发布"). */
  publicPath: z.string().nullable(),
  createdAt: z.string(),
});
export const customerTemplateCreateBody = z.object({
  name: text(50).min(1),
  module: z.enum(CUSTOMER_TEMPLATE_MODULES),
  fieldKeys: z
    .array(z.string().regex(/^(company|contact)\.[A-Za-z][A-Za-z0-9_]*$/, 'unknown_field'))
    .min(1)
    .max(100),
});
export const customerTemplateUpdateBody = customerTemplateCreateBody
  .partial()
  .extend({ published: z.boolean().optional() })
  .strict();
