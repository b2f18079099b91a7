import { z } from 'zod';

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** The environment variables stinet reads, with their rules and defaults. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  SEED_ON_START: z.enum(['demo', 'none']).default('demo'),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  COOKIE_SECURE: booleanString.optional(),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(10),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST_DIR: z.string().optional(),
  TRUST_PROXY: booleanString.default(false),
  FILES_DIR: z.string().min(1).optional(),
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(2 * 1024 * 1024 * 1024).default(200 * 1024 * 1024),
  MAIL_SENDER: z.enum(['log', 'smtp']).default('log'),
  SMTP_URL: z
    .url()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.vn:587')
    .optional(),
  MAIL_FROM: z
    .string()
    .trim()
    .regex(/^(?:[^<>]*<[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+)$/, 'must be an e-mail address, optionally with a name: "stinet <no-reply@example.vn>"')
    .default('stinet <no-reply@stinet.invalid>'),
  REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).optional(),
  OAI_REPOSITORY_IDENTIFIER: z
    .string()
    .regex(/^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/, 'must be a domain name such as stinet.gov.vn (OAI-PMH repositoryIdentifier)')
    .default('stinet.local'),
  OAI_PAGE_SIZE: z.coerce.number().int().min(10).max(1000).default(100),
});

/** Rules between variables (checked beside the per-variable ones, so every problem is listed at once). */
function crossProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.MAIL_SENDER === 'smtp' && !env.SMTP_URL) problems.push('SMTP_URL: is required when MAIL_SENDER=smtp (e.g. smtp://user:password@mail.example.vn:587)');
  return problems;
}

/** Typed configuration of one stinet process. */
export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string | null;
  database: { kind: 'postgres'; url: string; poolMax: number } | { kind: 'pglite'; dataDir: string };
  seedOnStart: 'demo' | 'none';
  sessionTtlHours: number;
  cookieSecure: boolean;
  loginRateLimitPerMinute: number;
  bodyLimitBytes: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  webDistDir: string | null;
  /** Trust X-Forwarded-* (only behind a reverse proxy that sets them); otherwise clients could spoof their IP. */
  trustProxy: boolean;
  /** Where uploaded files are stored (default: DATA_DIR/files). */
  filesDir: string;
  /** Largest accepted upload. */
  uploadMaxBytes: number;
  /** How reminders are sent: written to the log (default) or through an SMTP server. */
  mail: { sender: 'log' } | { sender: 'smtp'; smtpUrl: string };
  /** The From address of reminders. */
  mailFrom: string;
  /** Minutes between reminder sweeps of the running server; 0 = none (default 60, and 0 under NODE_ENV=test). */
  reminderIntervalMinutes: number;
  /** OAI-PMH provider: repositoryIdentifier of `oai:<id>:<type>/<uuid>` identifiers and records per list response. */
  oai: { repositoryIdentifier: string; pageSize: number };
}

/** Thrown when the environment is invalid; `problems` lists every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment into a typed Config. Collects every problem at once so an operator
 * can fix them in one go; throws ConfigError when any value is wrong.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  const problems = [...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)), ...crossProblems(cleaned)];
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    nodeEnv: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL ?? null,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolMax: e.DB_POOL_MAX }
      : { kind: 'pglite', dataDir: e.DATA_DIR },
    seedOnStart: e.SEED_ON_START,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE ?? (e.PUBLIC_URL?.startsWith('https://') ?? false),
    loginRateLimitPerMinute: e.LOGIN_RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    logLevel: e.LOG_LEVEL,
    webDistDir: e.WEB_DIST_DIR ?? null,
    trustProxy: e.TRUST_PROXY,
    filesDir: e.FILES_DIR ?? `${e.DATA_DIR.replace(/\/+$/, '')}/files`,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    mail: e.MAIL_SENDER === 'smtp' ? { sender: 'smtp', smtpUrl: e.SMTP_URL as string } : { sender: 'log' },
    mailFrom: e.MAIL_FROM,
    reminderIntervalMinutes: e.REMINDER_INTERVAL_MINUTES ?? (e.NODE_ENV === 'test' ? 0 : 60),
    oai: { repositoryIdentifier: e.OAI_REPOSITORY_IDENTIFIER, pageSize: e.OAI_PAGE_SIZE },
  };
}
