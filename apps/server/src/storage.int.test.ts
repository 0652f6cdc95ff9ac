import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('storage on PostgreSQL', () => {
  it('has exactly the schema the committed migrations describe', async () => {
    expect(await app.orm.schema.getUpdateSchemaSQL()).toBe('');
  });

  it('refuses a query on tenant-owned rows that does not say which tenant', async () => {
    const { Account } = await import('../../../packages/api/src/contexts/identity/account.entity.ts');
    await expect(app.orm.em.fork().find(Account, {})).rejects.toThrow(/tenant/);
  });
});
