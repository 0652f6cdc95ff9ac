import { DomainError, type FieldErrors } from '@komisi/domain';

/** A gateway's HTTP notification as it arrived; nothing in it is trusted until its gateway has checked it. */
export interface NotificationRequest {
  method: string;
  /** header names as the server hands them over (any case) */
  headers: Record<string, string | undefined>;
  /** the body exactly as received: DOKU's signature digest covers these bytes */
  rawBody: string;
  /** the path it was sent to, as on the wire: DOKU signs it as the Request-Target */
  path: string;
  /** the query string's parameters: Pesapal's IPN arrives as a GET */
  query: Record<string, string>;
}

/** What a notification claims happened. Never acted on: settling asks the gateway again. */
export type NotificationOutcome = 'paid' | 'failed' | 'expired' | 'pending' | 'unknown';

/** How a notification names the payment: by the gateway's reference, or by ours (the merchant reference). */
export type PaymentReference = { providerReference: string } | { merchantReference: string };

/** A notification its gateway has checked (signature, token) and read. */
export interface GatewayNotification<Detail = unknown> {
  outcome: NotificationOutcome;
  /** the payment it is about; null for an event we do not act on (acknowledged, never recorded) */
  payment: PaymentReference | null;
  /**
   * The inbox key: a delivery whose key is already in the inbox is acknowledged and not processed
   * again. Null when the gateway sends nothing to tell deliveries apart (nothing is recorded).
   */
  eventId: string | null;
  /** what the gateway's acknowledgement echoes back */
  detail: Detail;
}

/** Why a notification is not read: the store has no such gateway (404), it is not the gateway's (401), or garbage (400). */
export type NotificationRefusal =
  | { refused: 'not-configured'; message: string }
  | { refused: 'unauthenticated'; message: string }
  | { refused: 'malformed'; message: string; fields?: FieldErrors };

export type NotificationReading<Detail = unknown> = GatewayNotification<Detail> | NotificationRefusal;

/** What became of a notification, for the acknowledgement the gateway expects. */
export type NotificationHandling =
  /** its event id was in the inbox already */
  | 'duplicate'
  /** an event we do not act on */
  | 'ignored'
  /** no payment of ours has that reference */
  | 'not-ours'
  /** the gateway confirmed a final status: the payment is settled (now or before) */
  | 'settled'
  /** the gateway still says pending */
  | 'unconfirmed';

export const notConfigured = (gateway: string): NotificationRefusal => ({
  refused: 'not-configured',
  message: `${gateway} is not configured for this store`,
});

export const unauthenticated = (message: string): NotificationRefusal => ({
  refused: 'unauthenticated',
  message,
});

export const malformed = (message: string, fields?: FieldErrors): NotificationRefusal =>
  fields ? { refused: 'malformed', message, fields } : { refused: 'malformed', message };

export function isRefusal(reading: NotificationReading): reading is NotificationRefusal {
  return 'refused' in reading;
}

const REFUSAL_CODE = {
  'not-configured': 'NOT_FOUND',
  unauthenticated: 'UNAUTHORIZED',
  malformed: 'VALIDATION_ERROR',
} as const;

/** The refusal as the error the route answers in the profile's envelope. */
export function refusalError(refusal: NotificationRefusal): DomainError {
  const fields = refusal.refused === 'malformed' ? refusal.fields : undefined;
  return new DomainError(REFUSAL_CODE[refusal.refused], refusal.message, fields ? { fields } : {});
}

/** The acknowledgement of a gateway that only needs a 200 (DOKU, Xendit): a repeat says so. */
export function plainAcknowledgement(handling: NotificationHandling): Record<string, unknown> {
  return handling === 'duplicate' ? { ok: true, duplicate: true } : { ok: true };
}
