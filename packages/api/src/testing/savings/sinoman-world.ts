// A koperasi-sinoman tenant on a fresh database (PostgreSQL or PGlite) with the wired services (no HTTP), for the savings
// context's integration tests and its demo seed's.
import { expect } from 'vitest';
import { createOrm, migrate } from '../../composition/db/orm.ts';
import { createServices, type Services } from '../../composition/services.ts';
import { tenantEm } from '../../kernel/database.ts';
import type { Scope } from '../../kernel/scope.ts';
import { driftedRunningBalances, ledgerTotal, unbalancedLedgerEntries } from '../ledger-check.ts';
import { createTestDatabase } from '../test-database.ts';

export interface SinomanWorld {
  services: Services;
  /** a scope of the tenant at `now` (default: the real now) */
  scope(now?: Date): Scope;
  /** a member account with its three savings accounts open; its account id */
  member(name: string): Promise<number>;
  /** checks the ledger's invariants, then drops the database */
  close(): Promise<void>;
}

/** On a fresh PostgreSQL database cloned from the migrated template, or (`pglite`) on the embedded database. */
export async function startSinomanWorld(options: { pglite?: boolean } = {}): Promise<SinomanWorld> {
  const db = options.pglite ? null : await createTestDatabase();
  const orm = await createOrm(db ? { databaseUrl: db.url, poolMax: 10 } : { pgliteDir: 'memory://' });
  if (!db) await migrate(orm);
  const services = createServices(orm, {
    jwtSecret: 'test-secret-test-secret-test-secret-0123456789',
    accessTokenTtlSeconds: 900,
    refreshTokenTtlSeconds: 86_400,
    publicBaseUrl: () => 'http://komisi.test',
  });
  const { tenant } = await services.tenantProvisioning.create({
    profile: 'koperasi-sinoman',
    slug: 'sinoman-test',
    name: 'Koperasi Sinoman',
    currency: 'IDR',
    timeZone: 'Asia/Jakarta',
    admin: { email: 'admin@sinoman.test', name: 'Admin', password: 'admin-password-123' },
  });
  const scope = (now = new Date()): Scope => ({ em: tenantEm(orm, tenant.id), tenant, now });
  let counter = 0;
  return {
    services,
    scope,
    async member(name) {
      const account = await services.identity.createAccount(scope(), {
        email: `${name.toLowerCase()}.${++counter}@sinoman.test`,
        password: 'Password123',
        name,
      });
      await services.savingsAccounts.openAccounts(scope(), account.id);
      return account.id;
    },
    async close() {
      try {
        expect(await unbalancedLedgerEntries(orm)).toEqual([]);
        expect(await ledgerTotal(orm)).toBe(0);
        expect(await driftedRunningBalances(orm)).toEqual([]);
      } finally {
        await orm.close();
        await db?.drop();
      }
    },
  };
}
