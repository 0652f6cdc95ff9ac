// A database (PostgreSQL, or PGlite in memory), the services, and koperasi tenants with their savings
// products, for the reporting tests.
import { randomBytes } from 'node:crypto';
import { createOrm } from '../../composition/db/orm.ts';
import { createServices, type Services } from '../../composition/services.ts';
import { Tenant } from '../../contexts/tenancy/tenant.entity.ts';
import { toTenantRecord } from '../../contexts/tenancy/tenant.service.ts';
import { type Orm, systemEm, tenantEm } from '../../kernel/database.ts';
import type { Scope } from '../../kernel/scope.ts';
import type { TenantRecord } from '../../kernel/tenant-record.ts';
import { createTestDatabase } from '../test-database.ts';

export interface KoperasiFixture {
  orm: Orm;
  services: Services;
  tenant(timeZone?: string): Promise<TenantRecord>;
  scope(tenant: TenantRecord, now?: Date): Scope;
  close(): Promise<void>;
}

/**
 * On a fresh PostgreSQL database, migrated; `pglite`: on an in-memory PGlite one, migrated up to
 * `migrateTo` when given (a test of a migration's backfill migrates the rest itself).
 */
export async function koperasiFixture(
  options: { pglite?: boolean; migrateTo?: string } = {},
): Promise<KoperasiFixture> {
  const db = options.pglite ? null : await createTestDatabase();
  const orm = db
    ? await createOrm({ databaseUrl: db.url, poolMax: 5 })
    : await createOrm({ pgliteDir: 'memory://' });
  if (!db) await orm.migrator.up(options.migrateTo ? { to: options.migrateTo } : undefined);
  const services = createServices(orm, {
    jwtSecret: 'test-secret-test-secret-test-secret-0123456789',
    accessTokenTtlSeconds: 900,
    refreshTokenTtlSeconds: 86_400,
    publicBaseUrl: () => 'http://komisi.test',
  });
  const scope = (tenant: TenantRecord, now = new Date()): Scope => ({
    em: tenantEm(orm, tenant.id),
    tenant,
    now,
  });
  return {
    orm,
    services,
    scope,
    async tenant(timeZone = 'Asia/Jakarta') {
      const sys = systemEm(orm);
      const t = sys.create(Tenant, {
        slug: `kop-${randomBytes(4).toString('hex')}`,
        name: 'Koperasi Test',
        profile: 'koperasi-sinoman',
        currency: 'IDR',
        timeZone,
        hosts: [],
        settings: {},
        createdAt: new Date(),
      });
      await sys.flush();
      const tenant = toTenantRecord(t);
      await services.savingsAccounts.installProducts(scope(tenant));
      return tenant;
    },
    async close() {
      await orm.close();
      await db?.drop();
    },
  };
}
