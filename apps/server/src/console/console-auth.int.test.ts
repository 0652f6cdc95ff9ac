import { isKomisiError } from '@komisi/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../testing/test-app.ts';
import { ADMINS, adminSignIn, call, consoleClient, MEMBERS, memberToken } from './console.fixtures.ts';

// The console's sign-in: the tenant's own accounts and password checks, opened to administrators
// only, in each profile's envelope on REST and the same over tRPC (the SDK's console client).
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('signing in', () => {
  it("signs in a tenant's administrator and tells who they are and what the console has", async () => {
    const login = await call(app, 'POST', 'qutab', '/auth/login', {
      body: { email: ADMINS.qutab, password: TEST_ADMIN_PASSWORD },
    });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    expect(login.body).toEqual({
      success: true,
      data: {
        accessToken: expect.any(String),
        refreshToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: expect.any(Number),
        account: { id: expect.any(Number), name: 'Qutab Admin', email: ADMINS.qutab },
      },
    });
    const me = await call(app, 'GET', 'qutab', '/me', { token: login.body.data.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.data).toEqual({
      account: login.body.data.account,
      roles: ['admin'],
      tenant: {
        slug: 'qutab',
        name: expect.any(String),
        profile: 'qutab-platform',
        profiles: ['qutab-platform'],
        currency: 'IDR',
        currencyDigits: 0,
        timeZone: 'Asia/Jakarta',
        locales: ['id-ID', 'en-US'],
      },
      sections: [
        'dashboard',
        'settings',
        'jobs',
        'outbox',
        'audit-log',
        'affiliate-applications',
        'verifications',
        'payouts',
        'orders',
        'materials',
        'faq',
        'support-contact',
      ],
      dashboardMetrics: ['sales', 'orders', 'commissions', 'clicks'],
    });
  });

  it("answers in each profile's envelope (dtehm's { code, data }; a shop serving a second app: its own)", async () => {
    const dtehm = await call(app, 'GET', 'dtehm', '/me', { token: await adminSignIn(app, 'dtehm') });
    expect(dtehm.status).toBe(200);
    expect(dtehm.body).toMatchObject({
      code: 1,
      data: { tenant: { currency: 'UGX', locales: ['en-UG', 'en-US'] } },
    });
    expect(dtehm.body.data.sections).toEqual(expect.arrayContaining(['network', 'stockists', 'mlm-plan']));

    const ansania = await call(app, 'GET', 'ansania', '/me', { token: await adminSignIn(app, 'ansania') });
    expect(ansania.status).toBe(200);
    expect(ansania.body).toMatchObject({ success: true, meta: { timestamp: expect.any(String) } });
    // the voucher-code affiliates' app served beside the shop adds its section; the console is served once
    expect(ansania.body.data.tenant.profiles).toEqual(['ansania-ecommerce', 'affiliate-marketer']);
    expect(ansania.body.data.sections).toEqual(expect.arrayContaining(['vouchers', 'voucher-affiliates']));
  });

  it('refuses a member with 403 and a clear message, a wrong password with 401', async () => {
    const member = await call(app, 'POST', 'qutab', '/auth/login', { body: MEMBERS.qutab });
    expect(member.status).toBe(403);
    expect(member.body.error).toMatchObject({
      code: 'AUTH_INSUFFICIENT_PERMISSIONS',
      message: 'This account is not an administrator of this tenant.',
    });
    const wrong = await call(app, 'POST', 'qutab', '/auth/login', {
      body: { email: ADMINS.qutab, password: 'not-the-password' },
    });
    expect(wrong.status).toBe(401);
    const nobody = await call(app, 'POST', 'qutab', '/auth/login', {
      body: { email: 'nobody@qutab.demo', password: 'whatever-it-is' },
    });
    expect(nobody.status).toBe(401);
    expect(nobody.body.error.message).toBe(wrong.body.error.message);
  });

  it("an administrator of one tenant is nobody on another; one tenant's token opens nothing elsewhere", async () => {
    const elsewhere = await call(app, 'POST', 'sinoman', '/auth/login', {
      body: { email: ADMINS.qutab, password: TEST_ADMIN_PASSWORD },
    });
    expect(elsewhere.status).toBe(401);
    const token = await adminSignIn(app, 'qutab');
    for (const slug of ['sinoman', 'dtehm', 'ansania']) {
      expect((await call(app, 'GET', slug, '/me', { token })).status).toBe(401);
    }
  });

  it("a member's token cannot open the console; no token is a 401", async () => {
    for (const slug of ['qutab', 'sinoman', 'ansania'] as const) {
      const res = await call(app, 'GET', slug, '/me', { token: await memberToken(app, slug) });
      expect(res.status, slug).toBe(403);
      expect((await call(app, 'GET', slug, '/me')).status).toBe(401);
    }
  });

  it('validates the sign-in, naming the field', async () => {
    const res = await call(app, 'POST', 'sinoman', '/auth/login', { body: { email: ADMINS.sinoman } });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'password' });
  });
});

