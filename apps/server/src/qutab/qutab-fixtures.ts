import { expect } from 'vitest';
import { paySandbox, type TestApp } from '../testing/test-app.ts';

// qutab's REST calls and the affiliate's earned balance, for the payout tests (one instance or a cluster).

export function qutabApi(app: TestApp) {
  const api = (path: string) => `/t/qutab/api${path}`;
  const get = (path: string, token?: string) => app.request('GET', api(path), token ? { token } : {});
  const post = (path: string, body: unknown, token?: string) =>
    app.request('POST', api(path), { body, ...(token && { token }) });
  return { api, get, post };
}

/**
 * Two orders with darmawan's coupon, paid and past their hold, released by the job run as `admin`:
 * what the affiliate then has available, 2 × (price / 10).
 */
export async function earnAvailable(app: TestApp, admin: string): Promise<number> {
  const { get, post } = qutabApi(app);
  const product = (await get('/products')).body.data.products[0];
  for (const i of [1, 2]) {
    const customer = await post('/auth/register', {
      name: `Pembeli ${i}`,
      email: `pembeli${i}.${Date.now()}@example.com`,
      phone: `08139999000${i}`,
      password: 'Rahasia123!',
    });
    const order = await post(
      '/orders',
      {
        product_id: product.id,
        quantity: 1,
        recipient_name: 'X',
        recipient_location: 'Y',
        payment_method: 'qris',
        coupon_code: 'DARMAWAN10',
      },
      customer.body.data.access_token,
    );
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    await paySandbox(app, order.body.data.payment_url);
  }
  await app.orm.em
    .fork()
    .getConnection()
    .execute("update affiliate_referral set available_at = now() where status = 'confirmed'");
  const run = await post('/admin/jobs/affiliate-commission-release/run', {}, admin);
  expect(run.body.data.processed).toBe(2);
  return 2 * (product.price / 10);
}
