import type { FieldDefinition, FieldEntity, FieldOption, FieldType, ReadOnlyScope } from '@yidan/contracts';
import { FIELD_ENTITIES } from '@yidan/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import safeRegex from 'safe-regex2';
import { cachedForVendor, invalidateVendorCache } from '../../platform/cache/vendorCache.js';
import type { Db } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { expressionRefs, parseExpression, renameExpressionKey } from '../../platform/fields/expression.js';
import { validateFieldConfig } from '../../platform/fields/fieldConfig.js';
import { AppError } from '../../platform/http/errors.js';
import { fieldDefinitions } from './schema.js';

/** System fields per entity: renamable and reorderable, never deletable, validated by their own schema. */
export const SYSTEM_FIELDS: Record<FieldEntity, { key: string; label: string; type: FieldType }[]> = {
  company: [
    { key: 'name', label: '公司名称', type: 'text' },
    { key: 'phone', label: '电话', type: 'phone' },
    { key: 'address', label: '地址', type: 'text' },
    { key: 'region', label: '地区', type: 'text' },
    { key: 'website', label: '网址', type: 'url' },
    { key: 'package', label: '服务包', type: 'select' },
    { key: 'serviceStart', label: '服务开始日期', type: 'date' },
    { key: 'serviceEnd', label: '服务到期日期', type: 'date' },
    { key: 'serviceCode', label: '服务验证码', type: 'text' },
    { key: 'serviceAccount', label: '服务账号', type: 'text' },
    { key: 'ownerAgentId', label: '受理客服', type: 'select' },
    { key: 'ownerGroupId', label: '受理客服组', type: 'select' },
    { key: 'tags', label: '标签', type: 'multiselect' },
    { key: 'source', label: '来源', type: 'text' },
    { key: 'notes', label: '备注', type: 'textarea' },
  ],
  contact: [
    { key: 'name', label: '姓名', type: 'text' },
    { key: 'mobile', label: '手机号', type: 'phone' },
    { key: 'landline', label: '座机', type: 'phone' },
    { key: 'email', label: '邮箱', type: 'email' },
    { key: 'qq', label: 'QQ', type: 'text' },
    { key: 'position', label: '职位', type: 'text' },
    { key: 'gender', label: '性别', type: 'select' },
    { key: 'birthday', label: '出生日期', type: 'date' },
    { key: 'idNumber', label: '身份证号', type: 'text' },
    { key: 'tags', label: '标签', type: 'multiselect' },
    { key: 'notes', label: '备注', type: 'textarea' },
  ],
  ticket: [
    { key: 'subject', label: '标题', type: 'text' },
    { key: 'description', label: '描述', type: 'textarea' },
    { key: 'status', label: '状态', type: 'select' },
    { key: 'priority', label: '优先级', type: 'select' },
    { key: 'type', label: '类型', type: 'select' },
    { key: 'contactId', label: '联系人', type: 'select' },
    { key: 'companyId', label: '公司', type: 'select' },
    { key: 'assigneeId', label: '客服', type: 'select' },
    { key: 'groupId', label: '客服组', type: 'select' },
    { key: 'ccAgentIds', label: '抄送', type: 'multiselect' },
    { key: 'tags', label: '标签', type: 'multiselect' },
    { key: 'dueAt', label: '截止时间', type: 'datetime' },
  ],
};

type Row = typeof fieldDefinitions.$inferSelect;
const present = (r: Row): FieldDefinition => ({
  ...r,
  entity: r.entity as FieldEntity,
  type: r.type as FieldType,
});

/** The entity's fields in display order; system fields are created on first use. */
/** Field changes also change templates (renamed keys) and what the caches built on both hold. */
function fieldsChanged(vendorId: number) {
  for (const entity of FIELD_ENTITIES) invalidateVendorCache(`fields.${entity}`, vendorId);
  invalidateVendorCache('ticketTemplates', vendorId);
}

/**
 * listFields through the per-vendor cache (platform/cache): for the hot path (every ticket request),
 * with the root database handle only — never inside a transaction that may have changed fields.
 */
