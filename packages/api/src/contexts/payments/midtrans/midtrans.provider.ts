import { DomainError, toMajorUnits } from '@komisi/domain';
import { hasText, providerError, readJsonAnswer } from '../gateway-api.ts';
import type {
  CreatedPayment,
  CreatePaymentRequest,
  ExpectedPayment,
  GatewayLog,
  PaymentProvider,
  ProviderStatus,
} from '../payment-provider.ts';
import {
  MIDTRANS_CHARGE_PATH,
  type MidtransBank,
  type MidtransTransaction,
  midtransBankOf,
  midtransStatusOf,
  midtransStatusPath,
  parseJakartaTime,
} from './midtrans.api.ts';
import { assertChargeable, chargeBody, instructionsOf } from './midtrans.charge.ts';

export interface MidtransProviderOptions {
  /** https://api.sandbox.midtrans.com or https://api.midtrans.com */
  baseUrl: string;
  /** the server key: the Basic-auth user name, no password */
  serverKey: string;
  /** the bank of the virtual accounts, unless the payer's method names another */
  bank: MidtransBank;
  /** how long a virtual account stays open; Midtrans' default is 24 hours */
  expiryMinutes?: number | undefined;
  /** where Midtrans posts this charge's notifications (`X-Override-Notification`) */
  notificationUrl?: string | undefined;
  /** per request; 10 s by default */
  timeoutMs?: number;
  fetch?: typeof fetch | undefined;
  /** told of a completed transaction that is not the payment we asked for */
  log?: GatewayLog | undefined;
}

type Operation = 'charge' | 'get status';

const DEFAULT_TIMEOUT_MS = 10_000;
/** An expired transaction's status answer says 407: an answer, not a refusal. */
const EXPIRED_STATUS_CODE = 407;

