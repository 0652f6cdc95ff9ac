import { toMajorUnits } from '@komisi/domain';
import { hasText, providerError } from '../gateway-api.ts';
import type { CreatePaymentRequest, PaymentInstructions } from '../payment-provider.ts';
import type { MidtransBank, MidtransTransaction } from './midtrans.api.ts';

// Midtrans' side of opening a payment: what it charges, the charge we ask for, the account it opens.

/** Midtrans' order_id: at most 50 characters, letters, digits and `-_.~`. */
const ORDER_ID = /^[A-Za-z0-9\-_.~]{1,50}$/;
const MAX_NAME = 255;

/** What Midtrans would refuse anyway, refused before the request goes out; the amount in rupiah. */
export function assertChargeable(request: CreatePaymentRequest): number {
  if (request.currency !== 'IDR') {
    throw providerError(`Midtrans does not charge in ${request.currency}`, { currency: request.currency });
  }
  const amount = toMajorUnits(request.amount, request.currency);
  if (!(amount > 0)) throw providerError('Midtrans needs a positive amount', { amount });
  if (!ORDER_ID.test(request.merchantReference)) {
    throw providerError('Midtrans needs an order_id of 1 to 50 letters, digits or -_.~', {
      orderId: request.merchantReference,
    });
  }
  return amount;
}

/** The payer as far as Midtrans takes them: blanks left out. */
function customerDetails(customer: CreatePaymentRequest['customer']) {
  const details = {
    ...(hasText(customer.name) && { first_name: customer.name.trim().slice(0, MAX_NAME) }),
    ...(hasText(customer.email) && { email: customer.email.trim() }),
    ...(hasText(customer.phone) && { phone: customer.phone.trim() }),
  };
  return Object.keys(details).length > 0 ? details : undefined;
}

/** The Core API charge of a bank transfer: our reference as order_id, into a virtual account at `bank`. */
export function chargeBody(
  request: CreatePaymentRequest,
  amount: number,
  bank: MidtransBank,
  expiryMinutes: number | undefined,
) {
  const customer = customerDetails(request.customer);
  return {
    payment_type: 'bank_transfer',
    transaction_details: { order_id: request.merchantReference, gross_amount: amount },
    bank_transfer: { bank },
    ...(customer && { customer_details: customer }),
    // without order_time the expiry runs from the transaction's time
    ...(expiryMinutes !== undefined && { custom_expiry: { expiry_duration: expiryMinutes, unit: 'minute' } }),
  };
}

/** The virtual account a charge opened: Permata's is `permata_va_number`, the others' `va_numbers`. */
export function instructionsOf(answer: MidtransTransaction, bank: MidtransBank): PaymentInstructions | null {
  if (bank === 'permata') {
    return hasText(answer.permata_va_number) ? { bank, vaNumber: answer.permata_va_number } : null;
  }
  const accounts = Array.isArray(answer.va_numbers) ? (answer.va_numbers as unknown[]) : [];
  for (const account of accounts) {
    const { bank: named, va_number: number } = (account ?? {}) as Record<string, unknown>;
    if (named === bank && hasText(number)) return { bank, vaNumber: number };
  }
  return null;
}
