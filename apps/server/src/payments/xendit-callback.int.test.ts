import { createFakeXendit, ledgerTotal, unbalancedLedgerEntries } from '@komisi/api/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkoutFixtures } from '../ansania/checkout-fixtures.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

// The ansania store (IDR) switched to Xendit Invoices, against the faithful fake Xendit; the
// callback is served at /t/{tenant}/api/webhooks/xendit and at /api/webhooks/xendit on a mapped host.
const SECRET = 'xnd_development_komisi_test_key';
const CALLBACK_TOKEN = 'xnd-callback-token-0123456789abcdef';
const TARGET = '/t/ansania/api/webhooks/xendit';
const MAPPED_HOST = 'pay.ansania.example';
const fake = createFakeXendit({ secretKey: SECRET, callbackToken: CALLBACK_TOKEN });
const xenditLog = vi.fn();
/** while set, every call to Xendit fails as a network error would */
let xenditDown = false;
let app: TestApp;
let fx: ReturnType<typeof checkoutFixtures>;

beforeAll(async () => {
  app = await startTestApp({
    env: { KOMISI_TENANT_HOSTS: `${MAPPED_HOST}=ansania` },
    services: {
      xenditFetch: (input, init) =>
        xenditDown ? Promise.reject(new TypeError('fetch failed')) : fake.fetch(new Request(input, init)),
      xenditLog,
    },
  });
  fx = checkoutFixtures(app);
  const settings = {
    payments: {
      provider: 'xendit',
      xendit: { baseUrl: 'https://api.xendit.co', secretKey: SECRET, callbackToken: CALLBACK_TOKEN },
    },
  };
  await fx.sql("update tenant set settings = ? where slug = 'ansania'", [JSON.stringify(settings)]);
  await app.services.tenants.invalidate();
});
afterAll(async () => {
  await app.close();
});

/** An order placed at checkout, its payment opened at Xendit: `payment.transaction_id` is the invoice id. */
async function placed(quantity = 2) {
  const v = await fx.variant({ stock: 5 });
  const me = await fx.shopper(v.id, quantity);
  const res = await fx.createOrder(me.token, me.addressId);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const invoiceId = res.body.data.payment.transaction_id as string;
  return { v, me, order: res.body.data.order, payment: res.body.data.payment, invoiceId };
}

const deliver = (
  callback: { headers: Record<string, string>; body: string },
  url = TARGET,
  headers: Record<string, string> = {},
) => app.request('POST', url, { headers: { ...callback.headers, ...headers }, body: callback.body });

const orderStatus = async (number: string) =>
  (await fx.sql<{ status: string }>('select status from customer_order where order_number = ?', [number]))[0]!
    .status;

const paymentOf = async (invoiceId: string) =>
  (
    await fx.sql<{
      id: number;
      status: string;
      merchant_reference: string;
      amount: string;
      provider: string;
    }>('select id, status, merchant_reference, amount, provider from payment where provider_reference = ?', [
      invoiceId,
    ])
  )[0]!;

const inboxRows = async (invoiceId: string) =>
  (
    await fx.sql<{ n: number }>(
      "select count(*)::int as n from webhook_event where provider = 'xendit' and payload->>'id' = ?",
      [invoiceId],
    )
  )[0]!.n;

const receipts = async (paymentId: number) =>
  (
    await fx.sql<{ n: number }>('select count(*)::int as n from ledger_entry where idempotency_key = ?', [
      `payment:${paymentId}:received`,
    ])
  )[0]!.n;

