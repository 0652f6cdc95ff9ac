import { describe, expect, it, vi } from 'vitest';
import type { CreatePaymentRequest, ExpectedPayment } from '../payment-provider.ts';
import { paymentRequests, providerError } from '../provider.test-support.ts';
import type { FakeMidtransFraudStatus, FakeMidtransStatus } from './midtrans.fake.ts';
import { createFakeMidtrans, type FakeMidtrans } from './midtrans.fake.ts';
import { MidtransProvider, type MidtransProviderOptions } from './midtrans.provider.ts';

const BASE_URL = 'https://api.sandbox.midtrans.com';
const SERVER_KEY = 'SB-Mid-server-GwUP_WGbJPXsDzsNEBRs8IYA';
const NOTIFICATION_URL = 'https://komisi.test/t/sinoman/api/webhooks/midtrans';
// 2026-01-15 15:00:00 in Jakarta
const START = Date.parse('2026-01-15T08:00:00Z');

type Middleware = (req: Request, next: (req: Request) => Promise<Response>) => Promise<Response>;

interface Setup extends Partial<Omit<MidtransProviderOptions, 'fetch'>> {
  /** sits between the provider and the fake, to break things on purpose */
  middleware?: Middleware;
  clock?: { ms: number };
}

function setup(options: Setup = {}) {
  const { middleware = (req, next) => next(req), clock = { ms: START }, ...providerOptions } = options;
  const fake = createFakeMidtrans({ serverKey: SERVER_KEY, now: () => new Date(clock.ms) });
  const log = vi.fn();
  const provider = new MidtransProvider({
    baseUrl: BASE_URL,
    serverKey: SERVER_KEY,
    bank: 'bca',
    notificationUrl: NOTIFICATION_URL,
    log,
    ...providerOptions,
    fetch: (input, init) => middleware(new Request(input, init), fake.fetch),
  });
  return { fake, provider, log, clock };
}

const paymentRequest = paymentRequests({
  amount: 100_000,
  currency: 'IDR',
  description: 'Setoran simpanan sukarela',
  callbackUrl: 'https://komisi.test/t/sinoman/payment-complete',
  customer: { email: 'john@example.com', name: 'John Doe', phone: '+6281234567890' },
});

async function created(
  fake: FakeMidtrans,
  provider: MidtransProvider,
  overrides: Partial<CreatePaymentRequest> = {},
) {
  const request = paymentRequest(overrides);
  const payment = await provider.createPayment(request);
  const expected: ExpectedPayment = {
    merchantReference: request.merchantReference,
    amount: request.amount,
    currency: request.currency,
  };
  return { request, payment, expected, transaction: fake.transactions.get(payment.providerReference)! };
}

/** A rewriting middleware: the fake's answer, changed. */
const rewrite =
  (change: (json: Record<string, unknown>) => void): Middleware =>
  async (req, next) => {
    const res = await next(req);
    const json = (await res.json()) as Record<string, unknown>;
    change(json);
    return Response.json(json, { status: res.status });
  };

