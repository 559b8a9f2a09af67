import {
  type FieldEntity,
  fieldCreateBody,
  fieldDefinitionSchema,
  fieldListQuery,
  fieldReorderBody,
  fieldUpdateBody,
  idParam,
  type Permission,
} from '@yidan/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/http/errors.js';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import {
  createField,
  deleteField,
  getFieldEntity,
  listFields,
  reorderFields,
  updateField,
} from './service.js';

/** Ticket fields are 工单设置, company and contact fields 客户设置. */
const SETTINGS_PERMISSION: Record<FieldEntity, Permission> = {
  company: 'customer.settings',
  contact: 'customer.settings',
  ticket: 'ticket.settings',
};

/**
 * The caller, if they may manage the entity's fields. The permission depends on the entity in the
 * body or the stored field, so it is checked here rather than in the route's config.
 */
function fieldManager(req: FastifyRequest, entity: FieldEntity) {
  const actor = actorOf(req);
  if (!actor.permissions.has(SETTINGS_PERMISSION[entity])) throw new AppError('forbidden');
  return actor;
}

export function fieldRoutes(app: App, { db }: Deps) {
  const tags = ['fields'];
  const items = z.object({ items: z.array(fieldDefinitionSchema) });
  app.get(
    '/api/v1/fields',
    {
      schema: {
        tags,
        summary: '字段定义（系统字段与自定义字段）',
        querystring: fieldListQuery,
        response: { 200: items },
      },
    },
    async (req) => {
      const vendorId = actorOf(req).vendorId;
      const entities = req.query.entity ? [req.query.entity] : (['company', 'contact'] as const);
      const lists = await Promise.all(entities.map((e) => listFields(db, vendorId, e)));
      return { items: lists.flat() };
    },
  );
  app.post(
    '/api/v1/fields',
    {
      schema: {
        tags,
        summary: '新建自定义字段（工单字段需工单设置权限，客户字段需客户设置权限）',
        body: fieldCreateBody,
        response: { 201: fieldDefinitionSchema },
      },
    },
    async (req, reply) => {
      const actor = fieldManager(req, req.body.entity);
      return reply.code(201).send(await createField(db, actor.vendorId, req.body));
    },
  );
  app.post(
    '/api/v1/fields/reorder',
    { schema: { tags, body: fieldReorderBody, response: { 200: items } } },
    async (req) => {
      const actor = fieldManager(req, req.body.entity);
      return { items: await reorderFields(db, actor.vendorId, req.body.entity, req.body.orderedIds) };
    },
  );
  app.patch(
    '/api/v1/fields/:id',
    { schema: { tags, params: idParam, body: fieldUpdateBody, response: { 200: fieldDefinitionSchema } } },
    async (req) => {
      const vendorId = actorOf(req).vendorId;
      fieldManager(req, await getFieldEntity(db, vendorId, req.params.id));
      return updateField(db, vendorId, req.params.id, req.body);
    },
  );
  app.delete('/api/v1/fields/:id', { schema: { tags, params: idParam } }, async (req, reply) => {
    const vendorId = actorOf(req).vendorId;
    fieldManager(req, await getFieldEntity(db, vendorId, req.params.id));
    await deleteField(db, vendorId, req.params.id);
    return reply.code(204).send();
  });
}
