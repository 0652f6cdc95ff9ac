import { describe, expect, it } from 'vitest';
import type { NotificationRequest } from '../gateway-notification.ts';
import type { PaymentSettings } from '../payment-gateway.ts';
import { createFakeDoku } from './doku.fake.ts';
import { dokuGateway } from './doku.gateway.ts';
import { DokuProvider } from './doku.provider.ts';
import { dokuSignature, dokuTimestamp } from './doku.signature.ts';

const CLIENT_ID = 'MCH-0001-10791114622547';
const SECRET = 'SK-hCJ42G28TA0MKG9LE2E';
const PATH = '/t/ansania/api/checkout/payment-webhook';
const NOW = new Date('2026-01-15T08:00:00Z');
const payments: PaymentSettings = {
  provider: 'doku',
  doku: { baseUrl: 'https://api-sandbox.doku.com', clientId: CLIENT_ID, secretKey: SECRET },
};

/** A notification signed as DOKU signs one, for a body of the test's choosing. */
function signed(body: unknown, secretKey = SECRET): NotificationRequest {
  const rawBody = JSON.stringify(body);
  const requestId = 'f6c1a3a0-6e0a-4d3e-9f0e-0d6b1f7b2c11';
  const timestamp = dokuTimestamp(NOW);
  const target = PATH;
  return {
    method: 'POST',
    path: PATH,
    query: {},
    rawBody,
    headers: {
      'client-id': CLIENT_ID,
      'request-id': requestId,
      'request-timestamp': timestamp,
      signature: dokuSignature({
        clientId: CLIENT_ID,
        requestId,
        timestamp,
        target,
        body: rawBody,
        secretKey,
      }),
    },
  };
}

const withStatus = (status: string) => ({
  order: { invoice_number: 'KMS-1', amount: 150000 },
  transaction: { status },
});

const read = (request: NotificationRequest, settings: PaymentSettings = payments) =>
  dokuGateway.parseNotification(request, { payments: settings, now: NOW });

describe('DOKU notifications', () => {
  it.each([
    ['SUCCESS', 'paid'],
    ['FAILED', 'failed'],
    ['EXPIRED', 'expired'],
    ['PENDING', 'pending'],
    ['REFUNDED', 'unknown'],
  ])('reads transaction.status %s as %s, naming the payment by its invoice number', (status, outcome) => {
    expect(read(signed(withStatus(status)))).toEqual({
      outcome,
      payment: { providerReference: 'KMS-1' },
      eventId: 'f6c1a3a0-6e0a-4d3e-9f0e-0d6b1f7b2c11',
      detail: null,
    });
  });

  it('reads what the fake DOKU posts for a paid checkout', async () => {
    const fake = createFakeDoku({ clientId: CLIENT_ID, secretKey: SECRET, now: () => NOW });
    const provider = new DokuProvider({
      baseUrl: 'https://api-sandbox.doku.com',
      clientId: CLIENT_ID,
      secretKey: SECRET,
      now: () => NOW,
      fetch: (input, init) => fake.fetch(new Request(input, init)),
    });
    const created = await provider.createPayment({
      merchantReference: 'KMS-2',
      amount: 4_750_000,
      currency: 'IDR',
      description: 'Kursi jati',
      callbackUrl: null,
      customer: { email: 'siti@example.com', name: 'Siti', phone: null },
    });
    fake.setStatus(created.providerReference, 'SUCCESS');
    const { headers, body } = fake.notification(created.providerReference, PATH);

    const reading = read({ method: 'POST', path: PATH, query: {}, headers, rawBody: body });

    expect(reading).toMatchObject({ outcome: 'paid', payment: { providerReference: 'KMS-2' } });
  });

  it('refuses a signature made with another key, or over another path', () => {
    expect(read(signed(withStatus('SUCCESS'), 'SK-not-the-key'))).toEqual({
      refused: 'unauthenticated',
      message: 'Invalid signature',
    });
    expect(read({ ...signed(withStatus('SUCCESS')), path: '/t/other/api/checkout/payment-webhook' })).toEqual(
      {
        refused: 'unauthenticated',
        message: 'Invalid signature',
      },
    );
  });

  it('refuses a signed body that is not a notification', () => {
    expect(read(signed({ order: {} }))).toEqual({
      refused: 'malformed',
      message: 'order.invoice_number is required',
    });
  });

  it('refuses a store that is not on DOKU before looking at the signature', () => {
    expect(read(signed(withStatus('SUCCESS')), { provider: 'sandbox' })).toEqual({
      refused: 'not-configured',
      message: 'DOKU is not configured for this store',
    });
  });

  it('acknowledges with a 200 body, saying when a delivery is a repeat', () => {
    const notification = read(signed(withStatus('SUCCESS')));
    if ('refused' in notification) throw new Error('refused');

    expect(dokuGateway.acknowledge(notification, 'settled')).toEqual({ ok: true });
    expect(dokuGateway.acknowledge(notification, 'not-ours')).toEqual({ ok: true });
    expect(dokuGateway.acknowledge(notification, 'duplicate')).toEqual({ ok: true, duplicate: true });
    expect(dokuGateway.acknowledgeFailure).toBeUndefined();
  });
});
