import { describe, expect, it, vi } from 'vitest';
import type { CreatePaymentRequest } from '../payment-provider.ts';
import { paymentRequests, providerError } from '../provider.test-support.ts';
import { createFakeXendit, type FakeXendit } from './xendit.fake.ts';
import { parseXenditCallback, xenditCallbackTokenMatches } from './xendit.gateway.ts';
import { xenditMobileNumber } from './xendit.invoice.ts';
import { XenditProvider, type XenditProviderOptions } from './xendit.provider.ts';

const BASE_URL = 'https://api.xendit.co';
const SECRET = 'xnd_development_P4qDfOss0OCpl8RtKrROHjaQYNCk9dN5lSfk+R1l9Wbe+rSiCwZ3jw==';
const CALLBACK_TOKEN = 'MuaJALKJSDK12LASHD123kSAKSDHzjahwUWjkasJSDSA12KSNAK21n';
const START = Date.parse('2026-01-15T08:00:00Z');

type Middleware = (req: Request, next: (req: Request) => Promise<Response>) => Promise<Response>;

interface Setup extends Partial<Omit<XenditProviderOptions, 'fetch'>> {
  /** sits between the provider and the fake, to break things on purpose */
  middleware?: Middleware;
  clock?: { ms: number };
}

function setup(options: Setup = {}) {
  const { middleware = (req, next) => next(req), clock = { ms: START }, ...providerOptions } = options;
  const fake = createFakeXendit({
    secretKey: SECRET,
    callbackToken: CALLBACK_TOKEN,
    now: () => new Date(clock.ms),
  });
  const log = vi.fn();
  const provider = new XenditProvider({
    baseUrl: BASE_URL,
    secretKey: SECRET,
    currency: 'IDR',
    log,
    ...providerOptions,
    fetch: (input, init) => middleware(new Request(input, init), fake.fetch),
  });
  return { fake, provider, log, clock };
}

const paymentRequest = paymentRequests({
  amount: 4_750_000,
  currency: 'IDR',
  description: 'Kelas Qutab: Tahsin dasar',
  callbackUrl: 'https://komisi.test/t/qutab/payment-complete',
  customer: { email: 'siti@example.com', name: 'Siti Rahayu', phone: '+62 812-3456-7890' },
});

async function created(
  fake: FakeXendit,
  provider: XenditProvider,
  overrides: Partial<CreatePaymentRequest> = {},
) {
  const request = paymentRequest(overrides);
  const payment = await provider.createPayment(request);
  return { request, payment, invoice: fake.invoices.get(payment.providerReference)! };
}

