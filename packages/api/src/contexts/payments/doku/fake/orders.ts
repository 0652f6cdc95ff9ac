import { randomBytes } from 'node:crypto';
import { isHttpUrl, isJson, type Json } from '../../fake-http.ts';

// The fake DOKU's book of orders: what a checkout body may hold, and the order it becomes.

export type FakeDokuStatus = 'PENDING' | 'SUCCESS' | 'FAILED' | 'EXPIRED';

export interface FakeDokuChannel {
  service: string;
  acquirer: string;
  channel: string;
}

export interface FakeDokuOrder {
  invoiceNumber: string;
  amount: number;
  currency: string;
  callbackUrl: string | null;
  lineItems: unknown[] | null;
  customer: Record<string, unknown> | null;
  additionalInfo: Record<string, unknown> | null;
  paymentDueMinutes: number;
  sessionId: string;
  tokenId: string;
  url: string;
  /** the Request-Id of the creating request; DOKU echoes it as transaction.original_request_id */
  requestId: string;
  createdAt: Date;
  expiresAt: Date;
  status: FakeDokuStatus;
  /** null until the payer picks a channel */
  channel: FakeDokuChannel | null;
  transactionDate: Date | null;
}

const CHECKOUT_LINK = 'https://sandbox.doku.com/checkout-link-v2/';
const DEFAULT_DUE_MINUTES = 60;
const MAX_INVOICE_NUMBER = 64;
const MAX_AMOUNT = 999_999_999_999;

export const DEFAULT_CHANNEL: FakeDokuChannel = {
  service: 'VIRTUAL_ACCOUNT',
  acquirer: 'BCA',
  channel: 'VIRTUAL_ACCOUNT_BCA',
};

function isWholeAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= MAX_AMOUNT;
}

function lineItemsTotal(items: unknown[]): number | null {
  let total = 0;
  for (const item of items) {
    if (!isJson(item) || typeof item.name !== 'string' || !isWholeAmount(item.price)) return null;
    if (!Number.isInteger(item.quantity) || (item.quantity as number) <= 0) return null;
    total += item.price * (item.quantity as number);
  }
  return total;
}

/** The problem with a checkout body, in DOKU's style, or null if it is acceptable. */
export function checkoutProblem(body: Json): string | null {
  const order = isJson(body.order) ? body.order : null;
  const payment = body.payment === undefined ? {} : isJson(body.payment) ? body.payment : null;
  if (!order) return 'order is mandatory';
  if (!isWholeAmount(order.amount)) return 'order.amount must be a whole number of at most 12 digits';
  const invoice = order.invoice_number;
  if (typeof invoice !== 'string' || invoice.trim() === '' || invoice.length > MAX_INVOICE_NUMBER) {
    return `order.invoice_number is mandatory, at most ${MAX_INVOICE_NUMBER} characters`;
  }
  if (order.currency !== undefined && order.currency !== 'IDR') return 'order.currency must be IDR';
  if (order.callback_url !== undefined && !isHttpUrl(order.callback_url))
    return 'order.callback_url is invalid';
  if (order.line_items !== undefined) {
    const total = Array.isArray(order.line_items) ? lineItemsTotal(order.line_items) : null;
    if (total === null) return 'order.line_items is invalid';
    if (total !== order.amount) return 'order.amount does not match the total of order.line_items';
  }
  if (!payment) return 'payment is invalid';
  const due = payment.payment_due_date;
  if (due !== undefined && (!Number.isInteger(due) || (due as number) <= 0)) {
    return 'payment.payment_due_date must be a positive number of minutes';
  }
  return null;
}

/** The order a checkout body (already checked) opens, pending until the payer pays. */
export function createOrder(body: Json, requestId: string, createdAt: Date): FakeDokuOrder {
  const order = body.order as Json;
  const payment = (body.payment ?? {}) as Json;
  const due = (payment.payment_due_date as number | undefined) ?? DEFAULT_DUE_MINUTES;
  const tokenId = randomBytes(24).toString('hex');
  return {
    invoiceNumber: order.invoice_number as string,
    amount: order.amount as number,
    currency: 'IDR',
    callbackUrl: (order.callback_url as string | undefined) ?? null,
    lineItems: (order.line_items as unknown[] | undefined) ?? null,
    customer: isJson(body.customer) ? body.customer : null,
    additionalInfo: isJson(body.additional_info) ? body.additional_info : null,
    paymentDueMinutes: due,
    sessionId: randomBytes(16).toString('hex'),
    tokenId,
    url: `${CHECKOUT_LINK}${tokenId}`,
    requestId,
    createdAt,
    expiresAt: new Date(createdAt.getTime() + due * 60_000),
    status: 'PENDING',
    channel: null,
    transactionDate: null,
  };
}