function isJson(value: unknown): value is MidtransTransaction {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Midtrans' words about a refusal (status_message, and what failed validation); they hold no secrets. */
function errorOf(body: MidtransTransaction | null): { code: string | null; message: string | null } {
  const messages = Array.isArray(body?.validation_messages) ? body.validation_messages.filter(hasText) : [];
  const message = hasText(body?.status_message) ? body.status_message : null;
  return {
    code: hasText(body?.status_code) ? body.status_code : null,
    message: messages.length > 0 ? `${message ?? 'invalid'} (${messages.join('; ')})` : message,
  };
}

/** A status answer of 404: Midtrans does not know the transaction. */
function isUnknownTransaction(error: unknown): boolean {
  return error instanceof DomainError && (error.details as { code?: unknown } | undefined)?.code === '404';
}

/**
 * Midtrans Core API: a bank transfer into a virtual account, so there is no payment page (the
 * payment URL is empty; the account is in `instructions`). Midtrans' transaction_id is the provider
 * reference; its status is always asked of Midtrans with GET /v2/{transaction_id}/status.
 */
export class MidtransProvider implements PaymentProvider {
  readonly name = 'midtrans';
  readonly #baseUrl: string;
  readonly #authorization: string;
  readonly #bank: MidtransBank;
  readonly #expiryMinutes: number | undefined;
  readonly #notificationUrl: string | undefined;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;
  readonly #log: GatewayLog;

  constructor(options: MidtransProviderOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#authorization = `Basic ${Buffer.from(`${options.serverKey}:`).toString('base64')}`;
    this.#bank = options.bank;
    this.#expiryMinutes = options.expiryMinutes;
    this.#notificationUrl = options.notificationUrl;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#log = options.log ?? (() => {});
  }

  async createPayment(request: CreatePaymentRequest): Promise<CreatedPayment> {
    const amount = assertChargeable(request);
    const bank = midtransBankOf(request.method) ?? this.#bank;
    const body = chargeBody(request, amount, bank, this.#expiryMinutes);
    const answer = await this.#call('charge', 'POST', MIDTRANS_CHARGE_PATH, body);
    if (!hasText(answer.transaction_id)) {
      throw providerError('Midtrans created no transaction_id', { operation: 'charge' });
    }
    // Settlement finds the payment by our reference: a charge of another order would settle the wrong one.
    if (answer.order_id !== request.merchantReference) {
      throw providerError('Midtrans answered with a charge of another order_id', { operation: 'charge' });
    }
    const instructions = instructionsOf(answer, bank);
    if (!instructions)
      throw providerError(`Midtrans opened no ${bank} virtual account`, { operation: 'charge' });
    const expiresAt = parseJakartaTime(answer.expiry_time);
    return {
      providerReference: answer.transaction_id,
      paymentUrl: '',
      instructions,
      ...(expiresAt && { expiresAt }),
    };
  }

  async queryStatus(providerReference: string, expected: ExpectedPayment): Promise<ProviderStatus> {
    let answer: MidtransTransaction;
    try {
      answer = await this.#call('get status', 'GET', midtransStatusPath(providerReference));
    } catch (error) {
      if (!isUnknownTransaction(error)) throw error;
      // A charge Midtrans created but no longer knows (keys of another environment): not failed,
      // which could never be undone, but left pending and reported.
      this.#log({ provider: 'midtrans', transactionId: providerReference }, 'Midtrans does not know it');
      return { status: 'pending', description: 'Midtrans does not know the transaction' };
    }
    if (hasText(answer.transaction_id) && answer.transaction_id !== providerReference) {
      throw providerError('Midtrans answered for another transaction', { operation: 'get status' });
    }
    if (!hasText(answer.transaction_status)) {
      throw providerError('Midtrans answered without a transaction_status', { operation: 'get status' });
    }
    const fraud = hasText(answer.fraud_status) ? answer.fraud_status : null;
    const description = fraud ? `${answer.transaction_status}/${fraud}` : answer.transaction_status;
    const status = midtransStatusOf(answer.transaction_status, fraud) ?? 'pending';
    if (status !== 'completed') return { status, description };
    const mismatch = mismatchOf(answer, expected);
    if (!mismatch) return { status, description, report: reportOf(answer) };
    this.#log(
      {
        provider: 'midtrans',
        transactionId: providerReference,
        orderId: answer.order_id,
        status: description,
        grossAmount: answer.gross_amount,
        currency: answer.currency,
        expected,
      },
      `Midtrans transaction is ${description} but ${mismatch}: not taken as completed`,
    );
    return { status: 'pending', description: `${description}: ${mismatch}` };
  }

  async #call(
    operation: Operation,
    method: 'GET' | 'POST',
    path: string,
    payload?: unknown,
  ): Promise<MidtransTransaction> {
    let response: Response;
    try {
      response = await this.#fetch(`${this.#baseUrl}${path}`, {
        method,
        headers: {
          Accept: 'application/json',
          Authorization: this.#authorization,
          ...(payload !== undefined && { 'Content-Type': 'application/json' }),
          ...(payload !== undefined &&
            this.#notificationUrl && { 'X-Override-Notification': this.#notificationUrl }),
        },
        body: payload === undefined ? undefined : JSON.stringify(payload),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (cause) {
      // A network or abort error; it carries no key.
      throw providerError(`Midtrans ${operation} request failed`, { operation }, cause);
    }
    const reading = { call: `Midtrans ${operation}`, details: { operation }, isAnswer: isJson, errorOf };
    const answer = await readJsonAnswer(response, reading);
    // Midtrans also answers a refusal with HTTP 200, the refusal in its status_code.
    const statusCode = Number(answer.status_code);
    if (statusCode >= 400 && statusCode !== EXPIRED_STATUS_CODE) {
      const { code, message } = errorOf(answer);
      throw providerError(`Midtrans ${operation} answered status_code ${code}: ${message ?? 'no details'}`, {
        operation,
        httpStatus: response.status,
        code,
        message,
      });
    }
    return answer;
  }
}

/** Why a completed transaction is not the payment we asked for, or null when it is. */
function mismatchOf(answer: MidtransTransaction, expected: ExpectedPayment): string | null {
  if (answer.order_id !== expected.merchantReference) return `it is for order_id ${String(answer.order_id)}`;
  const gross = typeof answer.gross_amount === 'string' ? Number(answer.gross_amount) : answer.gross_amount;
  if (expected.currency !== 'IDR') return `it is in IDR, not ${expected.currency}`;
  // Midtrans charges in rupiah only; an answer naming another currency is not ours
  if (answer.currency !== undefined && answer.currency !== 'IDR')
    return `it is in ${String(answer.currency)}`;
  const wanted = toMajorUnits(expected.amount, expected.currency);
  if (typeof gross !== 'number' || gross !== wanted)
    return `gross_amount ${String(answer.gross_amount)} of ${wanted}`;
  return null;
}

/** The status answer's own fields a settled payment keeps (the transaction detail shows them). */
function reportOf(answer: MidtransTransaction): Record<string, string> {
  const fields = [
    'transaction_id',
    'payment_type',
    'transaction_time',
    'transaction_status',
    'settlement_time',
  ];
  return Object.fromEntries(
    fields.flatMap((field) => {
      const value = (answer as unknown as Record<string, unknown>)[field];
      return hasText(value) ? [[field, value]] : [];
    }),
  );
}
