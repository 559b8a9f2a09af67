import { z } from 'zod';
import { DATA_SCOPES, FEATURES, MODULE_GRANTS, PERMISSIONS } from './permissions.js';

export const idParam = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const id = z.number().int().positive();
const mobile = z
  .string()
  .trim()
  .regex(/^(\+?86)?1[3-9]\d{9}$/, 'invalid_mobile');
const email = z.string().trim().toLowerCase().email().max(254);
const tags = z.array(z.string().trim().min(1).max(32)).max(50);
const grants = z.array(z.enum(MODULE_GRANTS)).max(3);
const permission = z.enum(PERMISSIONS as [string, ...string[]]);

export const accountSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9_.@-]+$/, 'invalid_account');

export const agentSchema = z.object({
  id,
  account: z.string(),
  name: z.string(),
  employeeNo: z.string().nullable(),
  mobile: z.string().nullable(),
  email: z.string().nullable(),
  tags: z.array(z.string()),
  maxChats: z.number().int(),
  grants,
  roleId: id.nullable(),
  groupIds: z.array(id),
  enabled: z.boolean(),
  available: z.boolean(),
  createdAt: z.string(),
});
export type Agent = z.infer<typeof agentSchema>;

/** What every agent may know about colleagues (for pickers, rosters, assignment). */
export const agentDirectoryEntry = z.object({
  id,
  account: z.string(),
  name: z.string(),
  groupIds: z.array(id),
  enabled: z.boolean(),
  available: z.boolean(),
});

/** A group as every agent may see it (pickers, names in timelines); members and supervisors need org.groups. */
export const groupDirectoryEntry = z.object({ id, name: z.string(), parentId: id.nullable() });

export const agentCreateBody = z.object({
  account: accountSchema,
  name: z.string().trim().min(1).max(64),
  password: z.string().min(8).max(256),
  roleId: id.optional(),
  groupIds: z.array(id).max(100).optional(),
  grants,
  employeeNo: z.string().trim().max(32).optional(),
  mobile: mobile.optional(),
  email: email.optional(),
  tags: tags.optional(),
  maxChats: z.number().int().min(0).max(100).optional(),
});
export const agentUpdateBody = z
  .object({
    name: z.string().trim().min(1).max(64),
    password: z.string().min(8).max(256),
    roleId: id.nullable(),
    groupIds: z.array(id).max(100),
    grants,
    employeeNo: z.string().trim().max(32).nullable(),
    mobile: mobile.nullable(),
    email: email.nullable(),
    tags,
    maxChats: z.number().int().min(0).max(100),
    enabled: z.boolean(),
    available: z.boolean(),
  })
  .partial()
  .strict();
export const agentListQuery = z.object({
  q: z.string().trim().max(64).optional(),
  groupId: z.coerce.number().int().positive().optional(),
  enabled: z.enum(['true', 'false']).optional(),
});
export const accountCheckQuery = z.object({ account: accountSchema });

export const groupSchema = z.object({
  id,
  name: z.string(),
  parentId: id.nullable(),
  sortOrder: z.number().int(),
  memberIds: z.array(id),
  supervisorIds: z.array(id),
});
export const groupCreateBody = z.object({
  name: z.string().trim().min(1).max(64),
  parentId: id.nullable().optional(),
  memberIds: z.array(id).max(1000).optional(),
  supervisorIds: z.array(id).max(100).optional(),
});
export const groupUpdateBody = groupCreateBody.partial().strict();
/** Drag to reorder: the new order of siblings under one parent. */
export const groupReorderBody = z.object({
  parentId: id.nullable(),
  orderedIds: z.array(id).min(1).max(1000),
});

export const roleSchema = z.object({
  id,
  name: z.string(),
  description: z.string().nullable(),
  permissions: z.array(permission),
  dataScope: z.enum(DATA_SCOPES),
  system: z.enum(['admin', 'agent']).nullable(),
  agentCount: z.number().int(),
});
export const roleCreateBody = z.object({
  name: z.string().trim().min(1).max(64),
  description: z.string().trim().max(200).optional(),
  permissions: z.array(permission).max(200),
  dataScope: z.enum(DATA_SCOPES),
});
export const roleUpdateBody = roleCreateBody.partial().strict();

