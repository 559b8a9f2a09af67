import {
  bulkDeleteBody,
  bulkResultSchema,
  companyBulkUpdateBody,
  companyCreateBody,
  companyListQuery,
  companyMergeBody,
  companyPage,
  companySchema,
  companySearchBody,
  companyUpdateBody,
  contactBulkUpdateBody,
  contactCreateBody,
  contactListQuery,
  contactPage,
  contactSchema,
  contactUpdateBody,
  customerGroupCreateBody,
  customerGroupSchema,
  customerGroupUpdateBody,
  customerSettingsSchema,
  customerSettingsUpdateBody,
  customerTemplateCreateBody,
  customerTemplateSchema,
  customerTemplateUpdateBody,
  identifyQuery,
  identifyResult,
  idParam,
  queryFieldsSchema,
  servicePackageSchema,
  servicePackagesBody,
} from '@yidan/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { localizeResults } from '../../platform/http/problem.js';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import { bulkDeleteCompanies, bulkDeleteContacts, bulkUpdateCompanies, bulkUpdateContacts } from './bulk.js';
import { createCompany, deleteCompany, getCompany, listCompanies, updateCompany } from './companies.js';
import { createContact, deleteContact, getContact, listContacts, updateContact } from './contacts.js';
import { customerContext, presentContext } from './context.js';
import {
  createCustomerGroup,
  deleteCustomerGroup,
  listCustomerGroupsFor,
  updateCustomerGroup,
} from './groups.js';
import { identify } from './identify.js';
import { mergeCompanies } from './merge.js';
import { companyQueryCatalogue, searchCompanies } from './search.js';
import { getCustomerSettings, listPackages, setPackages, updateCustomerSettings } from './settings.js';
import {
  createTemplate,
  deleteTemplate,
  listTemplates,
  presentTemplate,
  updateTemplate,
} from './templates.js';

