import { afterAll, beforeAll, expect, it } from 'vitest';
import { paySandbox, startTestApp, type TestApp } from '../testing/test-app.ts';

// A holding period changed through the platform API moves the commissions still on hold at the
// release job's next run: no restart, no code.
let app: TestApp;
const PLATFORM = { email: 'platform@komisi.test', password: 'platform-password-123' };
const qutab = (path: string) => `/t/qutab/api${path}`;

beforeAll(async () => {
  app = await startTestApp({
    env: { KOMISI_PLATFORM_ADMIN_EMAIL: PLATFORM.email, KOMISI_PLATFORM_ADMIN_PASSWORD: PLATFORM.password },
  });
});
afterAll(async () => {
  await app.close();
});

async function commissionStatus(): Promise<string[]> {
  const rows: { status: string }[] = await app.orm.em
    .fork()
    .getConnection()
    .execute('select status from affiliate_referral order by id');
  return rows.map((r) => r.status);
}

it("a qutab commission on its 30-day hold is released once the tenant's holding period is set to 0", async () => {
  const customer = await app.request('POST', qutab('/auth/register'), {
    body: {
      name: 'Siti Aminah',
      email: `siti.${Date.now()}@example.com`,
      phone: '081277778888',
      password: 'Rahasia123!',
    },
  });
  const product = (await app.request('GET', qutab('/products'))).body.data.products[0];
  const order = await app.request('POST', qutab('/orders'), {
    body: {
      product_id: product.id,
      quantity: 1,
      recipient_name: 'Siti',
      recipient_location: 'Bandung',
      payment_method: 'qris',
      coupon_code: 'DARMAWAN10',
    },
    token: customer.body.data.access_token,
  });
  expect(order.status, JSON.stringify(order.body)).toBe(201);
  await paySandbox(app, order.body.data.payment_url);
  expect(await commissionStatus()).toEqual(['confirmed']);
  expect((await app.services.jobs.runNow('affiliate-commission-release')).processed).toBe(0);
  expect(await commissionStatus()).toEqual(['confirmed']);

  const login = await app.request('POST', '/platform/api/auth/login', { body: PLATFORM });
  const res = await app.request('PATCH', '/platform/api/tenants/qutab/settings', {
    body: { settings: { referralAffiliates: { holdDays: 0 } } },
    token: login.body.token,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.settings.referralAffiliates).toEqual({ holdDays: 0 });

  await app.services.jobs.runNow('affiliate-commission-release');
  expect(await commissionStatus()).toEqual(['available']);
});
