import { describe, expect, it } from 'vitest';
import { paymentRequests, providerError } from '../provider.test-support.ts';
import { createFakePesapal, type FakePesapal } from './pesapal.fake.ts';
import { parsePesapalIpn, pesapalIpnAck } from './pesapal.gateway.ts';
import { PesapalProvider } from './pesapal.provider.ts';

const BASE_URL = 'https://cybqa.pesapal.com/pesapalv3';
const KEY = 'qkio1BGGYAXTu2JOfm7XSXNruoZsrqEW';
const SECRET = 'osGQ364R49cXKeOYSpaOnT++rHs=';
const IPN_URL = 'https://komisi.test/payments/pesapal/ipn';

type Middleware = (req: Request, next: (req: Request) => Promise<Response>) => Promise<Response>;

interface Setup {
  secret?: string;
  ipnId?: string;
  tokenTtlSeconds?: number;
  /** shared clock for the provider and the fake, in ms */
  clock?: { ms: number };
  /** sits between the provider and the fake, to break things on purpose */
  middleware?: Middleware;
}

function setup(options: Setup = {}) {
  const clock = options.clock ?? { ms: Date.parse('2026-01-15T08:00:00Z') };
  const now = () => new Date(clock.ms);
  const fake = createFakePesapal({
    consumerKey: KEY,
    consumerSecret: SECRET,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 300,
    now,
  });
  const middleware = options.middleware ?? ((req, next) => next(req));
  const seen: { url: string; init: RequestInit | undefined }[] = [];
  const provider = new PesapalProvider({
    baseUrl: BASE_URL,
    consumerKey: KEY,
    consumerSecret: options.secret ?? SECRET,
    ipnUrl: IPN_URL,
    ...(options.ipnId === undefined ? {} : { ipnId: options.ipnId }),
    now,
    fetch: (input, init) => {
      seen.push({ url: String(input), init });
      return middleware(new Request(input, init), fake.fetch);
    },
  });
  return { fake, provider, clock, seen };
}

const paymentRequest = paymentRequests({
  amount: 850_000,
  currency: 'UGX',
  description: 'Starter package registration',
  callbackUrl: 'https://komisi.test/checkout/done',
  customer: { email: 'amina@example.com', name: 'Amina Nakato Okello', phone: '+256700000001' },
});

function count(fake: FakePesapal, path: string): number {
  return fake.requests.filter((r) => r.path === path).length;
}

const TOKEN = '/api/Auth/RequestToken';
const IPN = '/api/URLSetup/RegisterIPN';
const SUBMIT = '/api/Transactions/SubmitOrderRequest';