export const TIME_ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Urumqi', 'UTC'] as const;
export const vendorProfileSchema = z.object({
  id,
  name: z.string(),
  displayName: z.string().nullable(),
  loginKey: z.string(),
  logoUrl: z.string().nullable(),
  customerMode: z.enum(['2b', '2c']),
  timeZone: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  createdAt: z.string(),
});
export const vendorProfileUpdateBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    displayName: z.string().trim().max(100).nullable(),
    customerMode: z.enum(['2b', '2c']),
    timeZone: z.enum(TIME_ZONES),
    contactName: z.string().trim().max(64).nullable(),
    contactPhone: z.string().trim().max(32).nullable(),
    contactEmail: email.nullable(),
  })
  .partial()
  .strict();

export const featuresSchema = z.record(z.enum(FEATURES), z.boolean());
export const featuresUpdateBody = z.partialRecord(z.enum(FEATURES), z.boolean());

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'invalid_time');
export const timeRange = z
  .object({ start: hhmm, end: hhmm })
  .refine((r) => r.start < r.end, { message: 'end_before_start', path: ['end'] });
/** Weekly hours: ISO weekday 1 (Monday) … 7 (Sunday) → ranges. */
export const businessHoursSchema = z.object({
  weekly: z
    .array(z.object({ weekday: z.number().int().min(1).max(7), ranges: z.array(timeRange).max(6) }))
    .max(7),
});
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date');
/** A holiday (days off) or a make-up workday (调休上班) span. */
export const calendarDaySchema = z.object({
  id,
  kind: z.enum(['holiday', 'workday']),
  name: z.string(),
  description: z.string().nullable(),
  startDate: isoDate,
  endDate: isoDate,
});
export const calendarDayCreateBody = z
  .object({
    kind: z.enum(['holiday', 'workday']),
    name: z.string().trim().min(1).max(64),
    description: z.string().trim().max(200).optional(),
    startDate: isoDate,
    endDate: isoDate,
  })
  .refine((d) => d.startDate <= d.endDate, { message: 'end_before_start', path: ['endDate'] });
/** Import China's statutory holidays and make-up workdays of a year. */
export const calendarImportBody = z.object({ year: z.number().int().min(2004).max(2100) });
export const calendarDayListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const businessStatusSchema = z.object({
  at: z.string(),
  isWorkday: z.boolean(),
  inBusinessHours: z.boolean(),
  reason: z.enum(['weekday', 'weekend', 'holiday', 'workday']),
  dayName: z.string().nullable(),
});
export const businessStatusQuery = z.object({ at: z.string().datetime({ offset: true }).optional() });

export const shiftSchema = z.object({
  id,
  name: z.string(),
  start: hhmm,
  end: hhmm,
  color: z.string().nullable(),
});
export const shiftCreateBody = z.object({
  name: z.string().trim().min(1).max(32),
  start: hhmm,
  /** An end before the start means the shift ends the next day (夜班). */
  end: hhmm,
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
});
export const shiftUpdateBody = shiftCreateBody.partial().strict();
export const scheduleEntrySchema = z.object({ agentId: id, date: isoDate, shiftId: id });
export const scheduleQuery = z.object({
  from: isoDate,
  to: isoDate,
  agentId: z.coerce.number().int().positive().optional(),
});
export const scheduleSetBody = z.object({
  entries: z
    .array(z.object({ agentId: id, date: isoDate, shiftId: id.nullable() }))
    .min(1)
    .max(2000),
});
export const onDutySchema = z.object({
  at: z.string(),
  agents: z.array(z.object({ agentId: id, name: z.string(), shiftId: id, shiftName: z.string() })),
});

export const notificationSchema = z.object({
  id,
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;
export const notificationListQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export const notificationCreateBody = z.object({
  agentIds: z.array(id).min(1).max(1000),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().max(2000).optional(),
  link: z.string().trim().max(500).optional(),
});
export const notificationReadBody = z.object({
  ids: z.array(id).max(500).optional(),
  all: z.boolean().optional(),
});

export const operatorVendorCreateBody = z.object({
  name: z.string().trim().min(1).max(100),
  adminPassword: z.string().min(8).max(256),
  loginKey: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{3,32}$/)
    .optional(),
});
export const operatorVendorSchema = z.object({
  id,
  name: z.string(),
  loginKey: z.string(),
  status: z.enum(['active', 'disabled']),
  createdAt: z.string(),
});
export const operatorVendorUpdateBody = z.object({ status: z.enum(['active', 'disabled']) });

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
