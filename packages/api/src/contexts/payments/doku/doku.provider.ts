import { randomUUID } from 'node:crypto';
import type { DomainError } from '@komisi/domain';
import { hasText, providerError, readJsonAnswer } from '../gateway-api.ts';
import type {
  CreatedPayment,
  CreatePaymentRequest,
  PaymentProvider,
  ProviderStatus,
} from '../payment-provider.ts';
import { assertPayable, checkoutPayload, parseExpiry } from './doku.checkout.ts';
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
      checkoutPayload(request, this.#dueMinutes, this.#notificationUrl),
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

  async #call<T extends DokuEnvelope>(
    operation: Operation,
    method: 'GET' | 'POST',
    path: string,
    payload?: unknown,
  ): Promise<T> {
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
    return readJsonAnswer<T>(response, {
      call: `DOKU ${operation}`,
      details: { operation },
      isAnswer: (body): body is T => body !== null && typeof body === 'object',
      errorOf,
    });
  }
}
