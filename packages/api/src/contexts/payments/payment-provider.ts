import type { CurrencyCode } from '@komisi/domain';

export interface CreatePaymentRequest {
  /** our unique reference for this charge */
  merchantReference: string;
  amount: number;
  currency: CurrencyCode;
  description: string;
  /** where the provider sends the payer afterwards */
  callbackUrl: string | null;
  customer: { email: string; name: string; phone: string | null };
}

export interface CreatedPayment {
  providerReference: string;
  paymentUrl: string;
  /** the gateway's own token for the payment page, for support (DOKU's token_id) */
  token?: string;
  /** when the payment page stops accepting payment, if the gateway says */
  expiresAt?: Date;
}

export type ProviderPaymentStatus = 'pending' | 'completed' | 'failed';

export interface ProviderStatus {
  status: ProviderPaymentStatus;
  /** the provider's own words, kept for support */
  description?: string;
}

/** Told when a gateway reports a payment we will not take as completed; pino's `log.warn.bind(log)` fits. */
export type GatewayLog = (details: Record<string, unknown>, message: string) => void;

/** A payment gateway. Status is always asked of the provider: callers never trust a client's word. */
export interface PaymentProvider {
  readonly name: string;
  createPayment(request: CreatePaymentRequest): Promise<CreatedPayment>;
  queryStatus(providerReference: string): Promise<ProviderStatus>;
}
