import { createAffiliateMarketerClient, createAnsaniaClient, isKomisiError } from '@komisi/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const client = () =>
  createAnsaniaClient({
    baseUrl: 'http://komisi.test',
    tenant: 'ansania',
    fetch: (input, init) => app.app.fetch(new Request(input, init)),
  });

describe('createAnsaniaClient', () => {
  it('logs in, calls typed procedures without the envelope, and logs out (revoking)', async () => {
    const ansania = client();
    const session = await ansania.login('test@example.com', 'TestPass123!');
    expect(session.user.email).toBe('test@example.com');
    const { addresses } = await ansania.user.addresses.query();
    expect(addresses[0]).toMatchObject({ label: 'Home', is_default: true });
    const token = (await ansania.tokenStore.get())!.accessToken;
    await ansania.logout();
    expect(await ansania.tokenStore.get()).toBeNull();
    const after = await app.request('GET', '/t/ansania/api/user/profile', { token });
    expect(after.status).toBe(401);
  });

  it('surfaces validation errors with the domain code and fields', async () => {
    const ansania = client();
    const error = await ansania.auth.register
      .mutate({ email: 'bad', phone: '1', full_name: '', password: 'x' })
      .catch((e: unknown) => e);
    expect(isKomisiError(error)).toBe(true);
    if (isKomisiError(error)) {
      expect(error.domainCode).toBe('VALIDATION_ERROR');
      expect(Object.keys(error.fields ?? {})).toEqual(expect.arrayContaining(['email', 'phone', 'password']));
    }
  });
});

describe('createAnsaniaClient: admin order procedures', () => {
  it('reaches adminOrders for an admin, typed; a customer gets FORBIDDEN', async () => {
    const admin = client();
    await admin.login('admin@ansania.demo', TEST_ADMIN_PASSWORD);
    const { orders, pagination } = await admin.adminOrders.list.query({ status: 'paid', limit: 5 });
    expect(orders).toEqual([]);
    expect(pagination).toEqual({ page: 1, limit: 5, total: 0, totalPages: 1 });
    const missing = await admin.adminOrders.refund
      .mutate({ order_number: 'ORD-19990101-001', reason: 'x' })
      .catch((e: unknown) => e);
    expect(isKomisiError(missing) && missing.domainCode).toBe('NOT_FOUND');

    const customer = client();
    await customer.login('test@example.com', 'TestPass123!');
    const denied = await customer.adminOrders.list.query().catch((e: unknown) => e);
    expect(isKomisiError(denied) && denied.domainCode).toBe('FORBIDDEN');
  });
});

describe('createAffiliateMarketerClient', () => {
  it("reaches the affiliate's procedures with the session of the shop login", async () => {
    const shop = client();
    await shop.login('darmawan@ansania.demo', 'AffiliatePass123!');
    const affiliate = createAffiliateMarketerClient({
      baseUrl: 'http://komisi.test',
      tenant: 'ansania',
      tokenStore: shop.tokenStore,
      fetch: (input, init) => app.app.fetch(new Request(input, init)),
    });
    expect(await affiliate.affiliate.commission.query()).toEqual({
      totalCommission: 0,
      totalOrders: 0,
      totalAmountSold: 0,
    });
  });
});
