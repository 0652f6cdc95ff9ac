import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { paymentRequests, providerError } from '../provider.test-support.ts';
import { createFakeDoku, type FakeDoku } from './doku.fake.ts';
import { parseDokuNotification } from './doku.gateway.ts';
import { DokuProvider } from './doku.provider.ts';
import {
  dokuDigest,
  dokuSignature,
  dokuSignatureComponent,
  dokuTimestamp,
  verifyDokuNotification,
} from './doku.signature.ts';

const BASE_URL = 'https://api-sandbox.doku.com';
const CLIENT_ID = 'MCH-0001-10791114622547';
const SECRET = 'SK-hCJ42G28TA0MKG9LE2E';
const NOTIFY_URL = 'https://komisi.test/payments/doku/notify';
const NOTIFY_PATH = '/payments/doku/notify';
const START = Date.parse('2026-01-15T08:00:00Z');

type Middleware = (req: Request, next: (req: Request) => Promise<Response>) => Promise<Response>;

interface Setup {
  secret?: string;
  clientId?: string;
  /** shared clock for the provider and the fake, in ms */
  clock?: { ms: number };
  /** sits between the provider and the fake, to break things on purpose */
  middleware?: Middleware;
  notificationUrl?: string;
  paymentDueMinutes?: number;
}

function setup(options: Setup = {}) {
  const clock = options.clock ?? { ms: START };
  const now = () => new Date(clock.ms);
  const fake = createFakeDoku({ clientId: CLIENT_ID, secretKey: SECRET, now });
  const middleware = options.middleware ?? ((req, next) => next(req));
  let sequence = 0;
  const provider = new DokuProvider({
    baseUrl: BASE_URL,
    clientId: options.clientId ?? CLIENT_ID,
    secretKey: options.secret ?? SECRET,
    ...(options.notificationUrl === undefined ? {} : { notificationUrl: options.notificationUrl }),
    ...(options.paymentDueMinutes === undefined ? {} : { paymentDueMinutes: options.paymentDueMinutes }),
    now,
    requestId: () => `req-${++sequence}`,
    fetch: (input, init) => middleware(new Request(input, init), fake.fetch),
  });
  return { fake, provider, clock };
}

const paymentRequest = paymentRequests({
  amount: 4_750_000,
  currency: 'IDR',
  description: 'Kursi jati Jepara (2 pcs)',
  callbackUrl: 'https://komisi.test/checkout/done',
  customer: { email: 'siti@example.com', name: 'Siti Rahayu', phone: '6281234567890' },
});

/** What a reviewer can recompute by hand: openssl gives the same two values. */
describe('DOKU signature', () => {
  const body =
    '{"order":{"amount":20000,"invoice_number":"INV-20210231-0001"},"payment":{"payment_due_date":60}}';

  it('signs a POST with the digest line (known answer)', () => {
    const digest = createHash('sha256').update(body).digest('base64');
    const component = [
      'Client-Id:MCH-0001-10791114622547',
      'Request-Id:fdb69f47-96da-499d-acec-7cdc318ab2fe',
      'Request-Timestamp:2020-08-11T08:45:42Z',
      'Request-Target:/checkout/v1/payment',
      `Digest:${digest}`,
    ].join('\n');
    const independent = createHmac('sha256', SECRET).update(component).digest('base64');

    const signature = dokuSignature({
      clientId: CLIENT_ID,
      requestId: 'fdb69f47-96da-499d-acec-7cdc318ab2fe',
      timestamp: '2020-08-11T08:45:42Z',
      target: '/checkout/v1/payment',
      body,
      secretKey: SECRET,
    });

    expect(dokuDigest(body)).toBe('iDUNgGutnjXGk8dcBw0J4EtC2qOuQfvV7iyMwgV+y5Q=');
    expect(signature).toBe(`HMACSHA256=${independent}`);
    expect(signature).toBe('HMACSHA256=CVHRnVUj/oaeiZN0WDYIIue3V2pOFgPP9RJzQns6of0=');
  });

  it('leaves the digest line out for a GET (known answer)', () => {
    const input = {
      clientId: CLIENT_ID,
      requestId: 'd895fb53-479c-4f77-a76a-ab81b40d77cb',
      timestamp: '2020-08-11T08:45:42Z',
      target: '/orders/v1/status/INV-123123-12313',
    };

    expect(dokuSignatureComponent(input)).toBe(
      'Client-Id:MCH-0001-10791114622547\nRequest-Id:d895fb53-479c-4f77-a76a-ab81b40d77cb\n' +
        'Request-Timestamp:2020-08-11T08:45:42Z\nRequest-Target:/orders/v1/status/INV-123123-12313',
    );
    expect(dokuSignature({ ...input, secretKey: SECRET })).toBe(
      'HMACSHA256=90fZSrz/C9Rg4LnuesPM1KhjOrtx1mrdyowaiJQp4xg=',
    );
  });

  it('writes timestamps as ISO 8601 UTC without milliseconds', () => {
    expect(dokuTimestamp(new Date('2020-09-22T01:51:00.789Z'))).toBe('2020-09-22T01:51:00Z');
  });
});

