import { createApiContext, createLogger } from '@komisi/api';
import { createFakeMidtrans, ledgerTotal, unbalancedLedgerEntries } from '@komisi/api/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkoutFixtures } from '../ansania/checkout-fixtures.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

// The ansania store (IDR) switched to Midtrans Core API (bank transfer into a virtual account),
// against the faithful fake Midtrans; notifications arrive at /t/{tenant}/api/webhooks/midtrans.
const SERVER_KEY = 'SB-Mid-server-GwUP_WGbJPXsDzsNEBRs8IYA';
const CALLBACK_TOKEN = 'sinoman-webhook-secret-0123456789';
const TARGET = '/t/ansania/api/webhooks/midtrans';
const ACK = { success: true, message: 'Webhook processed successfully' };
const fake = createFakeMidtrans({ serverKey: SERVER_KEY, callbackToken: CALLBACK_TOKEN });
const gatewayLog = vi.fn();
let app: TestApp;
let fx: ReturnType<typeof checkoutFixtures>;

beforeAll(async () => {
  app = await startTestApp({
    services: { midtransFetch: (input, init) => fake.fetch(new Request(input, init)), xenditLog: gatewayLog },
  });
  fx = checkoutFixtures(app);
  const ansania = (await app.services.tenants.bySlug('ansania'))!;
  await app.services.tenants.updateSetting(ansania.id, 'payments', {
    provider: 'midtrans',
    midtrans: {
      baseUrl: 'https://api.sandbox.midtrans.com',
      serverKey: SERVER_KEY,
      callbackToken: CALLBACK_TOKEN,
      bank: 'bni',
    },
  });
});
afterAll(async () => {
  await app.close();
});

/** An order placed at checkout, its virtual account opened at Midtrans. */
async function placed(quantity = 2) {
  const v = await fx.variant({ stock: 5 });
  const me = await fx.shopper(v.id, quantity);
  const res = await fx.createOrder(me.token, me.addressId);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const transactionId = res.body.data.payment.transaction_id as string;
  const transaction = fake.find(transactionId)!;
  return {
    v,
    order: res.body.data.order,
    payment: res.body.data.payment,
    transactionId,
    orderId: transaction.orderId,
  };
}

const deliver = (
  notification: { headers: Record<string, string>; body: string },
  headers: Record<string, string> = {},
) =>
  app.request('POST', TARGET, { headers: { ...notification.headers, ...headers }, body: notification.body });

const paymentOf = async (transactionId: string) =>
  (
    await fx.sql<{
      id: number;
      status: string;
      merchant_reference: string;
      amount: string;
      details: Record<string, unknown>;
    }>(
      "select id, status, merchant_reference, amount, details from payment where provider = 'midtrans' and provider_reference = ?",
      [transactionId],
    )
  )[0]!;

const orderStatus = async (number: string) =>
  (await fx.sql<{ status: string }>('select status from customer_order where order_number = ?', [number]))[0]!
    .status;

const count = async (query: string, params: unknown[]) => (await fx.sql<{ n: number }>(query, params))[0]!.n;
const receipts = (paymentId: number) =>
  count('select count(*)::int as n from ledger_entry where idempotency_key = ?', [
    `payment:${paymentId}:received`,
  ]);
const inboxRows = (transactionId: string) =>
  count(
    "select count(*)::int as n from webhook_event where provider = 'midtrans' and payload->>'transaction_id' = ?",
    [transactionId],
  );

