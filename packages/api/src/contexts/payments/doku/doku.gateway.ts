import {
  malformed,
  type NotificationOutcome,
  notConfigured,
  plainAcknowledgement,
  unauthenticated,
} from '../gateway-notification.ts';
import { field, headerOf, jsonOf, textOrNull } from '../notification-fields.ts';
import type { PaymentGateway, PaymentSettings } from '../payment-gateway.ts';
import { DokuProvider } from './doku.provider.ts';
import { verifyDokuNotification } from './doku.signature.ts';

type DokuConfig = NonNullable<NonNullable<PaymentSettings>['doku']>;

export interface DokuNotification {
  invoiceNumber: string;
  /** transaction.status as DOKU wrote it: SUCCESS, FAILED, EXPIRED... */
  status: string;
  amount: number | null;
  channel: string | null;
  service: string | null;
}

/** transaction.status as the notification's claim; anything else DOKU may add is unknown. */
const OUTCOME_BY_STATUS: Record<string, NotificationOutcome> = {
  SUCCESS: 'paid',
  FAILED: 'failed',
  EXPIRED: 'expired',
  PENDING: 'pending',
};

function amountOf(value: unknown): number | null {
  const amount = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof amount === 'number' && Number.isFinite(amount) ? amount : null;
}

/**
 * Reads the parts of a DOKU HTTP notification body we act on, leniently: DOKU adds fields per channel.
 * Verify the signature first (verifyDokuNotification), and still re-query the status before settling.
 */
export function parseDokuNotification(body: unknown): DokuNotification | null {
  const order = field(body, 'order');
  const invoiceNumber = textOrNull(field(order, 'invoice_number'));
  const status = textOrNull(field(field(body, 'transaction'), 'status'));
  if (!invoiceNumber || !status) return null;
  return {
    invoiceNumber,
    status,
    amount: amountOf(field(order, 'amount')),
    channel: textOrNull(field(field(body, 'channel'), 'id')),
    service: textOrNull(field(field(body, 'service'), 'id')),
  };
}

const configOf = (settings: PaymentSettings) => (settings?.provider === 'doku' ? settings.doku : undefined);

/**
 * DOKU Checkout. Its HTTP notification is verified against the tenant's DOKU credentials (the
 * signature covers the raw body and the path it was posted to) and recorded once by its Request-Id;
 * the invoice number it names is DOKU's reference of the payment, whose status is then asked of DOKU.
 */
export const dokuGateway: PaymentGateway<DokuConfig, null> = {
  name: 'doku',
  callbackPath: '/checkout/payment-webhook',
  callbackMethods: ['POST'],
  configOf,
  createProvider: (config, setup) =>
    new DokuProvider({ ...config, notificationUrl: setup.callbackUrl, fetch: setup.fetch }),

  parseNotification(request, { payments, now }) {
    const doku = configOf(payments);
    if (!doku) return notConfigured('DOKU');
    const verified = verifyDokuNotification({
      headers: request.headers,
      rawBody: request.rawBody,
      target: request.path,
      clientId: doku.clientId,
      secretKey: doku.secretKey,
      now,
    });
    if (!verified.ok) return unauthenticated('Invalid signature');
    const body = jsonOf(request.rawBody);
    if (!body) return malformed('The body is not JSON');
    const notification = parseDokuNotification(body.json);
    if (!notification) return malformed('order.invoice_number is required');
    return {
      outcome: OUTCOME_BY_STATUS[notification.status] ?? 'unknown',
      payment: { providerReference: notification.invoiceNumber },
      // the signature covered it, so it is there
      eventId: headerOf(request.headers, 'request-id')!,
      detail: null,
    };
  },

  acknowledge: (_notification, handling) => plainAcknowledgement(handling),
};
