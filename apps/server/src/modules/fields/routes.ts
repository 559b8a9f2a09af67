import {
  fieldCreateBody,
  fieldDefinitionSchema,
  fieldListQuery,
  fieldReorderBody,
  fieldUpdateBody,
  idParam,
} from '@yidan/contracts';
import { z } from 'zod';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import { createField, deleteField, listFields, reorderFields, updateField } from './service.js';

export function fieldRoutes(app: App, { db }: Deps) {
  const manage = { config: { permission: 'customer.settings' as const } };
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
      ...manage,
      schema: {
        tags,
        summary: '新建自定义字段',
        body: fieldCreateBody,
        response: { 201: fieldDefinitionSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createField(db, actorOf(req).vendorId, req.body)),
  );
  app.post(
    '/api/v1/fields/reorder',
    { ...manage, schema: { tags, body: fieldReorderBody, response: { 200: items } } },
    async (req) => ({
      items: await reorderFields(db, actorOf(req).vendorId, req.body.entity, req.body.orderedIds),
    }),
  );
  app.patch(
    '/api/v1/fields/:id',
    {
      ...manage,
      schema: { tags, params: idParam, body: fieldUpdateBody, response: { 200: fieldDefinitionSchema } },
    },
    async (req) => updateField(db, actorOf(req).vendorId, req.params.id, req.body),
  );
  app.delete('/api/v1/fields/:id', { ...manage, schema: { tags, params: idParam } }, async (req, reply) => {
    await deleteField(db, actorOf(req).vendorId, req.params.id);
    return reply.code(204).send();
  });
}
