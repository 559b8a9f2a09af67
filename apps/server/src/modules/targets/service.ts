import type { Target, TargetAuthInput, TargetCreateInput, TargetUpdateInput } from '@yidan/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgTable, PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import { placeholderSyntaxError } from '../rules/placeholders.js';
import { automations, triggers } from '../rules/schema.js';
import { slaPolicies } from '../sla/schema.js';
import { type TargetAuth, type TargetRow, targets } from './schema.js';

/** Headers the delivery sets itself (the body's type comes from the content type setting). */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'content-type',
  'transfer-encoding',
  'connection',
  'idempotency-key',
  'x-yidan-delivery',
  'x-yidan-attempt',
]);

/** A target as the API shows it: credentials as "set or not", never their values. */
export function presentTarget(r: TargetRow): Target {
  const a = r.auth;
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    enabled: r.enabled,
    url: r.url,
    method: r.method,
    headers: r.headers,
    auth:
      a.type === 'basic'
        ? { type: 'basic', username: a.username, hasPassword: a.password !== '' }
        : a.type === 'bearer'
          ? { type: 'bearer', hasToken: a.token !== '' }
          : { type: 'none' },
    contentType: r.contentType,
    body: r.body,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listTargets(db: Db, vendorId: number): Promise<TargetRow[]> {
  return db.select().from(targets).where(eq(targets.vendorId, vendorId)).orderBy(asc(targets.id));
}

/** The vendor's targets among `ids` (rules read those they call). */
export async function targetsByIds(db: Db, vendorId: number, ids: number[]): Promise<TargetRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(targets)
    .where(and(eq(targets.vendorId, vendorId), inArray(targets.id, ids)));
}

/** Which of `ids` are targets of the vendor (rule validation). */
export async function existingTargetIds(db: Db, vendorId: number, ids: number[]): Promise<number[]> {
  return (await targetsByIds(db, vendorId, ids)).map((t) => t.id);
}

export async function getTarget(db: Db, vendorId: number, id: number): Promise<TargetRow> {
  const [row] = await targetsByIds(db, vendorId, [id]);
  if (!row) throw new AppError('not_found');
  return row;
}

/** Placeholders are allowed in the URL: checked with each one replaced by a plain word. */
function urlError(url: string): string | null {
  if (placeholderSyntaxError(url)) return 'invalid_target_url';
  const plain = url.replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, 'x');
  try {
    const u = new URL(plain);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'invalid_target_url';
    // Credentials belong in the authentication setting, where they are never shown again.
    if (u.username || u.password) return 'invalid_target_url';
    return null;
  } catch {
    return 'invalid_target_url';
  }
}

/** What zod cannot check: the URL, the Liquid in URL and body, and headers the delivery reserves. */
export function targetErrors(input: TargetUpdateInput, path = 'body'): FieldError[] {
  const errors: FieldError[] = [];
  if (input.url !== undefined) {
    const e = urlError(input.url);
    if (e) errors.push({ path: `${path}.url`, message: e });
  }
  if (input.body !== undefined) {
    const e = placeholderSyntaxError(input.body);
    if (e) errors.push({ path: `${path}.body`, message: `占位符语法错误：${e}` });
  }
  input.headers?.forEach((h, i) => {
    if (RESERVED_HEADERS.has(h.name.toLowerCase()))
      errors.push({ path: `${path}.headers.${i}.name`, message: 'reserved_header' });
  });
  return errors;
}

/**
 * The credentials to store: a new password or token replaces the stored one, none keeps it (the
 * console never has it to send back); a scheme without a stored secret needs one.
 */
export function resolveAuth(
  input: TargetAuthInput | undefined,
  current: TargetAuth | null,
  path = 'body.auth',
): TargetAuth {
  if (!input) return current ?? { type: 'none' };
  const missing = () =>
    new AppError('validation_failed', {}, [
      { path: `${path}.${input.type === 'basic' ? 'password' : 'token'}`, message: 'secret_required' },
    ]);
  switch (input.type) {
    case 'none':
      return { type: 'none' };
    case 'basic': {
      const password = input.password ?? (current?.type === 'basic' ? current.password : '');
      if (!password) throw missing();
      return { type: 'basic', username: input.username, password };
    }
    case 'bearer': {
      const token = input.token ?? (current?.type === 'bearer' ? current.token : '');
      if (!token) throw missing();
      return { type: 'bearer', token };
    }
  }
}

const titleTaken = (title: string) =>
  new AppError('name_taken', { name: title }, [{ path: 'body.title', message: 'taken' }]);

function check(input: TargetUpdateInput) {
  const errors = targetErrors(input);
  if (errors.length) throw new AppError('validation_failed', {}, errors);
}

export async function createTarget(db: Db, vendorId: number, input: TargetCreateInput): Promise<TargetRow> {
  check(input);
  const auth = resolveAuth(input.auth, null);
  try {
    const [row] = await db
      .insert(targets)
      .values({
        vendorId,
        title: input.title,
        description: input.description ?? '',
        enabled: input.enabled ?? true,
        url: input.url,
        method: input.method ?? 'POST',
        headers: input.headers ?? [],
        auth,
        contentType: input.contentType ?? 'application/json',
        body: input.body ?? '',
      })
      .returning();
    return row!;
  } catch (err) {
    if (isUniqueViolation(err)) throw titleTaken(input.title);
    throw err;
  }
}

export async function updateTarget(
  db: Db,
  vendorId: number,
  id: number,
  input: TargetUpdateInput,
): Promise<TargetRow> {
  const current = await getTarget(db, vendorId, id);
  check(input);
  const { auth, ...rest } = input;
  try {
    const [row] = await db
      .update(targets)
      .set({
        ...rest,
        ...(auth ? { auth: resolveAuth(auth, current.auth) } : {}),
        updatedAt: new Date(),
      })
      .where(and(eq(targets.vendorId, vendorId), eq(targets.id, id)))
      .returning();
    if (!row) throw new AppError('not_found');
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) throw titleTaken(input.title ?? current.title);
    throw err;
  }
}

/** The rules whose actions call the target (a trigger, an automation, an SLA policy's action). */
async function rulesUsingTarget(db: Db, vendorId: number, id: number): Promise<string[]> {
  const action = [{ field: 'target', value: { targetId: id } }];
  const using = (
    table: AnyPgTable & { vendorId: PgColumn; title: PgColumn; actions: PgColumn },
    name: string,
    pattern: unknown,
  ) =>
    db
      .select({ title: table.title })
      .from(table)
      .where(and(eq(table.vendorId, vendorId), sql`${table.actions} @> ${JSON.stringify(pattern)}::jsonb`))
      .then((rows) => rows.map((r) => `${name}「${r.title}」`));
  const found = await Promise.all([
    using(triggers, '触发器', action),
    using(automations, '自动化任务', action),
    using(slaPolicies, 'SLA 策略', [{ actions: action }]),
  ]);
  return found.flat();
}

/** A target still called by rules is kept (as Zendesk does): the rules would fail silently. */
export async function deleteTarget(db: Db, vendorId: number, id: number): Promise<void> {
  await getTarget(db, vendorId, id);
  const rules = await rulesUsingTarget(db, vendorId, id);
  if (rules.length) throw new AppError('target_in_use', { rules: rules.slice(0, 5).join('、') });
  await db.delete(targets).where(and(eq(targets.vendorId, vendorId), eq(targets.id, id)));
}
