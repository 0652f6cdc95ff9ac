import { createQutabClient, isKomisiError } from '@komisi/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

// The qutab-platform document's 35 endpoints (../shared/specs/endpoints.tsv), each in the OpenAPI
// document at its documented method and path, and reachable through the typed SDK.
const DOCUMENTED = `
POST /api/auth/login
POST /api/auth/logout
POST /api/auth/forgot-password
POST /api/auth/reset-password
POST /api/auth/register
GET /api/orders
GET /api/orders/{id}
POST /api/orders
GET /api/orders/{id}/tracking
GET /api/profile
PUT /api/profile
PUT /api/profile/password
POST /api/affiliate/auth/login
POST /api/affiliate/auth/logout
POST /api/affiliate/auth/register
GET /api/affiliate/status
GET /api/affiliate/dashboard/summary
GET /api/affiliate/dashboard/activity
GET /api/affiliate/referral-link
GET /api/affiliate/materials
GET /api/affiliate/statistics
GET /api/affiliate/bank-account
POST /api/affiliate/bank-account
POST /api/affiliate/bank-account/verify
GET /api/affiliate/balance
POST /api/affiliate/payout/request
GET /api/affiliate/payout/history
GET /api/affiliate/referrals
GET /api/affiliate/coupons
GET /api/affiliate/faq
GET /api/affiliate/support/contact
GET /api/affiliate/profile
PUT /api/affiliate/profile
POST /api/affiliate/profile/photo
PUT /api/affiliate/profile/password`
  .trim()
  .split('\n')
  .map((line) => {
    const [method, path] = line.split(' ') as [string, string];
    return { method: method.toLowerCase(), path: path.replace(/^\/api/, '') };
  });

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('qutab-platform contract', () => {
  it('documents all 35 endpoints, each with the koperasi error envelope', async () => {
    expect(DOCUMENTED).toHaveLength(35);
    const doc = (await app.request('GET', '/t/qutab/api/openapi.json')).body;
    for (const { method, path } of DOCUMENTED) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method.toUpperCase()} ${path}`).toBeDefined();
      const errors = Object.keys(op.responses).filter((status) => Number(status) >= 400);
      for (const status of errors) {
        expect(op.responses[status].content['application/json'].schema).toEqual({
          $ref: '#/components/schemas/ErrorResponse',
        });
      }
    }
    expect(doc.components.schemas.ErrorResponse.properties.error.required).toEqual(
      expect.arrayContaining(['code', 'message', 'timestamp', 'request_id']),
    );
    // uploads are documented as multipart with binary files
    const ktp = doc.paths['/affiliate/bank-account/verify'].post.requestBody.content['multipart/form-data'];
    expect(ktp.schema.properties.ktp_image).toMatchObject({ type: 'string', format: 'binary' });
    // the callback and the referral link are documented beside the procedures
    expect(doc.paths['/webhooks/xendit'].post).toBeDefined();
    expect(doc.paths['/r/{code}'].get).toBeDefined();
  });

  it('answers every documented endpoint (no 404 or 5xx) for a signed-in affiliate or customer', async () => {
    const affiliate = (
      await app.request('POST', '/t/qutab/api/affiliate/auth/login', {
        body: { email: 'darmawan@qutab.demo', password: 'Affiliate123!' },
      })
    ).body.data.access_token;
    for (const { method, path } of DOCUMENTED) {
      if (method !== 'get') continue;
      const url = `/t/qutab/api${path.replace('{id}', 'ORD-19700101-001')}`;
      const res = await app.request('GET', url, { token: affiliate });
      expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
      if (!path.includes('{id}')) expect(res.status, url).not.toBe(404);
    }
  });

  it('serves the same procedures through the typed SDK, with typed errors', async () => {
    const fetch = (input: RequestInfo | URL, init?: RequestInit) => app.app.request(String(input), init);
    const sdk = createQutabClient({ baseUrl: 'http://komisi.test', tenant: 'qutab', fetch });
    const affiliate = createQutabClient({ baseUrl: 'http://komisi.test', tenant: 'qutab', fetch });
    await sdk.login('customer@qutab.demo', 'Customer123!');
    const { products } = await sdk.products.list.query();
    const order = await sdk.orders.create.mutate({
      product_id: Number(products[0]!.id),
      quantity: 1,
      recipient_name: 'Keluarga Ahmad',
      recipient_location: 'Bekasi',
      payment_method: 'qris',
    });
    expect(order.status).toBe('pending');
    expect((await sdk.orders.tracking.query({ id: order.id })).tracking[0]!.status).toBe('pending');

    await affiliate.affiliateAuth.login
      .mutate({ email: 'darmawan@qutab.demo', password: 'Affiliate123!' })
      .then((r) => affiliate.tokenStore.set({ accessToken: r.access_token, refreshToken: r.refresh_token }));
    const summary = await affiliate.affiliate.summary.query();
    expect(summary.total_clicks).toBeGreaterThanOrEqual(0);

    const denied = await sdk.affiliate.summary.query().catch((e: unknown) => e);
    expect(isKomisiError(denied) && denied.domainCode).toBe('FORBIDDEN');
    await sdk.logout();
  });
});
