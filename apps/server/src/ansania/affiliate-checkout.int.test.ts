import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paySandbox, startTestApp, type TestApp } from '../testing/test-app.ts';
import { checkoutFixtures } from './checkout-fixtures.ts';

// End to end: a customer checks out with the demo affiliate's code, pays, and the affiliate earns
// 5% of the pre-discount total (items + shipping); cancelling the paid order takes it back.
let app: TestApp;
let fx: ReturnType<typeof checkoutFixtures>;
let affiliateToken: string;

beforeAll(async () => {
  app = await startTestApp();
  fx = checkoutFixtures(app);
  const login = await app.request('POST', '/t/ansania/api/auth/login', {
    body: { email: 'darmawan@ansania.demo', password: 'AffiliatePass123!' },
  });
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  affiliateToken = login.body.data.token;
});
afterAll(async () => {
  await app.close();
});

const commission = () =>
  app.request('GET', '/t/ansania/api/affiliate/commission', { token: affiliateToken }).then((r) => r.body);

describe('voucher-code affiliate through the real checkout', () => {
  it('earns on payment and gives it back on cancellation', async () => {
    const { id: variantId } = await fx.variant({ price: 2_000_000, stock: 5 });
    const shopper = await fx.shopper(variantId, 2);
    const applied = await fx.call('POST', '/cart/apply-voucher', shopper.token, { code: 'darmawan10' });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);

    const created = await fx.createOrder(shopper.token, shopper.addressId);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const orderNumber = created.body.data.order.order_number as string;
    const detail = await fx.call('GET', `/orders/${orderNumber}`, shopper.token);
    const { subtotal, discount, shipping_cost: shipping, total } = detail.body.data.order.summary;
    expect(subtotal).toBe(4_000_000);
    expect(discount).toBe(400_000);
    expect(total).toBe(subtotal - discount + shipping);

    expect(await commission()).toEqual({ totalCommission: 0, totalOrders: 0, totalAmountSold: 0 });
    await paySandbox(app, created.body.data.payment.payment_url);
    const earned = Math.floor(((subtotal + shipping) * 500) / 10_000);
    expect(await commission()).toEqual({
      totalCommission: earned,
      totalOrders: 1,
      totalAmountSold: subtotal + shipping,
    });

    const cancelled = await fx.call('PUT', `/orders/${orderNumber}/cancel`, shopper.token, {
      reason: 'Changed my mind',
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(await commission()).toEqual({ totalCommission: 0, totalOrders: 0, totalAmountSold: 0 });
  });
});
