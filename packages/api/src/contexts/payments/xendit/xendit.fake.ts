import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { jsonObjectBody, type RecordedRequest, recordRequests } from '../fake-http.ts';
import {
  callbackAbout,
  type FakeXenditCallback,
  type FakeXenditCallbackOptions,
  type FakeXenditCallbackShape,
  type FakeXenditEventNames,
  invoiceJson,
} from './fake/answers.ts';
import {
  createInvoice,
  type FakeXenditInvoice,
  type FakeXenditStatus,
  invoiceProblem,
  objectId,
} from './fake/invoices.ts';

/**
 * An in-memory Xendit Invoices API v2 for tests. It checks every request's HTTP Basic auth as
 * Xendit does (secret API key as user name, empty password; anything else gets HTTP 401),
 * validates invoice bodies, keeps the invoices, lets a test pay, settle or expire one, and builds
 * the callbacks Xendit would POST to the merchant (with the `x-callback-token` header), either as
 * an invoice callback or in the `{ event, data }` shape of Xendit's payment webhooks.
 */

export type {
  FakeXenditCallback,
  FakeXenditCallbackOptions,
  FakeXenditCallbackShape,
  FakeXenditEventNames,
  FakeXenditInvoice,
  FakeXenditStatus,
};

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

export type FakeXenditRequest = RecordedRequest;

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

function apiError(c: Context, status: 400 | 401 | 404, errorCode: string, message: string) {
  return c.json({ error_code: errorCode, message }, status);
}

/** Basic auth as Xendit takes it: the secret key as the user name and an empty password. */
function authorized(header: string | undefined, secretKey: string): boolean {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) return false;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  return decoded === `${secretKey}:`;
}

export function createFakeXendit(options: FakeXenditOptions): FakeXendit {
  const now = options.now ?? (() => new Date());
  const invoices = new Map<string, FakeXenditInvoice>();
  const requests: FakeXenditRequest[] = [];
  const userId = objectId();
  const app = new Hono();

  app.use('*', recordRequests(requests));

  app.use('*', async (c, next) => {
    if (!authorized(c.req.header('Authorization'), options.secretKey)) {
      return apiError(c, 401, 'INVALID_API_KEY', 'API key is not authorized for this API service');
    }
    return next();
  });

  app.post('/v2/invoices', async (c) => {
    const read = await jsonObjectBody(c);
    if ('problem' in read) return apiError(c, 400, 'API_VALIDATION_ERROR', read.problem);
    const problem = invoiceProblem(read.body);
    if (problem) return apiError(c, 400, 'API_VALIDATION_ERROR', problem);
    const invoice = createInvoice(read.body, userId, now());
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
      const wanted = {
        shape: callbackOptions.shape ?? options.callbackShape,
        eventNames: callbackOptions.eventNames ?? options.eventNames,
        webhookId: callbackOptions.webhookId,
      };
      return callbackAbout(invoice, wanted, { callbackToken: options.callbackToken, at: now() });
    },
    invoices,
    requests,
  };
}
