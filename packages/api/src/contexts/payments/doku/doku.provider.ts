import { randomUUID } from 'node:crypto';
import { type DomainError, toMajorUnits } from '@komisi/domain';
import type {
  CreatedPayment,
  CreatePaymentRequest,
  PaymentProvider,
  ProviderStatus,
} from '../payment-provider.ts';
import { hasText, providerError } from '../provider-error.ts';
import { dokuSignature, dokuTimestamp } from './doku.signature.ts';

export interface DokuProviderOptions {
  /** https://api-sandbox.doku.com (sandbox) or https://api.doku.com (live) */
  baseUrl: string;
  clientId: string;
  secretKey: string;
  /**
   * Sent as `additional_info.override_notification_url`. DOKU only honours it when its path equals
   * the Notification URL configured in the Back Office; only the host may differ.
   */
  notificationUrl?: string;
  /** how long the checkout page accepts payment; DOKU's default is 60 */
  paymentDueMinutes?: number;
  fetch?: typeof fetch;
  now?: () => Date;
  /** DOKU asks for a unique Request-Id per request (max 128 characters) */
  requestId?: () => string;
}

/** Checkout API errors come either as DOKU's `error` object or as a `message` array. */
interface DokuEnvelope {
  message?: unknown;
  error?: { code?: unknown; message?: unknown; type?: unknown } | null;
}

interface CheckoutResponse extends DokuEnvelope {
  response?: {
    order?: { invoice_number?: string | null; session_id?: string | null } | null;
    payment?: { url?: string | null; token_id?: string | null; expired_date?: string | null } | null;
  } | null;
}

interface StatusResponse extends DokuEnvelope {
  order?: { invoice_number?: string | null; status?: string | null } | null;
  transaction?: { status?: string | null } | null;
}

type Operation = 'checkout' | 'status';

export const DOKU_CHECKOUT_PATH = '/checkout/v1/payment';
export const DOKU_STATUS_PATH = '/orders/v1/status/';
const TIMEOUT_MS = 10_000;
const DEFAULT_DUE_MINUTES = 60;
/** 64 per DOKU; 30 if the merchant has the card channel on, which we cannot know here. */
const MAX_INVOICE_NUMBER = 64;
const MAX_ITEM_NAME = 255;
/** DOKU: amount "without decimal, max length 12". */
const MAX_AMOUNT = 999_999_999_999;
/** DOKU prints expired_date as yyyyMMddHHmmss in Jakarta time (WIB, UTC+7). */
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** transaction.status values; anything else (PENDING, REDIRECT, TIMEOUT, REFUNDED...) stays pending. */
const STATUS_BY_NAME: Record<string, ProviderStatus['status']> = {
  SUCCESS: 'completed',
  FAILED: 'failed',
  EXPIRED: 'failed',
};

/** Checkout orders nobody has paid have order.status but, before a channel is picked, no transaction. */
const STATUS_BY_ORDER: Record<string, ProviderStatus['status']> = {
  ORDER_GENERATED: 'pending',
  ORDER_EXPIRED: 'failed',
};

/** DOKU's words about a failure; they hold no secrets and help support trace it. */
function errorOf(body: DokuEnvelope | null): { code: string | null; message: string | null } {
  const error = body?.error;
  if (error && (hasText(error.code) || hasText(error.message))) {
    return {
      code: hasText(error.code) ? error.code : null,
      message: hasText(error.message) ? error.message : null,
    };
  }
  const messages = Array.isArray(body?.message) ? body.message.filter(hasText) : [];
  return { code: null, message: messages.length > 0 ? messages.join('; ') : null };
}

function isSuccess(body: DokuEnvelope): boolean {
  return Array.isArray(body.message) && body.message.includes('SUCCESS');
}

function parseExpiry(value: unknown): Date | undefined {
  if (!hasText(value)) return undefined;
  const compact = COMPACT_DATE.exec(value);
  const iso = compact
    ? `${compact[1]}-${compact[2]}-${compact[3]}T${compact[4]}:${compact[5]}:${compact[6]}+07:00`
    : value;
  const at = Date.parse(iso);
  return Number.isNaN(at) ? undefined : new Date(at);
}

/** What DOKU would refuse anyway, refused before a signed request goes out. */
function assertPayable(request: CreatePaymentRequest): void {
  if (request.currency !== 'IDR') {
    throw providerError(`DOKU only accepts IDR, not ${request.currency}`, { currency: request.currency });
  }
  const amount = toMajorUnits(request.amount, 'IDR');
  if (!Number.isInteger(amount) || amount <= 0 || amount > MAX_AMOUNT) {
    throw providerError('DOKU needs a whole, positive IDR amount of at most 12 digits', { amount });
  }
  const invoice = request.merchantReference;
  if (!hasText(invoice) || invoice.length > MAX_INVOICE_NUMBER) {
    throw providerError(`DOKU needs an invoice number of 1 to ${MAX_INVOICE_NUMBER} characters`);
  }
}

function customerOf(customer: CreatePaymentRequest['customer']) {
  return {
    name: customer.name,
    email: customer.email,
    ...(hasText(customer.phone) ? { phone: customer.phone } : {}),
  };
}

/** DOKU Checkout (Jokul Checkout v1): a hosted payment page; status always re-queried by invoice number. */
export class DokuProvider implements PaymentProvider {
  readonly name = 'doku';
  readonly #baseUrl: string;
  readonly #clientId: string;
  readonly #secretKey: string;
  readonly #notificationUrl: string | undefined;
  readonly #dueMinutes: number;
  readonly #fetch: typeof fetch;
  readonly #now: () => Date;
  readonly #requestId: () => string;