describe('XenditProvider.createPayment', () => {
  it('creates an invoice with Basic auth and returns its id, URL and expiry', async () => {
    const { fake, provider } = setup();
    const { request, payment, invoice } = await created(fake, provider);

    expect(invoice).toBeDefined();
    expect(payment).toEqual({
      providerReference: invoice.id,
      paymentUrl: `https://checkout-staging.xendit.co/v2/${invoice.id}`,
      expiresAt: new Date(START + 86_400_000),
    });
    const [call] = fake.requests;
    expect(call).toMatchObject({ method: 'POST', path: '/v2/invoices' });
    expect(call!.headers.authorization).toBe(`Basic ${Buffer.from(`${SECRET}:`).toString('base64')}`);
    expect(call!.body).toEqual({
      external_id: request.merchantReference,
      amount: 4_750_000,
      currency: 'IDR',
      description: 'Kelas Qutab: Tahsin dasar',
      payer_email: 'siti@example.com',
      customer: { given_names: 'Siti Rahayu', email: 'siti@example.com', mobile_number: '+6281234567890' },
      success_redirect_url: request.callbackUrl,
      failure_redirect_url: request.callbackUrl,
    });
  });

  it('sends invoice_duration when configured', async () => {
    const { fake, provider } = setup({ invoiceDurationSeconds: 3600 });
    const { payment } = await created(fake, provider);

    expect(fake.requests[0]!.body).toMatchObject({ invoice_duration: 3600 });
    expect(payment.expiresAt).toEqual(new Date(START + 3_600_000));
  });

  it('sends major units: USD cents become dollars', async () => {
    const { fake, provider } = setup({ currency: 'USD' });
    const { invoice } = await created(fake, provider, { amount: 1_050, currency: 'USD' });

    expect(invoice).toMatchObject({ amount: 10.5, currency: 'USD' });
  });

  it('leaves out what Xendit would refuse: a local phone number, empty fields, no redirect', async () => {
    const { fake, provider } = setup();
    await created(fake, provider, {
      customer: { email: '', name: ' ', phone: '0812 3456 7890' },
      description: '',
      callbackUrl: null,
    });

    const body = fake.requests[0]!.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['amount', 'currency', 'external_id']);
  });

  it('refuses currencies Xendit does not invoice in, before calling it', async () => {
    const { fake, provider } = setup();

    const error = await providerError(provider.createPayment(paymentRequest({ currency: 'UGX' })));

    expect(error.details).toEqual({ currency: 'UGX' });
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses a zero amount and an over-long reference before calling Xendit', async () => {
    const { fake, provider } = setup();

    await providerError(provider.createPayment(paymentRequest({ amount: 0 })));
    await providerError(provider.createPayment(paymentRequest({ merchantReference: 'x'.repeat(256) })));
    expect(fake.requests).toHaveLength(0);
  });

  it('turns a wrong secret key (HTTP 401) into PAYMENT_PROVIDER_ERROR with Xendit’s code, not the key', async () => {
    const { provider } = setup({ secretKey: 'xnd_development_wrong' });

    const error = await providerError(provider.createPayment(paymentRequest()));

    expect(error.details).toEqual({
      operation: 'create invoice',
      httpStatus: 401,
      code: 'INVALID_API_KEY',
      message: 'API key is not authorized for this API service',
    });
    expect(JSON.stringify(error.details)).not.toContain('xnd_development_wrong');
  });

  it('turns a validation error into PAYMENT_PROVIDER_ERROR', async () => {
    // A body the fake refuses the way Xendit does: IDR in decimals.
    const { provider } = setup({
      middleware: async (req, next) => {
        const body = (await req.json()) as Record<string, unknown>;
        return next(
          new Request(req.url, {
            method: 'POST',
            headers: req.headers,
            body: JSON.stringify({ ...body, amount: 1.5 }),
          }),
        );
      },
    });

    const error = await providerError(provider.createPayment(paymentRequest()));

    expect(error.details).toMatchObject({ httpStatus: 400, code: 'API_VALIDATION_ERROR' });
  });

  it('refuses an answer for another external_id, or without an invoice URL', async () => {
    const rewrite =
      (change: (json: Record<string, unknown>) => void): Middleware =>
      async (req, next) => {
        const json = (await (await next(req)).json()) as Record<string, unknown>;
        change(json);
        return Response.json(json);
      };

    await providerError(
      setup({
        middleware: rewrite((j) => {
          j.external_id = 'KMS-other';
        }),
      }).provider.createPayment(paymentRequest()),
    );
    await providerError(
      setup({
        middleware: rewrite((j) => {
          delete j.invoice_url;
        }),
      }).provider.createPayment(paymentRequest()),
    );
  });
});

