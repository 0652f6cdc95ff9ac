import { isFilled, isHttpUrl, type Json } from '../../fake-http.ts';

// The fake Pesapal's orders: what SubmitOrderRequest may hold, and how GetTransactionStatus reports one.

export type FakePesapalStatusCode = 0 | 1 | 2 | 3;

export interface FakePesapalOrder {
  orderTrackingId: string;
  merchantReference: string;
  currency: string;
  amount: number;
  description: string;
  callbackUrl: string;
  notificationId: string;
  billingAddress: Record<string, unknown>;
  createdDate: string;
  statusCode: FakePesapalStatusCode;
  /** the card or mobile-money receipt, set once the order is settled */
  confirmationCode: string;
}

const STATUS_DESCRIPTIONS = ['INVALID', 'COMPLETED', 'FAILED', 'REVERSED'] as const;
const MAX_DESCRIPTION = 100;
/** Pesapal allows letters, digits and `-_.:` in a merchant reference, up to 50 characters. */
const MERCHANT_REFERENCE = /^[A-Za-z0-9\-_.:]{1,50}$/;

export function apiError(code: string, message: string) {
  return { error_type: 'api_error', code, message };
}

/** Pesapal prints dates in UTC with seven fractional digits (.NET ticks). */
export function pesapalDate(date: Date): string {
  return date.toISOString().replace('Z', '0000Z');
}

/** The problem with a SubmitOrderRequest body, in Pesapal's words, or null if it is acceptable. */
export function orderProblem(
  body: Json,
  ipns: ReadonlyMap<string, unknown>,
): { code: string; message: string } | null {
  const billing = body.billing_address as Json | undefined;
  if (!isFilled(body.id) || !MERCHANT_REFERENCE.test(body.id)) {
    return { code: 'invalid_merchant_reference', message: 'A valid merchant reference (id) is required' };
  }
  if (!isFilled(body.currency) || !/^[A-Z]{3}$/.test(body.currency)) {
    return { code: 'invalid_currency', message: 'A valid currency is required' };
  }
  if (typeof body.amount !== 'number' || !Number.isFinite(body.amount) || body.amount <= 0) {
    return { code: 'invalid_amount', message: 'Amount must be greater than zero' };
  }
  if (!isFilled(body.description) || body.description.length > MAX_DESCRIPTION) {
    return { code: 'invalid_description', message: 'Description is required, at most 100 characters' };
  }
  if (!isHttpUrl(body.callback_url)) {
    return { code: 'invalid_callback_url', message: 'A valid callback_url is required' };
  }
  if (!isFilled(body.notification_id) || !ipns.has(body.notification_id)) {
    return { code: 'invalid_notification_id', message: 'The notification_id is not registered' };
  }
  if (!billing || (!isFilled(billing.email_address) && !isFilled(billing.phone_number))) {
    return { code: 'invalid_billing_address', message: 'An email address or phone number is required' };
  }
  return null;
}

function callbackWithIds(order: FakePesapalOrder): string {
  const url = new URL(order.callbackUrl);
  url.searchParams.set('OrderTrackingId', order.orderTrackingId);
  url.searchParams.set('OrderMerchantReference', order.merchantReference);
  return url.toString();
}

/** GetTransactionStatus as the sandbox answers it, including its "pending" quirk. */
export function statusBody(order: FakePesapalOrder): Json {
  const code = order.statusCode;
  const paid = code !== 0;
  const callBackUrl = callbackWithIds(order);
  return {
    payment_method: paid ? 'Visa' : '',
    amount: order.amount,
    created_date: order.createdDate,
    confirmation_code: order.confirmationCode,
    payment_status_description: STATUS_DESCRIPTIONS[code],
    description: code === 2 ? 'Unable to Authorize Transaction. Kindly contact your bank for assistance' : '',
    message: 'Request processed successfully',
    payment_account: paid ? '476173**0010' : '',
    call_back_url: callBackUrl,
    status_code: code,
    merchant_reference: order.merchantReference,
    payment_status_code: '',
    currency: order.currency,
    // An unpaid order is reported as INVALID with this error and status "500", as the sandbox does.
    error: paid
      ? { error_type: null, code: null, message: null, call_back_url: null }
      : { ...apiError('payment_details_not_found', 'Pending Payment'), call_back_url: callBackUrl },
    status: paid ? '200' : '500',
  };
}
