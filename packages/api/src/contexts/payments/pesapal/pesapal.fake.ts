import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';

/**
 * An in-memory Pesapal API 3.0 for tests, answering with the real API's shapes and quirks:
 * errors come back as HTTP 200 with an `error` object and a string `status`, and only a bad or
 * missing bearer token gets a real HTTP 401.
 */

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
const STATUS_DESCRIPTIONS = ['INVALID', 'COMPLETED', 'FAILED', 'REVERSED'] as const;
const MAX_DESCRIPTION = 100;
/** Pesapal allows letters, digits and `-_.:` in a merchant reference, up to 50 characters. */
const MERCHANT_REFERENCE = /^[A-Za-z0-9\-_.:]{1,50}$/;

type Json = Record<string, unknown>;

function apiError(code: string, message: string) {
  return { error_type: 'api_error', code, message };
}

/** Pesapal prints dates in UTC with seven fractional digits (.NET ticks). */
function pesapalDate(date: Date): string {
  return date.toISOString().replace('Z', '0000Z');
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

function isFilled(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

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

/** The problem with a SubmitOrderRequest body, in Pesapal's words, or null if it is acceptable. */
function orderProblem(
  body: Json,
  ipns: Map<string, FakePesapalIpn>,
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
function statusBody(order: FakePesapalOrder): Json {
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