describe('sessions', () => {
  it('refreshes once per refresh token, and signs out', async () => {
    const login = await call(app, 'POST', 'sinoman', '/auth/login', {
      body: { email: ADMINS.sinoman, password: TEST_ADMIN_PASSWORD },
    });
    const refreshed = await call(app, 'POST', 'sinoman', '/auth/refresh', {
      body: { refreshToken: login.body.data.refreshToken },
    });
    expect(refreshed.status, JSON.stringify(refreshed.body)).toBe(200);
    expect(refreshed.body.data.account.email).toBe(ADMINS.sinoman);
    const token = refreshed.body.data.accessToken;
    expect((await call(app, 'GET', 'sinoman', '/me', { token })).status).toBe(200);
    // a reused refresh token ends the whole sign-in
    const replay = await call(app, 'POST', 'sinoman', '/auth/refresh', {
      body: { refreshToken: login.body.data.refreshToken },
    });
    expect(replay.status).toBe(401);
    expect((await call(app, 'GET', 'sinoman', '/me', { token })).status).toBe(401);

    const again = await adminSignIn(app, 'sinoman');
    const out = await call(app, 'POST', 'sinoman', '/auth/logout', { token: again, body: {} });
    expect(out.status).toBe(200);
    expect(out.body.data).toEqual({ signedOut: true });
    expect((await call(app, 'GET', 'sinoman', '/me', { token: again })).status).toBe(401);
  });

  it("refuses a member's refresh token with 403 and leaves it working in the member's own app", async () => {
    const login = await app.request('POST', '/t/qutab/api/auth/login', { body: MEMBERS.qutab });
    expect(login.status).toBe(200);
    const refreshToken = login.body.data.refresh_token;
    const res = await call(app, 'POST', 'qutab', '/auth/refresh', { body: { refreshToken } });
    expect(res.status).toBe(403);
    const own = await app.request('POST', '/t/qutab/api/auth/refresh', {
      body: { refresh_token: refreshToken },
    });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
  });
});

describe('the SDK', () => {
  it('signs in, reads and signs out through the console client, as REST answers', async () => {
    const client = consoleClient(app, 'sinoman');
    const session = await client.signIn(ADMINS.sinoman, TEST_ADMIN_PASSWORD);
    expect(session.account.email).toBe(ADMINS.sinoman);
    const me = await client.console.me.query();
    const rest = await call(app, 'GET', 'sinoman', '/me', {
      token: (await client.tokenStore.get())!.accessToken,
    });
    expect(me).toEqual(rest.body.data);
    expect(me.dashboardMetrics).toEqual(['deposits', 'withdrawals', 'netSavings']);
    await client.signOut();
    expect(await client.tokenStore.get()).toBeNull();

    const member = consoleClient(app, 'sinoman');
    const refused = await member.signIn(MEMBERS.sinoman.email, MEMBERS.sinoman.password).catch((e) => e);
    expect(isKomisiError(refused) && refused.httpStatus).toBe(403);
  });

  it('is throttled as every sign-in: after 5 failures the right password waits too', async () => {
    const client = consoleClient(app, 'ansania');
    for (let i = 0; i < 5; i++) {
      const wrong = await client.signIn(MEMBERS.ansania.email, `wrong-${i}`).catch((e) => e);
      expect(isKomisiError(wrong) && wrong.httpStatus).toBe(401);
    }
    const locked = await client.signIn(MEMBERS.ansania.email, MEMBERS.ansania.password).catch((e) => e);
    expect(isKomisiError(locked) && locked.httpStatus).toBe(429);
  });
});
