import { randomBytes, randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';

/**
 * An in-memory Xendit Invoices API v2 for tests. It checks every request's HTTP Basic auth as
 * Xendit does (secret API key as user name, empty password; anything else gets HTTP 401),
 * validates invoice bodies, keeps the invoices, lets a test pay, settle or expire one, and builds
 * the callbacks Xendit would POST to the merchant (with the `x-callback-token` header), either as
 * an invoice callback or in the `{ event, data }` shape of Xendit's payment webhooks.
 */

export type FakeXenditStatus = 'PENDING' | 'PAID' | 'SETTLED' | 'EXPIRED';

/** `invoice`: Xendit's invoice callback; `payment`: the `{ event, data }` payment webhook. */
export type FakeXenditCallbackShape = 'invoice' | 'payment';

/** Event names of the `payment` shape: Xendit's (`payment.succeeded`) or the qutab spec's (`payment.success`). */
export type FakeXenditEventNames = 'xendit' | 'spec';

export interface FakeXenditInvoice {
  id: string;
  externalId: string;
  userId: string;
  amount: number;
  currency: string;
  description: string | null;
  payerEmail: string | null;
  customer: Record<string, unknown> | null;
  successRedirectUrl: string | null;
  failureRedirectUrl: string | null;
  invoiceUrl: string;
  status: FakeXenditStatus;
  created: Date;
  updated: Date;
  expiresAt: Date;
  paidAmount: number | null;
  paidAt: Date | null;
  paymentMethod: string | null;
  paymentChannel: string | null;
  /** the id of the payment that paid (or failed) the invoice, `py-…`, used by the payment webhook */
  paymentId: string | null;
}

export interface FakeXenditOptions {
  secretKey: string;
  /** the verification token Xendit sends as `x-callback-token` */
  callbackToken: string;
  /** the fake's clock; a pending invoice past its expiry reads EXPIRED */
  now?: () => Date;
  /** which callback `callback()` builds unless told otherwise; `invoice` by default */
  callbackShape?: FakeXenditCallbackShape;
  /** event names of the `payment` shape; `xendit` by default */
  eventNames?: FakeXenditEventNames;
}

export interface FakeXenditPayment {
  /** what the payer paid, in the invoice's units; the invoice amount by default */
  paidAmount?: number;
  /** BANK_TRANSFER by default */
  method?: string;
  /** BCA by default */
  channel?: string;
}

export interface FakeXenditCallbackOptions {
  shape?: FakeXenditCallbackShape;
  eventNames?: FakeXenditEventNames;
  /**
   * The `webhook-id` header. By default the payment shape gets a fresh one per call and the
   * invoice shape none; null leaves it out.
   */
  webhookId?: string | null;
}

export interface FakeXenditCallback {
  headers: Record<string, string>;
  /** the raw JSON body */
  body: string;
}

export interface FakeXenditRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface FakeXendit {
  fetch: (req: Request) => Promise<Response>;
  /** the payer pays a pending invoice */
  pay(invoiceId: string, payment?: FakeXenditPayment): void;
  /** Xendit settles a paid invoice's funds (PAID → SETTLED) */
  settle(invoiceId: string): void;
  /** a pending invoice expires (as at its expiry date, or expired by the merchant) */
  expire(invoiceId: string): void;
  /** sets the status without any rule, to stage what Xendit would not do (a forged callback) */
  setStatus(invoiceId: string, status: FakeXenditStatus): void;
  /** the callback Xendit would POST about the invoice's current (non-pending) status */
  callback(invoiceId: string, options?: FakeXenditCallbackOptions): FakeXenditCallback;
  /** keyed by invoice id */
  invoices: Map<string, FakeXenditInvoice>;
  requests: FakeXenditRequest[];
}

const CHECKOUT_URL = 'https://checkout-staging.xendit.co/v2/';
const DEFAULT_DURATION_SECONDS = 86_400;
const MAX_DURATION_SECONDS = 31_536_000;
const MAX_EXTERNAL_ID = 255;
const CURRENCIES = new Set(['IDR', 'PHP', 'THB', 'VND', 'MYR', 'USD']);
/** currencies Xendit takes in whole units only */
const WHOLE_CURRENCIES = new Set(['IDR', 'VND']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{7,14}$/;
const MERCHANT_NAME = 'Komisi Test Merchant';

type Json = Record<string, unknown>;

function isJson(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Xendit ids look like MongoDB ObjectIds: 24 hex digits. */
function objectId(): string {
  return randomBytes(12).toString('hex');
}

function apiError(c: Context, status: 400 | 401 | 404, errorCode: string, message: string) {
  return c.json({ error_code: errorCode, message }, status);
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

function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

function customerProblem(customer: unknown): string | null {
  if (!isJson(customer)) return '"customer" must be an object';
  for (const key of ['given_names', 'surname', 'email', 'mobile_number']) {
    if (customer[key] !== undefined && typeof customer[key] !== 'string')
      return `"customer.${key}" must be a string`;
  }
  if (typeof customer.email === 'string' && !EMAIL.test(customer.email))
    return '"customer.email" must be a valid email';
  if (typeof customer.mobile_number === 'string' && !E164.test(customer.mobile_number)) {
    return '"customer.mobile_number" must be in E.164 format';
  }
  return null;
}

/** The problem with a create-invoice body, in Xendit's words, or null when Xendit would take it. */
function invoiceProblem(body: Json): string | null {
  const externalId = body.external_id;
  if (externalId === undefined) return '"external_id" is required';
  if (typeof externalId !== 'string' || externalId.trim() === '' || externalId.length > MAX_EXTERNAL_ID) {
    return `"external_id" must be a string of 1 to ${MAX_EXTERNAL_ID} characters`;
  }
  const currency = body.currency ?? 'IDR';
  if (typeof currency !== 'string' || !CURRENCIES.has(currency)) return '"currency" is not supported';
  const amount = body.amount;
  if (amount === undefined) return '"amount" is required';
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0)
    return '"amount" must be a positive number';
  if (decimalsOf(amount) > (WHOLE_CURRENCIES.has(currency) ? 0 : 2)) {
    return `"amount" has too many decimals for ${currency}`;
  }
  if (body.description !== undefined && typeof body.description !== 'string')
    return '"description" must be a string';
  if (
    body.payer_email !== undefined &&
    (typeof body.payer_email !== 'string' || !EMAIL.test(body.payer_email))
  ) {
    return '"payer_email" must be a valid email';
  }
  if (body.customer !== undefined) {
    const problem = customerProblem(body.customer);
    if (problem) return problem;
  }
  for (const key of ['success_redirect_url', 'failure_redirect_url']) {
    if (body[key] !== undefined && !isHttpUrl(body[key])) return `"${key}" must be a valid uri`;
  }
  const duration = body.invoice_duration;
  if (
    duration !== undefined &&
    (!Number.isInteger(duration) || (duration as number) < 1 || (duration as number) > MAX_DURATION_SECONDS)
  ) {
    return `"invoice_duration" must be a whole number of seconds from 1 to ${MAX_DURATION_SECONDS}`;
  }
  return null;
}

function requestHeaders(req: Request): Record<string, string> {
  return Object.fromEntries(req.headers.entries());
}

/** Basic auth as Xendit takes it: the secret key as the user name and an empty password. */
function authorized(header: string | undefined, secretKey: string): boolean {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) return false;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  return decoded === `${secretKey}:`;
}

/** The invoice as Xendit's API prints it. */
function invoiceJson(invoice: FakeXenditInvoice): Json {
  const paid = invoice.status === 'PAID' || invoice.status === 'SETTLED';
  return {
    id: invoice.id,
    external_id: invoice.externalId,
    user_id: invoice.userId,
    status: invoice.status,
    merchant_name: MERCHANT_NAME,
    merchant_profile_picture_url:
      'https://xnd-merchant-logos.s3.amazonaws.com/business/production/default.png',
    amount: invoice.amount,
    ...(invoice.payerEmail && { payer_email: invoice.payerEmail }),
    ...(invoice.description !== null && { description: invoice.description }),
    expiry_date: invoice.expiresAt.toISOString(),
    invoice_url: invoice.invoiceUrl,
    available_banks: [],
    available_retail_outlets: [],
    available_ewallets: [],
    available_qr_codes: [],
    available_direct_debits: [],
    available_paylaters: [],
    should_exclude_credit_card: false,
    should_send_email: false,
    ...(invoice.successRedirectUrl && { success_redirect_url: invoice.successRedirectUrl }),
    ...(invoice.failureRedirectUrl && { failure_redirect_url: invoice.failureRedirectUrl }),
    created: invoice.created.toISOString(),
    updated: invoice.updated.toISOString(),
    currency: invoice.currency,
    ...(invoice.customer && { customer: invoice.customer }),
    ...(paid && {
      paid_amount: invoice.paidAmount,
      paid_at: invoice.paidAt?.toISOString(),
      payment_method: invoice.paymentMethod,
      payment_channel: invoice.paymentChannel,
      bank_code: invoice.paymentChannel,
    }),
  };
}

/** Xendit's invoice callback (PAID or EXPIRED). */
function invoiceCallbackBody(invoice: FakeXenditInvoice): Json {
  const paid = invoice.status === 'PAID' || invoice.status === 'SETTLED';
  return {
    id: invoice.id,
    external_id: invoice.externalId,
    user_id: invoice.userId,
    is_high: false,
    status: invoice.status,
    merchant_name: MERCHANT_NAME,
    amount: invoice.amount,
    ...(invoice.payerEmail && { payer_email: invoice.payerEmail }),
    ...(invoice.description !== null && { description: invoice.description }),
    ...(paid && {
      paid_amount: invoice.paidAmount,
      payment_method: invoice.paymentMethod,
      payment_channel: invoice.paymentChannel,
      bank_code: invoice.paymentChannel,
      paid_at: invoice.paidAt?.toISOString(),
      payment_id: invoice.paymentId,
    }),
    currency: invoice.currency,
    updated: invoice.updated.toISOString(),
    created: invoice.created.toISOString(),
  };
}

/** Xendit's payment webhook: `{ event, business_id, created, data }`. */
function paymentCallbackBody(invoice: FakeXenditInvoice, names: FakeXenditEventNames, at: Date): Json {
  const succeeded = invoice.status === 'PAID' || invoice.status === 'SETTLED';
  const event = succeeded ? (names === 'spec' ? 'payment.success' : 'payment.succeeded') : 'payment.failed';
  return {
    event,
    business_id: invoice.userId,
    created: at.toISOString(),
    data: {
      id: invoice.paymentId,
      reference_id: invoice.externalId,
      currency: invoice.currency,
      amount: succeeded ? invoice.paidAmount : invoice.amount,
      country: 'ID',
      status: succeeded ? 'SUCCEEDED' : 'FAILED',
      payment_method: {
        type: invoice.paymentMethod ?? 'VIRTUAL_ACCOUNT',
        reusability: 'ONE_TIME_USE',
        status: succeeded ? 'ACTIVE' : 'EXPIRED',
      },
      channel_code: invoice.paymentChannel,
      failure_code: succeeded ? null : 'PAYMENT_EXPIRED',
      created: invoice.created.toISOString(),
      updated: invoice.updated.toISOString(),
    },
  };
}

export function createFakeXendit(options: FakeXenditOptions): FakeXendit {
  const now = options.now ?? (() => new Date());
  const invoices = new Map<string, FakeXenditInvoice>();
  const requests: FakeXenditRequest[] = [];
  const userId = objectId();
  const app = new Hono();

  app.use('*', async (c, next) => {
    let body: unknown = null;
    if (c.req.method !== 'GET') {
      const text = await c.req.raw.clone().text();
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    requests.push({
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      headers: requestHeaders(c.req.raw),
      body,
    });
    await next();
  });

  app.use('*', async (c, next) => {
    if (!authorized(c.req.header('Authorization'), options.secretKey)) {
      return apiError(c, 401, 'INVALID_API_KEY', 'API key is not authorized for this API service');
    }
    return next();
  });

  app.post('/v2/invoices', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return apiError(c, 400, 'API_VALIDATION_ERROR', 'Request body is not valid JSON');
    }
    if (!isJson(body)) return apiError(c, 400, 'API_VALIDATION_ERROR', 'Request body must be an object');
    const problem = invoiceProblem(body);
    if (problem) return apiError(c, 400, 'API_VALIDATION_ERROR', problem);
    const invoice = createInvoice(body);
    invoices.set(invoice.id, invoice);
    return c.json(invoiceJson(invoice));
  });

  app.get('/v2/invoices/:id', (c) => {
    const invoice = current(c.req.param('id'));
    if (!invoice) return apiError(c, 404, 'INVOICE_NOT_FOUND_ERROR', 'Invoice not found');
    return c.json(invoiceJson(invoice));
  });

  app.post('/invoices/:id/expire!', (c) => {
    const invoice = current(c.req.param('id'));
    if (!invoice) return apiError(c, 404, 'INVOICE_NOT_FOUND_ERROR', 'Invoice not found');
    if (invoice.status !== 'PENDING') {
      return apiError(c, 400, 'INVALID_INVOICE_STATUS', `Invoice is already ${invoice.status}`);
    }
    transition(invoice, 'EXPIRED');
    return c.json(invoiceJson(invoice));
  });

  app.notFound((c) => apiError(c, 404, 'NOT_FOUND', 'Resource not found'));

  function createInvoice(body: Json): FakeXenditInvoice {
    const created = now();
    const id = objectId();
    const duration = (body.invoice_duration as number | undefined) ?? DEFAULT_DURATION_SECONDS;
    return {
      id,
      externalId: body.external_id as string,
      userId,
      amount: body.amount as number,
      currency: (body.currency as string | undefined) ?? 'IDR',
      description: (body.description as string | undefined) ?? null,
      payerEmail: (body.payer_email as string | undefined) ?? null,
      customer: isJson(body.customer) ? body.customer : null,
      successRedirectUrl: (body.success_redirect_url as string | undefined) ?? null,
      failureRedirectUrl: (body.failure_redirect_url as string | undefined) ?? null,
      invoiceUrl: `${CHECKOUT_URL}${id}`,
      status: 'PENDING',
      created,
      updated: created,
      expiresAt: new Date(created.getTime() + duration * 1000),
      paidAmount: null,
      paidAt: null,
      paymentMethod: null,
      paymentChannel: null,
      paymentId: null,
    };
  }

  /** The invoice as of now: a pending one past its expiry date has expired. */
  function current(id: string): FakeXenditInvoice | undefined {
    const invoice = invoices.get(id);
    if (invoice?.status === 'PENDING' && now() >= invoice.expiresAt) transition(invoice, 'EXPIRED');
    return invoice;
  }

  function invoiceOf(id: string): FakeXenditInvoice {
    const invoice = current(id);
    if (!invoice) throw new Error(`fake Xendit has no invoice ${id}`);
    return invoice;
  }

  function transition(invoice: FakeXenditInvoice, status: FakeXenditStatus): void {
    invoice.status = status;
    invoice.updated = now();
    if (status !== 'PENDING') invoice.paymentId ??= `py-${randomUUID()}`;
  }

  return {
    fetch: async (req) => app.fetch(req),
    pay(invoiceId, payment = {}) {
      const invoice = invoiceOf(invoiceId);
      if (invoice.status !== 'PENDING') throw new Error(`fake Xendit cannot pay a ${invoice.status} invoice`);
      transition(invoice, 'PAID');
      invoice.paidAmount = payment.paidAmount ?? invoice.amount;
      invoice.paidAt = invoice.updated;
      invoice.paymentMethod = payment.method ?? 'BANK_TRANSFER';
      invoice.paymentChannel = payment.channel ?? 'BCA';
    },
    settle(invoiceId) {
      const invoice = invoiceOf(invoiceId);
      if (invoice.status !== 'PAID') throw new Error(`fake Xendit cannot settle a ${invoice.status} invoice`);
      transition(invoice, 'SETTLED');
    },
    expire(invoiceId) {
      const invoice = invoiceOf(invoiceId);
      if (invoice.status !== 'PENDING')
        throw new Error(`fake Xendit cannot expire a ${invoice.status} invoice`);
      transition(invoice, 'EXPIRED');
    },
    setStatus(invoiceId, status) {
      transition(invoiceOf(invoiceId), status);
    },
    callback(invoiceId, callbackOptions = {}) {
      const invoice = invoiceOf(invoiceId);
      if (invoice.status === 'PENDING')
        throw new Error(`fake Xendit does not call back about a pending invoice ${invoiceId}`);
      const shape = callbackOptions.shape ?? options.callbackShape ?? 'invoice';
      const body =
        shape === 'invoice'
          ? invoiceCallbackBody(invoice)
          : paymentCallbackBody(invoice, callbackOptions.eventNames ?? options.eventNames ?? 'xendit', now());
      const webhookId =
        callbackOptions.webhookId === undefined
          ? shape === 'payment'
            ? `wh-${randomUUID()}`
            : null
          : callbackOptions.webhookId;
      return {
        headers: {
          'content-type': 'application/json',
          'x-callback-token': options.callbackToken,
          ...(webhookId && { 'webhook-id': webhookId }),
        },
        body: JSON.stringify(body),
      };
    },
    invoices,
    requests,
  };
}