export function listFieldsCached(db: Db, vendorId: number, entity: FieldEntity): Promise<FieldDefinition[]> {
  return cachedForVendor(`fields.${entity}`, vendorId, () => listFields(db, vendorId, entity));
}

export async function listFields(db: Db, vendorId: number, entity: FieldEntity): Promise<FieldDefinition[]> {
  const load = () =>
    db
      .select()
      .from(fieldDefinitions)
      .where(and(eq(fieldDefinitions.vendorId, vendorId), eq(fieldDefinitions.entity, entity)))
      .orderBy(asc(fieldDefinitions.sortOrder), asc(fieldDefinitions.id));
  let rows = await load();
  if (!rows.some((r) => r.system)) {
    await db
      .insert(fieldDefinitions)
      .values(
        SYSTEM_FIELDS[entity].map((f, i) => ({
          vendorId,
          entity,
          key: f.key,
          label: f.label,
          type: f.type,
          system: true,
          keyLocked: true,
          sortOrder: i,
        })),
      )
      .onConflictDoNothing();
    rows = await load();
  }
  return rows.map(present);
}

function assertSafeRegex(regex: string | null | undefined) {
  if (!regex) return;
  let valid = true;
  try {
    new RegExp(regex);
  } catch {
    valid = false;
  }
  if (!valid || !safeRegex(regex)) {
    throw new AppError('validation_failed', {}, [{ path: 'body.regex', message: 'unsafe_regex' }]);
  }
}

const mapUnique = (err: unknown): never => {
  if (isUniqueViolation(err))
    throw new AppError('validation_failed', {}, [{ path: 'body.key', message: 'taken' }]);
  throw err;
};

export interface FieldInput {
  entity: FieldEntity;
  key?: string | undefined;
  label: string;
  type: FieldType;
  options?: FieldOption[] | undefined;
  required?: boolean | undefined;
  readOnly?: ReadOnlyScope | undefined;
  regex?: string | undefined;
  config?: Record<string, unknown> | undefined;
}

function checkConfig(...args: Parameters<typeof validateFieldConfig>) {
  const checked = validateFieldConfig(...args);
  if (checked.errors.length) throw new AppError('validation_failed', {}, checked.errors);
  return checked.config;
}

