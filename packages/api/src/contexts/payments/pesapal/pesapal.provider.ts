import { toMajorUnits } from '@komisi/domain';
import { hasText, providerError } from '../gateway-api.ts';
import type {
  CreatedPayment,
  CreatePaymentRequest,
  PaymentProvider,
  ProviderStatus,
} from '../payment-provider.ts';
import { assertNoApiError, PesapalApi, type PesapalApiOptions, type PesapalEnvelope } from './pesapal.api.ts';

export interface PesapalProviderOptions extends PesapalApiOptions {
  /** our IPN endpoint; registered with Pesapal on first use unless `ipnId` is given */
  ipnUrl: string;
  ipnId?: string;
}

interface RegisterIpnResponse extends PesapalEnvelope {
  ipn_id?: string | null;
}

interface SubmitOrderResponse extends PesapalEnvelope {
  order_tracking_id?: string | null;
  redirect_url?: string | null;
}

interface TransactionStatusResponse extends PesapalEnvelope {
  status_code?: number | null;
  payment_status_description?: string | null;
}

const MAX_DESCRIPTION = 100;

const STATUS_BY_CODE: Record<number, ProviderStatus['status']> = {
  1: 'completed', // COMPLETED
  2: 'failed', // FAILED
  3: 'failed', // REVERSED
};

function splitName(name: string): { first: string; last: string } {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return { first: parts[0] ?? '', last: parts.slice(1).join(' ') };
}

/** Pesapal API 3.0 (https://developer.pesapal.com): hosted checkout, status always re-queried. */
export class PesapalProvider implements PaymentProvider {
  readonly name = 'pesapal';
  readonly #api: PesapalApi;
  readonly #ipnUrl: string;
  // The registration in flight is shared, so concurrent first payments register once.
  #ipn: Promise<string> | null;

  constructor(options: PesapalProviderOptions) {
    this.#api = new PesapalApi(options);
    this.#ipnUrl = options.ipnUrl;
    this.#ipn = options.ipnId ? Promise.resolve(options.ipnId) : null;
  }

  /** The notification_id for orders; registers our IPN URL once, retrying on a later call if it failed. */
  ensureIpn(): Promise<string> {
    if (!this.#ipn) {
      const registration = this.#registerIpn();
      this.#ipn = registration;
      registration.catch(() => {
        if (this.#ipn === registration) this.#ipn = null;
      });
    }
    return this.#ipn;
  }

  async createPayment(request: CreatePaymentRequest): Promise<CreatedPayment> {
    if (!request.callbackUrl) throw providerError('Pesapal needs a callback URL for the payer');
    const notificationId = await this.ensureIpn();
    const body = await this.#api.authorized<SubmitOrderResponse>(
      'POST',
      '/api/Transactions/SubmitOrderRequest',
      this.#orderPayload(request, request.callbackUrl, notificationId),
    );
    assertNoApiError(body, 'SubmitOrderRequest');
    if (!hasText(body.order_tracking_id) || !hasText(body.redirect_url)) {
      throw providerError('Pesapal SubmitOrderRequest returned no tracking id or redirect URL', {
        operation: 'SubmitOrderRequest',
      });
    }
    return { providerReference: body.order_tracking_id, paymentUrl: body.redirect_url };
  }

  async queryStatus(providerReference: string): Promise<ProviderStatus> {
    const query = new URLSearchParams({ orderTrackingId: providerReference });
    const path = `/api/Transactions/GetTransactionStatus?${query}`;
    const body = await this.#api.authorized<TransactionStatusResponse>('GET', path);
    // An unpaid order comes back as status_code 0 with error "payment_details_not_found" and
    // status "500", so a status_code is trusted over the error envelope.
    if (typeof body.status_code !== 'number') {
      assertNoApiError(body, 'GetTransactionStatus');
      throw providerError('Pesapal GetTransactionStatus returned no status_code', {
        operation: 'GetTransactionStatus',
      });
    }
    const status = STATUS_BY_CODE[body.status_code] ?? 'pending'; // 0 INVALID and unknown codes
    const description = body.payment_status_description ?? undefined;
    return description === undefined ? { status } : { status, description };
  }

  #orderPayload(request: CreatePaymentRequest, callbackUrl: string, notificationId: string) {
    const { first, last } = splitName(request.customer.name);
    return {
      id: request.merchantReference,
      currency: request.currency,
      amount: toMajorUnits(request.amount, request.currency),
      description: request.description.slice(0, MAX_DESCRIPTION),
      callback_url: callbackUrl,
      notification_id: notificationId,
      billing_address: {
        email_address: request.customer.email,
        phone_number: request.customer.phone ?? '',
        first_name: first,
        last_name: last,
      },
    };
  }

  async #registerIpn(): Promise<string> {
    const body = await this.#api.authorized<RegisterIpnResponse>('POST', '/api/URLSetup/RegisterIPN', {
      url: this.#ipnUrl,
      ipn_notification_type: 'GET',
    });
    assertNoApiError(body, 'RegisterIPN');
    if (!hasText(body.ipn_id)) {
      throw providerError('Pesapal RegisterIPN returned no ipn_id', { operation: 'RegisterIPN' });
    }
    return body.ipn_id;
  }
}
