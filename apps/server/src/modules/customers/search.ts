import type { ConditionSet } from '@yidan/contracts';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/http/errors.js';
import { createFieldCatalogue, validateConditions } from '../../platform/rules/catalogue.js';
import { compileConditions } from '../../platform/rules/compile.js';
import { type CompanyListQuery, listCompanies } from './companies.js';
import type { CustomerContext } from './context.js';
import { companyQueryFields } from './queryFields.js';
import { listPackages } from './settings.js';

export async function companyQueryCatalogue(db: Db, ctx: CustomerContext) {
  const packages = (await listPackages(db, ctx.actor.vendorId)).map((p) => p.name);
  const { fields, columns } = companyQueryFields(ctx.companyFields, packages);
  return { fields, columns, catalogue: createFieldCatalogue(fields) };
}

/** Compiles a saved or ad-hoc condition set into the company list's WHERE, after validating it. */
export async function companyConditionSql(
  db: Db,
  ctx: CustomerContext,
  conditions: ConditionSet,
  path = 'body.conditions',
) {
  const { catalogue, columns } = await companyQueryCatalogue(db, ctx);
  const errors = validateConditions(conditions, catalogue, { path });
  if (errors.length) throw new AppError('validation_failed', {}, errors);
  return compileConditions(conditions, catalogue, columns, {
    now: new Date(),
    timeZone: ctx.actor.vendor.timeZone,
  });
}

/** 高级查询: the list's filters plus a condition set over system, custom and default-contact fields. */
export async function searchCompanies(
  db: Db,
  ctx: CustomerContext,
  q: CompanyListQuery & { conditions?: ConditionSet | undefined },
) {
  const where = q.conditions ? await companyConditionSql(db, ctx, q.conditions) : undefined;
  return listCompanies(db, ctx, { ...q, where });
}
