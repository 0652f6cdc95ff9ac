import { type CurrencyCode, toMajorUnits } from '@komisi/domain';
import { hasText, providerError } from '../gateway-api.ts';
import type { CreatePaymentRequest } from '../payment-provider.ts';

// Xendit's side of opening a payment: what it invoices, and the invoice we ask for.

const MAX_EXTERNAL_ID = 255;
/** The currencies of ours an Indonesian Xendit account can invoice in (UGX it cannot). */
const XENDIT_CURRENCIES: ReadonlySet<CurrencyCode> = new Set<CurrencyCode>(['IDR', 'USD']);
/** Xendit wants mobile numbers in E.164: a plus, a country code and up to 15 digits. */
const E164 = /^\+[1-9]\d{7,14}$/;

/** `+62 812-3456-7890` → `+6281234567890`; a number without a country code is left out (Xendit would refuse it). */
export function xenditMobileNumber(phone: string | null): string | null {
  if (!hasText(phone)) return null;
  const compact = phone.replace(/[\s\-().]/g, '');
  const e164 = compact.startsWith('+') ? compact : /^[1-9]/.test(compact) ? `+${compact}` : compact;
  return E164.test(e164) ? e164 : null;
}

/** What Xendit would refuse anyway, refused before the request goes out. */
export function assertPayable(request: CreatePaymentRequest): number {
  if (!XENDIT_CURRENCIES.has(request.currency)) {
    throw providerError(`Xendit does not invoice in ${request.currency}`, { currency: request.currency });
  }
  const amount = toMajorUnits(request.amount, request.currency);
  if (!(amount > 0)) throw providerError('Xendit needs a positive amount', { amount });
  const reference = request.merchantReference;
  if (!hasText(reference) || reference.length > MAX_EXTERNAL_ID) {
    throw providerError(`Xendit needs an external_id of 1 to ${MAX_EXTERNAL_ID} characters`);
  }
  return amount;
}

/** The create-invoice body: our reference as external_id, the payer as far as Xendit takes them, our return URL. */
export function invoicePayload(request: CreatePaymentRequest, amount: number, duration: number | undefined) {
  const { customer } = request;
  const mobile = xenditMobileNumber(customer.phone);
  const email = hasText(customer.email) ? customer.email.trim() : null;
  const payer = {
    ...(hasText(customer.name) && { given_names: customer.name.trim() }),
    ...(email && { email }),
    ...(mobile && { mobile_number: mobile }),
  };
  return {
    external_id: request.merchantReference,
    amount,
    currency: request.currency,
    ...(hasText(request.description) && { description: request.description.trim() }),
    ...(email && { payer_email: email }),
    ...(Object.keys(payer).length > 0 && { customer: payer }),
    ...(request.callbackUrl && {
      success_redirect_url: request.callbackUrl,
      failure_redirect_url: request.callbackUrl,
    }),
    ...(duration !== undefined && { invoice_duration: duration }),
  };
}
