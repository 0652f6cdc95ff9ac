import { randomBytes, randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { dokuSignature, dokuTimestamp, verifyDokuRequest } from './doku.signature.ts';

/**
 * An in-memory DOKU Checkout (Jokul Checkout v1) plus Check Status API for tests. It checks every
 * request's signature exactly as DOKU does (a bad one gets HTTP 401), and signs the HTTP
 * notifications it builds the way DOKU signs the ones it posts to the merchant.
 */

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

export interface FakeDokuOptions {
  clientId: string;
  secretKey: string;
  /** the fake's clock; requests whose timestamp is 5 minutes off it are refused */
  now?: () => Date;
}

export interface FakeDokuNotification {
  headers: Record<string, string>;
  /** the raw JSON body, exactly the bytes the signature's digest covers */
  body: string;
}

export interface FakeDokuRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
}

export interface FakeDoku {
  fetch: (req: Request) => Promise<Response>;
  setStatus(invoiceNumber: string, status: FakeDokuStatus, channel?: FakeDokuChannel): void;
  /** the signed notification DOKU would POST to our notification URL, whose path is `target` */
  notification(invoiceNumber: string, target: string): FakeDokuNotification;
  /** keyed by invoice_number */
  orders: Map<string, FakeDokuOrder>;
  requests: FakeDokuRequest[];
}

const CHECKOUT_LINK = 'https://sandbox.doku.com/checkout-link-v2/';
const DEFAULT_DUE_MINUTES = 60;
const MAX_INVOICE_NUMBER = 64;
const MAX_AMOUNT = 999_999_999_999;
const WIB_OFFSET_MS = 7 * 3_600_000;
const PAYMENT_METHODS = ['VIRTUAL_ACCOUNT_BCA', 'VIRTUAL_ACCOUNT_BANK_MANDIRI', 'QRIS', 'CREDIT_CARD'];
const DEFAULT_CHANNEL: FakeDokuChannel = {
  service: 'VIRTUAL_ACCOUNT',
  acquirer: 'BCA',
  channel: 'VIRTUAL_ACCOUNT_BCA',
};

type Json = Record<string, unknown>;

function isJson(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function apiError(c: Context, status: 400 | 401 | 404, code: string, message: string) {
  return c.json({ error: { code, message, type: 'invalid_request_error' } }, status);
}

/** expired_date as DOKU prints it: yyyyMMddHHmmss in Jakarta time. */
function compactWib(date: Date): string {
  return new Date(date.getTime() + WIB_OFFSET_MS).toISOString().replace(/\D/g, '').slice(0, 14);
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

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
function checkoutProblem(body: Json): string | null {
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

function requestHeaders(req: Request): Record<string, string> {
  return Object.fromEntries(req.headers.entries());
}

/** The path as it went on the wire, still percent-encoded: what the Request-Target signs. */
function wirePath(req: Request): string {
  return new URL(req.url).pathname;
}

function statusBody(order: FakeDokuOrder): Json {
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

export function createFakeDoku(options: FakeDokuOptions): FakeDoku {
  const now = options.now ?? (() => new Date());
  const orders = new Map<string, FakeDokuOrder>();
  const requests: FakeDokuRequest[] = [];
  const app = new Hono();

  app.use('*', async (c, next) => {
    requests.push({ method: c.req.method, path: wirePath(c.req.raw), headers: requestHeaders(c.req.raw) });
    await next();
  });

  // Every API call is signed; the Digest line is only part of it when there is a body.
  app.use('*', async (c, next) => {
    const rawBody = c.req.method === 'GET' ? null : await c.req.raw.clone().text();
    const verdict = verifyDokuRequest({
      headers: requestHeaders(c.req.raw),
      rawBody,
      target: wirePath(c.req.raw),
      clientId: options.clientId,
      secretKey: options.secretKey,
      now: now(),
    });
    if (!verdict.ok)
      return apiError(c, 401, 'invalid_signature', `Invalid Header Signature (${verdict.reason})`);
    return next();
  });

  app.post('/checkout/v1/payment', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return apiError(c, 400, 'invalid_parameter', 'Request body is not valid JSON');
    }
    if (!isJson(body)) return apiError(c, 400, 'invalid_parameter', 'Request body must be an object');
    const problem = checkoutProblem(body);
    if (problem) return apiError(c, 400, 'invalid_parameter', problem);
    const order = body.order as Json;
    const invoiceNumber = order.invoice_number as string;
    if (orders.has(invoiceNumber)) {
      return apiError(c, 400, 'invalid_parameter', 'Invoice number has been used');
    }
    const created = createOrder(body, c.req.header('Request-Id') as string);
    orders.set(invoiceNumber, created);
    return c.json(checkoutAnswer(body, created, c));
  });

  app.get('/orders/v1/status/:invoice', (c) => {
    const order = orders.get(c.req.param('invoice'));
    if (!order) return apiError(c, 404, 'invalid_parameter', 'Transaction not found');
    return c.json(statusBody(order));
  });

  app.notFound((c) => apiError(c, 404, 'not_found', 'Resource not found'));

  function createOrder(body: Json, requestId: string): FakeDokuOrder {
    const order = body.order as Json;
    const payment = (body.payment ?? {}) as Json;
    const createdAt = now();
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

  /** The checkout answer: amounts come back as strings, and DOKU echoes the request's headers. */
  function checkoutAnswer(body: Json, order: FakeDokuOrder, c: Context): Json {
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
          signature: c.req.header('Signature') ?? null,
          date: dokuTimestamp(now()),
          client_id: options.clientId,
        },
      },
    };
  }

  function orderOf(invoiceNumber: string): FakeDokuOrder {
    const order = orders.get(invoiceNumber);
    if (!order) throw new Error(`fake DOKU has no order ${invoiceNumber}`);
    return order;
  }

  return {
    fetch: async (req) => app.fetch(req),
    setStatus(invoiceNumber, status, channel) {
      const order = orderOf(invoiceNumber);
      order.status = status;
      // A settled or failed payment went through some channel; an expired order may never have had one.
      if (channel) order.channel = channel;
      else if (status === 'SUCCESS' || status === 'FAILED') order.channel ??= DEFAULT_CHANNEL;
      order.transactionDate = status === 'PENDING' ? null : now();
    },
    notification(invoiceNumber, target) {
      const order = orderOf(invoiceNumber);
      if (order.status === 'PENDING')
        throw new Error(`fake DOKU does not notify a pending order ${invoiceNumber}`);
      const body = JSON.stringify(notificationBody(order));
      const requestId = randomUUID();
      const timestamp = dokuTimestamp(now());
      const signature = dokuSignature({
        clientId: options.clientId,
        requestId,
        timestamp,
        target,
        body,
        secretKey: options.secretKey,
      });
      return {
        headers: {
          'Content-Type': 'application/json',
          'Client-Id': options.clientId,
          'Request-Id': requestId,
          'Request-Timestamp': timestamp,
          Signature: signature,
        },
        body,
      };
    },
    orders,
    requests,
  };
}
