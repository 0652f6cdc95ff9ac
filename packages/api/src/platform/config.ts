import { z } from 'zod';

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
  KOMISI_TENANT_HOSTS: z.string().default(''),
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
});

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
  /** host name → tenant slug, e.g. `api.dtehm.example=dtehm` */
  tenantHosts: ReadonlyMap<string, string>;
  /** believe X-Forwarded-For (only behind a proxy that sets it) */
  trustProxy: boolean;
  seedDemo: boolean;
  logLevel: string;
  redisUrl: string | undefined;
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
    tenantHosts: parseTenantHosts(e.KOMISI_TENANT_HOSTS),
    trustProxy: e.KOMISI_TRUST_PROXY,
    seedDemo: e.KOMISI_SEED_DEMO,
    logLevel: e.LOG_LEVEL,
    redisUrl: e.REDIS_URL,
  };
}
