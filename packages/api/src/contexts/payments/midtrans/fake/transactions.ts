import { randomUUID } from 'node:crypto';
import { MIDTRANS_BANKS } from '../../../../kernel/settings/tenant-settings.schemas.ts';
import { isFilled, isJson, type Json } from '../../fake-http.ts';
import type { MidtransBank } from '../midtrans.api.ts';

// The fake Midtrans' book of transactions: what a bank-transfer charge may hold, and the
// transaction it opens, with its virtual account.

export type FakeMidtransStatus =
  | 'pending'
  | 'authorize'
  | 'capture'
  | 'settlement'
  | 'deny'
  | 'cancel'
  | 'expire'
  | 'failure'
  | 'refund'
  | 'partial_refund'
  | 'chargeback'
  | 'partial_chargeback';

export type FakeMidtransFraudStatus = 'accept' | 'challenge' | 'deny';

export interface FakeMidtransTransaction {
  transactionId: string;
  orderId: string;
  merchantId: string;
  /** rupiah */
  grossAmount: number;
  currency: string;
  bank: MidtransBank;
  vaNumber: string;
  transactionStatus: FakeMidtransStatus;
  fraudStatus: FakeMidtransFraudStatus;
  transactionTime: Date;
  expiryTime: Date;
  settlementTime: Date | null;
  customer: Json | null;
  /** the charge's `X-Override-Notification` */
  notificationUrl: string | null;
}

const ORDER_ID = /^[A-Za-z0-9\-_.~]+$/;
const MAX_ORDER_ID = 50;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DEFAULT_EXPIRY_MS = 24 * 3_600_000;
const UNIT_MS: Record<string, number> = { second: 1_000, minute: 60_000, hour: 3_600_000, day: 86_400_000 };
/** Midtrans keeps a virtual account open for at most 180 days. */
const MAX_EXPIRY_MS = 180 * 86_400_000;
/** Digits of each bank's virtual account numbers. */
const VA_DIGITS: Record<MidtransBank, number> = { bca: 11, bni: 16, bri: 18, permata: 16, cimb: 16 };

function orderIdProblems(orderId: unknown): string[] {
  if (orderId === undefined || orderId === null) return ['transaction_details.order_id is required'];
  if (typeof orderId !== 'string' || orderId === '') return ['transaction_details.order_id must be a string'];
  if (orderId.length > MAX_ORDER_ID) return ['transaction_details.order_id too long'];
  return ORDER_ID.test(orderId) ? [] : ['transaction_details.order_id contains invalid characters'];
}

function grossAmountProblems(amount: unknown): string[] {
  if (amount === undefined || amount === null) return ['transaction_details.gross_amount is required'];
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 1) {
    return ['transaction_details.gross_amount must be greater than or equal to 1'];
  }
  return Number.isInteger(amount) ? [] : ['transaction_details.gross_amount must be an integer for IDR'];
}

function expiryProblems(expiry: unknown): string[] {
  if (expiry === undefined) return [];
  if (!isJson(expiry)) return ['custom_expiry must be an object'];
  const problems: string[] = [];
  const duration = Number(expiry.expiry_duration);
  if (!Number.isInteger(duration) || duration < 1) {
    problems.push('custom_expiry.expiry_duration must be a positive integer');
  }
  if (expiry.unit !== undefined && !(typeof expiry.unit === 'string' && expiry.unit in UNIT_MS)) {
    problems.push('custom_expiry.unit value is not valid');
  }
  return problems;
}

/** What Midtrans refuses in a bank-transfer charge, in its words (all of it at once), or none. */
export function chargeProblems(body: Json): string[] {
  const details = body.transaction_details;
  const bankTransfer = body.bank_transfer;
  const bank = isJson(bankTransfer) ? bankTransfer.bank : undefined;
  const customer = body.customer_details;
  return [
    ...(isJson(details)
      ? [...orderIdProblems(details.order_id), ...grossAmountProblems(details.gross_amount)]
      : ['transaction_details is required']),
    ...(bank === undefined
      ? ['bank_transfer.bank is required']
      : MIDTRANS_BANKS.includes(bank as MidtransBank)
        ? []
        : ['bank_transfer.bank value is not valid']),
    ...(customer !== undefined && !isJson(customer) ? ['customer_details must be an object'] : []),
    ...(isJson(customer) && customer.email !== undefined && !EMAIL.test(String(customer.email))
      ? ['customer_details.email format is invalid']
      : []),
    ...expiryProblems(body.custom_expiry),
  ];
}

function expiryMs(body: Json): number {
  const expiry = body.custom_expiry;
  if (!isJson(expiry)) return DEFAULT_EXPIRY_MS;
  const unit = typeof expiry.unit === 'string' ? expiry.unit : 'minute';
  return Math.min(Number(expiry.expiry_duration) * (UNIT_MS[unit] ?? UNIT_MS.minute!), MAX_EXPIRY_MS);
}

/** The transaction a charge (already checked) opens: pending until the payer transfers. */
export function openTransaction(
  body: Json,
  opened: { merchantId: string; at: Date; serial: number; notificationUrl: string | null },
): FakeMidtransTransaction {
  const details = body.transaction_details as Json;
  const bank = (body.bank_transfer as Json).bank as MidtransBank;
  const digits = VA_DIGITS[bank];
  // Midtrans' clock prints whole seconds
  const at = new Date(Math.floor(opened.at.getTime() / 1000) * 1000);
  return {
    transactionId: randomUUID(),
    orderId: details.order_id as string,
    merchantId: opened.merchantId,
    grossAmount: details.gross_amount as number,
    currency: 'IDR',
    bank,
    vaNumber: `8${String(opened.serial).padStart(digits - 1, '0')}`,
    transactionStatus: 'pending',
    fraudStatus: 'accept',
    transactionTime: at,
    expiryTime: new Date(at.getTime() + expiryMs(body)),
    settlementTime: null,
    customer: isJson(body.customer_details) ? body.customer_details : null,
    notificationUrl: isFilled(opened.notificationUrl) ? opened.notificationUrl : null,
  };
}

/** A transaction's status_code as the status API prints it (an expired one says 407). */
export function apiStatusCode(transaction: FakeMidtransTransaction): string {
  if (transaction.transactionStatus === 'expire') return '407';
  return notificationStatusCode(transaction);
}

/** A transaction's status_code as its notification prints it: 200 paid, 201 waiting, 202 refused. */
export function notificationStatusCode(transaction: FakeMidtransTransaction): string {
  switch (transaction.transactionStatus) {
    case 'pending':
    case 'authorize':
      return '201';
    case 'capture':
      return transaction.fraudStatus === 'accept'
        ? '200'
        : transaction.fraudStatus === 'challenge'
          ? '201'
          : '202';
    case 'deny':
    case 'cancel':
    case 'expire':
    case 'failure':
      return '202';
    default:
      return '200';
  }
}
