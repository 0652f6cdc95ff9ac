import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, startTestApp, type TestApp } from '../testing/test-app.ts';

// The platform administrators' API: its own tokens, tenants created and changed without code.
let app: TestApp;
let token: string;
const PLATFORM = { email: 'platform@komisi.test', password: 'platform-password-123' };
const platform = (method: string, path: string, body?: unknown, bearer = token) =>
  app.request(method, `/platform/api${path}`, { ...(body !== undefined && { body }), token: bearer });

beforeAll(async () => {
  app = await startTestApp({
    env: { KOMISI_PLATFORM_ADMIN_EMAIL: PLATFORM.email, KOMISI_PLATFORM_ADMIN_PASSWORD: PLATFORM.password },
  });
  const login = await app.request('POST', '/platform/api/auth/login', { body: PLATFORM });
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  token = login.body.token;
});
afterAll(async () => {
  await app.close();
});

describe('signing in', () => {
  it('refuses a wrong password, and any request without a platform token, in the plain envelope', async () => {
    const wrong = await app.request('POST', '/platform/api/auth/login', {
      body: { ...PLATFORM, password: 'not-the-password' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({
      error: 'The email or password is incorrect.',
      code: 'UNAUTHORIZED',
      request_id: expect.any(String),
    });
    expect((await app.request('GET', '/platform/api/tenants')).status).toBe(401);
  });

  it("refuses a tenant administrator's token, and tenant routes refuse a platform token", async () => {
    const tenantAdmin = await adminToken(app);
    expect((await platform('GET', '/tenants', undefined, tenantAdmin)).status).toBe(401);
    const onTenant = await app.get('/user/balance', token);
    expect(onTenant.status).toBe(401);
  });

  it('ends the session on logout: the token is refused from then on', async () => {
    const login = await app.request('POST', '/platform/api/auth/login', { body: PLATFORM });
    const second = login.body.token as string;
    expect((await platform('GET', '/profiles', undefined, second)).status).toBe(200);
    expect((await platform('POST', '/auth/logout', {}, second)).status).toBe(200);
    expect((await platform('GET', '/profiles', undefined, second)).status).toBe(401);
  });
});

describe('tenants', () => {
  it('lists the profiles with the settings each reads', async () => {
    const res = await platform('GET', '/profiles');
    expect(res.status).toBe(200);
    const qutab = res.body.profiles.find((p: { id: string }) => p.id === 'qutab-platform');
    expect(qutab.settingKeys.map((k: { key: string }) => k.key)).toEqual(
      expect.arrayContaining(['payments', 'referralAffiliates', 'affiliateSupport']),
    );
  });

  it('creates a tenant whose generated admin password signs in, lists and shows it', async () => {
    const created = await platform('POST', '/tenants', {
      profile: 'ansania-ecommerce',
      slug: 'myshop',
      name: 'My Shop',
      hosts: ['api.myshop.example'],
      admin: { email: 'owner@myshop.example' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.tenant).toMatchObject({
      slug: 'myshop',
      currency: 'IDR',
      timeZone: 'Asia/Jakarta',
      settings: { payments: { provider: 'sandbox' }, extraProfiles: ['affiliate-marketer'] },
    });
    const signIn = await app.request('POST', '/t/myshop/api/auth/login', {
      body: { email: 'owner@myshop.example', password: created.body.admin.password },
    });
    expect(signIn.status, JSON.stringify(signIn.body)).toBe(200);
    const list = await platform('GET', '/tenants');
    expect(list.body.tenants.map((t: { slug: string }) => t.slug)).toEqual(
      expect.arrayContaining(['ansania', 'dtehm', 'myshop', 'qutab']),
    );
    const shown = await platform('GET', '/tenants/myshop');
    expect(shown.body).toMatchObject({ slug: 'myshop', hosts: ['api.myshop.example'] });
    expect((await platform('GET', '/tenants/nope')).status).toBe(404);
  });

  it('refuses a taken slug (409) and bad fields naming them (400)', async () => {
    const taken = await platform('POST', '/tenants', {
      profile: 'qutab-platform',
      slug: 'qutab',
      name: 'Again',
      admin: { email: 'a@example.com' },
    });
    expect(taken.status).toBe(409);
    const bad = await platform('POST', '/tenants', {
      profile: 'qutab-platform',
      slug: 'Bad Slug',
      name: 'X',
      timeZone: 'Mars/Olympus',
      admin: { email: 'not-an-email' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['slug', 'timeZone', 'admin.email']));
  });

  it('refuses invalid initial settings naming the field, and creates nothing (a retry is not a 409)', async () => {
    const body = {
      profile: 'ansania-ecommerce',
      slug: 'halfmade',
      name: 'Half Made',
      admin: { email: 'owner@halfmade.example' },
      settings: { orderPaymentTtlMinutes: 'soon', referralAffiliates: { holdDays: -1 } },
    };
    const refused = await platform('POST', '/tenants', body);
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.fields).sort()).toEqual([
      'orderPaymentTtlMinutes',
      'referralAffiliates.holdDays',
    ]);
    expect((await platform('GET', '/tenants/halfmade')).status).toBe(404);
    const retried = await platform('POST', '/tenants', { ...body, settings: { orderPaymentTtlMinutes: 60 } });
    expect(retried.status, JSON.stringify(retried.body)).toBe(201);
    expect(retried.body.tenant.settings).toMatchObject({ orderPaymentTtlMinutes: 60 });
  });

  it('renames a tenant and maps a host to it at once', async () => {
    const res = await platform('PATCH', '/tenants/myshop', {
      name: 'My Shop ID',
      hosts: ['shop.example.id'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ name: 'My Shop ID', hosts: ['shop.example.id'] });
    const viaHost = await app.app.request('http://shop.example.id/api/products');
    expect(viaHost.status).toBe(200);
    const clash = await platform('PATCH', '/tenants/qutab', { hosts: ['shop.example.id'] });
    expect(clash.status).toBe(409);
  });
});

describe('settings', () => {
  it('names the field of every invalid value', async () => {
    const res = await platform('PATCH', '/tenants/qutab/settings', {
      settings: {
        referralAffiliates: { holdDays: -1 },
        orderPaymentTtlMinutes: 'soon',
        allowedOrigins: ['https://ok.example', 'https://bad.example/path'],
        mlm: { generationRatesBps: [9000, 2000] },
        nonsense: true,
      },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.fields).sort()).toEqual([
      'allowedOrigins.1',
      'mlm.totalRateBps',
      'nonsense',
      'orderPaymentTtlMinutes',
      'referralAffiliates.holdDays',
    ]);
  });

  it('refuses a profile listed twice in extraProfiles', async () => {
    const res = await platform('PATCH', '/tenants/ansania/settings', {
      settings: { extraProfiles: ['affiliate-marketer', 'affiliate-marketer'] },
    });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual({ 'extraProfiles.1': ['is listed twice'] });
  });

  it('seals gateway secrets, never shows them, and keeps one sent back masked', async () => {
    const xendit = {
      baseUrl: 'https://api.xendit.co',
      secretKey: 'xnd_development_abcd1234',
      callbackToken: 'cb-token-5678',
    };
    const res = await platform('PATCH', '/tenants/myshop/settings', {
      settings: { payments: { provider: 'xendit', xendit } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.settings.payments.xendit).toEqual({
      baseUrl: 'https://api.xendit.co',
      secretKey: { set: true, last4: '1234' },
      callbackToken: { set: true, last4: '5678' },
    });
    const [row] = await app.orm.em
      .fork()
      .getConnection()
      .execute("select settings::text as s from tenant where slug = 'myshop'");
    expect(row.s).not.toContain('xnd_development_abcd1234');
    expect(row.s).not.toContain('cb-token-5678');
    // the masked form read back keeps the stored secrets; the gateway gets them in clear
    const again = await platform('PATCH', '/tenants/myshop/settings', {
      settings: {
        payments: {
          ...res.body.settings.payments,
          xendit: { ...res.body.settings.payments.xendit, baseUrl: 'https://api.xendit.co/' },
        },
      },
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    const tenant = (await app.services.tenants.bySlug('myshop'))!;
    expect(app.services.paymentSecrets.paymentsOf(tenant)?.xendit?.secretKey).toBe(
      'xnd_development_abcd1234',
    );
    expect(
      app.services.payments.providerFor({ em: app.orm.em.fork() as never, tenant, now: new Date() }).name,
    ).toBe('xendit');
    // a new gateway without its secret is refused, naming it
    const missing = await platform('PATCH', '/tenants/qutab/settings', {
      settings: {
        payments: {
          provider: 'doku',
          doku: { baseUrl: 'https://api.doku.com', clientId: 'c', secretKey: { set: true } },
        },
      },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toHaveProperty(['payments.doku.secretKey']);
  });

  it('fills Midtrans’ defaults, seals its optional callback token when given and drops it when left out', async () => {
    const patch = (midtrans: Record<string, unknown>) =>
      platform('PATCH', '/tenants/myshop/settings', {
        settings: { payments: { provider: 'midtrans', midtrans } },
      });
    const res = await patch({ serverKey: 'SB-Mid-server-abcd1234', callbackToken: 'webhook-secret-5678' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.settings.payments.midtrans).toEqual({
      baseUrl: 'https://api.sandbox.midtrans.com',
      serverKey: { set: true, last4: '1234' },
      callbackToken: { set: true, last4: '5678' },
      bank: 'bca',
    });
    const kept = await patch({ ...res.body.settings.payments.midtrans, bank: 'permata', expiryMinutes: 120 });
    expect(kept.body.settings.payments.midtrans).toMatchObject({
      bank: 'permata',
      callbackToken: { set: true },
    });
    const tenant = (await app.services.tenants.bySlug('myshop'))!;
    expect(app.services.paymentSecrets.paymentsOf(tenant)?.midtrans).toMatchObject({
      serverKey: 'SB-Mid-server-abcd1234',
      callbackToken: 'webhook-secret-5678',
      expiryMinutes: 120,
    });
    const { callbackToken: _, ...withoutToken } = kept.body.settings.payments.midtrans;
    const dropped = await patch(withoutToken);
    expect(dropped.body.settings.payments.midtrans).not.toHaveProperty('callbackToken');
    expect((await patch({ serverKey: 'k', bank: 'mandiri' })).body.fields).toHaveProperty([
      'payments.midtrans.bank',
    ]);
  });

  it('serves a change at once: an origin allowed through the API passes CORS on the next request', async () => {
    const origin = 'https://storefront.example';
    const preflight = () =>
      app.app.request('/t/qutab/api/auth/login', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    expect((await preflight()).status).toBe(403);
    const res = await platform('PATCH', '/tenants/qutab/settings', {
      settings: { allowedOrigins: [origin] },
    });
    expect(res.status).toBe(200);
    expect((await preflight()).status).toBe(204);
    expect(
      (await platform('PATCH', '/tenants/qutab/settings', { settings: { allowedOrigins: null } })).body
        .settings,
    ).not.toHaveProperty('allowedOrigins');
  });

  it('refuses writing a deprecated name, pointing at the new one', async () => {
    const res = await platform('PATCH', '/tenants/qutab/settings', {
      settings: { referralProgram: { holdDays: 1 } },
    });
    expect(res.status).toBe(400);
    expect(res.body.fields.referralProgram[0]).toContain('referralAffiliates');
  });
});

describe('tRPC', () => {
  it('serves the same procedures at /platform/trpc, with the platform token only', async () => {
    const res = await app.request('GET', '/platform/trpc/tenants', { token });
    expect(res.status).toBe(200);
    expect(res.body.result.data.json.tenants.length).toBeGreaterThanOrEqual(3);
    expect(
      (await app.request('GET', '/platform/trpc/tenants', { token: await adminToken(app) })).status,
    ).toBe(401);
  });
});

describe('documentation', () => {
  it('serves the OpenAPI document, every operation with a summary and description', async () => {
    const res = await app.request('GET', '/platform/api/openapi.json');
    expect(res.status).toBe(200);
    const operations = Object.values(
      res.body.paths as Record<string, Record<string, { summary?: string; description?: string }>>,
    ).flatMap((item) => Object.values(item));
    expect(operations.length).toBeGreaterThanOrEqual(9);
    for (const op of operations) {
      expect(op.summary).toBeTruthy();
      expect(op.description).toBeTruthy();
    }
    const docs = await app.app.request('/docs/');
    expect(await docs.text()).toContain('/platform/');
  });
});

describe('limits', () => {
  it('throttles sign-ins (10 per 15 minutes per address and per email), and reads no body past 1 MB', async () => {
    const big = await app.request('POST', '/platform/api/auth/login', {
      body: JSON.stringify({ email: 'x@example.com', password: 'x'.repeat(1_100_000) }),
    });
    expect(big.status).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await app.request('POST', '/platform/api/auth/login', {
        body: { email: 'nobody@komisi.test', password: 'wrong-password' },
      });
      statuses.push(res.status);
    }
    // this file's earlier sign-ins spent part of this address's budget
    const refused = statuses.indexOf(429);
    expect(refused).toBeGreaterThan(0);
    expect(statuses.slice(0, refused).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(refused).every((s) => s === 429)).toBe(true);
  });
});