describe('MidtransProvider.createPayment', () => {
  it('charges a BCA virtual account with Basic auth and returns the transaction, the account and its expiry', async () => {
    const { fake, provider } = setup();
    const { request, payment, transaction } = await created(fake, provider, {
      merchantReference: 'TXN-2026-000001',
    });

    expect(payment).toEqual({
      providerReference: transaction.transactionId,
      paymentUrl: '',
      instructions: { bank: 'bca', vaNumber: transaction.vaNumber },
      expiresAt: new Date(START + 86_400_000),
    });
    expect(transaction).toMatchObject({ orderId: 'TXN-2026-000001', grossAmount: 100_000, bank: 'bca' });
    const [call] = fake.requests;
    expect(call).toMatchObject({ method: 'POST', path: '/v2/charge' });
    expect(call!.headers.authorization).toBe(`Basic ${Buffer.from(`${SERVER_KEY}:`).toString('base64')}`);
    expect(call!.headers['x-override-notification']).toBe(NOTIFICATION_URL);
    expect(call!.body).toEqual({
      payment_type: 'bank_transfer',
      transaction_details: { order_id: request.merchantReference, gross_amount: 100_000 },
      bank_transfer: { bank: 'bca' },
      customer_details: { first_name: 'John Doe', email: 'john@example.com', phone: '+6281234567890' },
    });
  });

  it('sends custom_expiry when the tenant sets expiryMinutes', async () => {
    const { fake, provider } = setup({ expiryMinutes: 90 });
    const { payment } = await created(fake, provider);

    expect(fake.requests[0]!.body).toMatchObject({ custom_expiry: { expiry_duration: 90, unit: 'minute' } });
    expect(payment.expiresAt).toEqual(new Date(START + 90 * 60_000));
  });

  it('reads Permata’s account from permata_va_number', async () => {
    const { fake, provider } = setup({ bank: 'permata' });
    const { payment, transaction } = await created(fake, provider);

    expect(payment.instructions).toEqual({ bank: 'permata', vaNumber: transaction.vaNumber });
  });

  it.each([
    ['bni', 'bni'],
    ['BRI_VA', 'bri'],
    ['bank_transfer', 'bca'],
    [undefined, 'bca'],
  ])('takes the bank from the payer’s method %s → %s', async (method, bank) => {
    const { fake, provider } = setup();
    const { payment } = await created(fake, provider, { ...(method && { method }) });

    expect(payment.instructions!.bank).toBe(bank);
    expect(fake.requests[0]!.body).toMatchObject({ bank_transfer: { bank } });
  });

  it('leaves out blank customer fields', async () => {
    const { fake, provider } = setup();
    await created(fake, provider, { customer: { email: ' ', name: '', phone: null } });

    expect(Object.keys(fake.requests[0]!.body as object).sort()).toEqual([
      'bank_transfer',
      'payment_type',
      'transaction_details',
    ]);
  });

  it('refuses what Midtrans would refuse before calling it: another currency, no amount, a bad order_id', async () => {
    const { fake, provider } = setup();

    expect(
      (await providerError(provider.createPayment(paymentRequest({ currency: 'USD' })))).details,
    ).toEqual({
      currency: 'USD',
    });
    await providerError(provider.createPayment(paymentRequest({ amount: 0 })));
    await providerError(provider.createPayment(paymentRequest({ merchantReference: 'x'.repeat(51) })));
    await providerError(provider.createPayment(paymentRequest({ merchantReference: 'TXN 1' })));
    expect(fake.requests).toHaveLength(0);
  });

  it('turns a wrong server key into PAYMENT_PROVIDER_ERROR with Midtrans’ words, not the key', async () => {
    const { provider } = setup({ serverKey: 'SB-Mid-server-wrong' });

    const error = await providerError(provider.createPayment(paymentRequest()));

    expect(error.details).toEqual({
      operation: 'charge',
      httpStatus: 401,
      code: '401',
      message: 'Unknown Merchant server_key/id',
    });
    expect(JSON.stringify(error.details)).not.toContain('SB-Mid-server-wrong');
  });

  it('turns a validation error into PAYMENT_PROVIDER_ERROR naming what failed', async () => {
    const { provider } = setup({
      middleware: async (req, next) => {
        const body = (await req.json()) as Record<string, unknown>;
        const tampered = {
          ...body,
          transaction_details: { gross_amount: 1.5 },
          bank_transfer: { bank: 'xyz' },
        };
        return next(
          new Request(req.url, { method: 'POST', headers: req.headers, body: JSON.stringify(tampered) }),
        );
      },
    });

    const error = await providerError(provider.createPayment(paymentRequest()));

    expect(error.details).toMatchObject({ httpStatus: 400, code: '400' });
    expect((error.details as { message: string }).message).toBe(
      'One or more parameters in the payload is invalid. (transaction_details.order_id is required; ' +
        'transaction_details.gross_amount must be an integer for IDR; bank_transfer.bank value is not valid)',
    );
  });

  it('refuses a repeated order_id as Midtrans does (406), and takes it again once expired', async () => {
    const { fake, provider } = setup();
    const first = await created(fake, provider, { merchantReference: 'TXN-2026-000002' });

    const error = await providerError(
      provider.createPayment(paymentRequest({ merchantReference: 'TXN-2026-000002' })),
    );
    expect(error.details).toMatchObject({ httpStatus: 406, code: '406' });

    fake.expire(first.transaction.transactionId);
    const again = await provider.createPayment(paymentRequest({ merchantReference: 'TXN-2026-000002' }));
    expect(again.providerReference).not.toBe(first.payment.providerReference);
  });

  it('reads a refusal Midtrans answers with HTTP 200 from its status_code', async () => {
    const { provider } = setup({
      middleware: () =>
        Promise.resolve(
          Response.json({ status_code: '402', status_message: 'Payment channel is not activated.' }),
        ),
    });

    const error = await providerError(provider.createPayment(paymentRequest()));

    expect(error.details).toEqual({
      operation: 'charge',
      httpStatus: 200,
      code: '402',
      message: 'Payment channel is not activated.',
    });
  });

  it('refuses an answer for another order_id, without a transaction_id or without the account', async () => {
    const attempt = (change: (json: Record<string, unknown>) => void) =>
      providerError(setup({ middleware: rewrite(change) }).provider.createPayment(paymentRequest()));

    await attempt((j) => {
      j.order_id = 'KMS-other';
    });
    await attempt((j) => {
      delete j.transaction_id;
    });
    expect(
      (
        await attempt((j) => {
          j.va_numbers = [{ bank: 'bni', va_number: '123' }];
        })
      ).message,
    ).toBe('Midtrans opened no bca virtual account');
  });
});

