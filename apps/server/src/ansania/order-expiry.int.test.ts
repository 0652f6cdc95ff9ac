import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { checkoutFixtures } from './checkout-fixtures.ts';

// The shop-order-expiry job: unpaid orders give their stock and voucher use back after the
// tenant's payment window; an order paid at the gateway meanwhile is settled as paid instead.
let app: TestApp;
let fx: ReturnType<typeof checkoutFixtures>;
beforeAll(async () => {
  app = await startTestApp();
  fx = checkoutFixtures(app);
});
afterAll(async () => {
  await app.close();
});

const ageOrder = (orderNumber: string, hours: number) =>
  fx.sql(`update customer_order set created_at = now() - (? || ' hours')::interval where order_number = ?`, [
    String(hours),
    orderNumber,
  ]);
const orderRow = async (orderNumber: string) =>
  (
    await fx.sql<{ status: string; cancel_reason: string | null }>(
      'select status, cancel_reason from customer_order where order_number = ?',
      [orderNumber],
    )
  )[0]!;
const runExpiry = async () => {
  const tenant = await fx.tenant();
  return app.services.jobs.runNow('shop-order-expiry', { tenantId: tenant.id });
};

describe('shop-order-expiry', () => {
  it('cancels orders unpaid for a day (stock and voucher back) and leaves younger ones alone', async () => {
    const v = await fx.variant({ stock: 5 });
    await fx.voucher('EXPIRY5', { usage_limit: 5 });
    const old = await fx.shopper(v.id, 2);
    expect((await fx.call('POST', '/cart/apply-voucher', old.token, { code: 'EXPIRY5' })).status).toBe(200);
    const stale = await fx.createOrder(old.token, old.addressId);
    expect(stale.status, JSON.stringify(stale.body)).toBe(201);
    const young = await fx.shopper(v.id, 1);
    const fresh = await fx.createOrder(young.token, young.addressId);
    expect(await fx.stockOf(v.id)).toBe(2);
    expect(await fx.voucherUses('EXPIRY5')).toBe(1);

    await ageOrder(stale.body.data.order.order_number, 25);
    const result = await runExpiry();
    expect(result).toMatchObject({ status: 'succeeded', processed: 1 });
    expect(await orderRow(stale.body.data.order.order_number)).toEqual({
      status: 'cancelled',
      cancel_reason: 'payment_expired',
    });
    expect((await orderRow(fresh.body.data.order.order_number)).status).toBe('pending_payment');
    expect(await fx.stockOf(v.id)).toBe(4);
    expect(await fx.voucherUses('EXPIRY5')).toBe(0);
    // running again changes nothing
    expect((await runExpiry()).processed).toBe(0);
  });

  it('settles an order the gateway says was paid instead of cancelling it', async () => {
    const v = await fx.variant({ stock: 3 });
    const buyer = await fx.shopper(v.id, 1);
    const placed = await fx.createOrder(buyer.token, buyer.addressId);
    const orderNumber = placed.body.data.order.order_number;
    // paid at the gateway, but the notification never arrived
    await fx.sql(
      `update sandbox_charge set status = 'completed', settled_at = now()
       where reference = (select p.provider_reference from payment p join customer_order o on o.payment_id = p.id
                          where o.order_number = ?)`,
      [orderNumber],
    );
    await ageOrder(orderNumber, 30);
    expect((await runExpiry()).processed).toBe(0);
    expect((await orderRow(orderNumber)).status).toBe('paid');
    expect(await fx.stockOf(v.id)).toBe(2);
  });
});
