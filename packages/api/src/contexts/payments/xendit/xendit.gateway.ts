import { sameSecret } from '../../../kernel/auth/same-secret.ts';
import {
  malformed,
  type NotificationOutcome,
  type NotificationRequest,
  notConfigured,
  plainAcknowledgement,
  unauthenticated,
} from '../gateway-notification.ts';
import { field, headerOf, holdsNul, jsonOf, textOrNull } from '../notification-fields.ts';
import type { PaymentGateway, PaymentSettings } from '../payment-gateway.ts';
import { XenditProvider } from './xendit.provider.ts';

type XenditConfig = NonNullable<NonNullable<PaymentSettings>['xendit']>;

/**
 * Event names of the `{ event, data }` shape we act on: Xendit's payment webhooks say
 * `payment.succeeded`, the qutab spec says `payment.success`; both fail with `payment.failed`.
 */
export const XENDIT_PAYMENT_EVENTS: ReadonlySet<string> = new Set([
  'payment.success',
  'payment.succeeded',
  'payment.failed',
]);

/** What a Xendit callback says, read leniently; none of it is trusted beyond finding the payment. */
export interface XenditCallback {
  /** `invoice`: Xendit's invoice callback; `payment`: the `{ event, data }` webhook */
  shape: 'invoice' | 'payment';
  /** the callback's subject: the invoice id, or the payment id (`py-…`); null when the body has none */
  id: string | null;
  /** our merchant reference: external_id (invoice) or data.reference_id (payment) */
  reference: string;
  /** the status the callback claims (PAID, EXPIRED, SUCCEEDED, FAILED…), never acted on */
  status: string | null;
  /** the event name of the payment shape */
  event: string | null;
}

export type ParsedXenditCallback =
  | { kind: 'callback'; callback: XenditCallback }
  /** a well-formed event of a kind we do not act on (e.g. payment.pending) */
  | { kind: 'ignored'; event: string }
  | { kind: 'invalid'; reason: string };

/** Reads either callback shape. */
export function parseXenditCallback(body: unknown): ParsedXenditCallback {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { kind: 'invalid', reason: 'The body is not a JSON object' };
  }
  const event = field(body, 'event');
  if (event !== undefined) {
    const name = textOrNull(event);
    const data = field(body, 'data');
    if (!name || data === null || typeof data !== 'object' || Array.isArray(data)) {
      return { kind: 'invalid', reason: 'event and data are required' };
    }
    if (!XENDIT_PAYMENT_EVENTS.has(name)) return { kind: 'ignored', event: name };
    const reference = textOrNull(field(data, 'reference_id'));
    if (!reference) return { kind: 'invalid', reason: 'data.reference_id is required' };
    return {
      kind: 'callback',
      callback: {
        shape: 'payment',
        id: textOrNull(field(data, 'id')),
        reference,
        status: textOrNull(field(data, 'status')),
        event: name,
      },
    };
  }
  const id = textOrNull(field(body, 'id'));
  const reference = textOrNull(field(body, 'external_id'));
  const status = textOrNull(field(body, 'status'));
  if (!id || !reference || !status)
    return { kind: 'invalid', reason: 'id, external_id and status are required' };
  return { kind: 'callback', callback: { shape: 'invoice', id, reference, status, event: null } };
}

/** Compares the `x-callback-token` with the tenant's in constant time (an empty configured token matches nothing). */
export function xenditCallbackTokenMatches(given: string | undefined, expected: string): boolean {
  return sameSecret(given, expected);
}

/** The inbox key: Xendit's `webhook-id` when sent (the same on its retries), else the subject and status. */
function eventIdOf(request: NotificationRequest, callback: XenditCallback): string | null {
  const webhookId = textOrNull(headerOf(request.headers, 'webhook-id'));
  if (webhookId) return `webhook:${webhookId}`;
  if (!callback.id) return null;
  return `${callback.id}:${callback.status ?? callback.event ?? ''}`;
}

/** The invoice callback's status or the payment event, as a claim. */
function outcomeOf(callback: XenditCallback): NotificationOutcome {
  if (callback.shape === 'payment') return callback.event === 'payment.failed' ? 'failed' : 'paid';
  if (callback.status === 'PAID' || callback.status === 'SETTLED') return 'paid';
  if (callback.status === 'EXPIRED') return 'expired';
  return callback.status === 'PENDING' ? 'pending' : 'unknown';
}

const configOf = (settings: PaymentSettings) =>
  settings?.provider === 'xendit' ? settings.xendit : undefined;

/**
 * Xendit Invoices. Its callback carries the tenant's `x-callback-token`, names the payment by our
 * reference and is recorded once; the invoice is then asked of Xendit (the callback's own status,
 * amount and id are never trusted). A callback Xendit does not (yet) confirm is forgotten.
 */
export const xenditGateway: PaymentGateway<XenditConfig, { ignored: string } | null> = {
  name: 'xendit',
  callbackPath: '/webhooks/xendit',
  callbackMethods: ['POST'],
  forgetsUnconfirmed: true,
  configOf,
  createProvider: (config, setup) =>
    new XenditProvider({ ...config, currency: setup.tenant.currency, fetch: setup.fetch, log: setup.log }),

  parseNotification(request, { payments }) {
    const xendit = configOf(payments);
    if (!xendit) return notConfigured('Xendit');
    if (!xenditCallbackTokenMatches(headerOf(request.headers, 'x-callback-token'), xendit.callbackToken)) {
      return unauthenticated('Invalid callback token');
    }
    if (holdsNul(request.rawBody)) return malformed('The body holds a NUL character');
    const body = jsonOf(request.rawBody);
    if (!body) return malformed('The body is not JSON');
    const parsed = parseXenditCallback(body.json);
    if (parsed.kind === 'invalid') return malformed(parsed.reason);
    if (parsed.kind === 'ignored') {
      const outcome = parsed.event === 'payment.pending' ? 'pending' : 'unknown';
      return { outcome, payment: null, eventId: null, detail: { ignored: parsed.event } };
    }
    const { callback } = parsed;
    const eventId = eventIdOf(request, callback);
    if (!eventId) return malformed('data.id or a webhook-id header is required');
    return {
      outcome: outcomeOf(callback),
      payment: { merchantReference: callback.reference },
      eventId,
      detail: null,
    };
  },

  acknowledge(notification, handling) {
    if (handling === 'ignored' && notification.detail)
      return { ok: true, ignored: notification.detail.ignored };
    // Not ours (Xendit's dashboard test callback, another system on the same account): acknowledged.
    if (handling === 'not-ours') return { ok: true, unknown: true };
    return plainAcknowledgement(handling);
  },
};
