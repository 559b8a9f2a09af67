import client from 'prom-client';
import type { App, Deps } from './route.js';

const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry, prefix: 'yidan_' });
const httpDuration = new client.Histogram({
  name: 'yidan_http_request_duration_seconds',
  help: 'HTTP request duration by route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

let shuttingDown = false;
export const markShuttingDown = () => {
  shuttingDown = true;
};

/** /healthz (process alive), /readyz (database answers), /metrics (Prometheus). */
export function registerOperations(app: App, deps: Deps) {
  app.addHook('onResponse', async (req, reply) => {
    httpDuration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  const hide = { schema: { hide: true }, logLevel: 'warn' as const };
  app.get('/healthz', hide, async () => ({ status: 'ok' }));
  app.get('/readyz', hide, async (_req, reply) => {
    if (shuttingDown) return reply.code(503).send({ status: 'shutting_down' });
    try {
      await deps.database.sql.executeSql('select 1 as ok', []);
      return { status: 'ready', database: deps.database.kind };
    } catch {
      return reply.code(503).send({ status: 'database_unavailable' });
    }
  });
  app.get('/metrics', hide, async (_req, reply) => {
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
