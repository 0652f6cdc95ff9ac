import type { FieldErrors } from '@komisi/domain';
import { z } from 'zod';
import { zodIssuesToFields } from '../../../kernel/error-map.ts';
import { malformed, notConfigured } from '../gateway-notification.ts';
import { jsonOf } from '../notification-fields.ts';
import type { PaymentGateway, PaymentSettings } from '../payment-gateway.ts';
import { PesapalProvider } from './pesapal.provider.ts';

type PesapalConfig = NonNullable<NonNullable<PaymentSettings>['pesapal']>;

export interface PesapalIpn {
  orderTrackingId: string;
  merchantReference: string;
  notificationType: string;
}

/** What an IPN may carry: Pesapal's ids are UUIDs and short references, so anything longer is not one. */
const pesapalIpnSchema = z.object({
  OrderTrackingId: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(64, 'is not a Pesapal tracking id')
    .regex(/^[\w-]+$/, 'is not a Pesapal tracking id'),
  OrderMerchantReference: z.string().trim().max(100).optional(),
  OrderNotificationType: z.string().trim().max(32).optional(),
});

export type ParsedPesapalIpn = { ok: true; ipn: PesapalIpn } | { ok: false; fields: FieldErrors };

/**
 * Reads a Pesapal IPN from its query (GET) or JSON body (POST), validated by a schema (a field that
 * is not text, or too long for what Pesapal sends, is named). An IPN says only that something
 * changed, never the outcome, and anyone can forge one: callers must re-query the status.
 */
export function parsePesapalIpn(params: unknown): ParsedPesapalIpn {
  const parsed = pesapalIpnSchema.safeParse(params);
  if (!parsed.success) return { ok: false, fields: zodIssuesToFields(parsed.error) };
  const { OrderTrackingId, OrderMerchantReference, OrderNotificationType } = parsed.data;
  return {
    ok: true,
    ipn: {
      orderTrackingId: OrderTrackingId,
      merchantReference: OrderMerchantReference ?? '',
      notificationType: OrderNotificationType || 'IPNCHANGE',
    },
  };
}

export interface PesapalIpnAck {
  orderNotificationType: string;
  orderTrackingId: string;
  orderMerchantReference: string;
  status: 200 | 500;
}

/** The JSON Pesapal expects in reply; status 500 asks it to notify again later. */
export function pesapalIpnAck(ipn: PesapalIpn, ok: boolean): PesapalIpnAck {
  return {
    orderNotificationType: ipn.notificationType,
    orderTrackingId: ipn.orderTrackingId,
    orderMerchantReference: ipn.merchantReference,
    status: ok ? 200 : 500,
  };
}

const configOf = (settings: PaymentSettings) =>
  settings?.provider === 'pesapal' ? settings.pesapal : undefined;

/**
 * Pesapal API 3.0. Its IPN (registered as a GET, sometimes POSTed with a JSON body) names the order
 * by Pesapal's tracking id and carries no status and no signature: it only says to ask Pesapal.
 * There is no event id to record, and a failure is answered in the acknowledgement (status 500),
 * which Pesapal reads to notify again.
 */
export const pesapalGateway: PaymentGateway<PesapalConfig, PesapalIpn> = {
  name: 'pesapal',
  callbackPath: '/webhooks/pesapal',
  configOf,
  createProvider: (config, setup) =>
    new PesapalProvider({ ...config, ipnUrl: setup.callbackUrl, fetch: setup.fetch }),

  parseNotification(request, { payments }) {
    let params: unknown = request.query;
    if (request.method !== 'GET' && request.rawBody.trim() !== '') {
      const body = jsonOf(request.rawBody);
      if (!body) return malformed('The notification body is not JSON');
      params = body.json;
    }
    const parsed = parsePesapalIpn(params);
    if (!parsed.ok) return malformed('The notification is not a Pesapal IPN.', parsed.fields);
    // Read before the store's gateway is asked about: a malformed IPN is named as such anywhere.
    if (payments?.provider !== 'pesapal') return notConfigured('Pesapal');
    const { ipn } = parsed;
    return {
      outcome: 'unknown',
      payment: { providerReference: ipn.orderTrackingId },
      eventId: null,
      detail: ipn,
    };
  },

  acknowledge: (notification) => ({ ...pesapalIpnAck(notification.detail, true) }),
  // Pesapal reads the acknowledgement's status and retries on 500
  acknowledgeFailure: (notification) => ({ ...pesapalIpnAck(notification.detail, false) }),
};
