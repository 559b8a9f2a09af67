import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyContextConfig } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { registerAuthHook } from '../auth/hook.js';
import { registerOperations } from './operations.js';
import { registerProblemHandlers } from './problem.js';
import type { App, Deps } from './route.js';

/** Every /api/v1 route with its access rules; tests walk it so no route escapes the isolation checks. */
export interface RouteInfo {
  method: string;
  url: string;
  config: FastifyContextConfig;
  hasBody: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteInfo[];
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface AppOptions {
  logger?: boolean;
  /** Where logs go (default stdout); tests pass a stream to read them. */
  logStream?: NodeJS.WritableStream;
  /** Route registrations of the modules. */
  modules: ((app: App, deps: Deps) => void)[];
}

/** Builds the HTTP app (not listening): one pipeline of hooks, validation, problem+json, docs. */
export async function buildApp(deps: Deps, opts: AppOptions): Promise<App> {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: deps.config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'body.password'],
            ...(opts.logStream ? { stream: opts.logStream } : {}),
          },
    bodyLimit: deps.config.bodyLimit,
    trustProxy: deps.config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  const routeTable: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/')) return;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routeTable.push({
        method,
        url: route.url,
        config: route.config ?? {},
        hasBody: Boolean(route.schema?.body),
      });
    }
  });
  app.decorate('routeTable', routeTable);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  registerProblemHandlers(app);
  await app.register(fastifyCookie);
  // Uploads (imports, attachments): oversize files are cut and reported by each route with its own message.
  await app.register(fastifyMultipart, { throwFileSizeLimit: false });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Yidan 一单 API',
        version: '1.0.0',
        description: '一单客服平台 API。认证：会话 Cookie 或 `Authorization: Bearer <token>`。',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          basic: { type: 'http', scheme: 'basic', description: '用户名 `<account>/token`，密码为 API 令牌' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'yidan_sid' },
        },
      },
      security: [{ bearer: [] }, { basic: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  registerAuthHook(app, deps);
  registerOperations(app, deps);
  for (const register of opts.modules) register(app, deps);
  await serveClients(app, deps);
  return app;
}

/** Serves the built console at / (SPA fallback) and the visitor app at /visitor/. */
async function serveClients(app: App, deps: Deps) {
  const visitor = deps.config.visitorDist;
  if (fs.existsSync(visitor)) {
    await app.register(fastifyStatic, {
      root: visitor,
      prefix: '/visitor/',
      decorateReply: false,
      index: 'index.html',
    });
  }
  const consoleDir = deps.config.consoleDist;
  if (!fs.existsSync(path.join(consoleDir, 'index.html'))) return;
  await app.register(fastifyStatic, { root: consoleDir, prefix: '/', wildcard: false, index: 'index.html' });
  // Re-read when a rebuild replaced it, so open tabs never get a shell pointing at deleted assets.
  const indexPath = path.join(consoleDir, 'index.html');
  let cached = { mtimeMs: -1, html: Buffer.alloc(0) };
  const indexHtml = () => {
    const { mtimeMs } = fs.statSync(indexPath);
    if (mtimeMs !== cached.mtimeMs) cached = { mtimeMs, html: fs.readFileSync(indexPath) };
    return cached.html;
  };
  // Client-side routes (anything that is not an API, asset or file path) get the SPA shell.
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const p = req.url.split('?')[0] ?? '/';
    if (p.startsWith('/api/') || p.startsWith('/assets/') || path.extname(p)) {
      return reply.callNotFound();
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml());
  });
}
