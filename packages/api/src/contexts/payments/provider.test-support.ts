import { DomainError } from '@komisi/domain';
import { expect } from 'vitest';
import type { CreatePaymentRequest } from './payment-provider.ts';

// Shared by the gateway providers' tests.

/** A payment request with a fresh merchant reference, built on a gateway test's own defaults. */
export function paymentRequests(defaults: Omit<CreatePaymentRequest, 'merchantReference'>) {
  return (overrides: Partial<CreatePaymentRequest> = {}): CreatePaymentRequest => ({
    merchantReference: `KMS-${Math.random().toString(36).slice(2, 10)}`,
    ...defaults,
    ...overrides,
  });
}

/** The PAYMENT_PROVIDER_ERROR the promise rejects with. */
export async function providerError(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('PAYMENT_PROVIDER_ERROR');
  return error as DomainError;
}
