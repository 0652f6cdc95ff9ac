import { z } from 'zod';
import { DEV_FILE_KEY, decodeFileKey } from '../contexts/files/file-cipher.ts';
import type { FileConfig } from '../contexts/files/files.setup.ts';
import type { MailConfig } from '../contexts/notifications/smtp.transport.ts';
import { originOf } from '../kernel/settings/tenant-settings.schemas.ts';

/** `address` or `Display Name <address>`: one mailbox, no line breaks */
const MAIL_FROM = /^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/;

// The one place that reads process.env: everything else receives a typed Config.
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_BASE_URL: z.url().optional(),
  DATABASE_URL: z.url().optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  KOMISI_DATA_DIR: z.string().default('.data'),
  KOMISI_JWT_SECRET: z.string().min(32, 'KOMISI_JWT_SECRET must be at least 32 characters').optional(),
  KOMISI_ACCESS_TOKEN_TTL: z.coerce.number().int().min(30).max(86_400).default(900),
  KOMISI_REFRESH_TOKEN_TTL: z.coerce
    .number()
    .int()
    .min(300)
    .default(30 * 86_400),
  KOMISI_ADMIN_PASSWORD: z.string().min(8).optional(),
  /** the platform administrator created on first start (outside every tenant) */
  KOMISI_PLATFORM_ADMIN_EMAIL: z.email().default('platform@komisi.local'),
  /** unset on first start: generated and kept under the data dir (shown at every start) */
  KOMISI_PLATFORM_ADMIN_PASSWORD: z
    .string()
    .min(12, 'KOMISI_PLATFORM_ADMIN_PASSWORD must be at least 12 characters')
    .optional(),
  KOMISI_TENANT_HOSTS: z.string().default(''),
  /** comma-separated browser origins every tenant accepts (CORS); unset: the dev origins outside production */
  KOMISI_CORS_ORIGINS: z.string().optional(),
  KOMISI_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  KOMISI_SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_URL: z.url().optional(),
  /** namespace of this deployment's Redis keys and channels (several deployments may share a Redis) */
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[\w.:-]{1,64}$/, 'letters, digits, _ . : - (at most 64)')
    .default('komisi:'),
  // Files (KTP, photos): sealed with AES-256-GCM; stored on local disk unless an S3 bucket is configured.
  KOMISI_FILE_KEY: z.string().optional(),
  /** comma-separated earlier file keys, still used to open what they sealed (key rotation) */
  KOMISI_FILE_KEY_PREVIOUS: z.string().default(''),
  KOMISI_S3_ENDPOINT: z.url().optional(),
  KOMISI_S3_BUCKET: z.string().min(1).optional(),
  KOMISI_S3_REGION: z.string().min(1).default('us-east-1'),
  KOMISI_S3_ACCESS_KEY: z.string().min(1).optional(),
  KOMISI_S3_SECRET_KEY: z.string().min(1).optional(),
  // Email: sent over SMTP when KOMISI_SMTP_URL is set; otherwise it stays in the outbox table (dev mailbox).
  KOMISI_SMTP_URL: z
    .url({
      protocol: /^smtps?$/,
      hostname: /./,
      error: 'expected smtp://[user:password@]host[:port] or smtps://[user:password@]host[:port]',
    })
    .optional(),
  KOMISI_MAIL_FROM: z
    .string()
    .regex(MAIL_FROM, 'expected an address, e.g. "Komisi <no-reply@example.com>" or "no-reply@example.com"')
    .default('Komisi <no-reply@localhost>'),
});

/** Every environment variable the configuration reads (`.env.example` lists each one). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicBaseUrl: string | undefined;
  databaseUrl: string | undefined;
  databasePoolMax: number;
  dataDir: string;
  jwtSecret: string | undefined;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  adminPassword: string | undefined;
  /** the platform administrator created on first start; no password: generated under the data dir */
  platformAdmin: { email: string; password: string | undefined };
  /** host name → tenant slug, e.g. `api.dtehm.example=dtehm` */
  tenantHosts: ReadonlyMap<string, string>;
  /** believe X-Forwarded-For (only behind a proxy that sets it) */
  trustProxy: boolean;
  /**
   * Browser origins (`scheme://host[:port]`) every tenant accepts cross-origin calls from, with
   * credentials, beside the tenant's own `settings.allowedOrigins`. From KOMISI_CORS_ORIGINS; when
   * that is unset, `DEV_CORS_ORIGINS` outside production and none in production.
   */
  corsOrigins: readonly string[];
  seedDemo: boolean;
  logLevel: string;
  redisUrl: string | undefined;
  /** prefix of every Redis key and channel (rate-limit counters, tenant change notices) */
  redisKeyPrefix: string;
  files: FileConfig;
  mail: MailConfig;
}

/**
 * KOMISI_FILE_KEY is required in production with an external database (a real deployment). Elsewhere
 * (development, tests, the single-process embedded demo) the public development key is used.
 */
