import { createTestDatabase } from '@komisi/api/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { paySandbox, startTestApp, type TestApp } from '../testing/test-app.ts';
import { runCli } from './run.ts';

// Must hold: a tenant the CLI creates on a fresh database takes orders through the sandbox gateway
// with no code change: its admin adds a product, a member orders it, pays, and the order is paid.
let app: TestApp;
let created: { tenant: { slug: string }; admin: { email: string; password: string }; rootMemberId: string };

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    KOMISI_JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
  };
  const code = await runCli(argv, { env, out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
let databaseUrl = '';

beforeAll(async () => {
  const database = await createTestDatabase();
  databaseUrl = database.url;
  const res = await cli(
    'tenants',
    'create',
    '--profile',
    'dtehm-mobile',
    '--slug',
    'kampala-net',
    '--name',
    'Kampala Network',
    '--admin-email',
    'owner@kampala.example',
    '--json',
  );
  expect(res.code, res.err).toBe(0);
  created = JSON.parse(res.out);
  // the server starts on the database the CLI prepared (no demo tenants)
  app = await startTestApp({ database, env: { KOMISI_SEED_DEMO: 'false' } });
});
afterAll(async () => {
  await app.close();
});

it('creates the tenant with its root member and a password shown once', () => {
  expect(created.tenant.slug).toBe('kampala-net');
  expect(created.admin).toEqual({
    email: 'owner@kampala.example',
    password: expect.stringMatching(/^\S{12,}$/),
  });
  expect(created.rootMemberId).toMatch(/^DTEHM\d{8}$/);
});

it('takes an order paid through the sandbox gateway', async () => {
  const api = (path: string) => `/t/kampala-net/api${path}`;
  const post = (path: string, body: unknown, token?: string) =>
    app.request('POST', api(path), { body, ...(token && { token }) });
  const login = await post('/users/login', created.admin);
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  const admin = login.body.data.token as string;
  const product = await post(
    '/admin/products',
    { name: 'Solar Lamp', price: 120_000, stock_quantity: 10 },
    admin,
  );
  expect(product.status, JSON.stringify(product.body)).toBe(201);

  const member = await post('/users/register', {
    email: 'buyer@kampala.example',
    password: 'password123',
    name: 'First Buyer',
    phone_number: '+256700000123',
    address: 'Kampala',
    sponsor_id: created.rootMemberId,
    is_dtehm_member: 'Yes',
    is_dip_member: 'No',
    from_mobile: 'yes',
  });
  expect(member.status, JSON.stringify(member.body)).toBe(200);
  const token = member.body.data.user.token as string;
  const membership = await post(
    '/membership/initiate-payment',
    { user_id: member.body.data.user.id, payment_method: 'pesapal' },
    token,
  );
  expect(membership.status, JSON.stringify(membership.body)).toBe(200);
  await paySandbox(app, membership.body.data.payment_url);
  expect(
    (await post('/membership/confirm-payment', { payment_id: membership.body.data.payment_id }, token))
      .status,
  ).toBe(200);

  const order = await post('/orders/create', { product_id: product.body.data.id, quantity: 1 }, token);
  expect(order.status, JSON.stringify(order.body)).toBe(200);
  expect(order.body.data.payment_url).toContain('/sandbox/pay/');
  await paySandbox(app, order.body.data.payment_url);
  const confirmed = await post('/orders/confirm-payment', { order_id: order.body.data.order_id }, token);
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  expect(confirmed.body.data.status).toBe('Paid');
});

it('changes settings with --set and refuses a bad value with the field named and exit code 1', async () => {
  const ok = await cli('tenants', 'settings', 'kampala-net', '--set', 'mlm.stockistRateBps=500', '--json');
  expect(ok.code, ok.err).toBe(0);
  expect(JSON.parse(ok.out).settings.mlm).toEqual({ stockistRateBps: 500 });
  const bad = await cli('tenants', 'settings', 'kampala-net', '--set', 'mlm.stockistRateBps=-5');
  expect(bad.code).toBe(1);
  expect(bad.err).toContain('mlm.stockistRateBps');
  const unknown = await cli('tenants', 'show', 'nowhere');
  expect(unknown.code).toBe(1);
  expect(unknown.err).toContain('NOT_FOUND');
});
