import { type Context, Hono } from 'hono';
import { jsonObjectBody, requestHeaders } from '../fake-http.ts';
import { verifyDokuRequest } from './doku.signature.ts';
import { checkoutAnswer, type FakeDokuNotification, signedNotification, statusBody } from './fake/answers.ts';
import {
  checkoutProblem,
  createOrder,
  DEFAULT_CHANNEL,
  type FakeDokuChannel,
  type FakeDokuOrder,
  type FakeDokuStatus,
} from './fake/orders.ts';

/**
 * An in-memory DOKU Checkout (Jokul Checkout v1) plus Check Status API for tests. It checks every
 * request's signature exactly as DOKU does (a bad one gets HTTP 401), and signs the HTTP
 * notifications it builds the way DOKU signs the ones it posts to the merchant.
 */

export type { FakeDokuChannel, FakeDokuNotification, FakeDokuOrder, FakeDokuStatus };

export interface FakeDokuOptions {
  clientId: string;
  secretKey: string;
  /** the fake's clock; requests whose timestamp is 5 minutes off it are refused */
  now?: () => Date;
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

function apiError(c: Context, status: 400 | 401 | 404, code: string, message: string) {
  return c.json({ error: { code, message, type: 'invalid_request_error' } }, status);
}

/** The path as it went on the wire, still percent-encoded: what the Request-Target signs. */
function wirePath(req: Request): string {
  return new URL(req.url).pathname;
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
    const read = await jsonObjectBody(c);
    if ('problem' in read) return apiError(c, 400, 'invalid_parameter', read.problem);
    const { body } = read;
    const problem = checkoutProblem(body);
    if (problem) return apiError(c, 400, 'invalid_parameter', problem);
    const invoiceNumber = (body.order as { invoice_number: string }).invoice_number;
    if (orders.has(invoiceNumber)) {
      return apiError(c, 400, 'invalid_parameter', 'Invoice number has been used');
    }
    const created = createOrder(body, c.req.header('Request-Id') as string, now());
    orders.set(invoiceNumber, created);
    const echo = { signature: c.req.header('Signature') ?? null, at: now(), clientId: options.clientId };
    return c.json(checkoutAnswer(body, created, echo));
  });

  app.get('/orders/v1/status/:invoice', (c) => {
    const order = orders.get(c.req.param('invoice'));
    if (!order) return apiError(c, 404, 'invalid_parameter', 'Transaction not found');
    return c.json(statusBody(order));
  });

  app.notFound((c) => apiError(c, 404, 'not_found', 'Resource not found'));

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
      return signedNotification(order, target, { ...options, at: now() });
    },
    orders,
    requests,
  };
}