export async function createField(db: Db, vendorId: number, input: FieldInput) {
  assertSafeRegex(input.regex);
  const existing = await listFields(db, vendorId, input.entity);
  const config = checkConfig(
    { entity: input.entity, type: input.type, key: input.key ?? null },
    input.config,
    existing,
  );
  const key = input.key ?? `f${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
  const [row] = await db
    .insert(fieldDefinitions)
    .values({
      vendorId,
      entity: input.entity,
      key,
      label: input.label,
      type: input.type,
      options: input.options ?? [],
      required: input.required ?? false,
      readOnly: input.readOnly ?? { all: false, groupIds: [], agentIds: [] },
      regex: input.regex ?? null,
      config,
      sortOrder: existing.length,
    })
    .returning()
    .catch(mapUnique);
  fieldsChanged(vendorId);
  return present(row!);
}

async function getField(db: Db, vendorId: number, id: number) {
  const [row] = await db
    .select()
    .from(fieldDefinitions)
    .where(and(eq(fieldDefinitions.vendorId, vendorId), eq(fieldDefinitions.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

/** Which entity a field belongs to (for the settings permission of that entity); 404 if none. */
export async function getFieldEntity(db: Db, vendorId: number, id: number): Promise<FieldEntity> {
  return (await getField(db, vendorId, id)).entity as FieldEntity;
}

/** The calculated fields of an entity whose expression reads `key`. */
function calculatedUsing(fields: FieldDefinition[], key: string): FieldDefinition[] {
  return fields.filter((f) => {
    if (f.type !== 'calculated' || typeof f.config.expression !== 'string') return false;
    const tree = parseExpression(f.config.expression);
    return tree !== null && expressionRefs(tree).includes(key);
  });
}

export async function updateField(
  db: Db,
  vendorId: number,
  id: number,
  patch: Partial<{
    key: string;
    label: string;
    options: FieldOption[];
    required: boolean;
    readOnly: ReadOnlyScope;
    regex: string | null;
    enabled: boolean;
    config: Record<string, unknown>;
  }>,
) {
  const current = await getField(db, vendorId, id);
  // Ticket system fields may also be made required or read-only (manual 5.1.1); customer ones only renamed.
  const systemEditable = current.entity === 'ticket' ? ['label', 'required', 'readOnly'] : ['label'];
  if (current.system && Object.keys(patch).some((k) => !systemEditable.includes(k)))
    throw new AppError('system_field');
  const keyChange = patch.key !== undefined && patch.key !== current.key;
  // The key may be changed once (字段唯一标识只能修改一次).
  if (keyChange && current.keyLocked) throw new AppError('field_key_locked');
  assertSafeRegex(patch.regex);
  const entity = current.entity as FieldEntity;
  const siblings = await listFields(db, vendorId, entity);
  const config =
    patch.config === undefined
      ? undefined
      : checkConfig(
          { entity, type: current.type as FieldType, key: patch.key ?? current.key },
          patch.config,
          siblings,
        );
  const row = await db
    .transaction(async (tx) => {
      const [updated] = await tx
        .update(fieldDefinitions)
        .set({ ...patch, ...(config ? { config } : {}), ...(keyChange ? { keyLocked: true } : {}) })
        .where(and(eq(fieldDefinitions.vendorId, vendorId), eq(fieldDefinitions.id, id)))
        .returning();
      // Stored values follow the new key in the same transaction, so none are orphaned.
      if (keyChange) {
        for (const calc of calculatedUsing(siblings, current.key)) {
          const expression = renameExpressionKey(String(calc.config.expression), current.key, patch.key!);
          await tx
            .update(fieldDefinitions)
            .set({ config: { ...calc.config, expression } })
            .where(and(eq(fieldDefinitions.vendorId, vendorId), eq(fieldDefinitions.id, calc.id)));
        }
        for (const hook of keyRenameHooks.get(current.entity as FieldEntity) ?? []) {
          await hook(tx, vendorId, current.key, patch.key!);
        }
      }
      return updated!;
    })
    .catch(mapUnique);
  fieldsChanged(vendorId);
  return present(row);
}

/** Modules that store values of an entity's custom fields move them when a key is renamed. */
export type FieldKeyRenameHook = (tx: Db, vendorId: number, from: string, to: string) => Promise<void>;
const keyRenameHooks = new Map<FieldEntity, FieldKeyRenameHook[]>();
export function onFieldKeyRenamed(entity: FieldEntity, hook: FieldKeyRenameHook) {
  keyRenameHooks.set(entity, [...(keyRenameHooks.get(entity) ?? []), hook]);
}

export async function deleteField(db: Db, vendorId: number, id: number) {
  const current = await getField(db, vendorId, id);
  if (current.system) throw new AppError('system_field');
  const [user] = calculatedUsing(await listFields(db, vendorId, current.entity as FieldEntity), current.key);
  if (user) throw new AppError('field_in_use', { name: user.label });
  await db
    .delete(fieldDefinitions)
    .where(and(eq(fieldDefinitions.vendorId, vendorId), eq(fieldDefinitions.id, id)));
  fieldsChanged(vendorId);
}

export async function reorderFields(db: Db, vendorId: number, entity: FieldEntity, orderedIds: number[]) {
  const rows = await db
    .select({ id: fieldDefinitions.id })
    .from(fieldDefinitions)
    .where(
      and(
        eq(fieldDefinitions.vendorId, vendorId),
        eq(fieldDefinitions.entity, entity),
        inArray(fieldDefinitions.id, orderedIds),
      ),
    );
  if (rows.length !== new Set(orderedIds).size) throw new AppError('not_found');
  await db.transaction(async (tx) => {
    for (const [i, id] of orderedIds.entries()) {
      await tx
        .update(fieldDefinitions)
        .set({ sortOrder: sql`${i}` })
        .where(and(eq(fieldDefinitions.vendorId, vendorId), eq(fieldDefinitions.id, id)));
    }
  });
  fieldsChanged(vendorId);
  return listFields(db, vendorId, entity);
}
