import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { GatewayNotification, NotificationRequest } from '../gateway-notification.ts';
import type { PaymentSettings } from '../payment-gateway.ts';
import { gatewayAtCallback } from '../payment-gateways.ts';
import { midtransStatusOf } from './midtrans.api.ts';
import { createFakeMidtrans } from './midtrans.fake.ts';
import { midtransGateway } from './midtrans.gateway.ts';
import { MidtransProvider } from './midtrans.provider.ts';

const SERVER_KEY = 'SB-Mid-server-GwUP_WGbJPXsDzsNEBRs8IYA';
const TOKEN = 'sinoman-webhook-secret-0123456789';
const BASE = { baseUrl: 'https://api.sandbox.midtrans.com', serverKey: SERVER_KEY, bank: 'bca' as const };
const payments: PaymentSettings = { provider: 'midtrans', midtrans: BASE };
const withToken: PaymentSettings = { provider: 'midtrans', midtrans: { ...BASE, callbackToken: TOKEN } };

const sign = (orderId: string, statusCode: string, grossAmount: string, key = SERVER_KEY) =>
  createHash('sha512').update(`${orderId}${statusCode}${grossAmount}${key}`).digest('hex');

/** The koperasi spec's example notification, signed with the server key unless told otherwise. */
function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    transaction_time: '2024-09-29 15:30:00',
    transaction_status: 'settlement',
    transaction_id: '9aed5972-5b6a-401e-894b-a32c91ed1a3a',
    status_message: 'midtrans payment notification',
    status_code: '200',
    settlement_time: '2024-09-29 15:30:00',
    payment_type: 'bank_transfer',
    order_id: 'TXN-2024-000001',
    merchant_id: 'G123456789',
    gross_amount: '100000.00',
    fraud_status: 'accept',
    currency: 'IDR',
    ...overrides,
  };
  const signature = sign(String(fields.order_id), String(fields.status_code), String(fields.gross_amount));
  return { signature_key: signature, ...fields };
}

function notification(json: unknown, headers: Record<string, string> = {}): NotificationRequest {
  return {
    method: 'POST',
    path: '/t/sinoman/api/webhooks/midtrans',
    query: {},
    rawBody: typeof json === 'string' ? json : JSON.stringify(json),
    headers: { 'content-type': 'application/json', ...headers },
  };
}

const read = (request: NotificationRequest, settings: PaymentSettings = payments) =>
  midtransGateway.parseNotification(request, { payments: settings, now: new Date() });

