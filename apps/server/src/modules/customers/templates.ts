import type { FieldEntity } from '@yidan/contracts';
import { and, asc, eq } from 'drizzle-orm';
import { randomSecret } from '../../platform/auth/secrets.js';
import type { Db } from '../../platform/db/client.js';
import { AppError, type FieldError } from '../../platform/http/errors.js';
import { listFields } from '../fields/service.js';
import { customerTemplates } from './schema.js';

type Row = typeof customerTemplates.$inferSelect;
type Module = Row['module'];

export function presentTemplate(r: Row) {
  return {
    id: r.id,
    name: r.name,
    module: r.module,
    fieldKeys: r.fieldKeys,
    publicPath: r.publicToken ? `/visitor/forms/${r.vendorId}/${r.publicToken}` : null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Every key must name an enabled system or custom field of its entity. */
async function assertFieldKeys(db: Db, vendorId: number, keys: string[]) {
  const known = new Set<string>();
  for (const entity of ['company', 'contact'] as FieldEntity[]) {
    for (const f of await listFields(db, vendorId, entity)) if (f.enabled) known.add(`${entity}.${f.key}`);
  }
  const errors: FieldError[] = keys.flatMap((k, i) =>
    known.has(k) ? [] : [{ path: `body.fieldKeys.${i}`, message: 'unknown_field' }],
  );
  if (errors.length) throw new AppError('validation_failed', {}, errors);
}

export async function listTemplates(db: Db, vendorId: number) {
  return db
    .select()
    .from(customerTemplates)
    .where(eq(customerTemplates.vendorId, vendorId))
    .orderBy(asc(customerTemplates.id));
}

async function getTemplate(db: Db, vendorId: number, id: number) {
  const [row] = await db
    .select()
    .from(customerTemplates)
    .where(and(eq(customerTemplates.vendorId, vendorId), eq(customerTemplates.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}

export async function createTemplate(
  db: Db,
  vendorId: number,
  input: { name: string; module: Module; fieldKeys: string[] },
) {
  await assertFieldKeys(db, vendorId, input.fieldKeys);
  const [row] = await db
    .insert(customerTemplates)
    .values({ vendorId, ...input, fieldKeys: [...new Set(input.fieldKeys)] })
    .returning();
  return row!;
}

/** Publishing gives a "模板发布" template a fresh public token; unpublishing revokes it. */
export async function updateTemplate(
  db: Db,
  vendorId: number,
  id: number,
  patch: {
    name?: string | undefined;
    module?: Module | undefined;
    fieldKeys?: string[] | undefined;
    published?: boolean | undefined;
  },
) {
  const current = await getTemplate(db, vendorId, id);
  if (patch.fieldKeys) await assertFieldKeys(db, vendorId, patch.fieldKeys);
  const module = patch.module ?? current.module;
  if (patch.published && module !== 'publish')
    throw new AppError('validation_failed', {}, [{ path: 'body.published', message: 'not_an_option' }]);
  const { published, ...fields } = patch;
  const publicToken =
    published === undefined
      ? module === 'publish'
        ? current.publicToken
        : null
      : published
        ? (current.publicToken ?? randomSecret(18))
        : null;
  const [row] = await db
    .update(customerTemplates)
    .set({
      ...fields,
      ...(fields.fieldKeys ? { fieldKeys: [...new Set(fields.fieldKeys)] } : {}),
      publicToken,
    })
    .where(and(eq(customerTemplates.vendorId, vendorId), eq(customerTemplates.id, id)))
    .returning();
  return row!;
}

export async function deleteTemplate(db: Db, vendorId: number, id: number) {
  await getTemplate(db, vendorId, id);
  await db
    .delete(customerTemplates)
    .where(and(eq(customerTemplates.vendorId, vendorId), eq(customerTemplates.id, id)));
}