describe('PesapalProvider against the fake Pesapal', () => {
  it('submits an order and returns the tracking id and redirect URL', async () => {
    const { fake, provider } = setup();
    const request = paymentRequest();

    const created = await provider.createPayment(request);

    const order = fake.orders.get(created.providerReference);
    expect(order).toMatchObject({
      merchantReference: request.merchantReference,
      currency: 'UGX',
      amount: 850_000,
      callbackUrl: 'https://komisi.test/checkout/done',
      billingAddress: {
        email_address: 'amina@example.com',
        phone_number: '+256700000001',
        first_name: 'Amina',
        last_name: 'Nakato Okello',
      },
    });
    const iframe = 'https://cybqa.pesapal.com/pesapaliframe/PesapalIframe3/Index';
    expect(created.paymentUrl).toBe(`${iframe}?OrderTrackingId=${created.providerReference}`);
    expect(order?.notificationId).toBe(await provider.ensureIpn());
  });

  it('sends USD in major units and trims the description to 100 characters', async () => {
    const { fake, provider } = setup();

    const created = await provider.createPayment(
      paymentRequest({ amount: 1999, currency: 'USD', description: 'x'.repeat(140) }),
    );

    const order = fake.orders.get(created.providerReference);
    expect(order?.amount).toBe(19.99);
    expect(order?.description).toHaveLength(100);
  });

  it('requests one token for several calls and sends it as a bearer token', async () => {
    const { fake, provider, seen } = setup();

    const created = await provider.createPayment(paymentRequest());
    await provider.queryStatus(created.providerReference);
    await provider.createPayment(paymentRequest());

    expect(count(fake, TOKEN)).toBe(1);
    const headers = new Headers(seen.at(-1)?.init?.headers);
    expect(headers.get('Authorization')).toMatch(/^Bearer \S+$/);
    expect(seen.every((s) => s.init?.signal instanceof AbortSignal)).toBe(true);
  });

  it('shares one token request between concurrent calls', async () => {
    const { fake, provider } = setup();

    await Promise.all([provider.createPayment(paymentRequest()), provider.createPayment(paymentRequest())]);

    expect(count(fake, TOKEN)).toBe(1);
    expect(count(fake, IPN)).toBe(1);
  });

  it('requests a new token 30 s before the old one expires', async () => {
    const { fake, provider, clock } = setup({ tokenTtlSeconds: 300 });
    const created = await provider.createPayment(paymentRequest());

    clock.ms += 269_000;
    await provider.queryStatus(created.providerReference);
    expect(count(fake, TOKEN)).toBe(1);

    clock.ms += 2_000;
    await provider.queryStatus(created.providerReference);
    expect(count(fake, TOKEN)).toBe(2);
  });

  it('refetches the token once when Pesapal rejects it early with a 401', async () => {
    // Simulates Pesapal revoking a token the provider still believes is valid.
    let revoke = false;
    const { fake, provider } = setup({
      middleware: (req, next) => {
        if (!revoke || req.url.endsWith(TOKEN)) return next(req);
        revoke = false;
        const headers = new Headers(req.headers);
        headers.set('Authorization', 'Bearer revoked');
        return next(new Request(req, { headers }));
      },
    });
    const created = await provider.createPayment(paymentRequest());

    revoke = true;
    const status = await provider.queryStatus(created.providerReference);

    expect(status.status).toBe('pending');
    expect(count(fake, TOKEN)).toBe(2);
  });

  it('fails cleanly when the bearer token is refused even after a fresh one', async () => {
    const { fake, provider } = setup({
      middleware: (req, next) => {
        if (req.url.endsWith(TOKEN)) return next(req);
        const headers = new Headers(req.headers);
        headers.set('Authorization', 'Bearer not-a-token');
        return next(new Request(req, { headers }));
      },
    });

    const error = await providerError(provider.createPayment(paymentRequest()));

    expect(error.message).toContain('HTTP 401');
    expect(count(fake, TOKEN)).toBe(2);
    expect(count(fake, IPN)).toBe(2);
    expect(count(fake, SUBMIT)).toBe(0);
  });

  it('rejects a wrong consumer secret without leaking it', async () => {
    const { fake, provider } = setup({ secret: 'wrong-secret' });

    const error = await providerError(provider.createPayment(paymentRequest()));

    expect(error.message).toContain('invalid_consumer_key_or_secret_provided');
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain('wrong-secret');
    expect(fake.ipns.size).toBe(0);
  });

  it('registers the IPN URL once, as a GET notification', async () => {
    const { fake, provider } = setup();

    const first = await provider.ensureIpn();
    await provider.createPayment(paymentRequest());
    await provider.createPayment(paymentRequest());

    expect(count(fake, IPN)).toBe(1);
    expect(fake.ipns.get(first)).toMatchObject({ url: IPN_URL, notificationType: 'GET' });
  });

  it('uses a given ipnId without registering', async () => {
    const { fake, provider } = setup({ ipnId: 'preset-ipn' });

    expect(await provider.ensureIpn()).toBe('preset-ipn');
    expect(count(fake, IPN)).toBe(0);
  });

  it('surfaces a Pesapal order error such as a duplicate merchant reference', async () => {
    const { provider } = setup();
    const request = paymentRequest();
    await provider.createPayment(request);

    const error = await providerError(provider.createPayment(request));

    expect(error.message).toContain('SubmitOrderRequest');
    expect(error.details).toMatchObject({ code: 'duplicate_order_reference' });
  });

  it('refuses a payment without a callback URL before calling Pesapal', async () => {
    const { fake, provider } = setup();

    await providerError(provider.createPayment(paymentRequest({ callbackUrl: null })));

    expect(fake.requests).toHaveLength(0);
  });

  it.each([
    [0, 'pending', 'INVALID'],
    [1, 'completed', 'COMPLETED'],
    [2, 'failed', 'FAILED'],
    [3, 'failed', 'REVERSED'],
  ] as const)('maps status_code %i to %s', async (code, status, description) => {
    const { fake, provider } = setup();
    const created = await provider.createPayment(paymentRequest());

    fake.setStatus(created.providerReference, code);

    expect(await provider.queryStatus(created.providerReference)).toEqual({ status, description });
  });

  it('treats an unknown status_code as pending', async () => {
    const { provider } = setup({
      middleware: async (req, next) => {
        const response = await next(req);
        if (!req.url.includes('GetTransactionStatus')) return response;
        return Response.json({
          ...(await response.json()),
          status_code: 7,
          payment_status_description: 'NEW',
        });
      },
    });
    const created = await provider.createPayment(paymentRequest());

    expect(await provider.queryStatus(created.providerReference)).toEqual({
      status: 'pending',
      description: 'NEW',
    });
  });

  it('fails on an unknown order tracking id', async () => {
    const { provider } = setup();

    const error = await providerError(provider.queryStatus('00000000-0000-0000-0000-000000000000'));

    expect(error.details).toMatchObject({ code: 'invalid_order_tracking_id' });
  });

  it('turns a gateway 500 into PAYMENT_PROVIDER_ERROR', async () => {
    const { provider } = setup({
      middleware: (req, next) =>
        req.url.endsWith(SUBMIT) ? Promise.resolve(new Response('boom', { status: 500 })) : next(req),
    });

    const error = await providerError(provider.createPayment(paymentRequest()));

    expect(error.details).toEqual({ path: SUBMIT, httpStatus: 500 });
  });

  it('turns invalid JSON into PAYMENT_PROVIDER_ERROR', async () => {
    const { provider } = setup({
      middleware: (req, next) =>
        req.url.endsWith(TOKEN) ? Promise.resolve(new Response('<html>maintenance</html>')) : next(req),
    });

    const error = await providerError(provider.ensureIpn());

    expect(error.message).toContain('invalid JSON');
  });

  it('turns a network failure or timeout into PAYMENT_PROVIDER_ERROR', async () => {
    const { provider } = setup({
      middleware: () => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError')),
    });

    const error = await providerError(provider.queryStatus('abc'));

    expect(error.cause).toBeInstanceOf(DOMException);
  });

  it('retries IPN registration on a later call after a failure', async () => {
    let down = true;
    const { fake, provider } = setup({
      middleware: (req, next) =>
        down && req.url.endsWith(IPN) ? Promise.resolve(new Response(null, { status: 503 })) : next(req),
    });

    await providerError(provider.ensureIpn());
    down = false;
    const ipnId = await provider.ensureIpn();

    expect(fake.ipns.has(ipnId)).toBe(true);
  });
});