export function customerRoutes(app: App, { db }: Deps) {
  const ctx = (req: FastifyRequest) => customerContext(db, actorOf(req));
  const view = { config: { permission: 'customer.view' as const } };
  const create = { config: { permission: 'customer.create' as const } };
  const edit = { config: { permission: 'customer.edit' as const } };
  const remove = { config: { permission: 'customer.delete' as const } };
  const settings = { config: { permission: 'customer.settings' as const } };
  const ct = { tags: ['companies'] };
  const pt = { tags: ['contacts'] };

  app.get(
    '/api/v1/identify',
    {
      config: { auth: 'agent' },
      schema: {
        tags: ['customers'],
        summary: '识别客户（按手机、邮箱、openid、机器码、服务验证码）',
        querystring: identifyQuery,
        response: { 200: identifyResult },
      },
    },
    async (req) => identify(db, await presentContext(db, actorOf(req)), req.query),
  );

  app.get(
    '/api/v1/companies',
    {
      ...view,
      schema: { ...ct, summary: '公司列表', querystring: companyListQuery, response: { 200: companyPage } },
    },
    async (req) => listCompanies(db, await ctx(req), req.query),
  );
  app.get(
    '/api/v1/companies/query-fields',
    { ...view, schema: { ...ct, summary: '高级查询可用字段', response: { 200: queryFieldsSchema } } },
    async (req) => ({ items: (await companyQueryCatalogue(db, await ctx(req))).fields }),
  );
  app.post(
    '/api/v1/companies/search',
    {
      ...view,
      schema: {
        ...ct,
        summary: '高级查询（条件语言）',
        body: companySearchBody,
        response: { 200: companyPage },
      },
    },
    async (req) => searchCompanies(db, await ctx(req), req.body),
  );
  app.post(
    '/api/v1/companies',
    {
      ...create,
      schema: {
        ...ct,
        summary: '新增公司（可带联系人）',
        body: companyCreateBody,
        response: { 201: companySchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createCompany(db, await ctx(req), req.body)),
  );
  app.get(
    '/api/v1/companies/:id',
    { ...view, schema: { ...ct, params: idParam, response: { 200: companySchema } } },
    async (req) => getCompany(db, await ctx(req), req.params.id),
  );
  app.patch(
    '/api/v1/companies/:id',
    {
      ...edit,
      schema: { ...ct, params: idParam, body: companyUpdateBody, response: { 200: companySchema } },
    },
    async (req) => updateCompany(db, await ctx(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/companies/:id',
    { ...remove, schema: { ...ct, params: idParam } },
    async (req, reply) => {
      await deleteCompany(db, await ctx(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/contacts',
    {
      ...view,
      schema: { ...pt, summary: '联系人列表', querystring: contactListQuery, response: { 200: contactPage } },
    },
    async (req) => listContacts(db, await ctx(req), req.query),
  );
  app.post(
    '/api/v1/contacts',
    { ...create, schema: { ...pt, body: contactCreateBody, response: { 201: contactSchema } } },
    async (req, reply) => reply.code(201).send(await createContact(db, await ctx(req), req.body)),
  );
  app.get(
    '/api/v1/contacts/:id',
    { ...view, schema: { ...pt, params: idParam, response: { 200: contactSchema } } },
    async (req) => getContact(db, await ctx(req), req.params.id),
  );
  app.patch(
    '/api/v1/contacts/:id',
    {
      ...edit,
      schema: { ...pt, params: idParam, body: contactUpdateBody, response: { 200: contactSchema } },
    },
    async (req) => updateContact(db, await ctx(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/contacts/:id',
    { ...remove, schema: { ...pt, params: idParam } },
    async (req, reply) => {
      await deleteContact(db, await ctx(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/companies/:id/merge',
    {
      config: { permission: 'customer.delete' },
      schema: {
        ...ct,
        summary: '合并公司：把本公司合并到目标公司（不可逆）',
        params: idParam,
        body: companyMergeBody,
        response: { 200: companySchema },
      },
    },
    async (req) => mergeCompanies(db, await ctx(req), req.params.id, req.body.targetId),
  );
  app.post(
    '/api/v1/companies/bulk-update',
    {
      ...edit,
      schema: {
        ...ct,
        summary: '批量编辑公司（附件追加）',
        body: companyBulkUpdateBody,
        response: { 200: bulkResultSchema },
      },
    },
    async (req) => ({
      items: localizeResults(
        await bulkUpdateCompanies(db, await ctx(req), req.body.ids, req.body.set),
        req.headers['accept-language'],
      ),
    }),
  );
  app.post(
    '/api/v1/companies/bulk-delete',
    {
      ...remove,
      schema: { ...ct, summary: '批量删除公司', body: bulkDeleteBody, response: { 200: bulkResultSchema } },
    },
    async (req) => ({
      items: localizeResults(
        await bulkDeleteCompanies(db, await ctx(req), req.body.ids),
        req.headers['accept-language'],
      ),
    }),
  );
  app.post(
    '/api/v1/contacts/bulk-update',
    {
      ...edit,
      schema: {
        ...pt,
        summary: '批量编辑联系人',
        body: contactBulkUpdateBody,
        response: { 200: bulkResultSchema },
      },
    },
    async (req) => ({
      items: localizeResults(
        await bulkUpdateContacts(db, await ctx(req), req.body.ids, req.body.set),
        req.headers['accept-language'],
      ),
    }),
  );
  app.post(
    '/api/v1/contacts/bulk-delete',
    {
      ...remove,
      schema: { ...pt, summary: '批量删除联系人', body: bulkDeleteBody, response: { 200: bulkResultSchema } },
    },
    async (req) => ({
      items: localizeResults(
        await bulkDeleteContacts(db, await ctx(req), req.body.ids),
        req.headers['accept-language'],
      ),
    }),
  );

  const gt = { tags: ['customer-groups'] };
  app.get(
    '/api/v1/customer-groups',
    {
      ...view,
      schema: {
        ...gt,
        summary: '客户组',
        response: { 200: z.object({ items: z.array(customerGroupSchema) }) },
      },
    },
    async (req) => ({ items: await listCustomerGroupsFor(db, await ctx(req)) }),
  );
  app.post(
    '/api/v1/customer-groups',
    { ...settings, schema: { ...gt, body: customerGroupCreateBody, response: { 201: customerGroupSchema } } },
    async (req, reply) =>
      reply.code(201).send(await createCustomerGroup(db, actorOf(req).vendorId, req.body)),
  );
  app.patch(
    '/api/v1/customer-groups/:id',
    {
      ...settings,
      schema: {
        ...gt,
        params: idParam,
        body: customerGroupUpdateBody,
        response: { 200: customerGroupSchema },
      },
    },
    async (req) => updateCustomerGroup(db, actorOf(req).vendorId, req.params.id, req.body),
  );
  app.delete(
    '/api/v1/customer-groups/:id',
    { ...settings, schema: { ...gt, params: idParam } },
    async (req, reply) => {
      await deleteCustomerGroup(db, actorOf(req).vendorId, req.params.id);
      return reply.code(204).send();
    },
  );

  const tt = { tags: ['customer-templates'] };
  const templateList = z.object({ items: z.array(customerTemplateSchema) });
  app.get(
    '/api/v1/customer-templates',
    { ...view, schema: { ...tt, summary: '客户模板', response: { 200: templateList } } },
    async (req) => ({ items: (await listTemplates(db, actorOf(req).vendorId)).map(presentTemplate) }),
  );
  app.post(
    '/api/v1/customer-templates',
    {
      ...settings,
      schema: { ...tt, body: customerTemplateCreateBody, response: { 201: customerTemplateSchema } },
    },
    async (req, reply) =>
      reply.code(201).send(presentTemplate(await createTemplate(db, actorOf(req).vendorId, req.body))),
  );
  app.patch(
    '/api/v1/customer-templates/:id',
    {
      ...settings,
      schema: {
        ...tt,
        summary: '编辑客户模板（含模板发布）',
        params: idParam,
        body: customerTemplateUpdateBody,
        response: { 200: customerTemplateSchema },
      },
    },
    async (req) => presentTemplate(await updateTemplate(db, actorOf(req).vendorId, req.params.id, req.body)),
  );
  app.delete(
    '/api/v1/customer-templates/:id',
    { ...settings, schema: { ...tt, params: idParam } },
    async (req, reply) => {
      await deleteTemplate(db, actorOf(req).vendorId, req.params.id);
      return reply.code(204).send();
    },
  );

  const st = { tags: ['customer-settings'] };
  app.get(
    '/api/v1/customer-settings',
    {
      ...view,
      schema: {
        ...st,
        summary: '客户管理设置（保密模式、高级模式）',
        response: { 200: customerSettingsSchema },
      },
    },
    async (req) => getCustomerSettings(db, actorOf(req).vendorId),
  );
  app.patch(
    '/api/v1/customer-settings',
    {
      ...settings,
      schema: { ...st, body: customerSettingsUpdateBody, response: { 200: customerSettingsSchema } },
    },
    async (req) => updateCustomerSettings(db, actorOf(req).vendorId, req.body),
  );
  app.get(
    '/api/v1/service-packages',
    {
      schema: {
        ...st,
        summary: '服务包列表',
        response: { 200: z.object({ items: z.array(servicePackageSchema) }) },
      },
    },
    async (req) => ({ items: await listPackages(db, actorOf(req).vendorId) }),
  );
  app.put(
    '/api/v1/service-packages',
    {
      ...settings,
      schema: {
        ...st,
        body: servicePackagesBody,
        response: { 200: z.object({ items: z.array(servicePackageSchema) }) },
      },
    },
    async (req) => ({ items: await setPackages(db, actorOf(req).vendorId, req.body.names) }),
  );
}