describe('XenditProvider.queryStatus', () => {
  it('maps PENDING → pending, PAID and SETTLED → completed, EXPIRED → failed', async () => {
    const { fake, provider } = setup();
    const a = await created(fake, provider);
    const b = await created(fake, provider);

    expect(await provider.queryStatus(a.invoice.id)).toEqual({ status: 'pending', description: 'PENDING' });
    fake.pay(a.invoice.id);
    expect(await provider.queryStatus(a.invoice.id)).toEqual({ status: 'completed', description: 'PAID' });
    fake.settle(a.invoice.id);
    expect(await provider.queryStatus(a.invoice.id)).toEqual({ status: 'completed', description: 'SETTLED' });
    fake.expire(b.invoice.id);
    expect(await provider.queryStatus(b.invoice.id)).toEqual({ status: 'failed', description: 'EXPIRED' });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: `/v2/invoices/${b.invoice.id}` });
  });

  it('reads an invoice past its expiry date as failed', async () => {
    const { fake, provider, clock } = setup({ invoiceDurationSeconds: 60 });
    const { invoice } = await created(fake, provider);

    clock.ms += 61_000;

    expect(await provider.queryStatus(invoice.id)).toEqual({ status: 'failed', description: 'EXPIRED' });
  });

  it('does not take a PAID invoice whose paid amount differs as completed, and logs it', async () => {
    const { fake, provider, log } = setup();
    const { invoice } = await created(fake, provider);
    fake.pay(invoice.id, { paidAmount: 4_000_000 });

    const status = await provider.queryStatus(invoice.id);

    expect(status).toEqual({ status: 'pending', description: 'PAID: paid 4000000 of 4750000' });
    expect(log).toHaveBeenCalledOnce();
    expect(log.mock.calls[0]![0]).toMatchObject({
      invoiceId: invoice.id,
      amount: 4_750_000,
      paidAmount: 4_000_000,
    });
  });

  it('does not take a PAID invoice in another currency as completed', async () => {
    const { fake, provider, log } = setup({ currency: 'USD' });
    const { invoice } = await created(fake, provider);
    fake.pay(invoice.id);

    expect(await provider.queryStatus(invoice.id)).toEqual({
      status: 'pending',
      description: 'PAID: the invoice is in IDR, not USD',
    });
    expect(log).toHaveBeenCalledOnce();
  });

  it('does not take a PAID invoice without a paid amount as completed', async () => {
    const { fake, provider } = setup({
      middleware: async (req, next) => {
        const json = (await (await next(req)).json()) as Record<string, unknown>;
        delete json.paid_amount;
        return Response.json(json);
      },
    });
    const { invoice } = await created(fake, provider);
    fake.pay(invoice.id);

    expect((await provider.queryStatus(invoice.id)).status).toBe('pending');
  });

  it('refuses an answer about another invoice', async () => {
    const { fake, provider } = setup();
    const a = await created(fake, provider);
    const b = await created(fake, provider);
    const swapped = setup({
      middleware: (req, next) => next(new Request(req.url.replace(a.invoice.id, b.invoice.id), req)),
    });
    swapped.fake.invoices.set(a.invoice.id, a.invoice);
    swapped.fake.invoices.set(b.invoice.id, b.invoice);

    await providerError(swapped.provider.queryStatus(a.invoice.id));
  });

  it('turns an unknown invoice (HTTP 404) into PAYMENT_PROVIDER_ERROR', async () => {
    const { provider } = setup();

    const error = await providerError(provider.queryStatus('5f4708b7bd394b0400b96276'));

    expect(error.details).toMatchObject({ httpStatus: 404, code: 'INVOICE_NOT_FOUND_ERROR' });
  });

  it('turns a wrong key into PAYMENT_PROVIDER_ERROR', async () => {
    const { fake, provider } = setup();
    const { invoice } = await created(fake, provider);
    const other = new XenditProvider({
      baseUrl: BASE_URL,
      secretKey: 'xnd_development_other',
      fetch: (i, init) => fake.fetch(new Request(i, init)),
    });

    const error = await providerError(other.queryStatus(invoice.id));

    expect(error.details).toMatchObject({ httpStatus: 401, code: 'INVALID_API_KEY' });
  });

  it('turns invalid JSON or a gateway error page into PAYMENT_PROVIDER_ERROR', async () => {
    const html = setup({
      middleware: () => Promise.resolve(new Response('<html>502</html>', { status: 502 })),
    });
    const text = setup({ middleware: () => Promise.resolve(new Response('maintenance')) });

    expect((await providerError(html.provider.queryStatus('x'))).details).toEqual({
      operation: 'get invoice',
      httpStatus: 502,
    });
    expect((await providerError(text.provider.queryStatus('x'))).message).toContain('invalid JSON');
  });

  it('times out a request that hangs, as PAYMENT_PROVIDER_ERROR', async () => {
    // A gateway that never answers: only the provider's own timeout ends the wait.
    const provider = new XenditProvider({
      baseUrl: BASE_URL,
      secretKey: SECRET,
      timeoutMs: 20,
      fetch: (_input, init) =>
        new Promise((_, reject) => {
          const signal = init?.signal;
          signal?.addEventListener('abort', () => reject(signal.reason));
        }),
    });

    const error = await providerError(provider.queryStatus('5f4708b7bd394b0400b96276'));

    expect(error.message).toBe('Xendit get invoice request failed');
    expect((error.cause as DOMException).name).toBe('TimeoutError');
  });
});

