import { describe, expect, it } from 'vitest';
import type { GatewayNotification, NotificationRequest } from '../gateway-notification.ts';
import type { PaymentSettings } from '../payment-gateway.ts';
import { createFakeXendit } from './xendit.fake.ts';
import { xenditGateway } from './xendit.gateway.ts';
import { XenditProvider } from './xendit.provider.ts';

const SECRET = 'xnd_development_komisi_test_key';
const TOKEN = 'xnd-callback-token-0123456789abcdef';
const payments: PaymentSettings = {
  provider: 'xendit',
  xendit: { baseUrl: 'https://api.xendit.co', secretKey: SECRET, callbackToken: TOKEN },
};

function callback(body: unknown, headers: Record<string, string> = {}): NotificationRequest {
  return {
    method: 'POST',
    path: '/t/qutab/api/webhooks/xendit',
    query: {},
    rawBody: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', 'x-callback-token': TOKEN, ...headers },
  };
}

const read = (request: NotificationRequest, settings: PaymentSettings = payments) =>
  xenditGateway.parseNotification(request, { payments: settings, now: new Date() });

const invoice = (status: string) => ({ id: 'inv-1', external_id: 'KMS-1', status });
const paymentEvent = (event: string) => ({ event, data: { id: 'py-1', reference_id: 'KMS-1' } });

describe('Xendit callbacks', () => {
  it.each([
    ['PAID', 'paid'],
    ['SETTLED', 'paid'],
    ['EXPIRED', 'expired'],
    ['PENDING', 'pending'],
    ['SOMETHING_NEW', 'unknown'],
  ])('reads an invoice callback %s as %s, naming the payment by our reference', (status, outcome) => {
    expect(read(callback(invoice(status)))).toEqual({
      outcome,
      payment: { merchantReference: 'KMS-1' },
      eventId: `inv-1:${status}`,
      detail: null,
    });
  });

  it.each([
    ['payment.succeeded', 'paid'],
    ['payment.success', 'paid'],
    ['payment.failed', 'failed'],
  ])('reads the event %s as %s, keyed by its webhook-id', (event, outcome) => {
    expect(read(callback(paymentEvent(event), { 'webhook-id': 'wh-1' }))).toEqual({
      outcome,
      payment: { merchantReference: 'KMS-1' },
      eventId: 'webhook:wh-1',
      detail: null,
    });
  });

  it('reads an event it does not act on as naming no payment', () => {
    expect(read(callback(paymentEvent('payment.pending')))).toEqual({
      outcome: 'pending',
      payment: null,
      eventId: null,
      detail: { ignored: 'payment.pending' },
    });
    expect(read(callback(paymentEvent('refund.succeeded')))).toMatchObject({
      outcome: 'unknown',
      payment: null,
    });
  });

  it('reads what the fake Xendit posts for a paid invoice', async () => {
    const fake = createFakeXendit({ secretKey: SECRET, callbackToken: TOKEN });
    const provider = new XenditProvider({
      baseUrl: 'https://api.xendit.co',
      secretKey: SECRET,
      fetch: (input, init) => fake.fetch(new Request(input, init)),
    });
    const { providerReference } = await provider.createPayment({
      merchantReference: 'KMS-2',
      amount: 150_000,
      currency: 'IDR',
      description: 'Kambing',
      callbackUrl: null,
      customer: { email: 'siti@example.com', name: 'Siti', phone: null },
    });
    fake.pay(providerReference);
    const { headers, body } = fake.callback(providerReference);

    expect(read({ ...callback(body), headers })).toMatchObject({
      outcome: 'paid',
      payment: { merchantReference: 'KMS-2' },
      eventId: `${providerReference}:PAID`,
    });
  });

  it('refuses a wrong or missing callback token', () => {
    const refusal = { refused: 'unauthenticated', message: 'Invalid callback token' };
    expect(read(callback(invoice('PAID'), { 'x-callback-token': `${TOKEN}x` }))).toEqual(refusal);
    const { 'x-callback-token': _, ...withoutToken } = callback(invoice('PAID')).headers;
    expect(read({ ...callback(invoice('PAID')), headers: withoutToken })).toEqual(refusal);
  });

  it.each([
    ['{"id": ', 'The body is not JSON'],
    ['[]', 'The body is not a JSON object'],
    ['{"id":"a\\u0000","external_id":"KMS-1","status":"PAID"}', 'The body holds a NUL character'],
    [
      '{"event":"payment.succeeded","data":{"reference_id":"KMS-1"}}',
      'data.id or a webhook-id header is required',
    ],
  ])('refuses %s', (body, message) => {
    expect(read(callback(body))).toEqual({ refused: 'malformed', message });
  });

  it('refuses a store that is not on Xendit before looking at the token', () => {
    expect(read(callback(invoice('PAID')), { provider: 'doku' })).toEqual({
      refused: 'not-configured',
      message: 'Xendit is not configured for this store',
    });
  });

  it('acknowledges in the shapes the qutab spec documents', () => {
    const notification = read(callback(invoice('PAID'))) as GatewayNotification<{ ignored: string } | null>;
    const ignored = read(callback(paymentEvent('payment.pending'))) as GatewayNotification<{
      ignored: string;
    } | null>;

    expect(xenditGateway.acknowledge(notification, 'settled')).toEqual({ ok: true });
    expect(xenditGateway.acknowledge(notification, 'unconfirmed')).toEqual({ ok: true });
    expect(xenditGateway.acknowledge(notification, 'duplicate')).toEqual({ ok: true, duplicate: true });
    expect(xenditGateway.acknowledge(notification, 'not-ours')).toEqual({ ok: true, unknown: true });
    expect(xenditGateway.acknowledge(ignored, 'ignored')).toEqual({ ok: true, ignored: 'payment.pending' });
  });
});
