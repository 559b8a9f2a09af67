import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import type { AgentEventName, AgentEventPayload, AgentServerEvents } from '@yidan/contracts';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { type Actor, actorFromSession, actorFromToken } from '../auth/actor.js';
import { SESSION_COOKIE, TOKEN_PREFIX } from '../auth/hook.js';
import { splitVendorSecret } from '../auth/secrets.js';
import type { Db } from '../db/client.js';

export const vendorRoom = (vendorId: number) => `vendor:${vendorId}`;
export const agentRoom = (vendorId: number, agentId: number) => `agent:${vendorId}:${agentId}`;

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

async function authenticateSocket(db: Db, cookie: string | undefined, token: unknown): Promise<Actor | null> {
  if (typeof token === 'string' && token.startsWith(TOKEN_PREFIX)) {
    const parts = splitVendorSecret(token.slice(TOKEN_PREFIX.length), '_');
    return parts ? actorFromToken(db, parts.vendorId, parts.secret) : null;
  }
  const sid = cookieValue(cookie, SESSION_COOKIE);
  const parts = sid ? splitVendorSecret(sid, '.') : null;
  return parts ? actorFromSession(db, parts.vendorId, parts.secret) : null;
}

export interface Realtime {
  toAgent<E extends AgentEventName>(
    vendorId: number,
    agentId: number,
    event: E,
    payload: AgentEventPayload<E>,
  ): void;
  toVendor<E extends AgentEventName>(vendorId: number, event: E, payload: AgentEventPayload<E>): void;
  close(): Promise<void>;
}

/**
 * The socket.io gateway: namespace /agent, authenticated by the session cookie or an API token
 * (`auth: { token }`); each socket joins its vendor and agent rooms. With a Redis URL the Redis
 * adapter fans events out across nodes.
 */
export async function startRealtime(server: HttpServer, db: Db, redisUrl: string | null): Promise<Realtime> {
  const io = new Server(server, { serveClient: false, cors: { origin: false } });
  const redisClients: { quit(): Promise<unknown> }[] = [];
  if (redisUrl) {
    const pub = createClient({ url: redisUrl });
    const sub = pub.duplicate();
    await Promise.all([pub.connect(), sub.connect()]);
    redisClients.push(pub, sub);
    io.adapter(createAdapter(pub as never, sub as never));
  }
  const agentNs = io.of('/agent');
  agentNs.use(async (socket, next) => {
    try {
      const actor = await authenticateSocket(
        db,
        socket.handshake.headers.cookie,
        socket.handshake.auth?.token,
      );
      if (actor?.vendorStatus !== 'active' || !actor.agentEnabled) return next(new Error('unauthenticated'));
      socket.data.vendorId = actor.vendorId;
      socket.data.agentId = actor.agentId;
      next();
    } catch {
      next(new Error('unauthenticated'));
    }
  });
  agentNs.on('connection', (socket) => {
    socket.join([vendorRoom(socket.data.vendorId), agentRoom(socket.data.vendorId, socket.data.agentId)]);
  });

  type Emit = (event: string, payload: unknown) => void;
  return {
    toAgent(vendorId, agentId, event, payload) {
      (agentNs.to(agentRoom(vendorId, agentId)).emit as Emit)(event, payload);
    },
    toVendor(vendorId, event, payload) {
      (agentNs.to(vendorRoom(vendorId)).emit as Emit)(event, payload);
    },
    async close() {
      // Leave the HTTP server to Fastify's close, which finishes in-flight requests.
      io.disconnectSockets(true);
      io.engine.close();
      await Promise.all(redisClients.map((c) => c.quit().catch(() => undefined)));
    },
  };
}

export type { AgentServerEvents };