describe('verifyDokuNotification', () => {
  async function genuine(): Promise<{ fake: FakeDoku; headers: Record<string, string>; body: string }> {
    const { fake, provider } = setup();
    const created = await provider.createPayment(paymentRequest());
    fake.setStatus(created.providerReference, 'SUCCESS');
    return { fake, ...fake.notification(created.providerReference, NOTIFY_PATH) };
  }

  function verify(headers: Record<string, string | undefined>, rawBody: string, at = START) {
    return verifyDokuNotification({
      headers,
      rawBody,
      target: NOTIFY_PATH,
      clientId: CLIENT_ID,
      secretKey: SECRET,
      now: new Date(at),
    });
  }

  function resign(headers: Record<string, string>, body: string, timestamp: string): Record<string, string> {
    const requestId = headers['Request-Id'] as string;
    const signature = dokuSignature({
      clientId: CLIENT_ID,
      requestId,
      timestamp,
      target: NOTIFY_PATH,
      body,
      secretKey: SECRET,
    });
    return { ...headers, 'Request-Timestamp': timestamp, Signature: signature };
  }

  it('accepts a genuine notification, whatever the case of the header names', async () => {
    const { headers, body } = await genuine();
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

    expect(verify(headers, body)).toEqual({ ok: true });
    expect(verify(lower, body)).toEqual({ ok: true });
    expect(verify(headers, body, START + 300_000)).toEqual({ ok: true });
  });

  it('rejects a tampered body', async () => {
    const { headers, body } = await genuine();
    const tampered = body.replace('"amount":4750000', '"amount":4750001');

    expect(tampered).not.toBe(body);
    expect(verify(headers, tampered)).toEqual({ ok: false, reason: 'invalid_signature' });
  });

  it('rejects re-serialised JSON, since the digest covers the raw bytes', async () => {
    const { headers, body } = await genuine();

    expect(verify(headers, JSON.stringify(JSON.parse(body), null, 2))).toMatchObject({ ok: false });
  });

  it('rejects a tampered or foreign signature', async () => {
    const { headers, body } = await genuine();
    // change one base64 character of the MAC (always to a different one)
    const signature = headers.Signature as string;
    const at = signature.length - 3;
    const flipped = `${signature.slice(0, at)}${signature[at] === 'A' ? 'B' : 'A'}${signature.slice(at + 1)}`;
    const otherSecret = dokuSignature({
      clientId: CLIENT_ID,
      requestId: headers['Request-Id'] as string,
      timestamp: headers['Request-Timestamp'] as string,
      target: NOTIFY_PATH,
      body,
      secretKey: 'SK-someone-else',
    });

    expect(verify({ ...headers, Signature: flipped }, body)).toEqual({
      ok: false,
      reason: 'invalid_signature',
    });
    expect(verify({ ...headers, Signature: otherSecret }, body)).toMatchObject({ ok: false });
    expect(verify({ ...headers, Signature: 'HMACSHA256=short' }, body)).toMatchObject({ ok: false });
  });

  it('rejects a notification signed for another target', async () => {
    const { headers, body } = await genuine();

    const result = verifyDokuNotification({
      headers,
      rawBody: body,
      target: '/payments/pesapal/ipn',
      clientId: CLIENT_ID,
      secretKey: SECRET,
      now: new Date(START),
    });

    expect(result).toEqual({ ok: false, reason: 'invalid_signature' });
  });

  it('rejects another client id, even when correctly signed for it', async () => {
    const { headers, body } = await genuine();
    const other = 'MCH-0002-99999999999999';
    const signature = dokuSignature({
      clientId: other,
      requestId: headers['Request-Id'] as string,
      timestamp: headers['Request-Timestamp'] as string,
      target: NOTIFY_PATH,
      body,
      secretKey: SECRET,
    });

    expect(verify({ ...headers, 'Client-Id': other, Signature: signature }, body)).toEqual({
      ok: false,
      reason: 'client_id_mismatch',
    });
  });

  it('rejects a stale (6 minutes) or future (6 minutes ahead) timestamp, even correctly signed', async () => {
    const { headers, body } = await genuine();
    const stale = resign(headers, body, dokuTimestamp(new Date(START - 360_000)));
    const future = resign(headers, body, dokuTimestamp(new Date(START + 360_000)));

    expect(verify(stale, body)).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(verify(future, body)).toEqual({ ok: false, reason: 'future_timestamp' });
  });

  it('rejects an unreadable timestamp', async () => {
    const { headers, body } = await genuine();

    expect(verify(resign(headers, body, '2026-01-15 08:00:00'), body)).toEqual({
      ok: false,
      reason: 'invalid_timestamp',
    });
    expect(verify(resign(headers, body, '2026-13-45T08:00:00Z'), body)).toMatchObject({ ok: false });
  });

  it.each(['Client-Id', 'Request-Id', 'Request-Timestamp', 'Signature'])(
    'rejects a notification without %s',
    async (name) => {
      const { headers, body } = await genuine();

      expect(verify({ ...headers, [name]: undefined }, body)).toEqual({
        ok: false,
        reason: `missing_header:${name}`,
      });
      expect(verify({ ...headers, [name]: '' }, body)).toMatchObject({ ok: false });
    },
  );
});

