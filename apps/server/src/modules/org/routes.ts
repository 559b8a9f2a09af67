import {
  type Agent,
  accountCheckQuery,
  agentCreateBody,
  agentDirectoryEntry,
  agentListQuery,
  agentSchema,
  agentUpdateBody,
  groupCreateBody,
  groupDirectoryEntry,
  groupReorderBody,
  groupSchema,
  groupUpdateBody,
  idParam,
  MODULE_GRANTS,
  roleCreateBody,
  roleSchema,
  roleUpdateBody,
} from '@yidan/contracts';
import { z } from 'zod';
import { type App, actorOf, type Deps } from '../../platform/http/route.js';
import {
  type AgentRow,
  createAgent,
  getAgent,
  isAccountAvailable,
  listAgents,
  updateAgent,
} from './agents.js';
import { createGroup, deleteGroup, getGroup, listGroups, reorderGroups, updateGroup } from './groups.js';
import { createRole, deleteRole, getRole, listRoles, updateRole } from './roles.js';

/** An agent as the API shows it: never the password hash. */
export function presentAgent(a: AgentRow): Agent {
  return {
    id: a.id,
    account: a.account,
    name: a.name,
    employeeNo: a.employeeNo,
    mobile: a.mobile,
    email: a.email,
    tags: a.tags,
    maxChats: a.maxChats,
    grants: MODULE_GRANTS.filter((g) => a.grants.includes(g)),
    roleId: a.roleId,
    groupIds: a.groupIds,
    enabled: a.enabled,
    available: a.available,
    createdAt: a.createdAt.toISOString(),
  };
}

const items = <T extends z.ZodTypeAny>(s: T) => z.object({ items: z.array(s) });

