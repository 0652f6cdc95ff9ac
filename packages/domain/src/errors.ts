/**
 * Error codes the whole system speaks. Each value equals its key so a code can travel through JSON,
 * logs and HTTP bodies and still be compared against this object.
 */
export const DomainErrorCode = {
  VALIDATION_ERROR: 'VALIDATION_ERROR',
  UNAUTHORIZED: 'UNAUTHORIZED',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  INSUFFICIENT_BALANCE: 'INSUFFICIENT_BALANCE',
  BELOW_MINIMUM_PAYOUT: 'BELOW_MINIMUM_PAYOUT',
  BANK_ACCOUNT_NOT_VERIFIED: 'BANK_ACCOUNT_NOT_VERIFIED',
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
  PAYMENT_PENDING: 'PAYMENT_PENDING',
  PAYMENT_FAILED: 'PAYMENT_FAILED',
  PAYMENT_PROVIDER_ERROR: 'PAYMENT_PROVIDER_ERROR',
  INVALID_STATE: 'INVALID_STATE',
  /** a well-formed request a business rule refuses (a wrong one-time code, a second Simpanan Pokok); the rule's own code in `details.code` */
  RULE_VIOLATION: 'RULE_VIOLATION',
  INTERNAL_ERROR: 'INTERNAL_ERROR',
} as const;

export type DomainErrorCode = (typeof DomainErrorCode)[keyof typeof DomainErrorCode];

/** Per-field messages, Laravel style: `{ amount: ['must not be negative'] }`. */
export type FieldErrors = Record<string, string[]>;

export interface DomainErrorOptions {
  fields?: FieldErrors;
  details?: unknown;
  /**
   * Why, in more detail than the code, for a wire style that documents finer codes (e.g. a missing
   * token is AUTH_TOKEN_MISSING in koperasi's envelope, UNAUTHORIZED everywhere else). Never shown as is.
   */
  reason?: string;
  cause?: unknown;
}

/** A business-rule failure; the transport layer maps `code` to a status and body. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: DomainErrorCode;
  readonly fields: FieldErrors | undefined;
  readonly details: unknown;
  readonly reason: string | undefined;

  constructor(code: DomainErrorCode, message: string, options: DomainErrorOptions = {}) {
    // Only pass `cause` when there is one, so errors without a cause do not carry an empty property.
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
    this.reason = options.reason;
  }
}

export function validationError(fields: FieldErrors, message = 'The given data was invalid.'): DomainError {
  return new DomainError(DomainErrorCode.VALIDATION_ERROR, message, { fields });
}

/** Shorthand for the common case of one field with one problem. */
export function fieldError(field: string, message: string): DomainError {
  return validationError({ [field]: [message] });
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
