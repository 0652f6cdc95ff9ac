import { randomUUID } from 'node:crypto';
import type { Json } from '../../fake-http.ts';
import type { FakeXenditInvoice } from './invoices.ts';

// What the fake Xendit answers, in Xendit's shapes, and the callbacks it posts to the merchant.

/** `invoice`: Xendit's invoice callback; `payment`: the `{ event, data }` payment webhook. */
export type FakeXenditCallbackShape = 'invoice' | 'payment';

/** Event names of the `payment` shape: Xendit's (`payment.succeeded`) or the qutab spec's (`payment.success`). */
export type FakeXenditEventNames = 'xendit' | 'spec';

export interface FakeXenditCallbackOptions {
  shape?: FakeXenditCallbackShape;
  eventNames?: FakeXenditEventNames;
  /**
   * The `webhook-id` header. By default the payment shape gets a fresh one per call and the
   * invoice shape none; null leaves it out.
   */
  webhookId?: string | null;
}

export interface FakeXenditCallback {
  headers: Record<string, string>;
  /** the raw JSON body */
  body: string;
}

const MERCHANT_NAME = 'Komisi Test Merchant';

/** The invoice as Xendit's API prints it. */
export function invoiceJson(invoice: FakeXenditInvoice): Json {
  const paid = invoice.status === 'PAID' || invoice.status === 'SETTLED';
  return {
    id: invoice.id,
    external_id: invoice.externalId,
    user_id: invoice.userId,
    status: invoice.status,
    merchant_name: MERCHANT_NAME,
    merchant_profile_picture_url:
      'https://xnd-merchant-logos.s3.amazonaws.com/business/production/default.png',
    amount: invoice.amount,
    ...(invoice.payerEmail && { payer_email: invoice.payerEmail }),
    ...(invoice.description !== null && { description: invoice.description }),
    expiry_date: invoice.expiresAt.toISOString(),
    invoice_url: invoice.invoiceUrl,
    available_banks: [],
    available_retail_outlets: [],
    available_ewallets: [],
    available_qr_codes: [],
    available_direct_debits: [],
    available_paylaters: [],
    should_exclude_credit_card: false,
    should_send_email: false,
    ...(invoice.successRedirectUrl && { success_redirect_url: invoice.successRedirectUrl }),
    ...(invoice.failureRedirectUrl && { failure_redirect_url: invoice.failureRedirectUrl }),
    created: invoice.created.toISOString(),
    updated: invoice.updated.toISOString(),
    currency: invoice.currency,
    ...(invoice.customer && { customer: invoice.customer }),
    ...(paid && {
      paid_amount: invoice.paidAmount,
      paid_at: invoice.paidAt?.toISOString(),
      payment_method: invoice.paymentMethod,
      payment_channel: invoice.paymentChannel,
      bank_code: invoice.paymentChannel,
    }),
  };
}

/** Xendit's invoice callback (PAID or EXPIRED). */
function invoiceCallbackBody(invoice: FakeXenditInvoice): Json {
  const paid = invoice.status === 'PAID' || invoice.status === 'SETTLED';
  return {
    id: invoice.id,
    external_id: invoice.externalId,
    user_id: invoice.userId,
    is_high: false,
    status: invoice.status,
    merchant_name: MERCHANT_NAME,
    amount: invoice.amount,
    ...(invoice.payerEmail && { payer_email: invoice.payerEmail }),
    ...(invoice.description !== null && { description: invoice.description }),
    ...(paid && {
      paid_amount: invoice.paidAmount,
      payment_method: invoice.paymentMethod,
      payment_channel: invoice.paymentChannel,
      bank_code: invoice.paymentChannel,
      paid_at: invoice.paidAt?.toISOString(),
      payment_id: invoice.paymentId,
    }),
    currency: invoice.currency,
    updated: invoice.updated.toISOString(),
    created: invoice.created.toISOString(),
  };
}

/** Xendit's payment webhook: `{ event, business_id, created, data }`. */
function paymentCallbackBody(invoice: FakeXenditInvoice, names: FakeXenditEventNames, at: Date): Json {
  const succeeded = invoice.status === 'PAID' || invoice.status === 'SETTLED';
  const event = succeeded ? (names === 'spec' ? 'payment.success' : 'payment.succeeded') : 'payment.failed';
  return {
    event,
    business_id: invoice.userId,
    created: at.toISOString(),
    data: {
      id: invoice.paymentId,
      reference_id: invoice.externalId,
      currency: invoice.currency,
      amount: succeeded ? invoice.paidAmount : invoice.amount,
      country: 'ID',
      status: succeeded ? 'SUCCEEDED' : 'FAILED',
      payment_method: {
        type: invoice.paymentMethod ?? 'VIRTUAL_ACCOUNT',
        reusability: 'ONE_TIME_USE',
        status: succeeded ? 'ACTIVE' : 'EXPIRED',
      },
      channel_code: invoice.paymentChannel,
      failure_code: succeeded ? null : 'PAYMENT_EXPIRED',
      created: invoice.created.toISOString(),
      updated: invoice.updated.toISOString(),
    },
  };
}

/** The callback Xendit posts about an invoice, in the shape asked for, carrying the merchant's callback token. */
export function callbackAbout(
  invoice: FakeXenditInvoice,
  wanted: FakeXenditCallbackOptions,
  sender: { callbackToken: string; at: Date },
): FakeXenditCallback {
  const shape = wanted.shape ?? 'invoice';
  const body =
    shape === 'invoice'
      ? invoiceCallbackBody(invoice)
      : paymentCallbackBody(invoice, wanted.eventNames ?? 'xendit', sender.at);
  const webhookId =
    wanted.webhookId === undefined ? (shape === 'payment' ? `wh-${randomUUID()}` : null) : wanted.webhookId;
  return {
    headers: {
      'content-type': 'application/json',
      'x-callback-token': sender.callbackToken,
      ...(webhookId && { 'webhook-id': webhookId }),
    },
    body: JSON.stringify(body),
  };
}
