import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM as SqlMikroORM } from '@mikro-orm/sql';
import { type Orm, TENANT_FILTER } from '../../kernel/database.ts';
import { ALL_ENTITIES, TENANT_OWNED_ENTITIES } from './entities.ts';
import { MIGRATIONS } from './migrations/index.ts';

export interface DatabaseTarget {
  /** PostgreSQL URL; without it the embedded PGlite cluster under `pgliteDir` is used. */
  databaseUrl?: string | undefined;
  pgliteDir?: string | undefined;
  poolMax?: number;
  debug?: boolean;
}

/** Only the driver in use is loaded: each pulls its own client (pg, or the PGlite WebAssembly build). */
async function driverFor(target: DatabaseTarget): Promise<Options['driver']> {
  return target.databaseUrl
    ? (await import('@mikro-orm/postgresql')).PostgreSqlDriver
    : (await import('@mikro-orm/pglite')).PgliteDriver;
}

function ormOptions(target: DatabaseTarget, driver: Options['driver']): Partial<Options> {
  const common: Partial<Options> = {
    entities: ALL_ENTITIES,
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
      path: resolve(import.meta.dirname, 'migrations'),
      emit: 'ts',
      silent: true,
      snapshot: false,
      snapshotOnMigrate: false,
    },
    // Every query on tenant-owned rows must say which tenant it is for: a query without
    // the filter parameter fails loudly instead of reading across tenants.
    filters: {
      [TENANT_FILTER]: {
        cond: (args: { tenantId: number }) => ({ tenant: args.tenantId }),
        entity: TENANT_OWNED_ENTITIES,
        default: true,
      },
    },
    // Only the queried entity is scoped: joining every relation's tenant would add joins (and row locks).
    filtersOnRelations: false,
    autoJoinRefsForFilters: false,
    forceUtcTimezone: true,
    debug: target.debug ?? false,
    allowGlobalContext: false,
  };
  if (target.databaseUrl) {
    return {
      ...common,
      driver,
      clientUrl: target.databaseUrl,
      pool: { min: 0, max: target.poolMax ?? 10 },
    };
  }
  const dir = target.pgliteDir ?? 'memory://';
  if (!dir.startsWith('memory:')) mkdirSync(dir, { recursive: true });
  // PGlite's Postgres keeps 128 MB of shared buffers in the WebAssembly heap by default; an embedded,
  // single-process database gets by with far less, and the server's idle memory drops by ~100 MB
  return { ...common, driver, dbName: dir, driverOptions: { postgresqlconf: ['shared_buffers = 32MB'] } };
}

export async function createOrm(target: DatabaseTarget): Promise<Orm> {
  return SqlMikroORM.init(ormOptions(target, await driverFor(target)));
}

export async function migrate(orm: Orm): Promise<void> {
  await orm.migrator.up();
}
