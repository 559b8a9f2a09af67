import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

/** Reads a required variable; these suites never skip, they fail with a clear message. */
export function requireEnv(name: string, example: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set. This suite needs it, e.g. ${name}=${example}`);
  }
  return value;
}

/** A port that was free a moment ago (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      if (!address || typeof address === 'string') {
        srv.close();
        reject(new Error('no port'));
        return;
      }
      srv.close(() => resolve(address.port));
    });
  });
}

export interface FreshDatabase {
  /** Connection string of the new, empty database. */
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * Creates an empty PostgreSQL database `<prefix>_<random>` next to the one `adminUrl` points at
 * (which must allow CREATE DATABASE); `drop()` removes it, ending leftover connections first.
 */
export async function createFreshDatabase(adminUrl: string, prefix: string): Promise<FreshDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

export interface NodeProcess {
  name: string;
  port: number;
  baseUrl: string;
  child: ChildProcess;
  /** Everything the process wrote (stdout and stderr), for failure messages. */
  output(): string;
  /** Resolves with the exit code (or the signal name) once the process has exited. */
  exited: Promise<number | string>;
}

/** Spawns `node --import tsx apps/server/src/main.ts` from the repo root with the given environment. */
export function spawnServerNode(name: string, port: number, env: Record<string, string>): NodeProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log += chunk.toString('utf8');
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  return { name, port, baseUrl: `http://127.0.0.1:${port}`, child, output: () => log, exited };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls GET /readyz until it answers 200; fails early (with the node's output) if the process dies. */
export async function waitReady(
  node: NodeProcess,
  timeoutMs = 60_000,
): Promise<{ status: string; database: string }> {
  const deadline = Date.now() + timeoutMs;
  let exitedWith: number | string | null = null;
  void node.exited.then((code) => {
    exitedWith = code;
  });
  let last = '';
  while (Date.now() < deadline) {
    if (exitedWith !== null) {
      throw new Error(`${node.name} exited (${exitedWith}) before it was ready:\n${node.output()}`);
    }
    try {
      const res = await fetch(`${node.baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return (await res.json()) as { status: string; database: string };
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(200);
  }
  throw new Error(`${node.name} not ready after ${timeoutMs} ms (last: ${last}):\n${node.output()}`);
}

/** Sends SIGTERM and waits for the exit; SIGKILLs after `timeoutMs` and reports that as 'SIGKILL'. */
export async function stopNode(node: NodeProcess, timeoutMs = 20_000): Promise<number | string> {
  if (node.child.exitCode !== null || node.child.signalCode !== null) return node.exited;
  node.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<string>((resolve) => {
    timer = setTimeout(() => {
      node.child.kill('SIGKILL');
      resolve('SIGKILL (did not exit within the grace period)');
    }, timeoutMs);
  });
  const result = await Promise.race([node.exited, killed]);
  clearTimeout(timer);
  return result;
}