  constructor(options: DokuProviderOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#clientId = options.clientId;
    this.#secretKey = options.secretKey;
    this.#notificationUrl = options.notificationUrl;
    this.#dueMinutes = options.paymentDueMinutes ?? DEFAULT_DUE_MINUTES;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#now = options.now ?? (() => new Date());
    this.#requestId = options.requestId ?? randomUUID;
  }

  async createPayment(request: CreatePaymentRequest): Promise<CreatedPayment> {
    assertPayable(request);
    const body = await this.#call<CheckoutResponse>(
      'checkout',
      'POST',
      DOKU_CHECKOUT_PATH,
      this.#payload(request),
    );
    if (!isSuccess(body)) throw this.#answerError('checkout', body);
    const { order, payment } = body.response ?? {};
    if (!hasText(payment?.url)) {
      throw providerError('DOKU checkout returned no payment URL', { operation: 'checkout' });
    }
    // DOKU identifies the transaction by our invoice number; a different one would settle the wrong payment.
    if (hasText(order?.invoice_number) && order.invoice_number !== request.merchantReference) {
      throw providerError('DOKU checkout answered for another invoice number', { operation: 'checkout' });
    }
    const expiresAt = parseExpiry(payment.expired_date);
    return {
      providerReference: request.merchantReference,
      paymentUrl: payment.url,
      ...(hasText(payment.token_id) ? { token: payment.token_id } : {}),
      ...(expiresAt ? { expiresAt } : {}),
    };
  }

  async queryStatus(providerReference: string): Promise<ProviderStatus> {
    const path = `${DOKU_STATUS_PATH}${encodeURIComponent(providerReference)}`;
    const body = await this.#call<StatusResponse>('status', 'GET', path);
    const invoice = body.order?.invoice_number;
    if (hasText(invoice) && invoice !== providerReference) {
      throw providerError('DOKU status answered for another invoice number', { operation: 'status' });
    }
    const transaction = body.transaction?.status;
    if (hasText(transaction)) {
      return { status: STATUS_BY_NAME[transaction] ?? 'pending', description: transaction };
    }
    const order = body.order?.status;
    const byOrder = hasText(order) ? STATUS_BY_ORDER[order] : undefined;
    if (byOrder) return { status: byOrder, description: order as string };
    throw this.#answerError('status', body);
  }

  #payload(request: CreatePaymentRequest) {
    const amount = toMajorUnits(request.amount, 'IDR');
    const name = request.description.trim().slice(0, MAX_ITEM_NAME);
    return {
      order: {
        amount,
        invoice_number: request.merchantReference,
        currency: 'IDR',
        ...(request.callbackUrl ? { callback_url: request.callbackUrl } : {}),
        // One line so the payer sees what they pay for; DOKU expects line items to add up to the amount.
        ...(name ? { line_items: [{ name, price: amount, quantity: 1 }] } : {}),
      },
      payment: { payment_due_date: this.#dueMinutes },
      customer: customerOf(request.customer),
      ...(this.#notificationUrl
        ? { additional_info: { override_notification_url: this.#notificationUrl } }
        : {}),
    };
  }

  #answerError(operation: Operation, body: DokuEnvelope): DomainError {
    const { code, message } = errorOf(body);
    return providerError(`DOKU ${operation} failed: ${code ?? message ?? 'unexpected answer'}`, {
      operation,
      code,
      message,
    });
  }

  #signedHeaders(target: string, rawBody: string | null): Record<string, string> {
    const requestId = this.#requestId();
    const timestamp = dokuTimestamp(this.#now());
    const signature = dokuSignature({
      clientId: this.#clientId,
      requestId,
      timestamp,
      target,
      body: rawBody,
      secretKey: this.#secretKey,
    });
    return {
      Accept: 'application/json',
      'Client-Id': this.#clientId,
      'Request-Id': requestId,
      'Request-Timestamp': timestamp,
      Signature: signature,
      ...(rawBody === null ? {} : { 'Content-Type': 'application/json' }),
    };
  }

  async #call<T>(operation: Operation, method: 'GET' | 'POST', path: string, payload?: unknown): Promise<T> {
    const url = `${this.#baseUrl}${path}`;
    // The signed target is the path as it goes on the wire, including any prefix in baseUrl.
    const target = new URL(url).pathname;
    const rawBody = payload === undefined ? null : JSON.stringify(payload);
    let response: Response;
    try {
      response = await this.#fetch(url, {
        method,
        headers: this.#signedHeaders(target, rawBody),
        body: rawBody ?? undefined,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (cause) {
      // A network or abort error; it carries neither the secret nor the signature.
      throw providerError(`DOKU ${operation} request failed`, { operation }, cause);
    }
    return this.#readJson<T>(operation, response);
  }

  async #readJson<T>(operation: Operation, response: Response): Promise<T> {
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      const what = response.ok ? 'invalid JSON' : `HTTP ${response.status}`;
      throw providerError(
        `DOKU ${operation} answered with ${what}`,
        {
          operation,
          httpStatus: response.status,
        },
        cause,
      );
    }
    const envelope = body !== null && typeof body === 'object' ? (body as DokuEnvelope) : null;
    if (!response.ok) {
      const { code, message } = errorOf(envelope);
      throw providerError(
        `DOKU ${operation} answered HTTP ${response.status}: ${code ?? message ?? 'no details'}`,
        {
          operation,
          httpStatus: response.status,
          code,
          message,
        },
      );
    }
    if (!envelope) throw providerError(`DOKU ${operation} answered with an unexpected body`, { operation });
    return envelope as T;
  }
}
