import { createHash } from 'node:crypto';
import { MIDTRANS_BANKS } from '../../../kernel/settings/tenant-settings.schemas.ts';
import type { ProviderPaymentStatus } from '../payment-provider.ts';

// Midtrans' Core API as the provider, the notifications and the fake all read it: its banks, its
// statuses, its signature and its clock.

export type MidtransBank = (typeof MIDTRANS_BANKS)[number];

export const MIDTRANS_CHARGE_PATH = '/v2/charge';
export const midtransStatusPath = (id: string) => `/v2/${encodeURIComponent(id)}/status`;

/** A Midtrans transaction as its API and notifications print it: the parts we read. */
export interface MidtransTransaction {
  status_code?: unknown;
  status_message?: unknown;
  validation_messages?: unknown;
  transaction_id?: unknown;
  order_id?: unknown;
  gross_amount?: unknown;
  currency?: unknown;
  transaction_status?: unknown;
  fraud_status?: unknown;
  va_numbers?: unknown;
  permata_va_number?: unknown;
  expiry_time?: unknown;
}

/**
 * `capture` (a card charge) waits on the fraud check: accepted is paid, challenged waits for the
 * merchant's review, denied failed. A capture whose fraud status is missing or new waits too.
 */
const CAPTURE_BY_FRAUD: Record<string, ProviderPaymentStatus> = {
  accept: 'completed',
  challenge: 'pending',
  deny: 'failed',
};

/**
 * Every other transaction_status. A refund or chargeback comes after the money was received: the
 * payment was completed (a refund is not a reversal we model here).
 */
const STATUS_BY_NAME: Record<string, ProviderPaymentStatus> = {
  settlement: 'completed',
  pending: 'pending',
  authorize: 'pending',
  deny: 'failed',
  cancel: 'failed',
  expire: 'failed',
  failure: 'failed',
  refund: 'completed',
  partial_refund: 'completed',
  chargeback: 'completed',
  partial_chargeback: 'completed',
};

/** What a transaction_status (with its fraud_status) says of the payment; undefined for a status Midtrans may add later. */
export function midtransStatusOf(
  transactionStatus: string,
  fraudStatus: string | null,
): ProviderPaymentStatus | undefined {
  if (transactionStatus === 'capture') return own(CAPTURE_BY_FRAUD, fraudStatus ?? '') ?? 'pending';
  return own(STATUS_BY_NAME, transactionStatus);
}

/** A table's entry, never a name inherited from Object (`toString`). */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** The signature Midtrans puts in a notification: SHA-512 of order_id + status_code + gross_amount + server key, in hex. */
export function midtransSignature(
  orderId: string,
  statusCode: string,
  grossAmount: string,
  serverKey: string,
): string {
  return createHash('sha512')
    .update(`${orderId}${statusCode}${grossAmount}${serverKey}`, 'utf8')
    .digest('hex');
}

/** A bank code of ours or Midtrans' (`bni`, `bni_va`), or undefined when the method names no Midtrans bank. */
export function midtransBankOf(method: string | undefined): MidtransBank | undefined {
  const code = method?.trim().toLowerCase().replace(/_va$/, '');
  return MIDTRANS_BANKS.find((bank) => bank === code);
}

/** Midtrans' clock is Jakarta's (GMT+7), printed `2024-09-29 15:30:00`. */
const JAKARTA_OFFSET_MS = 7 * 3_600_000;

export function jakartaTime(at: Date): string {
  return new Date(at.getTime() + JAKARTA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** A time as Midtrans prints it, or undefined when it is not one. */
export function parseJakartaTime(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) return undefined;
  const at = Date.parse(`${value.replace(' ', 'T')}+07:00`);
  return Number.isNaN(at) ? undefined : new Date(at);
}

/** gross_amount as Midtrans prints it: rupiah with two decimals, `100000.00`. */
export function grossAmountText(amount: number): string {
  return amount.toFixed(2);
}
