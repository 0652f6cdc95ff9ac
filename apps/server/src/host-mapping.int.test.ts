import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './testing/test-app.ts';

// A host name mapped to a tenant serves the spec's paths at the root, as the app documents them.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ env: { KOMISI_TENANT_HOSTS: 'api.dtehm.example=dtehm' } });
});
afterAll(async () => {
  await app.close();
});

describe('host → tenant mapping', () => {
  it('serves the mapped tenant at /api on its host name', async () => {
    const res = await app.request('GET', 'https://api.dtehm.example/api/products/categories');
    expect(res.status).toBe(200);
    expect(res.body.code).toBe(1);
    expect(res.body.data.length).toBeGreaterThan(0);
  });

  it('also answers on a port and in any letter case', async () => {
    const res = await app.request('GET', 'http://API.dtehm.example:8080/api/products/list?per_page=1');
    expect(res.status).toBe(200);
    expect(res.body.data.products).toHaveLength(1);
  });

  it('answers 404 for a host that maps to nothing', async () => {
    const res = await app.request('GET', 'https://unknown.example/api/products/list');
    expect(res.status).toBe(404);
  });

  it('keeps the /t/{tenant} paths working beside the mapping', async () => {
    const res = await app.request('GET', 'https://api.dtehm.example/t/dtehm/api/products/categories');
    expect(res.status).toBe(200);
  });
});
