import { sameSecret } from '../../../kernel/auth/same-secret.ts';
import { malformed, notConfigured, unauthenticated } from '../gateway-notification.ts';
import { headerOf, holdsNul, jsonOf } from '../notification-fields.ts';
import type { PaymentGateway, PaymentSettings } from '../payment-gateway.ts';
import {
  midtransEventId,
  midtransOutcomeOf,
  midtransSignatureMatches,
  readMidtransNotification,
} from './midtrans.notification.ts';
import { MidtransProvider } from './midtrans.provider.ts';

type MidtransConfig = NonNullable<NonNullable<PaymentSettings>['midtrans']>;

const configOf = (settings: PaymentSettings) =>
  settings?.provider === 'midtrans' ? settings.midtrans : undefined;

/** What the koperasi spec answers Midtrans, whatever became of the notification. */
const ACKNOWLEDGEMENT = { success: true, message: 'Webhook processed successfully' } as const;

/**
 * Midtrans Core API. Its HTTP notification is signed with the tenant's server key
 * (`signature_key`), and carries the tenant's `X-Callback-Token` when one is configured; it names
 * the payment by our reference (order_id) and is recorded once per transaction and status; the
 * transaction is then asked of Midtrans (the notification's status and amount are never trusted).
 * A notification Midtrans does not (yet) confirm is forgotten.
 */
export const midtransGateway: PaymentGateway<MidtransConfig, null> = {
  name: 'midtrans',
  callbackPath: '/webhooks/midtrans',
  callbackMethods: ['POST'],
  forgetsUnconfirmed: true,
  configOf,
  createProvider: (config, setup) =>
    new MidtransProvider({
      baseUrl: config.baseUrl,
      serverKey: config.serverKey,
      bank: config.bank,
      expiryMinutes: config.expiryMinutes,
      notificationUrl: setup.callbackUrl,
      fetch: setup.fetch,
      log: setup.log,
    }),

  parseNotification(request, { payments }) {
    const midtrans = configOf(payments);
    if (!midtrans) return notConfigured('Midtrans');
    const token = midtrans.callbackToken;
    if (token !== undefined && !sameSecret(headerOf(request.headers, 'x-callback-token'), token)) {
      return unauthenticated('Invalid callback token');
    }
    if (holdsNul(request.rawBody)) return malformed('The body holds a NUL character');
    const body = jsonOf(request.rawBody);
    if (!body) return malformed('The body is not JSON');
    const read = readMidtransNotification(body.json);
    if ('problem' in read) return malformed(read.problem, read.fields);
    const { notification } = read;
    if (!notification.signatureKey) return unauthenticated('The signature_key is missing');
    if (!midtransSignatureMatches(notification, midtrans.serverKey))
      return unauthenticated('Invalid signature');
    return {
      outcome: midtransOutcomeOf(notification),
      payment: { merchantReference: notification.orderId },
      eventId: midtransEventId(notification),
      detail: null,
    };
  },

  acknowledge: () => ({ ...ACKNOWLEDGEMENT }),
};