describe('DokuProvider against the fake DOKU', () => {
  it('creates a checkout and returns the invoice number, payment URL, token and expiry', async () => {
    const { fake, provider } = setup();
    const request = paymentRequest();

    const created = await provider.createPayment(request);

    const order = fake.orders.get(request.merchantReference);
    expect(created).toEqual({
      providerReference: request.merchantReference,
      paymentUrl: order?.url,
      token: order?.tokenId,
      expiresAt: new Date(START + 60 * 60_000),
    });
    expect(order).toMatchObject({
      amount: 4_750_000,
      currency: 'IDR',
      callbackUrl: 'https://komisi.test/checkout/done',
      paymentDueMinutes: 60,
      lineItems: [{ name: 'Kursi jati Jepara (2 pcs)', price: 4_750_000, quantity: 1 }],
      customer: { name: 'Siti Rahayu', email: 'siti@example.com', phone: '6281234567890' },
      additionalInfo: null,
      status: 'PENDING',
    });
  });

  it('sends the signed headers DOKU expects, with a fresh Request-Id each time', async () => {
    const { fake, provider } = setup();

    const created = await provider.createPayment(paymentRequest());
    await provider.queryStatus(created.providerReference);

    const [post, get] = fake.requests;
    expect(post?.headers).toMatchObject({
      'client-id': CLIENT_ID,
      'request-id': 'req-1',
      'request-timestamp': '2026-01-15T08:00:00Z',
      'content-type': 'application/json',
    });
    expect(post?.headers.signature).toMatch(/^HMACSHA256=[A-Za-z0-9+/]{43}=$/);
    expect(get?.headers['request-id']).toBe('req-2');
    expect(get?.headers['content-type']).toBeUndefined();
  });

  it('sends the payment due date and the override notification URL when configured', async () => {
    const { fake, provider } = setup({ notificationUrl: NOTIFY_URL, paymentDueMinutes: 180 });
    const request = paymentRequest({
      callbackUrl: null,
      customer: { email: 'a@example.com', name: 'A', phone: null },
    });

    const created = await provider.createPayment(request);

    expect(fake.orders.get(request.merchantReference)).toMatchObject({
      paymentDueMinutes: 180,
      callbackUrl: null,
      customer: { name: 'A', email: 'a@example.com' },
      additionalInfo: { override_notification_url: NOTIFY_URL },
    });
    expect(created.expiresAt).toEqual(new Date(START + 180 * 60_000));
  });

  it.each([
    ['PENDING', 'pending'],
    ['SUCCESS', 'completed'],
    ['FAILED', 'failed'],
    ['EXPIRED', 'failed'],
  ] as const)('maps transaction.status %s to %s', async (dokuStatus, status) => {
    const { fake, provider } = setup();
    const created = await provider.createPayment(paymentRequest());

    fake.setStatus(created.providerReference, dokuStatus);

    expect(await provider.queryStatus(created.providerReference)).toEqual({
      status,
      description: dokuStatus,
    });
  });

  it('treats other transaction statuses as pending', async () => {
    const { provider } = setup({
      middleware: async (req, next) => {
        const response = await next(req);
        if (req.method !== 'GET') return response;
        const body = (await response.json()) as Record<string, unknown>;
        return Response.json({ ...body, transaction: { status: 'TIMEOUT' } });
      },
    });
    const created = await provider.createPayment(paymentRequest());

    expect(await provider.queryStatus(created.providerReference)).toEqual({
      status: 'pending',
      description: 'TIMEOUT',
    });
  });

  it('signs the status path as sent, with the invoice number URL-encoded', async () => {
    const { fake, provider } = setup();
    const request = paymentRequest({ merchantReference: 'KMS/2026 01' });
    await provider.createPayment(request);
    fake.setStatus(request.merchantReference, 'SUCCESS');

    expect(await provider.queryStatus(request.merchantReference)).toMatchObject({ status: 'completed' });
    expect(fake.requests.at(-1)?.path).toBe('/orders/v1/status/KMS%2F2026%2001');
  });

  it('refuses a non-IDR payment before calling DOKU', async () => {
    const { fake, provider } = setup();

    const error = await providerError(
      provider.createPayment(paymentRequest({ currency: 'USD', amount: 1999 })),
    );

    expect(error.message).toContain('IDR');
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses an invoice number longer than 64 characters before calling DOKU', async () => {
    const { fake, provider } = setup();

    await providerError(provider.createPayment(paymentRequest({ merchantReference: 'K'.repeat(65) })));

    expect(fake.requests).toHaveLength(0);
  });

  it('surfaces a wrong secret as an invalid signature without leaking the secret', async () => {
    const { fake, provider } = setup({ secret: 'SK-wrong-secret-value' });

    const error = await providerError(provider.createPayment(paymentRequest()));

    expect(error.details).toMatchObject({
      operation: 'checkout',
      httpStatus: 401,
      code: 'invalid_signature',
    });
    const surfaced = JSON.stringify({ message: error.message, details: error.details });
    expect(surfaced).not.toContain('SK-wrong-secret-value');
    expect(surfaced).not.toContain(SECRET);
    expect(fake.orders.size).toBe(0);
  });

  it('is refused by DOKU when its clock is more than 5 minutes off', async () => {
    const clock = { ms: START };
    const fake = createFakeDoku({ clientId: CLIENT_ID, secretKey: SECRET, now: () => new Date(clock.ms) });
    const provider = new DokuProvider({
      baseUrl: BASE_URL,
      clientId: CLIENT_ID,
      secretKey: SECRET,
      now: () => new Date(clock.ms - 360_000),
      fetch: (input, init) => fake.fetch(new Request(input, init)),
    });

    const error = await providerError(provider.createPayment(paymentRequest()));

    expect(error.details).toMatchObject({ code: 'invalid_signature' });
  });

  it('surfaces a duplicate invoice number', async () => {
    const { provider } = setup();
    const request = paymentRequest();
    await provider.createPayment(request);

    const error = await providerError(provider.createPayment(request));

    expect(error.details).toMatchObject({ httpStatus: 400, code: 'invalid_parameter' });
    expect(error.message).toContain('HTTP 400');
  });

  it('fails on an unknown invoice number', async () => {
    const { provider } = setup();

    const error = await providerError(provider.queryStatus('KMS-unknown'));

    expect(error.details).toMatchObject({ operation: 'status', httpStatus: 404 });
    expect(error.message).not.toContain('KMS-unknown');
  });

  it('fails when a 200 answer is not SUCCESS', async () => {
    const { provider } = setup({
      middleware: () => Promise.resolve(Response.json({ message: ['Invalid request body'] })),
    });

    const error = await providerError(provider.createPayment(paymentRequest()));

    expect(error.details).toMatchObject({ operation: 'checkout', message: 'Invalid request body' });
  });

  it('fails when DOKU answers for another invoice number', async () => {
    const { provider } = setup({
      middleware: async (req, next) => {
        const response = await next(req);
        if (req.method !== 'GET') return response;
        const body = (await response.json()) as { order: Record<string, unknown> };
        return Response.json({ ...body, order: { ...body.order, invoice_number: 'KMS-other' } });
      },
    });
    const created = await provider.createPayment(paymentRequest());

    await providerError(provider.queryStatus(created.providerReference));
  });

  it('turns a gateway 500 with an HTML body into PAYMENT_PROVIDER_ERROR', async () => {
    const { provider } = setup({
      middleware: () => Promise.resolve(new Response('<html>bad gateway</html>', { status: 502 })),
    });

    const error = await providerError(provider.createPayment(paymentRequest()));

    expect(error.details).toEqual({ operation: 'checkout', httpStatus: 502 });
  });

  it('turns invalid JSON into PAYMENT_PROVIDER_ERROR', async () => {
    const { provider } = setup({ middleware: () => Promise.resolve(new Response('maintenance')) });

    const error = await providerError(provider.queryStatus('KMS-1'));

    expect(error.message).toContain('invalid JSON');
  });

  it('turns a network failure or timeout into PAYMENT_PROVIDER_ERROR', async () => {
    const { provider } = setup({
      middleware: () => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError')),
    });

    const error = await providerError(provider.queryStatus('KMS-1'));

    expect(error.cause).toBeInstanceOf(DOMException);
  });
});