describe('Midtrans notifications', () => {
  it('is served at /webhooks/midtrans for POST only', () => {
    expect(gatewayAtCallback('/webhooks/midtrans', 'POST')).toBe(midtransGateway);
    expect(gatewayAtCallback('/webhooks/midtrans', 'GET')).toBeUndefined();
  });

  it('reads the spec’s settlement notification, naming the payment by our reference', () => {
    expect(read(notification(body()))).toEqual({
      outcome: 'paid',
      payment: { merchantReference: 'TXN-2024-000001' },
      eventId: '9aed5972-5b6a-401e-894b-a32c91ed1a3a:settlement:accept',
      detail: null,
    });
  });

  it.each([
    ['capture', 'accept', '200', 'paid'],
    ['capture', 'challenge', '201', 'pending'],
    ['capture', 'deny', '202', 'failed'],
    ['capture', undefined, '200', 'pending'],
    ['settlement', 'accept', '200', 'paid'],
    ['pending', 'accept', '201', 'pending'],
    ['authorize', 'accept', '201', 'pending'],
    ['deny', 'accept', '202', 'failed'],
    ['cancel', 'accept', '202', 'failed'],
    ['expire', 'accept', '202', 'expired'],
    ['failure', 'accept', '202', 'failed'],
    ['refund', 'accept', '200', 'paid'],
    ['partial_refund', 'accept', '200', 'paid'],
    ['chargeback', 'accept', '200', 'paid'],
    ['partial_chargeback', 'accept', '200', 'paid'],
    ['something_new', 'accept', '200', 'unknown'],
  ])('reads %s with fraud_status %s as %s', (status, fraud, code, outcome) => {
    const reading = read(
      notification(body({ transaction_status: status, fraud_status: fraud, status_code: code })),
    );

    expect(reading).toMatchObject({
      outcome,
      payment: { merchantReference: 'TXN-2024-000001' },
      eventId: `9aed5972-5b6a-401e-894b-a32c91ed1a3a:${status}:${fraud ?? ''}`,
    });
  });

  it('keys a repeat alike, and a later status of the same transaction apart', () => {
    const id = (overrides: Record<string, unknown> = {}) =>
      (read(notification(body(overrides))) as GatewayNotification).eventId;

    expect(id()).toBe(id());
    expect(id({ status_message: 'another delivery' })).toBe(id());
    expect(id({ transaction_status: 'pending', status_code: '201' })).not.toBe(id());
    expect(id({ transaction_status: 'capture', fraud_status: 'challenge' })).not.toBe(
      id({ transaction_status: 'capture', fraud_status: 'accept' }),
    );
    expect(id({ transaction_id: 'another-transaction' })).not.toBe(id());
  });

  it('reads what the fake Midtrans posts for a paid virtual account', async () => {
    const fake = createFakeMidtrans({ serverKey: SERVER_KEY });
    const provider = new MidtransProvider({
      ...BASE,
      fetch: (input, init) => fake.fetch(new Request(input, init)),
    });
    const { providerReference } = await provider.createPayment({
      merchantReference: 'TXN-2026-000001',
      amount: 100_000,
      currency: 'IDR',
      description: 'Setoran simpanan sukarela',
      callbackUrl: null,
      customer: { email: 'john@example.com', name: 'John Doe', phone: null },
    });
    fake.pay(providerReference);
    const { headers, body: raw } = fake.notification(providerReference);

    expect(read({ ...notification(raw), headers })).toEqual({
      outcome: 'paid',
      payment: { merchantReference: 'TXN-2026-000001' },
      eventId: `${providerReference}:settlement:accept`,
      detail: null,
    });
  });

  it.each([
    ['a wrong signature', { signature_key: 'abc123' }, 'Invalid signature'],
    [
      'a signature of another key',
      { signature_key: sign('TXN-2024-000001', '200', '100000.00', 'other') },
      'Invalid signature',
    ],
    [
      'an upper-case signature',
      { signature_key: sign('TXN-2024-000001', '200', '100000.00').toUpperCase() },
      'Invalid signature',
    ],
    ['no signature', { signature_key: undefined }, 'The signature_key is missing'],
    ['a blank signature', { signature_key: ' ' }, 'The signature_key is missing'],
  ])('refuses %s', (_, overrides, message) => {
    expect(read(notification({ ...body(), ...overrides }))).toEqual({ refused: 'unauthenticated', message });
  });

  it('refuses a signed notification whose amount, status code or order was changed', () => {
    const signed = body();
    for (const change of [
      { gross_amount: '1.00' },
      { status_code: '201' },
      { order_id: 'TXN-2024-000002' },
    ]) {
      expect(read(notification({ ...signed, ...change }))).toEqual({
        refused: 'unauthenticated',
        message: 'Invalid signature',
      });
    }
  });

  it('requires the callback token when the tenant set one, compared exactly', () => {
    const refusal = { refused: 'unauthenticated', message: 'Invalid callback token' };

    expect(read(notification(body(), { 'X-Callback-Token': TOKEN }), withToken)).toMatchObject({
      outcome: 'paid',
    });
    expect(read(notification(body()), withToken)).toEqual(refusal);
    expect(read(notification(body(), { 'x-callback-token': `${TOKEN}x` }), withToken)).toEqual(refusal);
    expect(read(notification(body(), { 'x-callback-token': TOKEN.slice(1) }), withToken)).toEqual(refusal);
    // a right token does not stand in for the signature
    expect(
      read(notification({ ...body(), signature_key: 'x' }, { 'x-callback-token': TOKEN }), withToken),
    ).toEqual({
      refused: 'unauthenticated',
      message: 'Invalid signature',
    });
  });

  it('ignores the header when the tenant set no callback token', () => {
    expect(read(notification(body(), { 'x-callback-token': 'anything' }))).toMatchObject({ outcome: 'paid' });
  });

  it.each([
    ['{"order_id": ', { refused: 'malformed', message: 'The body is not JSON' }],
    ['[]', { refused: 'malformed', message: 'The body is not a JSON object' }],
    ['{"order_id":"a\\u0000"}', { refused: 'malformed', message: 'The body holds a NUL character' }],
  ])('refuses %s', (raw, refusal) => {
    expect(read(notification(raw))).toEqual(refusal);
  });

  it('refuses a notification without the fields it needs, naming each', () => {
    const { order_id: _, transaction_id: __, ...partial } = body();

    expect(read(notification({ ...partial, gross_amount: 100000, transaction_status: '' }))).toEqual({
      refused: 'malformed',
      message: 'The notification is incomplete',
      fields: {
        order_id: ['is required'],
        gross_amount: ['must be a non-empty string'],
        transaction_id: ['is required'],
        transaction_status: ['must be a non-empty string'],
      },
    });
  });

  it('refuses a store that is not on Midtrans before anything else', () => {
    const refusal = { refused: 'not-configured', message: 'Midtrans is not configured for this store' };

    expect(read(notification(body()), { provider: 'xendit' })).toEqual(refusal);
    expect(
      midtransGateway.parseNotification(notification('garbage'), { payments: undefined, now: new Date() }),
    ).toEqual(refusal);
  });

  it('acknowledges as the koperasi spec answers, whatever became of it', () => {
    const reading = read(notification(body())) as GatewayNotification<null>;

    for (const handling of ['settled', 'unconfirmed', 'duplicate', 'not-ours', 'ignored'] as const) {
      expect(midtransGateway.acknowledge(reading, handling)).toEqual({
        success: true,
        message: 'Webhook processed successfully',
      });
    }
  });
});

describe('midtransStatusOf', () => {
  it('does not read names inherited from Object as statuses', () => {
    expect(midtransStatusOf('toString', null)).toBeUndefined();
    expect(midtransStatusOf('capture', 'toString')).toBe('pending');
  });
});
