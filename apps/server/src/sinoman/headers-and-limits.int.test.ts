import { SINOMAN_ADMIN_EMAIL } from '@komisi/api';
import { tenantEm } from '@komisi/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../testing/test-app.ts';

// §1.3 budgets per hour (public 100, members 1000, admins 5000, uploads 10 per user), §9.1 headers.
let app: TestApp;
let adminToken: string;

beforeAll(async () => {
  app = await startTestApp();
  const tenant = (await app.services.tenants.bySlug('sinoman'))!;
  const scope = { em: tenantEm(app.orm, tenant.id), tenant, now: new Date() };
  const admin = await app.services.identity.login(
    scope,
    SINOMAN_ADMIN_EMAIL,
    TEST_ADMIN_PASSWORD,
    '127.0.0.1',
  );
  adminToken = (await app.services.identity.issueTokens(scope, admin)).accessToken;
});

afterAll(async () => {
  await app?.close();
});

describe('koperasi-sinoman answers', () => {
  it('carry the document headers: the API version, no caching, the request id echoed, the time taken', async () => {
    const res = await app.request('GET', '/t/sinoman/api/no-such-route', {
      headers: { 'X-Request-ID': 'req_abc-123' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-api-version')).toBe('v1');
    expect(res.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
    expect(res.headers.get('x-request-id')).toBe('req_abc-123');
    expect(res.headers.get('x-response-time')).toMatch(/^\d+(\.\d+)?ms$/);
    expect(res.body).toMatchObject({
      success: false,
      error: { code: 'NOT_FOUND', request_id: 'req_abc-123' },
    });
  });

  it('give the public 100 requests an hour and administrators 5000, counted on REST and tRPC alike', async () => {
    const anonymous = await app.request('GET', '/t/sinoman/api/no-such-route');
    expect(anonymous.headers.get('x-ratelimit-limit')).toBe('100');
    const admin = await app.request('GET', '/t/sinoman/api/no-such-route', { token: adminToken });
    expect(admin.headers.get('x-ratelimit-limit')).toBe('5000');
    const remaining = Number(admin.headers.get('x-ratelimit-remaining'));
    const viaTrpc = await app.request('GET', '/t/sinoman/trpc/no.such.procedure', { token: adminToken });
    expect(viaTrpc.headers.get('x-ratelimit-limit')).toBe('5000');
    expect(Number(viaTrpc.headers.get('x-ratelimit-remaining'))).toBe(remaining - 1);
  });

  it('give each member 10 uploads an hour, whether the files are taken or refused, on top of their requests', async () => {
    const login = await app.request('POST', '/t/sinoman/api/auth/login', {
      body: { identifier: 'anggota@sinoman.demo', password: 'Anggota123!' },
    });
    const token = login.body.data.access_token as string;
    const upload = () => {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }), 'x.jpg');
      return app.app.request('/t/sinoman/api/members/profile/picture', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
    };
    for (let i = 0; i < 10; i++) expect((await upload()).status).toBe(422);
    const refused = await upload();
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ success: false, error: { code: 'RATE_LIMIT_EXCEEDED' } });
    // other requests still have their budget
    expect((await app.request('GET', '/t/sinoman/api/members/profile', { token })).status).toBe(200);
  });
});
