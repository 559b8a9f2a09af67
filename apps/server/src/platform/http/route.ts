import type { ModuleGrant, Permission } from '@yidan/contracts';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../auth/actor.js';
import type { Config } from '../config.js';
import type { Database, Db } from '../db/client.js';
import type { DomainEvents } from '../events.js';
import type { Jobs } from '../jobs/queue.js';
import { AppError } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call: an agent (default for /api), anyone, or the platform operator. */
    auth?: 'agent' | 'public' | 'operator';
    /** Role permission needed. */
    permission?: Permission;
    /** Module grant needed (在线客服 / 工单 / 呼叫中心). */
    module?: ModuleGrant;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export interface Deps {
  config: Config;
  database: Database;
  db: Db;
  events: DomainEvents;
  jobs: Jobs | null;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The authenticated actor of a route that requires one (the auth hook guarantees it). */
export function actorOf(req: { actor: Actor | null }): Actor {
  if (!req.actor) throw new AppError('unauthenticated');
  return req.actor;
}
