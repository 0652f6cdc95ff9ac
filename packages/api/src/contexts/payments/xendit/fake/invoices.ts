import { randomBytes } from 'node:crypto';
import { isHttpUrl, isJson, type Json } from '../../fake-http.ts';

// The fake Xendit's book of invoices: what a create-invoice body may hold, and the invoice it becomes.

export type FakeXenditStatus = 'PENDING' | 'PAID' | 'SETTLED' | 'EXPIRED';

export interface FakeXenditInvoice {
  id: string;
  externalId: string;
  userId: string;
  amount: number;
  currency: string;
  description: string | null;
  payerEmail: string | null;
  customer: Record<string, unknown> | null;
  successRedirectUrl: string | null;
  failureRedirectUrl: string | null;
  invoiceUrl: string;
  status: FakeXenditStatus;
  created: Date;
  updated: Date;
  expiresAt: Date;
  paidAmount: number | null;
  paidAt: Date | null;
  paymentMethod: string | null;
  paymentChannel: string | null;
  /** the id of the payment that paid (or failed) the invoice, `py-…`, used by the payment webhook */
  paymentId: string | null;
}

const CHECKOUT_URL = 'https://checkout-staging.xendit.co/v2/';
const DEFAULT_DURATION_SECONDS = 86_400;
const MAX_DURATION_SECONDS = 31_536_000;
const MAX_EXTERNAL_ID = 255;
const CURRENCIES = new Set(['IDR', 'PHP', 'THB', 'VND', 'MYR', 'USD']);
/** currencies Xendit takes in whole units only */
const WHOLE_CURRENCIES = new Set(['IDR', 'VND']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{7,14}$/;

/** Xendit ids look like MongoDB ObjectIds: 24 hex digits. */
export function objectId(): string {
  return randomBytes(12).toString('hex');
}

function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

function customerProblem(customer: unknown): string | null {
  if (!isJson(customer)) return '"customer" must be an object';
  for (const key of ['given_names', 'surname', 'email', 'mobile_number']) {
    if (customer[key] !== undefined && typeof customer[key] !== 'string')
      return `"customer.${key}" must be a string`;
  }
  if (typeof customer.email === 'string' && !EMAIL.test(customer.email))
    return '"customer.email" must be a valid email';
  if (typeof customer.mobile_number === 'string' && !E164.test(customer.mobile_number)) {
    return '"customer.mobile_number" must be in E.164 format';
  }
  return null;
}

/** The problem with a create-invoice body, in Xendit's words, or null when Xendit would take it. */
export function invoiceProblem(body: Json): string | null {
  const externalId = body.external_id;
  if (externalId === undefined) return '"external_id" is required';
  if (typeof externalId !== 'string' || externalId.trim() === '' || externalId.length > MAX_EXTERNAL_ID) {
    return `"external_id" must be a string of 1 to ${MAX_EXTERNAL_ID} characters`;
  }
  const currency = body.currency ?? 'IDR';
  if (typeof currency !== 'string' || !CURRENCIES.has(currency)) return '"currency" is not supported';
  const amount = body.amount;
  if (amount === undefined) return '"amount" is required';
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0)
    return '"amount" must be a positive number';
  if (decimalsOf(amount) > (WHOLE_CURRENCIES.has(currency) ? 0 : 2)) {
    return `"amount" has too many decimals for ${currency}`;
  }
  if (body.description !== undefined && typeof body.description !== 'string')
    return '"description" must be a string';
  if (
    body.payer_email !== undefined &&
    (typeof body.payer_email !== 'string' || !EMAIL.test(body.payer_email))
  ) {
    return '"payer_email" must be a valid email';
  }
  if (body.customer !== undefined) {
    const problem = customerProblem(body.customer);
    if (problem) return problem;
  }
  for (const key of ['success_redirect_url', 'failure_redirect_url']) {
    if (body[key] !== undefined && !isHttpUrl(body[key])) return `"${key}" must be a valid uri`;
  }
  const duration = body.invoice_duration;
  if (
    duration !== undefined &&
    (!Number.isInteger(duration) || (duration as number) < 1 || (duration as number) > MAX_DURATION_SECONDS)
  ) {
    return `"invoice_duration" must be a whole number of seconds from 1 to ${MAX_DURATION_SECONDS}`;
  }
  return null;
}

/** The invoice a create-invoice body (already checked) opens, pending until the payer pays. */
export function createInvoice(body: Json, userId: string, created: Date): FakeXenditInvoice {
  const id = objectId();
  const duration = (body.invoice_duration as number | undefined) ?? DEFAULT_DURATION_SECONDS;
  return {
    id,
    externalId: body.external_id as string,
    userId,
    amount: body.amount as number,
    currency: (body.currency as string | undefined) ?? 'IDR',
    description: (body.description as string | undefined) ?? null,
    payerEmail: (body.payer_email as string | undefined) ?? null,
    customer: isJson(body.customer) ? body.customer : null,
    successRedirectUrl: (body.success_redirect_url as string | undefined) ?? null,
    failureRedirectUrl: (body.failure_redirect_url as string | undefined) ?? null,
    invoiceUrl: `${CHECKOUT_URL}${id}`,
    status: 'PENDING',
    created,
    updated: created,
    expiresAt: new Date(created.getTime() + duration * 1000),
    paidAmount: null,
    paidAt: null,
    paymentMethod: null,
    paymentChannel: null,
    paymentId: null,
  };
}
