import type { CurrencyCode } from '@komisi/domain';
import { hasText, providerError, readJsonAnswer } from '../gateway-api.ts';
import type {
  CreatedPayment,
  CreatePaymentRequest,
  GatewayLog,
  PaymentProvider,
  ProviderStatus,
} from '../payment-provider.ts';
import { assertPayable, invoicePayload } from './xendit.invoice.ts';

/** Where Xendit payments refused for an amount or currency mismatch are reported. */
export type XenditLog = GatewayLog;

export interface XenditProviderOptions {
  /** https://api.xendit.co (test and live mode are chosen by the key, not the host) */
  baseUrl: string;
  /** the secret API key (xnd_development_… / xnd_production_…): the Basic-auth user name, no password */
  secretKey: string;
  /**
   * The currency the tenant charges in. A paid invoice in another currency is not taken as
   * completed. Without it only the paid amount is checked.
   */
  currency?: CurrencyCode;
  /** how long the invoice accepts payment, in seconds; Xendit's default is 86400 (24 hours) */
  invoiceDurationSeconds?: number;
  /** per request; 10 s by default */
  timeoutMs?: number;
  fetch?: typeof fetch;
  log?: XenditLog;
}

/** Xendit's error body: `{ error_code, message, errors? }`. */
interface XenditErrorBody {
  error_code?: unknown;
  message?: unknown;
}

/** The parts of a Xendit invoice (Invoices API v2) we read. */
export interface XenditInvoice extends XenditErrorBody {
  id?: unknown;
  external_id?: unknown;
  status?: unknown;
  amount?: unknown;
  paid_amount?: unknown;
  currency?: unknown;
  invoice_url?: unknown;
  expiry_date?: unknown;
}

type Operation = 'create invoice' | 'get invoice';

export const XENDIT_INVOICES_PATH = '/v2/invoices';
const DEFAULT_TIMEOUT_MS = 10_000;
/** What Xendit itself accepts for invoice_duration: up to a year. */
const MAX_INVOICE_DURATION = 31_536_000;
/** Invoice statuses; PENDING (and anything new) stays pending. PAID and SETTLED are checked further. */
const STATUS_BY_NAME: Record<string, ProviderStatus['status']> = {
  PAID: 'completed',
  SETTLED: 'completed',
  EXPIRED: 'failed',
};

function isJson(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Xendit's words about a failure: they hold no secrets and help support trace it. */
function errorOf(body: XenditErrorBody | null): { code: string | null; message: string | null } {
  return {
    code: hasText(body?.error_code) ? body.error_code : null,
    message: hasText(body?.message) ? body.message : null,
  };
}

function basicAuth(secretKey: string): string {
  return `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}`;
}

function parseDate(value: unknown): Date | undefined {
  if (!hasText(value)) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : new Date(at);
}

/**
 * Xendit Invoices API v2: a hosted payment page (invoice_url). The invoice id is the provider
 * reference; its status is always asked of Xendit with GET /v2/invoices/{id}.
 */
export class XenditProvider implements PaymentProvider {
  readonly name = 'xendit';
  readonly #baseUrl: string;
  readonly #authorization: string;
  readonly #currency: CurrencyCode | undefined;
  readonly #duration: number | undefined;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;
  readonly #log: XenditLog;

  constructor(options: XenditProviderOptions) {
    const duration = options.invoiceDurationSeconds;
    if (
      duration !== undefined &&
      (!Number.isInteger(duration) || duration < 1 || duration > MAX_INVOICE_DURATION)
    ) {
      throw new RangeError(`invoiceDurationSeconds must be a whole number from 1 to ${MAX_INVOICE_DURATION}`);
    }
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#authorization = basicAuth(options.secretKey);
    this.#currency = options.currency;
    this.#duration = duration;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#log = options.log ?? (() => {});
  }

  async createPayment(request: CreatePaymentRequest): Promise<CreatedPayment> {
    const amount = assertPayable(request);
    const invoice = await this.#call(
      'create invoice',
      'POST',
      XENDIT_INVOICES_PATH,
      invoicePayload(request, amount, this.#duration),
    );
    if (!hasText(invoice.id) || !hasText(invoice.invoice_url)) {
      throw providerError('Xendit created no invoice id or invoice URL', { operation: 'create invoice' });
    }
    // Settlement finds the payment by our reference: an invoice for another one would settle the wrong payment.
    if (hasText(invoice.external_id) && invoice.external_id !== request.merchantReference) {
      throw providerError('Xendit answered with an invoice for another external_id', {
        operation: 'create invoice',
      });
    }
    const expiresAt = parseDate(invoice.expiry_date);
    return {
      providerReference: invoice.id,
      paymentUrl: invoice.invoice_url,
      ...(expiresAt && { expiresAt }),
    };
  }

  async queryStatus(providerReference: string): Promise<ProviderStatus> {
    const path = `${XENDIT_INVOICES_PATH}/${encodeURIComponent(providerReference)}`;
    const invoice = await this.#call('get invoice', 'GET', path);
    if (hasText(invoice.id) && invoice.id !== providerReference) {
      throw providerError('Xendit answered for another invoice', { operation: 'get invoice' });
    }
    if (!hasText(invoice.status)) {
      throw providerError('Xendit answered with an invoice without a status', { operation: 'get invoice' });
    }
    const status = STATUS_BY_NAME[invoice.status] ?? 'pending';
    if (status !== 'completed') return { status, description: invoice.status };
    const mismatch = this.#mismatch(invoice);
    if (!mismatch) return { status, description: invoice.status };
    this.#log(
      {
        provider: 'xendit',
        invoiceId: providerReference,
        externalId: invoice.external_id,
        status: invoice.status,
        amount: invoice.amount,
        paidAmount: invoice.paid_amount,
        currency: invoice.currency,
        expectedCurrency: this.#currency,
      },
      `Xendit invoice is ${invoice.status} but ${mismatch}: not taken as completed`,
    );
    return { status: 'pending', description: `${invoice.status}: ${mismatch}` };
  }

  /** Why a PAID / SETTLED invoice is not the payment we asked for, or null when it is. */
  #mismatch(invoice: XenditInvoice): string | null {
    const { amount, paid_amount: paid, currency } = invoice;
    if (typeof amount !== 'number' || !Number.isFinite(amount)) return 'the invoice has no amount';
    if (typeof paid !== 'number' || paid !== amount) return `paid ${String(paid)} of ${amount}`;
    if (!hasText(currency)) return 'the invoice has no currency';
    if (this.#currency && currency !== this.#currency) {
      return `the invoice is in ${currency}, not ${this.#currency}`;
    }
    return null;
  }

  async #call(
    operation: Operation,
    method: 'GET' | 'POST',
    path: string,
    payload?: unknown,
  ): Promise<XenditInvoice> {
    let response: Response;
    try {
      response = await this.#fetch(`${this.#baseUrl}${path}`, {
        method,
        headers: {
          Accept: 'application/json',
          Authorization: this.#authorization,
          ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: payload === undefined ? undefined : JSON.stringify(payload),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (cause) {
      // A network or abort error; it carries no key.
      throw providerError(`Xendit ${operation} request failed`, { operation }, cause);
    }
    return readJsonAnswer(response, {
      call: `Xendit ${operation}`,
      details: { operation },
      isAnswer: (body): body is XenditInvoice => isJson(body),
      errorOf,
    });
  }
}
