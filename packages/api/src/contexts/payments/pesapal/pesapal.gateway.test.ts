import { describe, expect, it } from 'vitest';
import type { GatewayNotification, NotificationRequest } from '../gateway-notification.ts';
import type { PaymentSettings } from '../payment-gateway.ts';
import { type PesapalIpn, pesapalGateway } from './pesapal.gateway.ts';

const TRACKING_ID = 'b945e4af-80a5-4ec1-8706-e03f8332fb04';
const payments: PaymentSettings = {
  provider: 'pesapal',
  pesapal: { baseUrl: 'https://pesapal.fake/v3', consumerKey: 'ck', consumerSecret: 'cs' },
};

function ipn(method: string, query: Record<string, string>, rawBody = ''): NotificationRequest {
  return { method, path: '/t/dtehm/api/webhooks/pesapal', query, rawBody, headers: {} };
}

const read = (request: NotificationRequest, settings: PaymentSettings = payments) =>
  pesapalGateway.parseNotification(request, { payments: settings, now: new Date() });

const QUERY = {
  OrderTrackingId: TRACKING_ID,
  OrderMerchantReference: 'KMS-1515',
  OrderNotificationType: 'IPNCHANGE',
};

describe('Pesapal IPNs', () => {
  it('reads a GET IPN as an unknown outcome (it carries none) naming the tracking id, with no event id', () => {
    expect(read(ipn('GET', QUERY))).toEqual({
      outcome: 'unknown',
      payment: { providerReference: TRACKING_ID },
      eventId: null,
      detail: { orderTrackingId: TRACKING_ID, merchantReference: 'KMS-1515', notificationType: 'IPNCHANGE' },
    });
  });

  it('reads a POSTed IPN from its JSON body, and from the query when the body is empty', () => {
    expect(read(ipn('POST', {}, JSON.stringify(QUERY)))).toMatchObject({
      payment: { providerReference: TRACKING_ID },
    });
    expect(read(ipn('POST', QUERY, '  '))).toMatchObject({ payment: { providerReference: TRACKING_ID } });
  });

  it('refuses what is not an IPN, naming the field, even for a store not on Pesapal', () => {
    expect(read(ipn('POST', {}, '{"OrderTrackingId":'))).toEqual({
      refused: 'malformed',
      message: 'The notification body is not JSON',
    });
    const refusal = {
      refused: 'malformed',
      message: 'The notification is not a Pesapal IPN.',
      fields: { OrderTrackingId: ['is required'] },
    };
    expect(read(ipn('GET', {}))).toEqual(refusal);
    expect(read(ipn('GET', {}), { provider: 'sandbox' })).toEqual(refusal);
  });

  it('refuses a well-formed IPN for a store not on Pesapal', () => {
    expect(read(ipn('GET', QUERY), { provider: 'sandbox' })).toEqual({
      refused: 'not-configured',
      message: 'Pesapal is not configured for this store',
    });
  });

  it('acknowledges with the JSON Pesapal expects: status 200, or 500 to be notified again', () => {
    const notification = read(ipn('GET', QUERY)) as GatewayNotification<PesapalIpn>;
    const ack = {
      orderNotificationType: 'IPNCHANGE',
      orderTrackingId: TRACKING_ID,
      orderMerchantReference: 'KMS-1515',
    };

    expect(pesapalGateway.acknowledge(notification, 'settled')).toEqual({ ...ack, status: 200 });
    expect(pesapalGateway.acknowledge(notification, 'not-ours')).toEqual({ ...ack, status: 200 });
    expect(pesapalGateway.acknowledgeFailure?.(notification)).toEqual({ ...ack, status: 500 });
  });
});
