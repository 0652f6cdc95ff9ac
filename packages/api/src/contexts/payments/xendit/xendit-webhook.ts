import { createHash, timingSafeEqual } from 'node:crypto';
import type { Scope } from '../../../kernel/scope.ts';
import type { WebhookAnswer } from '../doku/doku-webhook.ts';
import { Payment } from '../payment.entity.ts';
import type { PaymentsService } from '../payments.service.ts';

export interface XenditCallbackRequest {
  headers: Record<string, string | undefined>;
  /** the body exactly as received */
  rawBody: string;
}

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

const MAX_EVENT_ID = 128;

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function header(headers: XenditCallbackRequest['headers'], name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(headers).find(([key]) => key.toLowerCase() === wanted)?.[1];
}

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

/**
 * Compares the `x-callback-token` with the tenant's in constant time. Both sides are hashed first,
 * so timingSafeEqual always compares equal-length buffers and a token of another length is refused
 * without its length showing in the timing. An empty configured token matches nothing.
 */
export function xenditCallbackTokenMatches(given: string | undefined, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  const same = timingSafeEqual(digest(given ?? ''), digest(expected));
  return same && given !== undefined && expected !== '';
}

/** The inbox key: Xendit's `webhook-id` when sent (the same on its retries), else the subject and status. */
function eventIdOf(req: XenditCallbackRequest, callback: XenditCallback): string | null {
  const webhookId = textOrNull(header(req.headers, 'webhook-id'));
  if (webhookId) return `webhook:${webhookId}`.slice(0, MAX_EVENT_ID);
  if (!callback.id) return null;
  return `${callback.id}:${callback.status ?? callback.event ?? ''}`.slice(0, MAX_EVENT_ID);
}

/**
 * A Xendit callback for the scope's tenant: its `x-callback-token` checked against the tenant's
 * token, recorded once in the webhook inbox (a repeated delivery is acknowledged and not processed
 * again), then the payment it names by our reference is settled by asking Xendit for the invoice:
 * the callback's own status, amount and id are never trusted.
 */
export async function receiveXenditCallback(
  payments: PaymentsService,
  scope: Scope,
  req: XenditCallbackRequest,
): Promise<WebhookAnswer> {
  const settings = scope.tenant.settings.payments;
  const xendit = settings?.provider === 'xendit' ? settings.xendit : undefined;
  if (!xendit) return { status: 404, body: { error: 'Xendit is not configured for this store' } };
  if (!xenditCallbackTokenMatches(header(req.headers, 'x-callback-token'), xendit.callbackToken)) {
    return { status: 401, body: { error: 'Invalid callback token' } };
  }
  // PostgreSQL's jsonb, where the inbox keeps the body, cannot hold a NUL character.
  if (req.rawBody.includes('\\u0000'))
    return { status: 400, body: { error: 'The body holds a NUL character' } };
  let body: unknown;
  try {
    body = JSON.parse(req.rawBody);
  } catch {
    return { status: 400, body: { error: 'The body is not JSON' } };
  }
  const parsed = parseXenditCallback(body);
  if (parsed.kind === 'invalid') return { status: 400, body: { error: parsed.reason } };
  if (parsed.kind === 'ignored') return { status: 200, body: { ok: true, ignored: parsed.event } };
  const { callback } = parsed;
  const eventId = eventIdOf(req, callback);
  if (!eventId) return { status: 400, body: { error: 'data.id or a webhook-id header is required' } };
  const [event] = await scope.em.execute<{ id: number }[]>(
    `insert into webhook_event (tenant_id, provider, event_id, payload, received_at) values (?, 'xendit', ?, ?, ?)
     on conflict (provider, event_id) do nothing returning id`,
    [scope.tenant.id, eventId, req.rawBody, scope.now],
  );
  if (!event) return { status: 200, body: { ok: true, duplicate: true } };
  try {
    const payment = await scope.em.findOne(Payment, {
      provider: 'xendit',
      merchantReference: callback.reference,
    });
    // Not ours (Xendit's dashboard test callback, another system on the same account): acknowledged.
    const settled = payment ? await payments.settle(scope, payment.id) : null;
    if (settled?.status === 'pending') {
      // Xendit does not (yet) say what the callback claims: forget the delivery, so a later one of
      // the same event is asked about again rather than taken as a duplicate.
      await scope.em.execute('delete from webhook_event where id = ?', [event.id]);
      return { status: 200, body: { ok: true } };
    }
    await scope.em.execute('update webhook_event set processed_at = ? where id = ?', [new Date(), event.id]);
    return { status: 200, body: payment ? { ok: true } : { ok: true, unknown: true } };
  } catch (err) {
    // Forget the delivery so Xendit's retry is processed.
    await scope.em.execute('delete from webhook_event where id = ?', [event.id]);
    throw err;
  }
}
