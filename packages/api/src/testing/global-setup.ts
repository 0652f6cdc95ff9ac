import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { createOrm, migrate } from '../composition/db/orm.ts';
import { databaseUrl, dropDatabase, withAdminClient } from './pg-admin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/** Migrates one template database per run; each test file clones it (fast) and drops its clone. */
export default async function setup(project: TestProject) {
  const template = `komisi_tpl_${randomBytes(4).toString('hex')}`;
  await withAdminClient((c) => c.query(`create database "${template}"`));
  const orm = await createOrm({ databaseUrl: databaseUrl(template), poolMax: 1 });
  await migrate(orm);
  await orm.close();
  project.provide('templateDatabase', template);
  return async () => {
    await dropDatabase(template);
  };
}
