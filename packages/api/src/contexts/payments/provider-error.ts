import { DomainError } from '@komisi/domain';

/** A gateway refused, failed or answered what we cannot use; `details` hold only what helps support (no secrets). */
export function providerError(message: string, details?: unknown, cause?: unknown): DomainError {
  return new DomainError('PAYMENT_PROVIDER_ERROR', message, { details, cause });
}

/** A string with something besides white space: how the gateways' optional fields are read. */
export function hasText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
