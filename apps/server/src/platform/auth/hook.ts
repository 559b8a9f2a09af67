import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/errors.js';
import type { App, Deps } from '../http/route.js';
import { type Actor, actorFromSession, actorFromToken } from './actor.js';
import { safeEqual, splitVendorSecret } from './secrets.js';

export const SESSION_COOKIE = 'yidan_sid';
export const CSRF_COOKIE = 'yidan_csrf';
export const TOKEN_PREFIX = 'ydt_';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function tokenFromHeader(header: string | undefined): { token: string; account: string | null } | null {
  if (!header) return null;
  const [scheme, value] = header.split(' ', 2);
  if (!value) return null;
  if (scheme?.toLowerCase() === 'bearer') return { token: value.trim(), account: null };
  if (scheme?.toLowerCase() === 'basic') {
    // Zendesk-style Basic auth: "<account>/token:<api token>".
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const match = /^(.+)\/token:(.+)$/.exec(decoded);
    if (match) return { token: match[2]!, account: match[1]! };
  }
  return null;
}

async function authenticate(deps: Deps, req: FastifyRequest): Promise<Actor | null> {
  const header = tokenFromHeader(req.headers.authorization);
  if (req.headers.authorization) {
    const parts = header?.token.startsWith(TOKEN_PREFIX)
      ? splitVendorSecret(header.token.slice(TOKEN_PREFIX.length), '_')
      : null;
    const actor = parts ? await actorFromToken(deps.db, parts.vendorId, parts.secret) : null;
    if (!actor || (header?.account && header.account.toLowerCase() !== actor.account.toLowerCase())) {
      throw new AppError('invalid_token');
    }
    return actor;
  }
  const cookie = req.cookies[SESSION_COOKIE];
  const parts = cookie ? splitVendorSecret(cookie, '.') : null;
  return parts ? actorFromSession(deps.db, parts.vendorId, parts.secret) : null;
}

/**
 * Authentication and authorisation for every /api route, before the body is parsed:
 * routes are agent-only unless they say otherwise, and declare the grant and permission they need.
 */
export function registerAuthHook(app: App, deps: Deps) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    // Decided by the matched route pattern, not the raw URL, so no spelling of a path skips it.
    if (!req.routeOptions.url?.startsWith('/api/v1/')) return;
    const cfg = req.routeOptions.config;
    const mode = cfg.auth ?? 'agent';
    if (mode === 'public') return;
    if (mode === 'operator') {
      const expected = deps.config.operatorToken;
      if (!expected) throw new AppError('operator_disabled');
      const given = tokenFromHeader(req.headers.authorization)?.token ?? '';
      if (!safeEqual(given, expected)) throw new AppError('invalid_token');
      return;
    }
    const actor = await authenticate(deps, req);
    if (!actor) throw new AppError('unauthenticated');
    if (actor.vendorStatus !== 'active') throw new AppError('vendor_disabled');
    if (!actor.agentEnabled) throw new AppError('account_disabled');
    if (actor.via === 'session' && !SAFE_METHODS.has(req.method)) {
      const given = req.headers['x-csrf-token'];
      if (typeof given !== 'string' || !actor.csrfToken || !safeEqual(given, actor.csrfToken)) {
        throw new AppError('csrf_failed');
      }
    }
    if (cfg.module && !actor.modules.includes(cfg.module)) {
      throw new AppError('module_not_granted', { module: cfg.module });
    }
    if (cfg.permission && !actor.permissions.has(cfg.permission)) throw new AppError('forbidden');
    req.actor = actor;
  });
}
