import { join } from 'node:path';
import {
  type Config,
  connectTenantChanges,
  createLogger,
  createOrm,
  createPlatformCaller,
  createServices,
  filesSetupFromConfig,
  migrate,
  type PlatformContext,
  PlatformTokens,
  platformApiRouter,
  toApiError,
} from '@komisi/api';
import { DataDirLockedError, lockDataDir } from '../data-dir-lock.ts';
import { jwtSecretFor } from '../data-dir-secrets.ts';

/** The platform API's operations, by procedure name (`createTenant`, `settings`, ...). */
export type Operation = keyof typeof platformApiRouter._def.procedures;

/** A refusal of the platform API, whichever way it was reached. */
export class PlatformCallError extends Error {
  override readonly name = 'PlatformCallError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string[]> | undefined,
  ) {
    super(message);
  }
}

/** The platform API, in-process on a database the CLI opened or over HTTP to the server that holds it. */
export interface PlatformClient {
  readonly via: 'database' | 'server';
  call(operation: Operation, input?: Record<string, unknown>): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * Opens the platform API the way the configuration allows: PostgreSQL directly; the embedded
 * database directly when no process holds its data dir (holding the lock meanwhile), else through
 * the server that holds it, at the URL its lock records, with a short-lived token signed with the
 * JWT secret they share (KOMISI_JWT_SECRET or the one kept in the data dir).
 */
export async function openPlatformClient(config: Config): Promise<PlatformClient> {
  if (config.databaseUrl) return openDatabase(config, undefined);
  try {
    return openDatabase(config, await lockDataDir(config.dataDir));
  } catch (e) {
    if (!(e instanceof DataDirLockedError)) throw e;
    if (!e.owner?.url) {
      throw new Error(
        `${e.message.replace(/; stop it.*$/, '')}, and it does not say where it listens yet (still starting?). Try again in a moment.`,
      );
    }
    return viaServer(config, e.owner.url);
  }
}

async function openDatabase(
  config: Config,
  lock: { release(): Promise<void> } | undefined,
): Promise<PlatformClient> {
  const log = createLogger('silent');
  let orm: Awaited<ReturnType<typeof createOrm>> | undefined;
  try {
    orm = await createOrm({
      databaseUrl: config.databaseUrl,
      pgliteDir: join(config.dataDir, 'pglite'),
      poolMax: 2,
    });
    await migrate(orm);
  } catch (e) {
    await orm?.close();
    await lock?.release();
    throw e;
  }
  const jwtSecret = jwtSecretFor(config);
  const services = createServices(orm, {
    jwtSecret,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
    tenantHosts: config.tenantHosts,
    publicBaseUrl: () => config.publicBaseUrl ?? `http://localhost:${config.port}`,
    files: filesSetupFromConfig(config),
  });
  // a change made here is announced to the running servers (Redis), which otherwise follow within 30 s
  const tenantChanges = config.redisUrl
    ? connectTenantChanges(services.tenants, {
        redisUrl: config.redisUrl,
        channel: `${config.redisKeyPrefix}tenants`,
      })
    : undefined;
  const token = await new PlatformTokens(jwtSecret, 60).signCli(new Date());
  const context = (): PlatformContext => ({
    requestId: 'cli',
    ip: '127.0.0.1',
    authorization: `Bearer ${token}`,
    now: new Date(),
    services,
    authenticator: services.platformAdmins,
    log,
    responseHeaders: new Headers(),
  });
  return {
    via: 'database',
    async call(operation, input) {
      const caller = createPlatformCaller(context()) as unknown as Record<
        Operation,
        (input?: unknown) => Promise<unknown>
      >;
      try {
        return await caller[operation](input);
      } catch (e) {
        const api = toApiError(e);
        throw new PlatformCallError(
          api.status,
          api.code,
          api.status >= 500 ? (e as Error).message : api.message,
          api.fields,
        );
      }
    },
    async close() {
      await services.jobs.stop();
      await tenantChanges?.close();
      await orm.close();
      await lock?.release();
    },
  };
}

function viaServer(config: Config, url: string): PlatformClient {
  const tokens = new PlatformTokens(jwtSecretFor(config), 60);
  const procedures = platformApiRouter._def.procedures as Record<
    string,
    { _def: { meta?: { openapi?: { method: string; path: string } } } }
  >;
  return {
    via: 'server',
    async call(operation, input = {}) {
      const { method, path } = procedures[operation]!._def.meta!.openapi!;
      const body: Record<string, unknown> = { ...input };
      const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = String(body[name] ?? '');
        delete body[name];
        return encodeURIComponent(value);
      });
      const target = new URL(`/platform/api${filled}`, url);
      if (method === 'GET') for (const [k, v] of Object.entries(body)) target.searchParams.set(k, String(v));
      let res: Response;
      try {
        res = await fetch(target, {
          method,
          headers: {
            authorization: `Bearer ${await tokens.signCli(new Date())}`,
            'content-type': 'application/json',
          },
          ...(method !== 'GET' && { body: JSON.stringify(body) }),
        });
      } catch (e) {
        throw new Error(
          `The server holding ${config.dataDir} does not answer at ${url} (${(e as Error).message}).`,
        );
      }
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = { error: text };
      }
      if (res.ok) return json;
      const err = json as { error?: string; code?: string; fields?: Record<string, string[]> };
      const hint =
        res.status === 401
          ? ' (the CLI signs with the JWT secret: give it the same KOMISI_JWT_SECRET as the server)'
          : '';
      throw new PlatformCallError(
        res.status,
        err.code ?? 'ERROR',
        `${err.error ?? `HTTP ${res.status}`}${hint}`,
        err.fields,
      );
    },
    async close() {},
  };
}
