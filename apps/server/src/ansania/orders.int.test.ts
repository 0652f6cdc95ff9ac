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

async function placed(opts: { stock?: number; quantity?: number; voucher?: string } = {}) {
  const v = await fx.variant({ stock: opts.stock ?? 10 });
  const me = await fx.shopper(v.id, opts.quantity ?? 1);
  if (opts.voucher) await fx.call('POST', '/cart/apply-voucher', me.token, { code: opts.voucher });
  const res = await fx.createOrder(me.token, me.addressId);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return {
    v,
    me,
    number: res.body.data.order.order_number as string,
    /** the id create-order shows */
    shownId: res.body.data.order.id as number,
    payUrl: res.body.data.payment.payment_url,
  };
}

describe('orders', () => {
  it('lists only the customer’s shop orders, newest first, with a status filter and items preview', async () => {
    const v = await fx.variant({ stock: 10 });
    const me = await fx.shopper(v.id, 1);
    const first = (await fx.createOrder(me.token, me.addressId)).body.data.order.order_number;
    await fx.addToCart(me.token, v.id, 2);
    const second = await fx.createOrder(me.token, me.addressId);
    await paySandbox(app, second.body.data.payment.payment_url);
    const all = await fx.call('GET', '/orders', me.token);
    expect(all.status).toBe(200);
    expect(all.body.data.orders.map((o: { order_number: string }) => o.order_number)).toEqual([
      second.body.data.order.order_number,
      first,
    ]);
    expect(all.body.data.orders[0]).toMatchObject({
      status: 'paid',
      payment_status: 'paid',
      items_preview: [{ product_name: v.name, quantity: 2, image: v.image }],
    });
    expect(all.body.data.pagination).toEqual({ page: 1, limit: 10, total: 2, totalPages: 1 });
    const oldest = await fx.call('GET', '/orders?sort=oldest&limit=1', me.token);
    expect(oldest.body.data.orders.map((o: { order_number: string }) => o.order_number)).toEqual([first]);
    const pending = await fx.call('GET', '/orders?status=pending_payment', me.token);
    expect(pending.body.data.orders).toHaveLength(1);
    expect(pending.body.data.orders[0].payment_status).toBe('unpaid');
    const bad = await fx.call('GET', '/orders?status=lost&page=0', me.token);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details)).toEqual(expect.arrayContaining(['status', 'page']));
  });

  it('another customer’s order is 404 everywhere; no token is 401', async () => {
    const { number } = await placed();
    const other = await fx.shopper();
    expect((await fx.call('GET', `/orders/${number}`, other.token)).status).toBe(404);
    expect((await fx.call('PUT', `/orders/${number}/cancel`, other.token, { reason: 'x' })).status).toBe(404);
    expect((await fx.call('GET', `/orders/${number}/invoice`, other.token)).status).toBe(404);
    expect((await fx.call('GET', '/orders')).status).toBe(401);
    expect((await fx.call('GET', `/orders/${number}`)).status).toBe(401);
  });

  it('cancelling a pending order gives stock and the voucher use back', async () => {
    await fx.voucher('CANCELME', { usage_limit: 3 });
    const { v, me, number } = await placed({ stock: 5, quantity: 3, voucher: 'CANCELME' });
    expect(await fx.stockOf(v.id)).toBe(2);
    expect(await fx.voucherUses('CANCELME')).toBe(1);
    const res = await fx.call('PUT', `/orders/${number}/cancel`, me.token, { reason: 'Changed my mind' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.order).toMatchObject({
      status: 'cancelled',
      cancel_reason: 'Changed my mind',
      payment_status: 'unpaid',
      refund_due: 0,
    });
    expect(await fx.stockOf(v.id)).toBe(5);
    expect(await fx.voucherUses('CANCELME')).toBe(0);
    const again = await fx.call('PUT', `/orders/${number}/cancel`, me.token, { reason: 'again' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
  });

  it('a paid order cancelled records the refund due and reverses the sale', async () => {
    const { v, me, number, payUrl } = await placed({ stock: 4, quantity: 2 });
    await paySandbox(app, payUrl);
    const res = await fx.call('PUT', `/orders/${number}/cancel`, me.token, { reason: 'Too late' });
    expect(res.status).toBe(200);
    expect(res.body.data.order.status).toBe('cancelled');
    expect(res.body.data.order.payment_status).toBe('paid');
    expect(res.body.data.order.refund_due).toBe(res.body.data.order.summary.total);
    expect(await fx.stockOf(v.id)).toBe(4);
    const [p] = await fx.sql<{ sold_count: number }>('select sold_count from product where id = ?', [
      v.productId,
    ]);
    expect(p!.sold_count).toBe(0);
  });

  it('an order past paid cannot be cancelled by the customer (409)', async () => {
    const { me, number, payUrl } = await placed();
    await paySandbox(app, payUrl);
    await fx.sql("update customer_order set status = 'shipped' where order_number = ?", [number]);
    const res = await fx.call('PUT', `/orders/${number}/cancel`, me.token, { reason: 'x' });
    expect(res.status).toBe(409);
  });

  it('cancel needs a reason (400 naming it)', async () => {
    const { me, number } = await placed();
    const res = await fx.call('PUT', `/orders/${number}/cancel`, me.token, {});
    expect(res.status).toBe(400);
    expect(res.body.details).toHaveProperty('reason');
  });

  it('the invoice is a PDF attachment', async () => {
    const { me, number } = await placed();
    const res = await fetchRaw(`/t/ansania/api/orders/${number}/invoice`, me.token);
    expect(res!.status).toBe(200);
    expect(res!.headers.get('content-type')).toBe('application/pdf');
    expect(res!.headers.get('content-disposition')).toContain(`invoice-${number}.pdf`);
    expect(res!.text.startsWith('%PDF')).toBe(true);
  });
});

describe('the order id a review names', () => {
  it('is shown by create-order, the list, the detail and a cancellation', async () => {
    const { me, number, shownId } = await placed();
    const [row] = await fx.sql<{ id: number }>('select id from customer_order where order_number = ?', [
      number,
    ]);
    const id = row!.id;
    expect(shownId).toBe(id);
    const list = await fx.call('GET', '/orders', me.token);
    expect(list.body.data.orders[0]).toMatchObject({ id, order_number: number });
    const detail = await fx.call('GET', `/orders/${number}`, me.token);
    expect(detail.body.data.order).toMatchObject({ id, order_number: number });
    const cancelled = await fx.call('PUT', `/orders/${number}/cancel`, me.token, { reason: 'x' });
    expect(cancelled.body.data.order).toMatchObject({ id, order_number: number, status: 'cancelled' });
  });

  it('is accepted as an integer, a numeric string or the order number', async () => {
    const forms: [string, (o: { id: number; number: string }) => unknown][] = [
      ['integer id', (o) => o.id],
      ['numeric string', (o) => ` ${o.id} `],
      ['order number', (o) => o.number],
    ];
    for (const [form, orderId] of forms) {
      const { v, me, payUrl } = await placed();
      await paySandbox(app, payUrl);
      const order = (await fx.call('GET', '/orders', me.token)).body.data.orders[0];
      expect(order.id, form).toEqual(expect.any(Number));
      const review = await fx.call('POST', `/products/${v.productId}/reviews`, me.token, {
        order_id: orderId({ id: order.id, number: order.order_number }),
        rating: 5,
      });
      expect(review.status, `${form}: ${JSON.stringify(review.body)}`).toBe(201);
      // the same order by its other name is the same order: one review per product per order
      const again = await fx.call('POST', `/products/${v.productId}/reviews`, me.token, {
        order_id: form === 'order number' ? order.id : order.order_number,
        rating: 4,
      });
      expect(again.status, form).toBe(409);
    }
  });

  it('another customer’s order number or an unknown one is 403, like an id', async () => {
    const { v, payUrl, number } = await placed();
    await paySandbox(app, payUrl);
    const other = await fx.shopper();
    for (const order_id of [number, 'ORD-19990101-001']) {
      const res = await fx.call('POST', `/products/${v.productId}/reviews`, other.token, {
        order_id,
        rating: 5,
      });
      expect(res.status, order_id).toBe(403);
      expect(res.body.details).toHaveProperty('order_id');
    }
  });
});

async function fetchRaw(path: string, token: string) {
  const res = await app.app.request(path, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, text: bytes.subarray(0, 8).toString('latin1') };
}