describe('the fake DOKU notification', () => {
  it('round-trips through parseDokuNotification', async () => {
    const { fake, provider } = setup();
    const created = await provider.createPayment(paymentRequest());
    fake.setStatus(created.providerReference, 'SUCCESS', {
      service: 'QRIS',
      acquirer: 'NOBU',
      channel: 'QRIS',
    });

    const { body } = fake.notification(created.providerReference, NOTIFY_PATH);

    expect(parseDokuNotification(JSON.parse(body))).toEqual({
      invoiceNumber: created.providerReference,
      status: 'SUCCESS',
      amount: 4_750_000,
      channel: 'QRIS',
      service: 'QRIS',
    });
    expect(JSON.parse(body)).toMatchObject({ transaction: { original_request_id: 'req-1' } });
  });

  it('will not notify a pending order', async () => {
    const { fake, provider } = setup();
    const created = await provider.createPayment(paymentRequest());

    expect(() => fake.notification(created.providerReference, NOTIFY_PATH)).toThrow(/pending/);
  });
});

describe('parseDokuNotification', () => {
  it('reads DOKU’s virtual account sample, ignoring channel-specific fields', () => {
    const body = {
      service: { id: 'VIRTUAL_ACCOUNT' },
      acquirer: { id: 'BCA' },
      channel: { id: 'VIRTUAL_ACCOUNT_BCA' },
      transaction: {
        status: 'SUCCESS',
        date: '2021-01-27T03:24:23Z',
        original_request_id: '15022aab-444f-4b04-afa8-ddfce89432ec',
      },
      order: { invoice_number: 'INV-20210124-0001', amount: 150000 },
      virtual_account_info: { virtual_account_number: '1900600000000046' },
    };

    expect(parseDokuNotification(body)).toEqual({
      invoiceNumber: 'INV-20210124-0001',
      status: 'SUCCESS',
      amount: 150000,
      channel: 'VIRTUAL_ACCOUNT_BCA',
      service: 'VIRTUAL_ACCOUNT',
    });
  });

  it('reads a string amount and tolerates missing channel fields', () => {
    expect(
      parseDokuNotification({
        order: { invoice_number: 'INV-1', amount: '80000' },
        transaction: { status: 'FAILED' },
      }),
    ).toEqual({ invoiceNumber: 'INV-1', status: 'FAILED', amount: 80000, channel: null, service: null });
  });

  it.each([
    null,
    'text',
    42,
    {},
    { order: { invoice_number: 'INV-1' } },
    { transaction: { status: 'SUCCESS' } },
  ])('returns null for %j', (body) => {
    expect(parseDokuNotification(body)).toBeNull();
  });
});
