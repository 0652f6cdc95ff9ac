import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paySandbox, startTestApp, type TestApp } from '../testing/test-app.ts';
import { checkoutFixtures } from './checkout-fixtures.ts';

let app: TestApp;
let fx: ReturnType<typeof checkoutFixtures>;

beforeAll(async () => {
  app = await startTestApp();
  fx = checkoutFixtures(app);
});
afterAll(async () => {
  await app.close();
});

describe('checkout', () => {
  it('cart → validate → shipping → create-order → pay on the sandbox page → order paid', async () => {
    const v = await fx.variant({ price: 3_500_000, stock: 10 });
    const me = await fx.shopper(v.id, 2);

    const valid = await fx.call('POST', '/checkout/validate', me.token);
    expect(valid.status).toBe(200);
    expect(valid.body.data).toEqual({ valid: true, issues: [] });

    const shipping = await fx.call('POST', '/checkout/calculate-shipping', me.token, {
      shipping_address_id: me.addressId,
      courier: 'jnt',
    });
    expect(shipping.status, JSON.stringify(shipping.body)).toBe(200);
    const reg = shipping.body.data.shipping_options.find((o: { service: string }) => o.service === 'REG');
    expect(reg).toMatchObject({ service: 'REG', cost: expect.any(Number), etd: expect.any(String) });

    const created = await fx.createOrder(me.token, me.addressId);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { order, payment } = created.body.data;
    expect(order).toEqual({
      id: expect.any(Number),
      order_number: expect.stringMatching(/^ORD-\d{8}-\d{3,}$/),
      total_amount: 7_000_000 + reg.cost,
      status: 'pending_payment',
    });
    expect(payment.transaction_id).toMatch(/^SBX-/);
    expect(payment.payment_url).toContain('/sandbox/pay/');
    expect(await fx.stockOf(v.id)).toBe(8);
    const cart = await fx.call('GET', '/cart', me.token);
    expect(cart.body.data.cart.items).toEqual([]);

    await paySandbox(app, payment.payment_url);
    const detail = await fx.call('GET', `/orders/${order.order_number}`, me.token);
    expect(detail.status).toBe(200);
    expect(detail.body.data.order).toMatchObject({
      status: 'paid',
      payment_status: 'paid',
      paid_at: expect.any(String),
      items: [
        {
          product_name: v.name,
          variant_name: 'Natural / Matte / Large',
          sku: v.sku,
          quantity: 2,
          price: 3_500_000,
          subtotal: 7_000_000,
          image: v.image,
        },
      ],
      shipping: { courier: 'JNT', service: 'REG', cost: reg.cost, recipient_name: 'John Doe' },
      payment: { method: 'virtual_account', channel: 'BCA', transaction_id: payment.transaction_id },
      summary: { subtotal: 7_000_000, discount: 0, shipping_cost: reg.cost, total: order.total_amount },
    });
    const [product] = await fx.sql<{ sold_count: number }>('select sold_count from product where id = ?', [
      v.productId,
    ]);
    expect(product!.sold_count).toBe(2);
  });

  it('numbers orders per day from 001 upwards', async () => {
    const v = await fx.variant();
    const a = await fx.shopper(v.id);
    const b = await fx.shopper(v.id);
    const first = (await fx.createOrder(a.token, a.addressId)).body.data.order.order_number as string;
    const second = (await fx.createOrder(b.token, b.addressId)).body.data.order.order_number as string;
    const n = (s: string) => Number(s.split('-')[2]);
    expect(first.slice(0, 12)).toBe(second.slice(0, 12));
    expect(n(second)).toBe(n(first) + 1);
  });

  it('validate reports stock issues and an unusable voucher', async () => {
    const scarce = await fx.variant({ stock: 5 });
    const gone = await fx.variant({ stock: 5 });
    const me = await fx.shopper(scarce.id, 4);
    await fx.addToCart(me.token, gone.id, 1);
    await fx.voucher('CHK-PAUSE', { min_purchase_amount: 0 });
    expect((await fx.call('POST', '/cart/apply-voucher', me.token, { code: 'CHK-PAUSE' })).status).toBe(200);
    await fx.sql('update product_variant set stock = 2 where id = ?', [scarce.id]);
    await fx.sql('update product_variant set stock = 0 where id = ?', [gone.id]);
    await fx.sql("update voucher set active = false where code = 'CHK-PAUSE'");
    const res = await fx.call('POST', '/checkout/validate', me.token);
    expect(res.body.data.valid).toBe(false);
    expect(res.body.data.issues).toEqual([
      expect.objectContaining({ type: 'insufficient_stock', available: 2, item_id: expect.any(Number) }),
      expect.objectContaining({ type: 'out_of_stock', message: 'Product is out of stock' }),
      expect.objectContaining({ type: 'voucher_invalid', code: 'VOUCHER_INACTIVE', item_id: null }),
    ]);
    const created = await fx.createOrder(me.token, me.addressId);
    expect(created.status).toBe(400);
  });

  it('an empty cart is refused', async () => {
    const me = await fx.shopper();
    const res = await fx.createOrder(me.token, me.addressId);
    expect(res.status).toBe(400);
    expect(res.body.details).toMatchObject({ cart: expect.any(Array) });
  });

  it('50 customers race for 10 units: exactly 10 orders, stock 0, no oversell', async () => {
    const v = await fx.variant({ stock: 50 });
    const shoppers = await Promise.all(Array.from({ length: 50 }, () => fx.shopper(v.id, 1)));
    await fx.sql('update product_variant set stock = 10 where id = ?', [v.id]);
    const results = await Promise.all(shoppers.map((s) => fx.createOrder(s.token, s.addressId)));
    const ok = results.filter((r) => r.status === 201);
    expect(ok).toHaveLength(10);
    for (const r of results.filter((r) => r.status !== 201)) {
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.code).toBe('INSUFFICIENT_STOCK');
      expect(r.body.error).toContain(v.name);
    }
    expect(await fx.stockOf(v.id)).toBe(0);
    expect(await fx.orderLinesOf(v.id)).toBe(10);
    // the cart is emptied in the order's statement: a refusal rolls the emptying back with the rest
    for (const [i, s] of shoppers.entries()) {
      const [line] = await fx.sql<{ n: number }>(
        'select count(ci.id)::int as n from cart c left join cart_item ci on ci.cart_id = c.id where c.account_id = ?',
        [s.id],
      );
      expect(line!.n, `shopper ${i}: ${results[i]!.status}`).toBe(results[i]!.status === 201 ? 0 : 1);
    }
  });

  it('a voucher limited to 5 uses, 30 concurrent checkouts: exactly 5 orders carry it, the rest are refused', async () => {
    await fx.voucher('RACE5', { usage_limit: 5 });
    const v = await fx.variant({ stock: 100, price: 1_000_000 });
    const shoppers = await fx.shoppersWithVoucher(30, v.id, 'RACE5');
    const results = await Promise.all(shoppers.map((s) => fx.createOrder(s.token, s.addressId)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    for (const r of results.filter((r) => r.status !== 201)) {
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('VOUCHER_USAGE_LIMIT');
    }
    expect(await fx.voucherUses('RACE5')).toBe(5);
    expect(await fx.ordersWithVoucher('RACE5')).toBe(5);
    // Nothing written for the refused ones: stock only taken for the 5.
    expect(await fx.stockOf(v.id)).toBe(95);
  });

  it('a failed payment cancels the order and gives stock and voucher back', async () => {
    await fx.voucher('FAILBACK', { usage_limit: 10 });
    const v = await fx.variant({ stock: 3 });
    const me = await fx.shopper(v.id, 2);
    await fx.call('POST', '/cart/apply-voucher', me.token, { code: 'FAILBACK' });
    const created = await fx.createOrder(me.token, me.addressId);
    expect(created.status).toBe(201);
    expect(await fx.stockOf(v.id)).toBe(1);
    expect(await fx.voucherUses('FAILBACK')).toBe(1);
    await paySandbox(app, created.body.data.payment.payment_url, 'failed');
    const detail = await fx.call('GET', `/orders/${created.body.data.order.order_number}`, me.token);
    expect(detail.body.data.order).toMatchObject({
      status: 'cancelled',
      payment_status: 'failed',
      cancel_reason: 'payment_failed',
    });
    expect(await fx.stockOf(v.id)).toBe(3);
    expect(await fx.voucherUses('FAILBACK')).toBe(0);
  });

  it('applies the voucher discount to the order', async () => {
    await fx.voucher('CHK100K', { discount_type: 'fixed', discount_value: 100_000 });
    const v = await fx.variant({ price: 1_000_000 });
    const me = await fx.shopper(v.id, 1);
    await fx.call('POST', '/cart/apply-voucher', me.token, { code: 'CHK100K' });
    const created = await fx.createOrder(me.token, me.addressId);
    const detail = await fx.call('GET', `/orders/${created.body.data.order.order_number}`, me.token);
    const { summary } = detail.body.data.order;
    expect(summary).toMatchObject({ subtotal: 1_000_000, discount: 100_000, voucher_code: 'CHK100K' });
    expect(summary.total).toBe(900_000 + summary.shipping_cost);
  });

  it('401 without a token; 400 naming the fields; another customer’s address is 404', async () => {
    expect((await fx.call('POST', '/checkout/validate')).status).toBe(401);
    expect((await fx.call('POST', '/checkout/create-order', undefined, {})).status).toBe(401);
    const me = await fx.shopper();
    const bad = await fx.call('POST', '/checkout/create-order', me.token, {
      shipping_address_id: 'x',
      shipping_courier: 'dhl',
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details)).toEqual(
      expect.arrayContaining([
        'shipping_address_id',
        'shipping_courier',
        'shipping_service',
        'payment_method',
      ]),
    );
    const other = await fx.shopper();
    const res = await fx.call('POST', '/checkout/calculate-shipping', me.token, {
      shipping_address_id: other.addressId,
      courier: 'jnt',
    });
    expect(res.status).toBe(404);
  });
});
