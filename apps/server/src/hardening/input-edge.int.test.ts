import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginTestUser } from '../ansania/shop-fixtures.ts';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../testing/test-app.ts';

// Input PostgreSQL cannot take, and writes that race for one unique key, are the client's doing:
// each answers a 4xx in the profile's envelope naming the field, never a 500, and changes nothing.
let app: TestApp;
let qutabAdmin: string;

beforeAll(async () => {
  app = await startTestApp();
  qutabAdmin = (
    await app.request('POST', '/t/qutab/api/auth/login', {
      body: { email: 'admin@qutab.demo', password: TEST_ADMIN_PASSWORD },
    })
  ).body.data.access_token;
});
afterAll(async () => {
  await app.close();
});

/** JSON text with a raw lone surrogate, which JSON.stringify would never write. */
const withLoneSurrogate = (json: string) => json.replace('SURROGATE', '\\ud800');

describe('text PostgreSQL cannot store', () => {
  it('refuses a NUL in a JSON body field, naming it (qutab envelope)', async () => {
    const res = await app.request('POST', '/t/qutab/api/auth/login', {
      body: { email: 'a\u0000b@x.io', password: 'whatever123' },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ success: false, error: { code: 'VALIDATION_FAILED', field: 'email' } });
  });

  it('refuses a NUL in a path segment (ansania envelope)', async () => {
    const res = await app.request('GET', '/t/ansania/api/products/%00');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, code: 'VALIDATION_ERROR' });
  });

  it('refuses a NUL in a query value (dtehm envelope)', async () => {
    const res = await app.request('GET', '/t/dtehm/api/products/list?search=%00');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 0 });
    expect(Object.keys(res.body.errors)).toContain('search');
  });

  it('refuses a lone surrogate bound for a jsonb column', async () => {
    const res = await app.request('PUT', '/t/qutab/api/admin/support-contact', {
      body: withLoneSurrogate('{"whatsapp":"0812","email":"cs@qutab.demo","response_time":"SURROGATE"}'),
      token: qutabAdmin,
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'response_time' });
  });

  it('refuses a NUL in a tRPC call, with the field in the error data', async () => {
    const res = await app.app.request('/t/qutab/trpc/auth.login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json: { email: 'a\u0000b@x.io', password: 'whatever123' } }),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.json.data).toMatchObject({
      domainCode: 'VALIDATION_ERROR',
      fields: { email: expect.any(Array) },
    });
  });

  it('refuses an integer past the column range as a validation error', async () => {
    const res = await app.request('GET', `/t/ansania/api/products/${2 ** 40}`);
    expect(res.status).toBeLessThan(500);
  });
});

describe('integers past their documented bounds', () => {
  const INT4_MAX = 2_147_483_647;

  it('refuses an id past the int4 range, naming it, and looks up the largest one (dtehm)', async () => {
    const past = await app.request('GET', `/t/dtehm/api/products/detail/${INT4_MAX + 1}`);
    expect(past.status).toBe(400);
    expect(Object.keys(past.body.errors)).toEqual(['id']);
    expect((await app.request('GET', `/t/dtehm/api/products/detail/${INT4_MAX}`)).status).toBe(404);
  });

  it('refuses a page past the int4 range and an amount past 10 trillion, naming each (ansania)', async () => {
    const res = await app.request(
      'GET',
      `/t/ansania/api/products?page=${INT4_MAX + 1}&price_max=1${'0'.repeat(13)}1`,
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.details).sort()).toEqual(['page', 'price_max']);
  });

  it('refuses the same id on tRPC, with the field in the error data', async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { id: INT4_MAX + 1 } }));
    const res = await app.app.request(`/t/dtehm/trpc/products.detail?input=${input}`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.json.data).toMatchObject({
      domainCode: 'VALIDATION_ERROR',
      fields: { id: expect.any(Array) },
    });
  });
});

describe('unique keys raced by concurrent requests', () => {
  it('six concurrent default addresses: all succeed, exactly one default', async () => {
    const { token } = await loginTestUser(app);
    const address = {
      label: 'Rumah',
      recipient_name: 'John Doe',
      phone: '+6281234567890',
      address_line1: 'Jl. Sudirman 1',
      city: 'Jakarta',
      province: 'DKI Jakarta',
      postal_code: '10220',
      is_default: true,
    };
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        app.request('POST', '/t/ansania/api/user/addresses', { body: address, token }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    const list = await app.request('GET', '/t/ansania/api/user/addresses', { token });
    const defaults = list.body.data.addresses.filter((a: { is_default: boolean }) => a.is_default);
    expect(defaults).toHaveLength(1);
  });

  it('five concurrent coupons with one code: one created, the rest a 4xx in the envelope', async () => {
    const affiliates = await app.request('GET', '/t/qutab/api/admin/affiliates?status=approved', {
      token: qutabAdmin,
    });
    const id = affiliates.body.data.affiliates[0].id;
    const coupon = { code: 'RACE2026', discount_type: 'percentage', discount_value: 5 };
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        app.request('POST', `/t/qutab/api/admin/affiliates/${id}/coupons`, {
          body: coupon,
          token: qutabAdmin,
        }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 201)) {
      expect([409, 422]).toContain(r.status);
      expect(r.body).toMatchObject({ success: false, error: { field: 'code' } });
    }
  });
});
