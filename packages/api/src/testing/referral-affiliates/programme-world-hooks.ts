import { afterAll, beforeAll, expect } from 'vitest';
import { driftedRunningBalances, ledgerTotal, unbalancedLedgerEntries } from '../ledger-check.ts';
import { createTestDatabase, type TestDatabase } from '../test-database.ts';
import { type ProgrammeWorld, programmeWorld } from './affiliate-program.fixtures.ts';

/**
 * The test file's ProgrammeWorld, made before its tests and closed after them: on a fresh
 * PostgreSQL database (dropped afterwards) or an in-memory PGlite. With `checkLedger`, the ledger's
 * invariants are checked over everything the file wrote before it closes. The object answers for the
 * world once `beforeAll` has made it.
 */
export function useProgrammeWorld(options: {
  on: 'postgres' | 'pglite';
  checkLedger?: boolean;
}): ProgrammeWorld {
  let db: TestDatabase | undefined;
  let made: ProgrammeWorld | undefined;
  beforeAll(async () => {
    if (options.on === 'postgres') db = await createTestDatabase();
    made = await programmeWorld(db ? { databaseUrl: db.url } : {});
  });
  afterAll(async () => {
    try {
      if (options.checkLedger && made) {
        expect(await unbalancedLedgerEntries(made.orm)).toEqual([]);
        expect(await driftedRunningBalances(made.orm)).toEqual([]);
        expect(await ledgerTotal(made.orm)).toBe(0);
      }
    } finally {
      await made?.orm.close();
      await db?.drop();
    }
  });
  const world = () => {
    if (!made) throw new Error('the programme world is made in beforeAll');
    return made;
  };
  return {
    get orm() {
      return world().orm;
    },
    get services() {
      return world().services;
    },
    get tenant() {
      return world().tenant;
    },
    scope: (now) => world().scope(now),
  };
}
