import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { isHttpUrl, type Json } from '../fake-http.ts';
import {
  apiError,
  type FakePesapalOrder,
  type FakePesapalStatusCode,
  orderProblem,
  pesapalDate,
  statusBody,
} from './fake/orders.ts';

/**
 * An in-memory Pesapal API 3.0 for tests, answering with the real API's shapes and quirks:
 * errors come back as HTTP 200 with an `error` object and a string `status`, and only a bad or
 * missing bearer token gets a real HTTP 401.
 */

export type { FakePesapalOrder, FakePesapalStatusCode };

export interface FakePesapalIpn {
  ipnId: string;
  url: string;
  notificationType: 'GET' | 'POST';
  createdDate: string;
}

export interface FakePesapalOptions {
  consumerKey: string;
  consumerSecret: string;
  /** Pesapal tokens live 5 minutes */
  tokenTtlSeconds?: number;
  /** the fake's clock, so tests can expire tokens without waiting */
  now?: () => Date;
}

export interface FakePesapal {
  fetch: (req: Request) => Promise<Response>;
  setStatus(orderTrackingId: string, statusCode: FakePesapalStatusCode): void;
  /** keyed by order_tracking_id */
  orders: Map<string, FakePesapalOrder>;
  /** keyed by ipn_id */
  ipns: Map<string, FakePesapalIpn>;
  requests: { method: string; path: string }[];
}

const IFRAME_URL = 'https://cybqa.pesapal.com/pesapaliframe/PesapalIframe3/Index';

async function readJson(c: Context): Promise<Json> {
  try {
    const body: unknown = await c.req.json();
    return body !== null && typeof body === 'object' ? (body as Json) : {};
  } catch {
    return {};
  }
}

/** Pesapal hangs the API under a prefix (/pesapalv3, /v3); route on the part from /api on. */
function apiPath(req: Request): string {
  const path = new URL(req.url).pathname;
  const at = path.toLowerCase().indexOf('/api/');
  return at >= 0 ? path.slice(at) : path;
}

export function createFakePesapal(options: FakePesapalOptions): FakePesapal {
  const ttlMs = (options.tokenTtlSeconds ?? 300) * 1000;
  const now = options.now ?? (() => new Date());
  const tokens = new Map<string, number>();
  const orders = new Map<string, FakePesapalOrder>();
  const ipns = new Map<string, FakePesapalIpn>();
  const requests: { method: string; path: string }[] = [];
  const app = new Hono({ getPath: apiPath });

  app.use('*', async (c, next) => {
    requests.push({ method: c.req.method, path: c.req.path });
    await next();
  });

  app.post('/api/Auth/RequestToken', async (c) => {
    const body = await readJson(c);
    if (body.consumer_key !== options.consumerKey || body.consumer_secret !== options.consumerSecret) {
      return c.json({ error: apiError('invalid_consumer_key_or_secret_provided', ''), status: '500' });
    }
    const token = randomBytes(48).toString('base64url');
    const expiresAt = now().getTime() + ttlMs;
    tokens.set(token, expiresAt);
    return c.json({
      token,
      expiryDate: pesapalDate(new Date(expiresAt)),
      error: null,
      status: '200',
      message: 'Request processed successfully',
    });
  });

  // Everything but RequestToken needs a live bearer token; the real API answers 401 with no body.
  app.use('/api/*', async (c, next) => {
    if (c.req.path === '/api/Auth/RequestToken') return next();
    const token = /^Bearer (\S+)$/.exec(c.req.header('Authorization') ?? '')?.[1];
    const expiresAt = token === undefined ? undefined : tokens.get(token);
    if (expiresAt === undefined || expiresAt <= now().getTime()) return c.body(null, 401);
    return next();
  });

  app.post('/api/URLSetup/RegisterIPN', async (c) => {
    const body = await readJson(c);
    const type = body.ipn_notification_type ?? 'GET';
    if (!isHttpUrl(body.url) || (type !== 'GET' && type !== 'POST')) {
      return c.json({ error: apiError('invalid_ipn_url', 'A valid IPN url is required'), status: '500' });
    }
    const ipn: FakePesapalIpn = {
      ipnId: randomUUID(),
      url: body.url,
      notificationType: type,
      createdDate: pesapalDate(now()),
    };
    ipns.set(ipn.ipnId, ipn);
    return c.json({
      url: ipn.url,
      created_date: ipn.createdDate,
      ipn_id: ipn.ipnId,
      notification_type: type === 'GET' ? 0 : 1,
      ipn_notification_type_description: type,
      ipn_status: 1,
      ipn_status_description: 'Active',
      error: null,
      status: '200',
    });
  });

  app.post('/api/Transactions/SubmitOrderRequest', async (c) => {
    const body = await readJson(c);
    const failure = (code: string, message: string) =>
      c.json({
        order_tracking_id: null,
        merchant_reference: typeof body.id === 'string' ? body.id : null,
        redirect_url: null,
        error: apiError(code, message),
        status: '500',
      });
    const problem = orderProblem(body, ipns);
    if (problem) return failure(problem.code, problem.message);
    const merchantReference = body.id as string;
    if ([...orders.values()].some((o) => o.merchantReference === merchantReference)) {
      return failure('duplicate_order_reference', 'An order with this merchant reference already exists');
    }
    const order: FakePesapalOrder = {
      orderTrackingId: randomUUID(),
      merchantReference,
      currency: body.currency as string,
      amount: body.amount as number,
      description: body.description as string,
      callbackUrl: body.callback_url as string,
      notificationId: body.notification_id as string,
      billingAddress: body.billing_address as Json,
      createdDate: pesapalDate(now()),
      statusCode: 0,
      confirmationCode: '',
    };
    orders.set(order.orderTrackingId, order);
    return c.json({
      order_tracking_id: order.orderTrackingId,
      merchant_reference: merchantReference,
      redirect_url: `${IFRAME_URL}?OrderTrackingId=${order.orderTrackingId}`,
      error: null,
      status: '200',
    });
  });

  app.get('/api/Transactions/GetTransactionStatus', (c) => {
    const order = orders.get(c.req.query('orderTrackingId') ?? '');
    if (!order) {
      const error = {
        ...apiError('invalid_order_tracking_id', 'Invalid order tracking id'),
        call_back_url: null,
      };
      return c.json({ error, status: '500' });
    }
    return c.json(statusBody(order));
  });

  return {
    fetch: async (req) => app.fetch(req),
    setStatus(orderTrackingId, statusCode) {
      const order = orders.get(orderTrackingId);
      if (!order) throw new Error(`fake Pesapal has no order ${orderTrackingId}`);
      order.statusCode = statusCode;
      if (statusCode !== 0 && !order.confirmationCode) order.confirmationCode = String(randomInt(1e9, 1e10));
    },
    orders,
    ipns,
    requests,
  };
}
