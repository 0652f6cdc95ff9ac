import type { FieldErrors } from '@komisi/domain';
import { sameSecret } from '../../../kernel/auth/same-secret.ts';
import type { NotificationOutcome } from '../gateway-notification.ts';
import { field, textOrNull } from '../notification-fields.ts';
import { midtransSignature, midtransStatusOf } from './midtrans.api.ts';

/** What a Midtrans HTTP notification says, read leniently; none of it is trusted beyond finding the payment. */
export interface MidtransNotification {
  /** our merchant reference */
  orderId: string;
  transactionId: string;
  transactionStatus: string;
  fraudStatus: string | null;
  /** signed exactly as sent: `200`, `100000.00` */
  statusCode: string;
  grossAmount: string;
  signatureKey: string | null;
}

/** The fields every notification must have: what the signature covers, and what names the event. */
const REQUIRED = ['order_id', 'status_code', 'gross_amount', 'transaction_id', 'transaction_status'] as const;

/** Reads a notification body, or names what is missing (each field by its name). */
export function readMidtransNotification(
  body: unknown,
): { notification: MidtransNotification } | { problem: string; fields?: FieldErrors } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return { problem: 'The body is not a JSON object' };
  }
  const fields: FieldErrors = {};
  const text: Partial<Record<(typeof REQUIRED)[number], string>> = {};
  for (const name of REQUIRED) {
    const value = field(body, name);
    // signed as sent: a number would not be the text Midtrans signed
    if (typeof value === 'string' && value.trim() !== '') text[name] = value;
    else
      fields[name] = [value === undefined || value === null ? 'is required' : 'must be a non-empty string'];
  }
  if (Object.keys(fields).length > 0) return { problem: 'The notification is incomplete', fields };
  return {
    notification: {
      orderId: text.order_id!,
      transactionId: text.transaction_id!,
      transactionStatus: text.transaction_status!,
      fraudStatus: textOrNull(field(body, 'fraud_status')),
      statusCode: text.status_code!,
      grossAmount: text.gross_amount!,
      signatureKey: textOrNull(field(body, 'signature_key')),
    },
  };
}

/** Whether the notification is signed with the server key, compared in constant time. */
export function midtransSignatureMatches(notification: MidtransNotification, serverKey: string): boolean {
  const { orderId, statusCode, grossAmount, signatureKey } = notification;
  const expected = midtransSignature(orderId, statusCode, grossAmount, serverKey);
  return signatureKey !== null && sameSecret(signatureKey, expected);
}

/**
 * The inbox key: the transaction and the status it reports, so a repeat of one notification is a
 * duplicate while a later status of the same transaction (pending, then settlement) is not.
 */
export function midtransEventId(notification: MidtransNotification): string {
  const { transactionId, transactionStatus, fraudStatus } = notification;
  return `${transactionId}:${transactionStatus}:${fraudStatus ?? ''}`;
}

/** The transaction_status (and fraud_status) as a claim. */
export function midtransOutcomeOf(notification: MidtransNotification): NotificationOutcome {
  const status = midtransStatusOf(notification.transactionStatus, notification.fraudStatus);
  if (status === 'completed') return 'paid';
  if (status === 'failed') return notification.transactionStatus === 'expire' ? 'expired' : 'failed';
  return status === 'pending' ? 'pending' : 'unknown';
}