describe('MidtransProvider.queryStatus', () => {
  it('asks by transaction_id: pending, then settlement once paid', async () => {
    const { fake, provider } = setup();
    const { payment, expected } = await created(fake, provider);

    expect(await provider.queryStatus(payment.providerReference, expected)).toEqual({
      status: 'pending',
      description: 'pending/accept',
    });
    fake.pay(payment.providerReference);
    expect(await provider.queryStatus(payment.providerReference, expected)).toEqual({
      status: 'completed',
      description: 'settlement/accept',
      // Midtrans' own words, kept on what the payment settled (a savings transaction's detail)
      report: expect.objectContaining({
        transaction_id: payment.providerReference,
        transaction_status: 'settlement',
        payment_type: 'bank_transfer',
      }),
    });
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: `/v2/${payment.providerReference}/status`,
    });
  });

  it.each<[FakeMidtransStatus, FakeMidtransFraudStatus, string]>([
    ['capture', 'accept', 'completed'],
    ['capture', 'challenge', 'pending'],
    ['capture', 'deny', 'failed'],
    ['settlement', 'accept', 'completed'],
    ['pending', 'accept', 'pending'],
    ['authorize', 'accept', 'pending'],
    ['deny', 'accept', 'failed'],
    ['cancel', 'accept', 'failed'],
    ['expire', 'accept', 'failed'],
    ['failure', 'accept', 'failed'],
    ['refund', 'accept', 'completed'],
    ['partial_refund', 'accept', 'completed'],
    ['chargeback', 'accept', 'completed'],
    ['partial_chargeback', 'accept', 'completed'],
  ])('maps %s with fraud_status %s to %s', async (transactionStatus, fraudStatus, status) => {
    const { fake, provider } = setup();
    const { payment, expected } = await created(fake, provider);
    fake.setStatus(payment.providerReference, transactionStatus, fraudStatus);

    expect(await provider.queryStatus(payment.providerReference, expected)).toMatchObject({
      status,
      description: `${transactionStatus}/${fraudStatus}`,
    });
  });

  it('reads the helpers: expire (status_code 407), deny and challenge', async () => {
    const { fake, provider } = setup();
    const [a, b, c] = [
      await created(fake, provider),
      await created(fake, provider),
      await created(fake, provider),
    ];
    fake.expire(a.transaction.orderId);
    fake.deny(b.transaction.orderId);
    fake.challenge(c.transaction.orderId);

    expect((await provider.queryStatus(a.payment.providerReference, a.expected)).status).toBe('failed');
    expect((await provider.queryStatus(b.payment.providerReference, b.expected)).status).toBe('failed');
    expect((await provider.queryStatus(c.payment.providerReference, c.expected)).status).toBe('pending');
  });

  it('keeps a status Midtrans may add later, or a capture without fraud_status, pending', async () => {
    const odd = (json: Record<string, unknown>) =>
      setup({ middleware: rewrite((j) => Object.assign(j, json)) });
    const unknown = odd({ transaction_status: 'something_new' });
    const bare = odd({ transaction_status: 'capture', fraud_status: undefined });
    const x = await created(unknown.fake, unknown.provider);
    const y = await created(bare.fake, bare.provider);

    expect(await unknown.provider.queryStatus(x.payment.providerReference, x.expected)).toEqual({
      status: 'pending',
      description: 'something_new/accept',
    });
    expect(await bare.provider.queryStatus(y.payment.providerReference, y.expected)).toEqual({
      status: 'pending',
      description: 'capture',
    });
  });

  it('reads a transaction past its expiry time as failed', async () => {
    const { fake, provider, clock } = setup({ expiryMinutes: 1 });
    const { payment, expected } = await created(fake, provider);

    clock.ms += 61_000;

    expect(await provider.queryStatus(payment.providerReference, expected)).toEqual({
      status: 'failed',
      description: 'expire/accept',
    });
  });

  it.each([
    ['another gross_amount', { amount: 90_000 }, 'gross_amount 100000.00 of 90000'],
    ['another order_id', { merchantReference: 'TXN-2026-999999' }, 'it is for order_id'],
    ['a payment in another currency', { currency: 'USD' as const }, 'it is in IDR, not USD'],
  ])('does not take a settlement for %s as completed, and logs it', async (_, change, mismatch) => {
    const { fake, provider, log } = setup();
    const { payment, expected } = await created(fake, provider);
    fake.pay(payment.providerReference);

    const status = await provider.queryStatus(payment.providerReference, { ...expected, ...change });

    expect(status.status).toBe('pending');
    expect(status.description).toContain(mismatch);
    expect(log).toHaveBeenCalledOnce();
    expect(log.mock.calls[0]![0]).toMatchObject({
      provider: 'midtrans',
      transactionId: payment.providerReference,
    });
  });

  it('does not take a settlement whose amount Midtrans reports otherwise, or in another currency', async () => {
    const { fake, provider } = setup();
    const a = await created(fake, provider);
    const b = await created(fake, provider);
    fake.pay(a.payment.providerReference);
    fake.pay(b.payment.providerReference);
    a.transaction.grossAmount = 99_999;
    b.transaction.currency = 'USD';

    expect((await provider.queryStatus(a.payment.providerReference, a.expected)).status).toBe('pending');
    expect((await provider.queryStatus(b.payment.providerReference, b.expected)).description).toBe(
      'settlement/accept: it is in USD',
    );
  });

  it('takes a status answer without a currency as rupiah', async () => {
    const { fake, provider } = setup({ middleware: rewrite((j) => delete j.currency) });
    const { payment, expected } = await created(fake, provider);
    fake.pay(payment.providerReference);

    expect((await provider.queryStatus(payment.providerReference, expected)).status).toBe('completed');
  });

  it('keeps a transaction Midtrans does not know pending (HTTP 404 or 200), and logs it', async () => {
    const { provider, log } = setup();
    const ok = setup({
      middleware: () =>
        Promise.resolve(Response.json({ status_code: '404', status_message: "Transaction doesn't exist." })),
    });
    const expected = { merchantReference: 'KMS-1', amount: 1, currency: 'IDR' as const };

    for (const p of [provider, ok.provider]) {
      expect(await p.queryStatus('9d0e5c2b-0000-4000-8000-000000000000', expected)).toEqual({
        status: 'pending',
        description: 'Midtrans does not know the transaction',
      });
    }
    expect(log).toHaveBeenCalledOnce();
  });

  it('refuses an answer about another transaction, or without a transaction_status', async () => {
    const { fake, provider } = setup();
    const a = await created(fake, provider);
    const b = await created(fake, provider);
    const swapped = setup({
      middleware: (req, next) =>
        next(new Request(req.url.replace(a.payment.providerReference, b.payment.providerReference), req)),
    });
    swapped.fake.transactions.set(b.transaction.transactionId, b.transaction);
    const blank = setup({ middleware: rewrite((j) => delete j.transaction_status) });
    const c = await created(blank.fake, blank.provider);

    await providerError(swapped.provider.queryStatus(a.payment.providerReference, a.expected));
    await providerError(blank.provider.queryStatus(c.payment.providerReference, c.expected));
  });

  it('turns a wrong key into PAYMENT_PROVIDER_ERROR', async () => {
    const { fake, provider } = setup();
    const { payment, expected } = await created(fake, provider);
    const other = new MidtransProvider({
      baseUrl: BASE_URL,
      serverKey: 'SB-Mid-server-other',
      bank: 'bca',
      fetch: (i, init) => fake.fetch(new Request(i, init)),
    });

    const error = await providerError(other.queryStatus(payment.providerReference, expected));

    expect(error.details).toMatchObject({ httpStatus: 401, code: '401' });
  });

  it('turns invalid JSON, an error page or a hang into PAYMENT_PROVIDER_ERROR', async () => {
    const expected = { merchantReference: 'KMS-1', amount: 1, currency: 'IDR' as const };
    const html = setup({
      middleware: () => Promise.resolve(new Response('<html>502</html>', { status: 502 })),
    });
    const text = setup({ middleware: () => Promise.resolve(new Response('maintenance')) });
    const hang = new MidtransProvider({
      baseUrl: BASE_URL,
      serverKey: SERVER_KEY,
      bank: 'bca',
      timeoutMs: 20,
      fetch: (_input, init) =>
        new Promise((_, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
        }),
    });

    expect((await providerError(html.provider.queryStatus('x', expected))).details).toEqual({
      operation: 'get status',
      httpStatus: 502,
    });
    expect((await providerError(text.provider.queryStatus('x', expected))).message).toContain('invalid JSON');
    const timeout = await providerError(hang.queryStatus('x', expected));
    expect(timeout.message).toBe('Midtrans get status request failed');
    expect((timeout.cause as DOMException).name).toBe('TimeoutError');
  });
});

