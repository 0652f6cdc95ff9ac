import { randomUUID } from 'node:crypto';
import { isJson, type Json } from '../../fake-http.ts';
import { dokuSignature, dokuTimestamp } from '../doku.signature.ts';
import { DEFAULT_CHANNEL, type FakeDokuOrder } from './orders.ts';

// What the fake DOKU answers, in DOKU's shapes, and the notifications it signs as DOKU does.

export interface FakeDokuNotification {
  headers: Record<string, string>;
  /** the raw JSON body, exactly the bytes the signature's digest covers */
  body: string;
  /** its `Request-Id` header: the key our webhook inbox records the delivery under */
  requestId: string;
}

const WIB_OFFSET_MS = 7 * 3_600_000;
const PAYMENT_METHODS = ['VIRTUAL_ACCOUNT_BCA', 'VIRTUAL_ACCOUNT_BANK_MANDIRI', 'QRIS', 'CREDIT_CARD'];

/** expired_date as DOKU prints it: yyyyMMddHHmmss in Jakarta time. */
function compactWib(date: Date): string {
  return new Date(date.getTime() + WIB_OFFSET_MS).toISOString().replace(/\D/g, '').slice(0, 14);
}

export function statusBody(order: FakeDokuOrder): Json {
  const orderStatus = order.status === 'EXPIRED' ? 'ORDER_EXPIRED' : 'ORDER_GENERATED';
  return {
    order: { invoice_number: order.invoiceNumber, amount: order.amount, status: orderStatus },
    transaction: {
      status: order.status,
      date: order.transactionDate ? dokuTimestamp(order.transactionDate) : null,
      original_request_id: order.requestId,
    },
    // Null until the payer picks a channel, as DOKU answers since July 2025.
    service: { id: order.channel?.service ?? null },
    acquirer: { id: order.channel?.acquirer ?? null },
    channel: { id: order.channel?.channel ?? null },
  };
}

/** The checkout answer: amounts come back as strings, and DOKU echoes the request's headers. */
export function checkoutAnswer(
  body: Json,
  order: FakeDokuOrder,
  echo: { signature: string | null; at: Date; clientId: string },
): Json {
  return {
    message: ['SUCCESS'],
    response: {
      order: {
        amount: String(order.amount),
        invoice_number: order.invoiceNumber,
        currency: order.currency,
        session_id: order.sessionId,
        ...(order.callbackUrl ? { callback_url: order.callbackUrl } : {}),
        ...(order.lineItems ? { line_items: order.lineItems } : {}),
      },
      payment: {
        payment_method_types: PAYMENT_METHODS,
        payment_due_date: order.paymentDueMinutes,
        token_id: order.tokenId,
        url: order.url,
        expired_date: compactWib(order.expiresAt),
      },
      ...(isJson(body.customer) ? { customer: body.customer } : {}),
      ...(order.additionalInfo ? { additional_info: order.additionalInfo } : {}),
      headers: {
        request_id: order.requestId,
        signature: echo.signature,
        date: dokuTimestamp(echo.at),
        client_id: echo.clientId,
      },
    },
  };
}

function notificationBody(order: FakeDokuOrder): Json {
  const channel = order.channel ?? DEFAULT_CHANNEL;
  return {
    service: { id: channel.service },
    acquirer: { id: channel.acquirer },
    channel: { id: channel.channel },
    transaction: {
      status: order.status,
      date: dokuTimestamp(order.transactionDate ?? order.createdAt),
      original_request_id: order.requestId,
    },
    order: { invoice_number: order.invoiceNumber, amount: order.amount },
  };
}

/** The HTTP notification DOKU posts about an order, signed over `target`, the path it is posted to. */
export function signedNotification(
  order: FakeDokuOrder,
  target: string,
  signer: { clientId: string; secretKey: string; at: Date },
): FakeDokuNotification {
  const body = JSON.stringify(notificationBody(order));
  const requestId = randomUUID();
  const timestamp = dokuTimestamp(signer.at);
  const { clientId, secretKey } = signer;
  const signature = dokuSignature({ clientId, requestId, timestamp, target, body, secretKey });
  return {
    headers: {
      'Content-Type': 'application/json',
      'Client-Id': clientId,
      'Request-Id': requestId,
      'Request-Timestamp': timestamp,
      Signature: signature,
    },
    body,
    requestId,
  };
}
