import type { Scope } from '../../../kernel/scope.ts';
import type { PaymentsService } from '../payments.service.ts';
import { parseDokuNotification } from './doku.provider.ts';
import { verifyDokuNotification } from './doku.signature.ts';

export interface DokuNotificationRequest {
  headers: Record<string, string | undefined>;
  /** the body exactly as received (the signature's digest covers these bytes) */
  rawBody: string;
  /** the path the notification was posted to (the signature's Request-Target) */
  target: string;
}

export interface WebhookAnswer {
  status: 200 | 400 | 401 | 404 | 500;
  body: Record<string, unknown>;
}

/**
 * A DOKU HTTP notification for the scope's tenant: verified against the tenant's DOKU credentials,
 * recorded once in the webhook inbox by its Request-Id (a repeated delivery is acknowledged and not
 * processed again), then the payment is settled by re-asking DOKU: the notification's own status is
 * never trusted.
 */
export async function receiveDokuNotification(
  payments: PaymentsService,
  scope: Scope,
  req: DokuNotificationRequest,
): Promise<WebhookAnswer> {
  const payment = scope.tenant.settings.payments;
  const doku = payment?.provider === 'doku' ? payment.doku : undefined;
  if (!doku) return { status: 404, body: { error: 'DOKU is not configured for this store' } };
  const verified = verifyDokuNotification({
    headers: req.headers,
    rawBody: req.rawBody,
    target: req.target,
    clientId: doku.clientId,
    secretKey: doku.secretKey,
    now: scope.now,
  });
  if (!verified.ok) return { status: 401, body: { error: 'Invalid signature', reason: verified.reason } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.rawBody);
  } catch {
    return { status: 400, body: { error: 'The body is not JSON' } };
  }
  const notification = parseDokuNotification(parsed);
  if (!notification) return { status: 400, body: { error: 'order.invoice_number is required' } };
  const requestId = Object.entries(req.headers).find(([k]) => k.toLowerCase() === 'request-id')![1]!;
  const [event] = await scope.em.execute<{ id: number }[]>(
    `insert into webhook_event (tenant_id, provider, event_id, payload, received_at) values (?, 'doku', ?, ?, ?)
     on conflict (provider, event_id) do nothing returning id`,
    [scope.tenant.id, requestId.slice(0, 128), req.rawBody, scope.now],
  );
  if (!event) return { status: 200, body: { ok: true, duplicate: true } };
  try {
    await payments.settleByProviderReference(scope, 'doku', notification.invoiceNumber);
    await scope.em.execute('update webhook_event set processed_at = ? where id = ?', [new Date(), event.id]);
    return { status: 200, body: { ok: true } };
  } catch (err) {
    // Forget the delivery so DOKU's retry is processed.
    await scope.em.execute('delete from webhook_event where id = ?', [event.id]);
    throw err;
  }
}
