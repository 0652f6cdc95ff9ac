import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { databaseUrl, dropDatabase, withAdminClient } from './pg-admin.ts';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = inject('templateDatabase');
  const name = `komisi_t_${randomBytes(5).toString('hex')}`;
  // CREATE DATABASE … TEMPLATE needs the template to have no other sessions: retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await withAdminClient((c) => c.query(`create database "${name}" template "${template}"`));
      break;
    } catch (e) {
      if (attempt > 20) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { name, url: databaseUrl(name), drop: () => dropDatabase(name) };
}
