import { z } from 'zod';

/**
 * Custom field types shared by companies, contacts, tickets, summaries, on-site tasks and forms
 * (manual 2.11.2, 5.1.1). The types in TICKET_ONLY_FIELD_TYPES exist for tickets only.
 */
export const FIELD_TYPES = [
  'text', // 单行文本
  'textarea', // 多行文本
  'integer', // 数字
  'decimal', // 小数
  'select', // 下拉列表
  'multiselect', // 多选
  'checkbox', // 复选框
  'date', // 日期
  'datetime', // 日期时间
  'cascade', // 级联
  'regex', // 正则表达式
  'phone', // 文本（电话类型）
  'email', // 邮箱
  'url', // 网址
  'attachment', // 附件
  'location', // 位置
  'rating', // 评星: integer 1..config.max (default 5)
  'signature', // 签名: the fileId of an uploaded image
  'sms_code', // 短信验证码: { mobile, verified }
  'product_table', // 商品表: { rows: [{ name, price (fen), quantity, total }], total }
  'asset', // 资产表: { assetId?, name, serial? }
  'calculated', // 计算字段: read-only, config.expression over numeric fields
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Types a company or contact field cannot have (manual 5.1.1 lists them for tickets). */
export const TICKET_ONLY_FIELD_TYPES = [
  'rating',
  'signature',
  'sms_code',
  'product_table',
  'asset',
  'calculated',
] as const satisfies readonly FieldType[];
export const isTicketOnlyFieldType = (t: FieldType) =>
  (TICKET_ONLY_FIELD_TYPES as readonly FieldType[]).includes(t);

/** Field types whose values a calculated field may use (calculated fields cannot nest). */
export const NUMERIC_FIELD_TYPES = ['integer', 'decimal', 'rating'] as const satisfies readonly FieldType[];

/**
 * Type-specific settings (field_definitions.config): rating `{ max: 3..10 }`; calculated
 * `{ expression: "price * qty + fee", precision?: 0..6 }` (keys of numeric fields, numbers,
 * + - * / and parentheses); other types take none.
 */
export const fieldConfigSchema = z.record(z.string().max(40), z.unknown());

export const FIELD_ENTITIES = ['company', 'contact', 'ticket'] as const;
export type FieldEntity = (typeof FIELD_ENTITIES)[number];

/** An option of a select / multiselect, or a node of a cascade tree. */
export interface FieldOption {
  value: string;
  label: string;
  children?: FieldOption[];
}
export const fieldOptionSchema: z.ZodType<FieldOption> = z.lazy(() =>
  z.object({
    value: z.string().trim().min(1).max(100),
    label: z.string().trim().min(1).max(100),
    children: z.array(fieldOptionSchema).max(500).optional(),
  }),
);

/** Who may not edit a field (只读): everyone, the listed groups or agents, or nobody. */
export const readOnlySchema = z.object({
  all: z.boolean().default(false),
  groupIds: z.array(z.number().int().positive()).max(200).default([]),
  agentIds: z.array(z.number().int().positive()).max(1000).default([]),
});
export type ReadOnlyScope = z.infer<typeof readOnlySchema>;

export const fieldKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'invalid_field_key');

export const fieldDefinitionSchema = z.object({
  id: z.number().int(),
  entity: z.enum(FIELD_ENTITIES),
  key: z.string(),
  /** The key may be changed once after creation (字段唯一标识只能修改一次). */
  keyLocked: z.boolean(),
  label: z.string(),
  type: z.enum(FIELD_TYPES),
  system: z.boolean(),
  options: z.array(fieldOptionSchema),
  required: z.boolean(),
  readOnly: readOnlySchema,
  regex: z.string().nullable(),
  sortOrder: z.number().int(),
  enabled: z.boolean(),
  config: z.record(z.string(), z.unknown()),
});
export type FieldDefinition = z.infer<typeof fieldDefinitionSchema>;

export const fieldCreateBody = z.object({
  entity: z.enum(FIELD_ENTITIES),
  key: fieldKeySchema.optional(),
  label: z.string().trim().min(1).max(50),
  type: z.enum(FIELD_TYPES),
  options: z.array(fieldOptionSchema).max(2000).optional(),
  required: z.boolean().optional(),
  readOnly: readOnlySchema.optional(),
  regex: z.string().max(200).optional(),
  config: fieldConfigSchema.optional(),
});
export const fieldUpdateBody = z
  .object({
    key: fieldKeySchema,
    label: z.string().trim().min(1).max(50),
    options: z.array(fieldOptionSchema).max(2000),
    required: z.boolean(),
    readOnly: readOnlySchema,
    regex: z.string().max(200).nullable(),
    enabled: z.boolean(),
    config: fieldConfigSchema,
  })
  .partial()
  .strict();
export const fieldReorderBody = z.object({
  entity: z.enum(FIELD_ENTITIES),
  orderedIds: z.array(z.number().int().positive()).min(1).max(500),
});
export const fieldListQuery = z.object({ entity: z.enum(FIELD_ENTITIES).optional() });

/** A location value: an address with optional coordinates. */
export const locationValueSchema = z.object({
  address: z.string().max(300),
  lng: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
});
/** An attachment value: files already uploaded. */
export const attachmentValueSchema = z.array(
  z.object({ fileId: z.string().max(100), name: z.string().max(255), size: z.number().int().min(0) }),
);

/** 商品表 value as stored: prices and totals in fen (分), totals computed by the server. */
export const productTableValueSchema = z.object({
  rows: z.array(
    z.object({ name: z.string(), price: z.number().int(), quantity: z.number(), total: z.number().int() }),
  ),
  total: z.number().int(),
});
/** 资产表 reference (the asset register itself comes with the assets module). */
export const assetValueSchema = z
  .object({
    assetId: z.string().trim().min(1).max(100).optional(),
    name: z.string().trim().min(1).max(200),
    serial: z.string().trim().max(100).optional(),
  })
  .strict();

/** An uploaded file (POST /api/v1/files): what attachments and signature fields refer to. */
export const uploadedFileSchema = z.object({
  fileId: z.string(),
  name: z.string(),
  size: z.number().int(),
  mime: z.string(),
});
export type UploadedFile = z.infer<typeof uploadedFileSchema>;
export const fileIdParam = z.object({ id: z.uuid() });