export function orgRoutes(app: App, { db, events }: Deps) {
  const agentsCfg = { config: { permission: 'org.agents' as const } };
  const t = { tags: ['agents'] };
  app.get(
    '/api/v1/agents',
    {
      ...agentsCfg,
      schema: {
        ...t,
        summary: '客服列表',
        querystring: agentListQuery,
        response: { 200: items(agentSchema) },
      },
    },
    async (req) => {
      const q = req.query;
      const enabled = q.enabled === undefined ? undefined : q.enabled === 'true';
      return {
        items: (await listAgents(db, actorOf(req).vendorId, { q: q.q, groupId: q.groupId, enabled })).map(
          presentAgent,
        ),
      };
    },
  );
  app.get(
    '/api/v1/agents/directory',
    {
      schema: {
        ...t,
        summary: '客服通讯录（所有客服可见：分配、排班、选择器用）',
        response: { 200: items(agentDirectoryEntry) },
      },
    },
    async (req) => ({
      items: (await listAgents(db, actorOf(req).vendorId)).map((a) => ({
        id: a.id,
        account: a.account,
        name: a.name,
        groupIds: a.groupIds,
        enabled: a.enabled,
        available: a.available,
      })),
    }),
  );
  app.get(
    '/api/v1/agents/check-account',
    {
      ...agentsCfg,
      schema: {
        ...t,
        summary: '检测重名',
        querystring: accountCheckQuery,
        response: { 200: z.object({ available: z.boolean() }) },
      },
    },
    async (req) => ({ available: await isAccountAvailable(db, actorOf(req).vendorId, req.query.account) }),
  );
  app.post(
    '/api/v1/agents',
    {
      ...agentsCfg,
      schema: { ...t, summary: '添加客服', body: agentCreateBody, response: { 201: agentSchema } },
    },
    async (req, reply) => reply.code(201).send(presentAgent(await createAgent(db, actorOf(req), req.body))),
  );
  app.get(
    '/api/v1/agents/:id',
    { ...agentsCfg, schema: { ...t, params: idParam, response: { 200: agentSchema } } },
    async (req) => presentAgent(await getAgent(db, actorOf(req).vendorId, req.params.id)),
  );
  app.patch(
    '/api/v1/agents/:id',
    {
      ...agentsCfg,
      schema: {
        ...t,
        summary: '修改客服',
        params: idParam,
        body: agentUpdateBody,
        response: { 200: agentSchema },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const agent = presentAgent(await updateAgent(db, actor, req.params.id, req.body));
      if (req.body.enabled === false || (req.body.password && req.params.id !== actor.agentId)) {
        events.emit('agent.sessionsRevoked', {
          vendorId: actor.vendorId,
          agentId: agent.id,
          reason: req.body.enabled === false ? 'disabled' : 'password_reset',
        });
      }
      return agent;
    },
  );

  const groupsCfg = { config: { permission: 'org.groups' as const } };
  const g = { tags: ['groups'] };
  app.get(
    '/api/v1/groups/directory',
    {
      schema: {
        ...g,
        summary: '分组通讯录（所有客服可见：选择器、名称显示用）',
        response: { 200: items(groupDirectoryEntry) },
      },
    },
    async (req) => ({
      items: (await listGroups(db, actorOf(req).vendorId)).map((x) => ({
        id: x.id,
        name: x.name,
        parentId: x.parentId,
      })),
    }),
  );
  app.get(
    '/api/v1/groups',
    { ...groupsCfg, schema: { ...g, summary: '客服分组', response: { 200: items(groupSchema) } } },
    async (req) => ({ items: await listGroups(db, actorOf(req).vendorId) }),
  );
  app.post(
    '/api/v1/groups',
    { ...groupsCfg, schema: { ...g, body: groupCreateBody, response: { 201: groupSchema } } },
    async (req, reply) => reply.code(201).send(await createGroup(db, actorOf(req).vendorId, req.body)),
  );
  app.post(
    '/api/v1/groups/reorder',
    {
      ...groupsCfg,
      schema: { ...g, summary: '拖拽排序', body: groupReorderBody, response: { 200: items(groupSchema) } },
    },
    async (req) => ({
      items: await reorderGroups(db, actorOf(req).vendorId, req.body.parentId, req.body.orderedIds),
    }),
  );
  app.get(
    '/api/v1/groups/:id',
    { ...groupsCfg, schema: { ...g, params: idParam, response: { 200: groupSchema } } },
    async (req) => getGroup(db, actorOf(req).vendorId, req.params.id),
  );
  app.patch(
    '/api/v1/groups/:id',
    {
      ...groupsCfg,
      schema: { ...g, params: idParam, body: groupUpdateBody, response: { 200: groupSchema } },
    },
    async (req) => updateGroup(db, actorOf(req).vendorId, req.params.id, req.body),
  );
  app.delete(
    '/api/v1/groups/:id',
    { ...groupsCfg, schema: { ...g, params: idParam } },
    async (req, reply) => {
      await deleteGroup(db, actorOf(req).vendorId, req.params.id);
      return reply.code(204).send();
    },
  );

  const rolesCfg = { config: { permission: 'org.roles' as const } };
  const r = { tags: ['roles'] };
  app.get(
    '/api/v1/roles',
    { ...rolesCfg, schema: { ...r, summary: '角色列表', response: { 200: items(roleSchema) } } },
    async (req) => ({ items: await listRoles(db, actorOf(req).vendorId) }),
  );
  app.post(
    '/api/v1/roles',
    { ...rolesCfg, schema: { ...r, body: roleCreateBody, response: { 201: roleSchema } } },
    async (req, reply) => reply.code(201).send(await createRole(db, actorOf(req), req.body)),
  );
  app.get(
    '/api/v1/roles/:id',
    { ...rolesCfg, schema: { ...r, params: idParam, response: { 200: roleSchema } } },
    async (req) => getRole(db, actorOf(req).vendorId, req.params.id),
  );
  app.patch(
    '/api/v1/roles/:id',
    { ...rolesCfg, schema: { ...r, params: idParam, body: roleUpdateBody, response: { 200: roleSchema } } },
    async (req) => updateRole(db, actorOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/roles/:id', { ...rolesCfg, schema: { ...r, params: idParam } }, async (req, reply) => {
    await deleteRole(db, actorOf(req).vendorId, req.params.id);
    return reply.code(204).send();
  });
}
