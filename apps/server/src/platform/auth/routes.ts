import {
  apiTokenCreateBody,
  apiTokenCreatedSchema,
  apiTokenSchema,
  changePasswordBody,
  idParam,
  loginBody,
  meSchema,
} from '@yidan/contracts';
import { z } from 'zod';
import { type App, actorOf, type Deps } from '../http/route.js';
import { CSRF_COOKIE, SESSION_COOKIE } from './hook.js';
import { presentMe } from './presenters.js';
import { changePassword, createApiToken, deleteApiToken, listApiTokens, login, logout } from './service.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const tags = ['auth'];

export function authRoutes(app: App, deps: Deps) {
  const secure = (protocol: string) =>
    deps.config.cookieSecure === 'true' || (deps.config.cookieSecure === 'auto' && protocol === 'https');

  app.post(
    '/api/v1/auth/login',
    {
      config: { auth: 'public' },
      schema: { tags, summary: '登录 Sign in', body: loginBody, response: { 200: meSchema } },
    },
    async (req, reply) => {
      const result = await login(deps.db, req.body, {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        ttlHours: deps.config.sessionTtlHours,
      });
      const common = {
        path: '/',
        sameSite: 'lax' as const,
        secure: secure(req.protocol),
        expires: result.expiresAt,
      };
      reply.setCookie(SESSION_COOKIE, result.sessionCookie, { ...common, httpOnly: true });
      reply.setCookie(CSRF_COOKIE, result.csrfToken, { ...common, httpOnly: false });
      return presentMe(result.actor);
    },
  );

  app.post('/api/v1/auth/logout', { schema: { tags, summary: '退出登录 Sign out' } }, async (req, reply) => {
    await logout(deps.db, actorOf(req));
    reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.post(
    '/api/v1/auth/password',
    { schema: { tags, summary: '修改密码 Change password', body: changePasswordBody } },
    async (req, reply) => {
      await changePassword(deps.db, actorOf(req), req.body.currentPassword, req.body.newPassword);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/me',
    { schema: { tags, summary: '当前客服 Current agent', response: { 200: meSchema } } },
    async (req) => presentMe(actorOf(req)),
  );

  const presentToken = (t: {
    id: number;
    name: string;
    prefix: string;
    createdAt: Date;
    lastUsedAt: Date | null;
  }) => ({
    ...t,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: iso(t.lastUsedAt),
  });
  const tokenTags = ['api-tokens'];
  const manage = { permission: 'apiTokens.manage' as const };

  app.get(
    '/api/v1/api-tokens',
    {
      config: manage,
      schema: { tags: tokenTags, response: { 200: z.object({ items: z.array(apiTokenSchema) }) } },
    },
    async (req) => ({ items: (await listApiTokens(deps.db, actorOf(req))).map(presentToken) }),
  );
  app.post(
    '/api/v1/api-tokens',
    {
      config: manage,
      schema: { tags: tokenTags, body: apiTokenCreateBody, response: { 201: apiTokenCreatedSchema } },
    },
    async (req, reply) => {
      const created = await createApiToken(deps.db, actorOf(req), req.body.name);
      return reply.code(201).send({ ...presentToken(created), token: created.token });
    },
  );
  app.delete(
    '/api/v1/api-tokens/:id',
    { config: manage, schema: { tags: tokenTags, params: idParam } },
    async (req, reply) => {
      await deleteApiToken(deps.db, actorOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
}
