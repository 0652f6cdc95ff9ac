import { createFakeDoku } from '@komisi/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { checkoutFixtures } from './checkout-fixtures.ts';

// The ansania store collecting through DOKU Checkout, against the faithful fake DOKU.
const CLIENT_ID = 'BRN-0001-TEST';
const SECRET = 'SK-test-secret';
const fake = createFakeDoku({ clientId: CLIENT_ID, secretKey: SECRET });
const TARGET = '/t/ansania/api/checkout/payment-webhook';
let app: TestApp;
let fx: ReturnType<typeof checkoutFixtures>;

beforeAll(async () => {
  app = await startTestApp({
    services: { dokuFetch: (input, init) => fake.fetch(new Request(input, init)) },
  });
  fx = checkoutFixtures(app);
  const settings = {
    payments: {
      provider: 'doku',
      doku: { baseUrl: 'https://api-sandbox.doku.com', clientId: CLIENT_ID, secretKey: SECRET },
    },
  };
  await fx.sql("update tenant set settings = ? where slug = 'ansania'", [JSON.stringify(settings)]);
  await app.services.tenants.invalidate();
});
afterAll(async () => {
  await app.close();
});

async function placed() {
  const v = await fx.variant({ stock: 5 });
  const me = await fx.shopper(v.id, 2);
  const res = await fx.createOrder(me.token, me.addressId);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { v, me, order: res.body.data.order, payment: res.body.data.payment };
}

const deliver = (n: { headers: Record<string, string>; body: string }) =>
  app.request('POST', TARGET, {
    headers: { ...n.headers, 'content-type': 'application/json' },
    body: n.body,
  });

const orderRow = async (number: string) =>
  (
    await fx.sql<{ status: string; paid_at: Date | null }>(
      'select status, paid_at from customer_order where order_number = ?',
      [number],
    )
  )[0]!;

describe('DOKU payments for the shop', () => {
  it('opens the payment at DOKU with our notification URL, token and expiry', async () => {
    const { payment } = await placed();
    const order = fake.orders.get(payment.transaction_id);
    expect(order).toBeDefined();
    expect(order!.additionalInfo).toMatchObject({
      override_notification_url: `http://komisi.test${TARGET}`,
    });
    expect(payment.payment_url).toContain('doku');
    expect(payment.payment_token).toEqual(expect.any(String));
    expect(payment.expired_at).toEqual(expect.any(String));
  });

  it('a notification delivered 10× concurrently settles the order once', async () => {
    const { v, me, order, payment } = await placed();
    fake.setStatus(payment.transaction_id, 'SUCCESS');
    const notification = fake.notification(payment.transaction_id, TARGET);
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(notification)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(answers.filter((a) => a.body.duplicate).length).toBe(9);
    expect((await orderRow(order.order_number)).status).toBe('paid');
    expect(await fx.webhookEventsOf('doku', notification.requestId)).toBe(1);
    expect(await fx.soldCountOf(v.productId)).toBe(2);
    // A new delivery (another Request-Id) of the same outcome changes nothing either.
    expect((await deliver(fake.notification(payment.transaction_id, TARGET))).status).toBe(200);
    const detail = await fx.call('GET', `/orders/${order.order_number}`, me.token);
    expect(detail.body.data.order.payment_status).toBe('paid');
    expect(await fx.completedPaymentsOf(payment.transaction_id)).toBe(1);
  });

  it('a tampered signature is refused with 401 and nothing changes', async () => {
    const { order, payment } = await placed();
    fake.setStatus(payment.transaction_id, 'SUCCESS');
    const n = fake.notification(payment.transaction_id, TARGET);
    const tampered = { ...n, body: n.body.replace('"SUCCESS"', '"SUCCESS" ') };
    expect((await deliver(tampered)).status).toBe(401);
    const badSig = { ...n, headers: { ...n.headers, Signature: 'HMACSHA256=AAAA' } };
    expect((await deliver(badSig)).status).toBe(401);
    expect((await orderRow(order.order_number)).status).toBe('pending_payment');
  });

  it('a stale timestamp is refused with 401', async () => {
    const stale = createFakeDoku({
      clientId: CLIENT_ID,
      secretKey: SECRET,
      now: () => new Date(Date.now() - 60 * 60_000),
    });
    const { order, payment } = await placed();
    fake.setStatus(payment.transaction_id, 'SUCCESS');
    // the stale fake signs with an hour-old timestamp; copy the order over so it can notify
    stale.orders.set(payment.transaction_id, { ...fake.orders.get(payment.transaction_id)! });
    const res = await deliver(stale.notification(payment.transaction_id, TARGET));
    expect(res.status).toBe(401);
    expect((await orderRow(order.order_number)).status).toBe('pending_payment');
  });

  it('a notification claiming success while DOKU says pending changes nothing', async () => {
    const { order, payment } = await placed();
    fake.setStatus(payment.transaction_id, 'SUCCESS');
    const n = fake.notification(payment.transaction_id, TARGET);
    fake.setStatus(payment.transaction_id, 'PENDING');
    expect((await deliver(n)).status).toBe(200);
    expect((await orderRow(order.order_number)).status).toBe('pending_payment');
  });

  it('an expired payment cancels the order and returns the stock', async () => {
    const { v, order, payment } = await placed();
    expect(await fx.stockOf(v.id)).toBe(3);
    fake.setStatus(payment.transaction_id, 'EXPIRED');
    expect((await deliver(fake.notification(payment.transaction_id, TARGET))).status).toBe(200);
    expect((await orderRow(order.order_number)).status).toBe('cancelled');
    expect(await fx.stockOf(v.id)).toBe(5);
  });
});