describe('the fake Midtrans', () => {
  const auth = `Basic ${Buffer.from(`${SERVER_KEY}:`).toString('base64')}`;
  const charge = (fake: FakeMidtrans, body: unknown) =>
    fake.fetch(
      new Request(`${BASE_URL}/v2/charge`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );

  it('refuses requests without Basic auth, with a password or with another key, as Midtrans does', async () => {
    const fake = createFakeMidtrans({ serverKey: SERVER_KEY });
    const withAuth = (authorization?: string) =>
      fake.fetch(new Request(`${BASE_URL}/v2/x/status`, { headers: authorization ? { authorization } : {} }));

    for (const header of [
      undefined,
      `Basic ${Buffer.from(`${SERVER_KEY}:pw`).toString('base64')}`,
      `Bearer ${SERVER_KEY}`,
    ]) {
      const res = await withAuth(header);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({
        status_code: '401',
        status_message: 'Unknown Merchant server_key/id',
      });
    }
    const unknown = await withAuth(auth);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      status_code: '404',
      status_message: "Transaction doesn't exist.",
    });
  });

  it.each([
    [{ transaction_details: { order_id: 'a', gross_amount: 1 } }, ['bank_transfer.bank is required']],
    [{ bank_transfer: { bank: 'bca' } }, ['transaction_details is required']],
    [
      { transaction_details: { order_id: 'a b', gross_amount: 0 }, bank_transfer: { bank: 'bca' } },
      [
        'transaction_details.order_id contains invalid characters',
        'transaction_details.gross_amount must be greater than or equal to 1',
      ],
    ],
    [
      {
        transaction_details: { order_id: 'a', gross_amount: 1 },
        bank_transfer: { bank: 'bca' },
        customer_details: { email: 'nope' },
        custom_expiry: { expiry_duration: 0, unit: 'week' },
      },
      [
        'customer_details.email format is invalid',
        'custom_expiry.expiry_duration must be a positive integer',
        'custom_expiry.unit value is not valid',
      ],
    ],
  ])('validates the charge: %j', async (body, messages) => {
    const res = await charge(createFakeMidtrans({ serverKey: SERVER_KEY }), {
      payment_type: 'bank_transfer',
      ...body,
    });

    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      status_code: '400',
      status_message: 'One or more parameters in the payload is invalid.',
      validation_messages: messages,
    });
  });

  it('refuses payment types it does not open (402)', async () => {
    const res = await charge(createFakeMidtrans({ serverKey: SERVER_KEY }), { payment_type: 'gopay' });

    expect(res.status).toBe(402);
  });

  it('builds a notification signed as Midtrans signs it, with the spec’s callback token when set', async () => {
    const fake = createFakeMidtrans({
      serverKey: SERVER_KEY,
      callbackToken: 'cb-token',
      now: () => new Date(START),
    });
    const res = await charge(fake, {
      payment_type: 'bank_transfer',
      transaction_details: { order_id: 'TXN-2026-000001', gross_amount: 100_000 },
      bank_transfer: { bank: 'bni' },
    });
    expect(res.status).toBe(200);
    fake.pay('TXN-2026-000001');

    const { headers, body } = fake.notification('TXN-2026-000001');
    const late = JSON.parse(fake.notification('TXN-2026-000001', { transaction_status: 'pending' }).body);

    expect(headers).toEqual({ 'content-type': 'application/json', 'x-callback-token': 'cb-token' });
    const json = JSON.parse(body);
    expect(json).toMatchObject({
      transaction_time: '2026-01-15 15:00:00',
      settlement_time: '2026-01-15 15:00:00',
      transaction_status: 'settlement',
      status_message: 'midtrans payment notification',
      status_code: '200',
      payment_type: 'bank_transfer',
      order_id: 'TXN-2026-000001',
      merchant_id: 'G123456789',
      gross_amount: '100000.00',
      fraud_status: 'accept',
      currency: 'IDR',
      va_numbers: [{ bank: 'bni', va_number: expect.stringMatching(/^\d{16}$/) }],
    });
    const { createHash } = await import('node:crypto');
    const sign = (code: string) =>
      createHash('sha512').update(`TXN-2026-000001${code}100000.00${SERVER_KEY}`).digest('hex');
    expect(json.signature_key).toBe(sign('200'));
    expect(late).toMatchObject({
      transaction_status: 'pending',
      status_code: '201',
      signature_key: sign('201'),
    });
    expect(
      JSON.parse(fake.notification('TXN-2026-000001', { signature_key: 'forged' }).body).signature_key,
    ).toBe('forged');
  });
});
