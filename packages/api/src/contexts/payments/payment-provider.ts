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
  /** how the payer asked to pay (`payment.requestedMethod`); a gateway may read a channel from it (Midtrans: the bank) */
  method?: string;
}

/** A bank-transfer gateway's payment instructions: the virtual account the payer transfers to. */
export interface PaymentInstructions {
  /** the gateway's bank code, e.g. `bca` */
  bank: string;
  vaNumber: string;
}

export interface CreatedPayment {
  providerReference: string;
  paymentUrl: string;
  /** the gateway's own token for the payment page, for support (DOKU's token_id) */
  token?: string;
  /** when the payment page stops accepting payment, if the gateway says */
  expiresAt?: Date;
  /** how to pay when there is no page to send the payer to (a bank transfer into a virtual account) */
  instructions?: PaymentInstructions;
}

/** What we asked a gateway to collect, for its status answer to be checked against. */
export interface ExpectedPayment {
  merchantReference: string;
  amount: number;
  currency: CurrencyCode;
}

export type ProviderPaymentStatus = 'pending' | 'completed' | 'failed';

export interface ProviderStatus {
  status: ProviderPaymentStatus;
  /** the provider's own words, kept for support */
  description?: string;
  /** what the provider answered in its own terms (Midtrans' `transaction_status`, `payment_type`, times) */
  report?: Record<string, string>;
}

/** Told when a gateway reports a payment we will not take as completed; pino's `log.warn.bind(log)` fits. */
export type GatewayLog = (details: Record<string, unknown>, message: string) => void;

/** A payment gateway. Status is always asked of the provider: callers never trust a client's word. */
export interface PaymentProvider {
  readonly name: string;
  createPayment(request: CreatePaymentRequest): Promise<CreatedPayment>;
  /** `expected`: what the payment is for; a gateway whose answer carries the amount checks it */
  queryStatus(providerReference: string, expected: ExpectedPayment): Promise<ProviderStatus>;
}