describe('xenditMobileNumber', () => {
  it.each([
    ['+62 812-3456-7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['(+256) 700 000 000', '+256700000000'],
    ['+256700000000', '+256700000000'],
    ['081234567890', null],
    ['', null],
    [null, null],
  ])('%s → %s', (input, expected) => {
    expect(xenditMobileNumber(input)).toBe(expected);
  });
});

describe('the fake Xendit', () => {
  it('refuses requests without Basic auth or with a password', async () => {
    const fake = createFakeXendit({ secretKey: SECRET, callbackToken: CALLBACK_TOKEN });
    const withAuth = (authorization?: string) =>
      fake.fetch(
        new Request(`${BASE_URL}/v2/invoices/x`, { headers: authorization ? { authorization } : {} }),
      );

    expect((await withAuth()).status).toBe(401);
    expect((await withAuth(`Basic ${Buffer.from(`${SECRET}:pw`).toString('base64')}`)).status).toBe(401);
    expect((await withAuth(`Bearer ${SECRET}`)).status).toBe(401);
    expect((await withAuth(`Basic ${Buffer.from(`${SECRET}:`).toString('base64')}`)).status).toBe(404);
  });

  it.each([
    [{ amount: 10_000 }, '"external_id" is required'],
    [{ external_id: 'a' }, '"amount" is required'],
    [{ external_id: 'a', amount: -1 }, '"amount" must be a positive number'],
    [{ external_id: 'a', amount: 10_000, currency: 'UGX' }, '"currency" is not supported'],
    [{ external_id: 'a', amount: 10_000, payer_email: 'nope' }, '"payer_email" must be a valid email'],
    [
      { external_id: 'a', amount: 10_000, customer: { mobile_number: '0812' } },
      '"customer.mobile_number" must be in E.164 format',
    ],
    [
      { external_id: 'a', amount: 10_000, success_redirect_url: 'nope' },
      '"success_redirect_url" must be a valid uri',
    ],
    [
      { external_id: 'a', amount: 10_000, invoice_duration: 0 },
      expect.stringContaining('"invoice_duration"'),
    ],
  ])('validates the invoice body: %j', async (body, message) => {
    const fake = createFakeXendit({ secretKey: SECRET, callbackToken: CALLBACK_TOKEN });
    const res = await fake.fetch(
      new Request(`${BASE_URL}/v2/invoices`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${SECRET}:`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      }),
    );

    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error_code: 'API_VALIDATION_ERROR', message });
  });

  it('builds the invoice callback with the callback token', async () => {
    const { fake, provider } = setup();
    const { request, invoice } = await created(fake, provider);
    expect(() => fake.callback(invoice.id)).toThrow(/pending/);
    fake.pay(invoice.id, { method: 'EWALLET', channel: 'OVO' });

    const callback = fake.callback(invoice.id);

    expect(callback.headers).toEqual({
      'content-type': 'application/json',
      'x-callback-token': CALLBACK_TOKEN,
    });
    expect(JSON.parse(callback.body)).toMatchObject({
      id: invoice.id,
      external_id: request.merchantReference,
      user_id: expect.any(String),
      status: 'PAID',
      amount: 4_750_000,
      paid_amount: 4_750_000,
      currency: 'IDR',
      payment_method: 'EWALLET',
      payment_channel: 'OVO',
      paid_at: new Date(START).toISOString(),
      updated: expect.any(String),
      created: expect.any(String),
    });
  });

  it('builds the payment webhook shape with Xendit’s or the spec’s event names', async () => {
    const { fake, provider } = setup();
    const paid = await created(fake, provider);
    const expired = await created(fake, provider);
    fake.pay(paid.invoice.id);
    fake.expire(expired.invoice.id);

    const succeeded = fake.callback(paid.invoice.id, { shape: 'payment' });
    const spec = JSON.parse(fake.callback(paid.invoice.id, { shape: 'payment', eventNames: 'spec' }).body);
    const failed = JSON.parse(fake.callback(expired.invoice.id, { shape: 'payment', webhookId: null }).body);

    expect(succeeded.headers['webhook-id']).toEqual(expect.stringMatching(/^wh-/));
    expect(JSON.parse(succeeded.body)).toMatchObject({
      event: 'payment.succeeded',
      data: {
        id: expect.stringMatching(/^py-/),
        reference_id: paid.request.merchantReference,
        status: 'SUCCEEDED',
      },
    });
    expect(spec.event).toBe('payment.success');
    expect(failed).toMatchObject({ event: 'payment.failed', data: { status: 'FAILED' } });
  });
});

describe('parseXenditCallback', () => {
  it('reads the invoice callback', () => {
    expect(parseXenditCallback({ id: 'inv-1', external_id: 'KMS-1', status: 'PAID', amount: 1 })).toEqual({
      kind: 'callback',
      callback: { shape: 'invoice', id: 'inv-1', reference: 'KMS-1', status: 'PAID', event: null },
    });
  });

  it.each(['payment.success', 'payment.succeeded', 'payment.failed'])('reads the %s event', (event) => {
    expect(parseXenditCallback({ event, data: { id: 'py-1', reference_id: 'KMS-1', status: 'X' } })).toEqual({
      kind: 'callback',
      callback: { shape: 'payment', id: 'py-1', reference: 'KMS-1', status: 'X', event },
    });
  });

  it('ignores other events', () => {
    expect(parseXenditCallback({ event: 'payment.pending', data: {} })).toEqual({
      kind: 'ignored',
      event: 'payment.pending',
    });
  });

  it.each([
    null,
    [],
    'PAID',
    {},
    { id: 'inv-1', status: 'PAID' },
    { id: 'inv-1', external_id: '  ', status: 'PAID' },
    { event: 'payment.succeeded' },
    { event: 'payment.succeeded', data: [] },
    { event: 'payment.succeeded', data: { id: 'py-1' } },
    { event: 42, data: {} },
  ])('refuses %j', (body) => {
    expect(parseXenditCallback(body).kind).toBe('invalid');
  });
});

describe('xenditCallbackTokenMatches', () => {
  it('matches only the exact token', () => {
    expect(xenditCallbackTokenMatches(CALLBACK_TOKEN, CALLBACK_TOKEN)).toBe(true);
    expect(xenditCallbackTokenMatches(`${CALLBACK_TOKEN}x`, CALLBACK_TOKEN)).toBe(false);
    expect(xenditCallbackTokenMatches(CALLBACK_TOKEN.slice(1), CALLBACK_TOKEN)).toBe(false);
    expect(xenditCallbackTokenMatches(CALLBACK_TOKEN.toLowerCase(), CALLBACK_TOKEN)).toBe(false);
    expect(xenditCallbackTokenMatches(undefined, CALLBACK_TOKEN)).toBe(false);
    expect(xenditCallbackTokenMatches('', '')).toBe(false);
    expect(xenditCallbackTokenMatches(undefined, '')).toBe(false);
  });
});
