import {
  companyPage,
  idParam,
  savedQueryCreateBody,
  savedQueryListQuery,
  savedQueryRunQuery,
  savedQuerySchema,
  savedQueryUpdateBody,
} from '@yidan/contracts';
import { z } from 'zod';
import { AppError } from '../../platform/http/errors.js';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import type { CompanySort } from '../customers/companies.js';
import { customerContext } from '../customers/context.js';
import { companyConditionSql, searchCompanies } from '../customers/search.js';
import {
  createSavedQuery,
  deleteSavedQuery,
  getSavedQuery,
  listSavedQueries,
  presentSavedQuery,
  updateSavedQuery,
} from './service.js';

/** 查询器 for customer lists: save, share, edit and run condition sets. */
export function savedQueryRoutes(app: App, { db }: Deps) {
  const view = { config: { permission: 'customer.view' as const } };
  const tags = ['saved-queries'];
  app.get(
    '/api/v1/saved-queries',
    {
      ...view,
      schema: {
        tags,
        summary: '查询器列表（我能看到的）',
        querystring: savedQueryListQuery,
        response: { 200: z.object({ items: z.array(savedQuerySchema) }) },
      },
    },
    async (req) => {
      const ctx = await customerContext(db, actorOf(req));
      return {
        items: (await listSavedQueries(db, ctx.actor, ctx.groupIds, req.query.entity)).map(presentSavedQuery),
      };
    },
  );
  app.post(
    '/api/v1/saved-queries',
    {
      ...view,
      schema: {
        tags,
        summary: '新建查询器',
        body: savedQueryCreateBody,
        response: { 201: savedQuerySchema },
      },
    },
    async (req, reply) => {
      const ctx = await customerContext(db, actorOf(req));
      // The conditions must be valid for the list they query.
      if (req.body.entity === 'companies') await companyConditionSql(db, ctx, req.body.conditions);
      const row = await createSavedQuery(
        db,
        ctx.actor,
        req.body,
        ctx.actor.permissions.has('customer.settings'),
      );
      return reply.code(201).send(presentSavedQuery(row));
    },
  );
  app.patch(
    '/api/v1/saved-queries/:id',
    {
      ...view,
      schema: { tags, params: idParam, body: savedQueryUpdateBody, response: { 200: savedQuerySchema } },
    },
    async (req) => {
      const ctx = await customerContext(db, actorOf(req));
      const current = await getSavedQuery(db, ctx.actor, ctx.groupIds, req.params.id);
      if (req.body.conditions && current.entity === 'companies')
        await companyConditionSql(db, ctx, req.body.conditions);
      const row = await updateSavedQuery(
        db,
        ctx.actor,
        ctx.groupIds,
        req.params.id,
        req.body,
        ctx.actor.permissions.has('customer.settings'),
      );
      return presentSavedQuery(row);
    },
  );
  app.delete(
    '/api/v1/saved-queries/:id',
    { ...view, schema: { tags, params: idParam } },
    async (req, reply) => {
      const ctx = await customerContext(db, actorOf(req));
      await deleteSavedQuery(
        db,
        ctx.actor,
        ctx.groupIds,
        req.params.id,
        ctx.actor.permissions.has('customer.settings'),
      );
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/v1/saved-queries/:id/companies',
    {
      ...view,
      schema: {
        tags,
        summary: '运行查询器（公司）',
        params: idParam,
        querystring: savedQueryRunQuery,
        response: { 200: companyPage },
      },
    },
    async (req) => {
      const ctx = await customerContext(db, actorOf(req));
      const saved = await getSavedQuery(db, ctx.actor, ctx.groupIds, req.params.id);
      if (saved.entity !== 'companies') throw new AppError('not_found');
      return searchCompanies(db, ctx, {
        ...req.query,
        conditions: saved.conditions,
        sort: (saved.sort as CompanySort | null) ?? undefined,
      });
    },
  );
}
