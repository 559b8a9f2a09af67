import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  OPERATOR_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  TRUST_PROXY: bool.default(false),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  JOBS: bool.default(true),
  CONSOLE_DIST: z.string().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  SMTP_FROM: z.string().min(3).optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** `null` means the embedded PGlite database (in dataDir, or in memory when dataDir is `memory://`). */
  databaseUrl: string | null;
  adminPassword: string | null;
  operatorToken: string | null;
  redisUrl: string | null;
  logLevel: string;
  bodyLimit: number;
  trustProxy: boolean;
  cookieSecure: 'auto' | 'true' | 'false';
  sessionTtlHours: number;
  jobs: boolean;
  consoleDist: string;
  /** Uploaded files (logos, attachments). */
  filesDir: string;
  visitorDist: string;
  /** Customer e-mail through SMTP (nodemailer); without it the dev adapter only records messages. */
  smtpUrl: string | null;
  /** The From of customer e-mail, e.g. `一单客服 <service@example.com>`. */
  smtpFrom: string;
};

const repoRoot = path.resolve(import.meta.dirname, '../../../..');

/** Reads and validates the environment once; a bad value stops the start with a line per variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR === 'memory://' ? e.DATA_DIR : path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    adminPassword: e.ADMIN_PASSWORD ?? null,
    operatorToken: e.OPERATOR_TOKEN ?? null,
    redisUrl: e.REDIS_URL ?? null,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT,
    trustProxy: e.TRUST_PROXY,
    cookieSecure: e.COOKIE_SECURE,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    jobs: e.JOBS,
    consoleDist: e.CONSOLE_DIST ?? path.join(repoRoot, 'apps/console/dist'),
    visitorDist: path.join(repoRoot, 'apps/visitor/dist'),
    smtpUrl: e.SMTP_URL ?? null,
    smtpFrom: e.SMTP_FROM ?? 'Yidan <noreply@localhost>',
    filesDir:
      e.DATA_DIR === 'memory://'
        ? path.join(os.tmpdir(), `yidan-files-${process.pid}`)
        : path.join(path.resolve(e.DATA_DIR), 'files'),
    ...overrides,
  };
}