describe('Xendit payments for the shop', () => {
  it('opens an invoice at Xendit for the order, with our reference and amount', async () => {
    const { payment, invoiceId } = await placed();
    const row = await paymentOf(invoiceId);
    const invoice = fake.invoices.get(invoiceId);

    expect(row).toMatchObject({ provider: 'xendit', status: 'pending' });
    expect(invoice).toMatchObject({
      externalId: row.merchant_reference,
      amount: Number(row.amount),
      currency: 'IDR',
      status: 'PENDING',
    });
    expect(payment.payment_url).toBe(invoice!.invoiceUrl);
  });

  it('settles the order once on a valid PAID callback', async () => {
    const { order, invoiceId } = await placed();
    fake.pay(invoiceId);

    const res = await deliver(fake.callback(invoiceId));

    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ ok: true });
    const row = await paymentOf(invoiceId);
    expect(row.status).toBe('completed');
    expect(await orderStatus(order.order_number)).toBe('paid');
    expect(await receipts(row.id)).toBe(1);
    const [event] = await fx.sql<{ event_id: string; processed_at: string | null }>(
      "select event_id, processed_at from webhook_event where provider = 'xendit' and payload->>'id' = ?",
      [invoiceId],
    );
    expect(event).toMatchObject({ event_id: `${invoiceId}:PAID`, processed_at: expect.anything() });
  });

  it('settles once when the same callback arrives 10× concurrently', async () => {
    const { v, order, invoiceId } = await placed();
    fake.pay(invoiceId);
    const callback = fake.callback(invoiceId);

    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(callback)));

    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect(answers.filter((a) => a.body.duplicate).length).toBe(9);
    const row = await paymentOf(invoiceId);
    expect(row.status).toBe('completed');
    expect(await orderStatus(order.order_number)).toBe('paid');
    expect(await receipts(row.id)).toBe(1);
    expect(await inboxRows(invoiceId)).toBe(1);
    const [product] = await fx.sql<{ sold_count: number }>('select sold_count from product where id = ?', [
      v.productId,
    ]);
    expect(product!.sold_count).toBe(2);
    expect(await unbalancedLedgerEntries(app.orm)).toEqual([]);
    expect(await ledgerTotal(app.orm)).toBe(0);
    // A later, separate delivery changes nothing either.
    expect((await deliver(callback)).body).toEqual({ ok: true, duplicate: true });
    expect(await receipts(row.id)).toBe(1);
  });

  it.each([
    ['payment.succeeded', 'xendit'],
    ['payment.success', 'spec'],
  ] as const)('settles on the { event: %s, data } shape, once per webhook-id', async (event, eventNames) => {
    const { order, invoiceId } = await placed();
    fake.pay(invoiceId);
    const callback = fake.callback(invoiceId, { shape: 'payment', eventNames });
    expect(JSON.parse(callback.body).event).toBe(event);

    const first = await deliver(callback);
    const again = await deliver(callback);

    expect(first.body).toEqual({ ok: true });
    expect(again.body).toEqual({ ok: true, duplicate: true });
    expect((await paymentOf(invoiceId)).status).toBe('completed');
    expect(await orderStatus(order.order_number)).toBe('paid');
    const [row] = await fx.sql<{ event_id: string }>(
      "select event_id from webhook_event where provider = 'xendit' and event_id = ?",
      [`webhook:${callback.headers['webhook-id']}`],
    );
    expect(row).toBeDefined();
  });

  it('refuses a wrong, missing or differently sized token with 401, and changes nothing', async () => {
    const { order, invoiceId } = await placed();
    fake.pay(invoiceId);
    const callback = fake.callback(invoiceId);
    const { 'x-callback-token': _token, ...withoutToken } = callback.headers;
    const wrong = CALLBACK_TOKEN.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x'));

    const answers = [
      await deliver(callback, TARGET, { 'x-callback-token': wrong }),
      await deliver(callback, TARGET, { 'x-callback-token': `${CALLBACK_TOKEN}0` }),
      await deliver(callback, TARGET, { 'x-callback-token': 'short' }),
      await deliver({ ...callback, headers: withoutToken }),
    ];

    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401]);
    // refusals are in the profile's envelope
    expect(answers[0]!.body).toMatchObject({ success: false, code: 'UNAUTHORIZED' });
    expect((await paymentOf(invoiceId)).status).toBe('pending');
    expect(await orderStatus(order.order_number)).toBe('pending_payment');
    expect(await inboxRows(invoiceId)).toBe(0);
  });

  it('keeps the payment pending on a forged PAID callback while Xendit says PENDING', async () => {
    const { order, invoiceId } = await placed();
    fake.pay(invoiceId);
    const forged = fake.callback(invoiceId);
    fake.setStatus(invoiceId, 'PENDING');

    const res = await deliver(forged);

    expect(res.status).toBe(200);
    expect((await paymentOf(invoiceId)).status).toBe('pending');
    expect(await orderStatus(order.order_number)).toBe('pending_payment');
    // Not recorded as handled: when Xendit really reports it paid, the same event is acted on.
    expect(await inboxRows(invoiceId)).toBe(0);
    fake.setStatus(invoiceId, 'PAID');
    expect((await deliver(forged)).body).toEqual({ ok: true });
    expect((await paymentOf(invoiceId)).status).toBe('completed');
  });

  it('keeps the payment pending when Xendit reports less paid than invoiced, and logs it', async () => {
    const { order, invoiceId } = await placed();
    const invoice = fake.invoices.get(invoiceId)!;
    fake.pay(invoiceId, { paidAmount: invoice.amount - 1 });
    xenditLog.mockClear();

    const res = await deliver(fake.callback(invoiceId));

    expect(res.status).toBe(200);
    expect((await paymentOf(invoiceId)).status).toBe('pending');
    expect(await orderStatus(order.order_number)).toBe('pending_payment');
    expect(xenditLog).toHaveBeenCalledWith(
      expect.objectContaining({ invoiceId, amount: invoice.amount, paidAmount: invoice.amount - 1 }),
      expect.stringContaining('not taken as completed'),
    );
  });

  it('fails the payment on EXPIRED: the order is cancelled and the stock returned', async () => {
    const { v, order, invoiceId } = await placed();
    expect(await fx.stockOf(v.id)).toBe(3);
    fake.expire(invoiceId);

    const res = await deliver(fake.callback(invoiceId));

    expect(res.status).toBe(200);
    expect((await paymentOf(invoiceId)).status).toBe('failed');
    expect(await orderStatus(order.order_number)).toBe('cancelled');
    expect(await fx.stockOf(v.id)).toBe(5);
  });

  it('fails the payment on payment.failed', async () => {
    const { order, invoiceId } = await placed();
    fake.expire(invoiceId);

    const res = await deliver(fake.callback(invoiceId, { shape: 'payment' }));

    expect(res.body).toEqual({ ok: true });
    expect((await paymentOf(invoiceId)).status).toBe('failed');
    expect(await orderStatus(order.order_number)).toBe('cancelled');
  });

  it('does not take a callback’s word for failure either', async () => {
    const { invoiceId } = await placed();
    fake.expire(invoiceId);
    const forged = fake.callback(invoiceId);
    fake.setStatus(invoiceId, 'PENDING');

    await deliver(forged);

    expect((await paymentOf(invoiceId)).status).toBe('pending');
  });

  it('answers 503 and forgets the delivery when Xendit cannot be asked, so its retry settles', async () => {
    const { invoiceId } = await placed();
    fake.pay(invoiceId);
    const callback = fake.callback(invoiceId);

    xenditDown = true;
    const failed = await deliver(callback).finally(() => {
      xenditDown = false;
    });

    expect(failed.status).toBe(503);
    expect(await inboxRows(invoiceId)).toBe(0);
    expect((await deliver(callback)).body).toEqual({ ok: true });
    expect((await paymentOf(invoiceId)).status).toBe('completed');
  });

  it('serves the callback at /api/webhooks/xendit on a mapped host', async () => {
    const { invoiceId } = await placed();
    fake.pay(invoiceId);

    const res = await deliver(fake.callback(invoiceId), `https://${MAPPED_HOST}/api/webhooks/xendit`);

    expect(res.status).toBe(200);
    expect((await paymentOf(invoiceId)).status).toBe('completed');
  });

  it('acknowledges a callback for a reference that is not ours (Xendit’s test callback)', async () => {
    const body = JSON.stringify({
      id: '579c8d61f23fa4ca35e52da4',
      external_id: 'invoice_123124123',
      status: 'PAID',
    });

    const res = await deliver({ headers: { 'x-callback-token': CALLBACK_TOKEN }, body }, TARGET, {
      'content-type': 'application/json',
    });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, unknown: true });
  });

  it('acknowledges events it does not act on without processing them', async () => {
    const body = JSON.stringify({ event: 'payment.pending', data: { id: 'py-1', reference_id: 'KMS-x' } });

    const res = await deliver({ headers: { 'x-callback-token': CALLBACK_TOKEN }, body });

    expect(res.body).toEqual({ ok: true, ignored: 'payment.pending' });
  });

  it.each([
    ['not JSON', '{"id": '],
    ['an array', '[]'],
    ['an invoice callback without external_id', '{"id":"abc","status":"PAID"}'],
    ['a payment event without reference_id', '{"event":"payment.succeeded","data":{"id":"py-1"}}'],
    [
      'a payment event without an id or webhook-id',
      '{"event":"payment.succeeded","data":{"reference_id":"KMS-1"}}',
    ],
    ['a NUL character', '{"id":"a\\u0000","external_id":"KMS-1","status":"PAID"}'],
  ])('answers 400 to %s', async (_what, body) => {
    const before = (
      await fx.sql<{ n: number }>("select count(*)::int as n from webhook_event where provider = 'xendit'")
    )[0]!.n;

    const res = await deliver({ headers: { 'x-callback-token': CALLBACK_TOKEN }, body });

    expect(res.status).toBe(400);
    const after = (
      await fx.sql<{ n: number }>("select count(*)::int as n from webhook_event where provider = 'xendit'")
    )[0]!.n;
    expect(after).toBe(before);
  });

  it('answers 404 for a store that is not on Xendit', async () => {
    const res = await app.request('POST', '/t/dtehm/api/webhooks/xendit', {
      headers: { 'x-callback-token': CALLBACK_TOKEN },
      body: '{}',
    });

    expect(res.status).toBe(404);
  });
});