function fileConfig(e: z.infer<typeof envSchema>): FileConfig {
  if (!e.KOMISI_FILE_KEY && e.NODE_ENV === 'production' && e.DATABASE_URL) {
    throw new Error(
      'Invalid configuration:\n  KOMISI_FILE_KEY: required in production (32 random bytes, base64: openssl rand -base64 32)',
    );
  }
  const s3Keys = [e.KOMISI_S3_ENDPOINT, e.KOMISI_S3_BUCKET, e.KOMISI_S3_ACCESS_KEY, e.KOMISI_S3_SECRET_KEY];
  if (s3Keys.some(Boolean) && !s3Keys.every(Boolean)) {
    throw new Error(
      'Invalid configuration:\n  KOMISI_S3_*: set KOMISI_S3_ENDPOINT, KOMISI_S3_BUCKET, KOMISI_S3_ACCESS_KEY and KOMISI_S3_SECRET_KEY together',
    );
  }
  return {
    key: e.KOMISI_FILE_KEY ? decodeFileKey(e.KOMISI_FILE_KEY) : DEV_FILE_KEY,
    keyIsDevDefault: !e.KOMISI_FILE_KEY,
    previousKeys: e.KOMISI_FILE_KEY_PREVIOUS.split(',')
      .map((k) => k.trim())
      .filter(Boolean)
      .map((k) => decodeFileKey(k, 'KOMISI_FILE_KEY_PREVIOUS')),
    s3:
      e.KOMISI_S3_ENDPOINT && e.KOMISI_S3_BUCKET && e.KOMISI_S3_ACCESS_KEY && e.KOMISI_S3_SECRET_KEY
        ? {
            endpoint: e.KOMISI_S3_ENDPOINT,
            bucket: e.KOMISI_S3_BUCKET,
            region: e.KOMISI_S3_REGION,
            accessKeyId: e.KOMISI_S3_ACCESS_KEY,
            secretAccessKey: e.KOMISI_S3_SECRET_KEY,
          }
        : undefined,
  };
}

export function parseTenantHosts(raw: string): Map<string, string> {
  const hosts = new Map<string, string>();
  for (const pair of raw.split(',').map((s) => s.trim())) {
    if (!pair) continue;
    const [host, slug] = pair.split('=').map((s) => s.trim().toLowerCase());
    if (!host || !slug) throw new Error(`KOMISI_TENANT_HOSTS: expected host=tenant, got "${pair}"`);
    hosts.set(host, slug);
  }
  return hosts;
}

/** Local frontends (Vite, a Next.js storefront) allowed by default outside production. */
export const DEV_CORS_ORIGINS: readonly string[] = ['http://localhost:5173', 'http://localhost:3001'];

/**
 * KOMISI_CORS_ORIGINS: each entry an exact http(s) origin, no path; `*` is refused, because listed
 * origins may send credentials and a wildcard never may.
 */
export function parseCorsOrigins(raw: string | undefined, env: Config['env']): string[] {
  if (raw === undefined) return env === 'production' ? [] : [...DEV_CORS_ORIGINS];
  const origins: string[] = [];
  for (const entry of raw.split(',').map((s) => s.trim())) {
    if (!entry) continue;
    const origin = originOf(entry);
    // an empty query or fragment is still not an origin, however URL reads it
    if (!origin || entry.endsWith('?') || entry.endsWith('#')) {
      throw new Error(
        `Invalid configuration:\n  KOMISI_CORS_ORIGINS: expected origins like https://shop.example.com (no path, no *), got "${entry}"`,
      );
    }
    origins.push(origin);
  }
  return origins;
}

export { originOf };

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/$/, ''),
    databaseUrl: e.DATABASE_URL,
    databasePoolMax: e.DATABASE_POOL_MAX,
    dataDir: e.KOMISI_DATA_DIR,
    jwtSecret: e.KOMISI_JWT_SECRET,
    accessTokenTtlSeconds: e.KOMISI_ACCESS_TOKEN_TTL,
    refreshTokenTtlSeconds: e.KOMISI_REFRESH_TOKEN_TTL,
    adminPassword: e.KOMISI_ADMIN_PASSWORD,
    platformAdmin: { email: e.KOMISI_PLATFORM_ADMIN_EMAIL, password: e.KOMISI_PLATFORM_ADMIN_PASSWORD },
    tenantHosts: parseTenantHosts(e.KOMISI_TENANT_HOSTS),
    trustProxy: e.KOMISI_TRUST_PROXY,
    corsOrigins: parseCorsOrigins(e.KOMISI_CORS_ORIGINS, e.NODE_ENV),
    seedDemo: e.KOMISI_SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    files: fileConfig(e),
    mail: { smtpUrl: e.KOMISI_SMTP_URL, from: e.KOMISI_MAIL_FROM.trim() },
  };
}