describe('Midtrans payments for the shop', () => {
  it('opens a BNI virtual account for the order, with our reference, amount and notification URL', async () => {
    const { payment, transactionId } = await placed();
    const row = await paymentOf(transactionId);
    const transaction = fake.find(transactionId)!;

    expect(row).toMatchObject({ status: 'pending', merchant_reference: transaction.orderId });
    expect(transaction).toMatchObject({
      grossAmount: Number(row.amount),
      bank: 'bni',
      transactionStatus: 'pending',
      notificationUrl: `http://komisi.test${TARGET}`,
    });
    expect(payment.payment_url).toBe('');
    expect(row.details).toMatchObject({
      instructions: { bank: 'bni', vaNumber: transaction.vaNumber },
      expiresAt: transaction.expiryTime.toISOString(),
    });
  });

  it('settles the order once on a valid settlement notification', async () => {
    const { order, transactionId, orderId } = await placed();
    fake.pay(orderId);

    const res = await deliver(fake.notification(orderId));

    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual(ACK);
    const row = await paymentOf(transactionId);
    expect(row.status).toBe('completed');
    expect(await orderStatus(order.order_number)).toBe('paid');
    expect(await receipts(row.id)).toBe(1);
    const [event] = await fx.sql<{ event_id: string; processed_at: string | null }>(
      "select event_id, processed_at from webhook_event where provider = 'midtrans' and payload->>'transaction_id' = ?",
      [transactionId],
    );
    expect(event).toMatchObject({
      event_id: `${transactionId}:settlement:accept`,
      processed_at: expect.anything(),
    });
  });

  it('settles and posts once when the same notification arrives 10× concurrently', async () => {
    const { v, order, transactionId, orderId } = await placed();
    fake.pay(orderId);
    const notification = fake.notification(orderId);

    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(notification)));

    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    for (const a of answers) expect(a.body).toEqual(ACK);
    const row = await paymentOf(transactionId);
    expect(row.status).toBe('completed');
    expect(await orderStatus(order.order_number)).toBe('paid');
    expect(await receipts(row.id)).toBe(1);
    expect(await inboxRows(transactionId)).toBe(1);
    const [product] = await fx.sql<{ sold_count: number }>('select sold_count from product where id = ?', [
      v.productId,
    ]);
    expect(product!.sold_count).toBe(2);
    expect(await unbalancedLedgerEntries(app.orm)).toEqual([]);
    expect(await ledgerTotal(app.orm)).toBe(0);
  });

  it('refuses a wrong signature or a wrong or missing callback token with 401, and changes nothing', async () => {
    const { order, transactionId, orderId } = await placed();
    fake.pay(orderId);
    const genuine = fake.notification(orderId);
    const { 'x-callback-token': _, ...withoutToken } = genuine.headers;

    const answers = [
      await deliver(fake.notification(orderId, { signature_key: 'f'.repeat(128) })),
      await deliver(
        fake.notification(orderId, {
          gross_amount: '1.00',
          signature_key: JSON.parse(genuine.body).signature_key,
        }),
      ),
      await deliver(genuine, { 'x-callback-token': `${CALLBACK_TOKEN}x` }),
      await deliver({ ...genuine, headers: withoutToken }),
    ];

    expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401]);
    expect(answers[0]!.body).toMatchObject({ success: false });
    expect((await paymentOf(transactionId)).status).toBe('pending');
    expect(await orderStatus(order.order_number)).toBe('pending_payment');
    expect(await inboxRows(transactionId)).toBe(0);
  });

  it('never regresses a settled payment on a late pending notification', async () => {
    const { order, transactionId, orderId } = await placed();
    const early = fake.notification(orderId);
    expect((await deliver(early)).status).toBe(200);
    expect((await paymentOf(transactionId)).status).toBe('pending');
    fake.pay(orderId);

    expect((await deliver(fake.notification(orderId))).status).toBe(200);
    const late = await deliver(fake.notification(orderId, { transaction_status: 'pending' }));

    expect(late.status).toBe(200);
    expect(late.body).toEqual(ACK);
    const row = await paymentOf(transactionId);
    expect(row.status).toBe('completed');
    expect(await orderStatus(order.order_number)).toBe('paid');
    expect(await receipts(row.id)).toBe(1);
  });

  it('keeps the payment pending on a signed settlement claim while Midtrans says pending, and settles on the next', async () => {
    const { transactionId, orderId } = await placed();
    const claim = fake.notification(orderId, { transaction_status: 'settlement' });

    expect((await deliver(claim)).status).toBe(200);
    expect((await paymentOf(transactionId)).status).toBe('pending');
    // unconfirmed: forgotten, so the same notification is asked about again once Midtrans confirms it
    expect(await inboxRows(transactionId)).toBe(0);
    fake.pay(orderId);
    expect((await deliver(claim)).status).toBe(200);
    expect((await paymentOf(transactionId)).status).toBe('completed');
  });

  it('fails the order when the virtual account expires', async () => {
    const { order, transactionId, orderId } = await placed();
    fake.expire(orderId);

    expect((await deliver(fake.notification(orderId))).status).toBe(200);

    expect((await paymentOf(transactionId)).status).toBe('failed');
    expect(await orderStatus(order.order_number)).toBe('cancelled');
  });

  it('does not take a settlement of another amount as paid, and reports it', async () => {
    const { transactionId, orderId } = await placed();
    fake.pay(orderId);
    fake.find(orderId)!.grossAmount -= 1;

    expect((await deliver(fake.notification(orderId))).status).toBe(200);

    expect((await paymentOf(transactionId)).status).toBe('pending');
    expect(gatewayLog).toHaveBeenCalledWith(
      expect.objectContaining({ provider: 'midtrans', transactionId }),
      expect.stringContaining('not taken as completed'),
    );
  });

  it('charges under the reference the app chose (a transaction number), unique per tenant', async () => {
    const { order } = await placed();
    const scope = await fx.scope();
    const payment = await app.services.payments.create(scope, {
      accountId: (
        await fx.sql<{ account_id: number }>('select account_id from customer_order where id = ?', [order.id])
      )[0]!.account_id,
      purpose: 'order',
      subjectId: order.id,
      amount: order.total_amount,
      requestedMethod: 'bank_transfer',
      callbackUrl: null,
      description: 'Setoran simpanan sukarela',
      customer: { email: 'john@example.com', name: 'John Doe', phone: null },
      merchantReference: 'TXN-2026-000001',
    });
    expect(payment.merchantReference).toBe('TXN-2026-000001');
    expect(fake.find('TXN-2026-000001')).toMatchObject({
      transactionId: payment.providerReference,
      bank: 'bni',
    });

    fake.pay('TXN-2026-000001');
    expect((await deliver(fake.notification('TXN-2026-000001'))).status).toBe(200);
    expect((await paymentOf(payment.providerReference)).status).toBe('completed');
    expect(await orderStatus(order.order_number)).toBe('paid');

    // another tenant may number its payments alike (qutab collects through the sandbox)
    const qutab = (await app.services.tenants.bySlug('qutab'))!;
    const qutabScope = createApiContext(app.orm, app.services, createLogger('silent'), {
      tenant: qutab,
      requestId: 'test',
      ip: '127.0.0.1',
      authorization: undefined,
      baseUrl: 'http://komisi.test/t/qutab',
    }).scope();
    const [account] = await fx.sql<{ id: number }>('select id from account where tenant_id = ? limit 1', [
      qutab.id,
    ]);
    const elsewhere = await app.services.payments.create(qutabScope, {
      accountId: account!.id,
      purpose: 'order',
      subjectId: null,
      amount: 50_000,
      requestedMethod: 'bank_transfer',
      callbackUrl: null,
      description: 'Elsewhere',
      customer: { email: 'x@example.com', name: 'X', phone: null },
      merchantReference: 'TXN-2026-000001',
    });
    expect(elsewhere).toMatchObject({ provider: 'sandbox', merchantReference: 'TXN-2026-000001' });
  });
});