describe('Pesapal IPN helpers', () => {
  it('reads a GET notification from the query string', () => {
    const query = new URLSearchParams(
      'OrderTrackingId=b945e4af-80a5-4ec1-8706-e03f8332fb04&OrderNotificationType=IPNCHANGE' +
        '&OrderMerchantReference=KMS-1515',
    );

    expect(parsePesapalIpn(Object.fromEntries(query))).toEqual({
      ok: true,
      ipn: {
        orderTrackingId: 'b945e4af-80a5-4ec1-8706-e03f8332fb04',
        merchantReference: 'KMS-1515',
        notificationType: 'IPNCHANGE',
      },
    });
  });

  it('reads a POST notification from the JSON body', () => {
    const body = JSON.parse(
      '{"OrderNotificationType":"IPNCHANGE","OrderTrackingId":"d0fa69d6","OrderMerchantReference":"KMS-9"}',
    ) as Record<string, string>;

    expect(parsePesapalIpn(body)).toEqual({
      ok: true,
      ipn: { orderTrackingId: 'd0fa69d6', merchantReference: 'KMS-9', notificationType: 'IPNCHANGE' },
    });
  });

  it('names OrderTrackingId when it is missing, blank, not text or too long', () => {
    const refused = (params: unknown) => parsePesapalIpn(params);
    expect(refused({ OrderMerchantReference: 'KMS-9' })).toEqual({
      ok: false,
      fields: { OrderTrackingId: ['is required'] },
    });
    expect(refused({ OrderTrackingId: '  ' })).toMatchObject({
      ok: false,
      fields: { OrderTrackingId: expect.any(Array) },
    });
    expect(refused({ OrderTrackingId: { $gt: '' } })).toMatchObject({
      ok: false,
      fields: { OrderTrackingId: expect.any(Array) },
    });
    expect(refused({ OrderTrackingId: 'x'.repeat(2_000_000) })).toMatchObject({
      ok: false,
      fields: { OrderTrackingId: ['is not a Pesapal tracking id'] },
    });
    expect(refused([1, 2])).toMatchObject({ ok: false });
  });

  it('builds the acknowledgement Pesapal expects', () => {
    const ipn = { orderTrackingId: 'd0fa69d6', merchantReference: 'KMS-9', notificationType: 'IPNCHANGE' };

    expect(pesapalIpnAck(ipn, true)).toEqual({
      orderNotificationType: 'IPNCHANGE',
      orderTrackingId: 'd0fa69d6',
      orderMerchantReference: 'KMS-9',
      status: 200,
    });
    expect(pesapalIpnAck(ipn, false).status).toBe(500);
  });
});

