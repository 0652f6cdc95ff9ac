import { toMajorUnits } from '@komisi/domain';
import { hasText, providerError } from '../gateway-api.ts';
import type { CreatePaymentRequest } from '../payment-provider.ts';

// DOKU Checkout's side of a payment: what it accepts, the request we send and the expiry it answers.

/** 64 per DOKU; 30 if the merchant has the card channel on, which we cannot know here. */
const MAX_INVOICE_NUMBER = 64;
const MAX_ITEM_NAME = 255;
/** DOKU: amount "without decimal, max length 12". */
const MAX_AMOUNT = 999_999_999_999;
/** DOKU prints expired_date as yyyyMMddHHmmss in Jakarta time (WIB, UTC+7). */
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** expired_date as a moment; undefined when DOKU sent none we can read. */
export function parseExpiry(value: unknown): Date | undefined {
  if (!hasText(value)) return undefined;
  const compact = COMPACT_DATE.exec(value);
  const iso = compact
    ? `${compact[1]}-${compact[2]}-${compact[3]}T${compact[4]}:${compact[5]}:${compact[6]}+07:00`
    : value;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? undefined : new Date(at);
}

/** What DOKU would refuse anyway, refused before a signed request goes out. */
export function assertPayable(request: CreatePaymentRequest): void {
  if (request.currency !== 'IDR') {
    throw providerError(`DOKU only accepts IDR, not ${request.currency}`, { currency: request.currency });
  }
  const amount = toMajorUnits(request.amount, 'IDR');
  if (!Number.isInteger(amount) || amount <= 0 || amount > MAX_AMOUNT) {
    throw providerError('DOKU needs a whole, positive IDR amount of at most 12 digits', { amount });
  }
  const invoice = request.merchantReference;
  if (!hasText(invoice) || invoice.length > MAX_INVOICE_NUMBER) {
    throw providerError(`DOKU needs an invoice number of 1 to ${MAX_INVOICE_NUMBER} characters`);
  }
}

function customerOf(customer: CreatePaymentRequest['customer']) {
  return {
    name: customer.name,
    email: customer.email,
    ...(hasText(customer.phone) ? { phone: customer.phone } : {}),
  };
}

/** The Checkout request body: one line item, the due time and our notification URL when we have one. */
export function checkoutPayload(
  request: CreatePaymentRequest,
  dueMinutes: number,
  notificationUrl: string | undefined,
) {
  const amount = toMajorUnits(request.amount, 'IDR');
  const name = request.description.trim().slice(0, MAX_ITEM_NAME);
  return {
    order: {
      amount,
      invoice_number: request.merchantReference,
      currency: 'IDR',
      ...(request.callbackUrl ? { callback_url: request.callbackUrl } : {}),
      // One line so the payer sees what they pay for; DOKU expects line items to add up to the amount.
      ...(name ? { line_items: [{ name, price: amount, quantity: 1 }] } : {}),
    },
    payment: { payment_due_date: dueMinutes },
    customer: customerOf(request.customer),
    ...(notificationUrl ? { additional_info: { override_notification_url: notificationUrl } } : {}),
  };
}
