import type { Benchmark } from './harness.js';

/**
 * The cost of the whole HTTP pipeline (hooks, authentication, serialisation) on the cheapest
 * authenticated route, against a bare Fastify route in the same run.
 */
const benchmark: Benchmark = {
  name: 'http-me',
  description: 'GET /api/v1/me with a session cookie and with a Bearer token vs a bare Fastify JSON route',
  async run(h) {
    const bare = await h.bareFastify();
    const yidan = await h.yidan();
    const session = await yidan.login();
    const token = await yidan.apiToken(session);

    const rows = [
      await h.load({ label: 'bare', url: `${bare}/` }),
      await h.load({
        label: 'GET /api/v1/me, cookie',
        url: `${yidan.baseUrl}/api/v1/me`,
        headers: { cookie: session.cookie },
      }),
      await h.load({
        label: 'GET /api/v1/me, bearer',
        url: `${yidan.baseUrl}/api/v1/me`,
        headers: { authorization: `Bearer ${token}` },
      }),
    ];
    h.report(
      'GET /api/v1/me vs bare Fastify route (10 connections, 1 s warm-up, 5 s measured)',
      rows,
      rows[0]!.label,
    );
  },
};

export default benchmark;
