import type { Json } from '../../fake-http.ts';
import { grossAmountText, jakartaTime, midtransSignature } from '../midtrans.api.ts';
import { apiStatusCode, type FakeMidtransTransaction, notificationStatusCode } from './transactions.ts';

// What the fake Midtrans answers, in Midtrans' shapes, and the notifications it posts to the merchant.

export interface FakeMidtransNotification {
  headers: Record<string, string>;
  /** the raw JSON body */
  body: string;
}

/** The virtual account as Midtrans prints it: Permata's on its own key, the others' in va_numbers. */
function accountJson(transaction: FakeMidtransTransaction): Json {
  return transaction.bank === 'permata'
    ? { permata_va_number: transaction.vaNumber }
    : { va_numbers: [{ bank: transaction.bank, va_number: transaction.vaNumber }] };
}

/** What the charge answer, the status answer and the notification share. */
function transactionJson(transaction: FakeMidtransTransaction): Json {
  return {
    transaction_id: transaction.transactionId,
    order_id: transaction.orderId,
    merchant_id: transaction.merchantId,
    gross_amount: grossAmountText(transaction.grossAmount),
    currency: transaction.currency,
    payment_type: 'bank_transfer',
    transaction_time: jakartaTime(transaction.transactionTime),
    transaction_status: transaction.transactionStatus,
    fraud_status: transaction.fraudStatus,
    ...accountJson(transaction),
    expiry_time: jakartaTime(transaction.expiryTime),
    ...(transaction.settlementTime && { settlement_time: jakartaTime(transaction.settlementTime) }),
  };
}

export function chargeJson(transaction: FakeMidtransTransaction): Json {
  const message =
    transaction.bank === 'permata'
      ? 'Success, PERMATA VA transaction is successful'
      : 'Success, Bank Transfer transaction is created';
  return { status_code: '201', status_message: message, ...transactionJson(transaction) };
}

export function statusJson(transaction: FakeMidtransTransaction): Json {
  return {
    status_code: apiStatusCode(transaction),
    status_message: 'Success, transaction is found',
    ...transactionJson(transaction),
  };
}

/**
 * The notification Midtrans posts about the transaction, signed as Midtrans signs it. `overrides`
 * replace fields before signing (a late `transaction_status: 'pending'` is still signed right);
 * a `signature_key` among them is sent as given (a forgery).
 */
export function notificationAbout(
  transaction: FakeMidtransTransaction,
  overrides: Json,
  sender: { serverKey: string; callbackToken: string | undefined },
): FakeMidtransNotification {
  const { signature_key: forged, ...changes } = overrides;
  const statusCode =
    changes.transaction_status === undefined
      ? notificationStatusCode(transaction)
      : notificationStatusCode({ ...transaction, ...statusOf(changes) });
  const restated = changes.transaction_status !== undefined && changes.transaction_status !== 'settlement';
  const body: Json = {
    ...transactionJson(transaction),
    // a status other than settlement (a late `pending`) is sent as it was before the payment
    ...(restated && { settlement_time: undefined }),
    status_message: 'midtrans payment notification',
    status_code: statusCode,
    ...changes,
  };
  const signature = midtransSignature(
    String(body.order_id),
    String(body.status_code),
    String(body.gross_amount),
    sender.serverKey,
  );
  body.signature_key = forged === undefined ? signature : forged;
  return {
    headers: {
      'content-type': 'application/json',
      ...(sender.callbackToken !== undefined && { 'x-callback-token': sender.callbackToken }),
    },
    body: JSON.stringify(body),
  };
}

function statusOf(changes: Json): Partial<FakeMidtransTransaction> {
  return {
    transactionStatus: changes.transaction_status as FakeMidtransTransaction['transactionStatus'],
    ...(changes.fraud_status !== undefined && {
      fraudStatus: changes.fraud_status as FakeMidtransTransaction['fraudStatus'],
    }),
  };
}