describe('the fake Pesapal', () => {
  async function token(fake: FakePesapal): Promise<string> {
    const response = await fake.fetch(
      new Request(`${BASE_URL}${TOKEN}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ consumer_key: KEY, consumer_secret: SECRET }),
      }),
    );
    return ((await response.json()) as { token: string }).token;
  }

  it('answers 401 without a bearer token and once the token has expired', async () => {
    const clock = { ms: Date.parse('2026-01-15T08:00:00Z') };
    const fake = createFakePesapal({
      consumerKey: KEY,
      consumerSecret: SECRET,
      now: () => new Date(clock.ms),
    });
    const statusUrl = `${BASE_URL}/api/Transactions/GetTransactionStatus?orderTrackingId=x`;
    const bearer = { Authorization: `Bearer ${await token(fake)}` };

    expect((await fake.fetch(new Request(statusUrl))).status).toBe(401);
    expect((await fake.fetch(new Request(statusUrl, { headers: bearer }))).status).toBe(200);
    clock.ms += 300_000;
    expect((await fake.fetch(new Request(statusUrl, { headers: bearer }))).status).toBe(401);
  });

  it('rejects an order whose notification_id was never registered', async () => {
    const fake = createFakePesapal({ consumerKey: KEY, consumerSecret: SECRET });
    const response = await fake.fetch(
      new Request(`${BASE_URL}${SUBMIT}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await token(fake)}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          id: 'KMS-1',
          currency: 'UGX',
          amount: 5000,
          description: 'x',
          callback_url: 'https://komisi.test/done',
          notification_id: 'nope',
          billing_address: { email_address: 'a@example.com' },
        }),
      }),
    );

    expect(await response.json()).toMatchObject({
      order_tracking_id: null,
      error: { error_type: 'api_error', code: 'invalid_notification_id' },
      status: '500',
    });
    expect(fake.orders.size).toBe(0);
  });
});
