import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type Config, loadConfig } from '../../apps/server/src/platform/config.js';
import { type Running, startServer } from '../../apps/server/src/server.js';

export const ADMIN_PASSWORD = 'e2e-admin-password';
export const VENDOR_KEY = 'default';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface ConsoleServer {
  running: Running;
  baseUrl: string;
  /** Calls the API as the vendor admin (through app.inject, no browser), for setup and checks. */
  adminApi<T = unknown>(method: Method, url: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/**
 * The real server in this process on a free port, with embedded PGlite in a temporary directory,
 * serving the built console (apps/console/dist, made by `npm run build`).
 */
export async function startConsoleServer(overrides: Partial<Config> = {}): Promise<ConsoleServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yidan-e2e-'));
  const config = loadConfig(
    {
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      JOBS: 'false',
      ADMIN_PASSWORD,
    },
    overrides,
  );
  if (!fs.existsSync(path.join(config.consoleDist, 'index.html'))) {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw new Error(
      `The console is not built: ${config.consoleDist}/index.html is missing. Run \`npm run build\` first.`,
    );
  }
  const running = await startServer(config, { logger: false });
  const baseUrl = `http://127.0.0.1:${(running.app.server.address() as AddressInfo).port}`;

  let session: { sid: string; csrf: string } | null = null;
  const adminSession = async () => {
    if (session) return session;
    const res = await running.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { account: 'admin', password: ADMIN_PASSWORD, vendor: VENDOR_KEY },
    });
    if (res.statusCode !== 200) throw new Error(`admin login failed ${res.statusCode}: ${res.body}`);
    const sid = res.cookies.find((c) => c.name === 'yidan_sid')?.value;
    if (!sid) throw new Error('admin login set no session cookie');
    session = { sid, csrf: (res.json() as { csrfToken: string }).csrfToken };
    return session;
  };

  return {
    running,
    baseUrl,
    async adminApi<T>(method: Method, url: string, body?: unknown) {
      const s = await adminSession();
      const res = await running.app.inject({
        method,
        url,
        cookies: { yidan_sid: s.sid },
        headers: { 'x-csrf-token': s.csrf },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      if (res.statusCode >= 400) throw new Error(`${method} ${url} → ${res.statusCode}: ${res.body}`);
      return (res.body ? res.json() : undefined) as T;
    },
    async close() {
      await running.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The console server for one test file: started before its tests, closed after them. The object
 * stands for the server from `beforeAll` on.
 */
export function useConsoleServer(overrides: Partial<Config> = {}): ConsoleServer {
  let server: ConsoleServer | undefined;
  beforeAll(async () => {
    server = await startConsoleServer(overrides);
  });
  afterAll(async () => {
    await server?.close();
  });
  const current = () => {
    if (!server) throw new Error('The console server starts in beforeAll: use it inside a test.');
    return server;
  };
  return {
    get running() {
      return current().running;
    },
    get baseUrl() {
      return current().baseUrl;
    },
    adminApi: <T>(method: Method, url: string, body?: unknown) => current().adminApi<T>(method, url, body),
    close: () => current().close(),
  };
}
