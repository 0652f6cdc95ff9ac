import { DomainError, type DomainErrorCode } from '@komisi/domain';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';
import { domainErrorFromDatabase } from './input/database-errors.ts';

/** One place maps stable domain codes to HTTP statuses and tRPC codes. */
export const HTTP_STATUS: Record<DomainErrorCode, number> = {
  VALIDATION_ERROR: 400,
  UNAUTHORIZED: 401,
  TOKEN_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INSUFFICIENT_BALANCE: 400,
  // a business rule of a well-formed request: 400 like INSUFFICIENT_BALANCE (koperasi style: 422 is for validation)
  BELOW_MINIMUM_PAYOUT: 400,
  // a payout needs a verified bank account first: the account's state, not the request, is wrong
  BANK_ACCOUNT_NOT_VERIFIED: 409,
  INSUFFICIENT_STOCK: 400,
  PAYMENT_PENDING: 400,
  PAYMENT_FAILED: 400,
  PAYMENT_PROVIDER_ERROR: 502,
  INVALID_STATE: 409,
  // the request is well formed but a rule refuses it (koperasi style: 400 with the rule's code and field)
  RULE_VIOLATION: 400,
  INTERNAL_ERROR: 500,
};

export const TRPC_CODE: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  VALIDATION_ERROR: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  TOKEN_EXPIRED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'TOO_MANY_REQUESTS',
  INSUFFICIENT_BALANCE: 'BAD_REQUEST',
  BELOW_MINIMUM_PAYOUT: 'BAD_REQUEST',
  BANK_ACCOUNT_NOT_VERIFIED: 'CONFLICT',
  INSUFFICIENT_STOCK: 'BAD_REQUEST',
  PAYMENT_PENDING: 'BAD_REQUEST',
  PAYMENT_FAILED: 'BAD_REQUEST',
  PAYMENT_PROVIDER_ERROR: 'BAD_GATEWAY',
  INVALID_STATE: 'CONFLICT',
  RULE_VIOLATION: 'BAD_REQUEST',
  INTERNAL_ERROR: 'INTERNAL_SERVER_ERROR',
};

/** What a wire style needs to render an error, whatever was thrown. */
/** Finer reasons a DomainError may carry (DomainErrorOptions.reason), by name. */
export const REASON = {
  /** an authenticated call sent no token at all (a bad one is plain UNAUTHORIZED) */
  TOKEN_MISSING: 'TOKEN_MISSING',
} as const;

export interface ApiError {
  status: number;
  code: DomainErrorCode;
  message: string;
  fields: Record<string, string[]> | undefined;
  details: unknown;
  /** the DomainError's finer reason, for wire styles that document one (see DomainErrorOptions.reason) */
  reason?: string | undefined;
}

export function zodIssuesToFields(error: ZodError | ZodError['issues']): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of Array.isArray(error) ? error : error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] = [...(fields[key] ?? []), fieldMessage(issue)];
  }
  return fields;
}

/**
 * zod 4 keeps no input on its issues, so a missing field is told apart from a wrong type by the
 * type it received: `undefined` is "is required", anything else says what was expected.
 */
function fieldMessage(issue: ZodError['issues'][number]): string {
  if (issue.code !== 'invalid_type') return issue.message;
  if (/received undefined$/.test(issue.message)) return 'is required';
  return `must be ${article(issue.expected)} ${issue.expected}`;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

function fromDomainError(e: DomainError): ApiError {
  return {
    status: HTTP_STATUS[e.code],
    code: e.code,
    message: e.message,
    fields: e.fields,
    details: e.details,
    reason: e.reason,
  };
}

const TRPC_FALLBACK: Partial<Record<TRPC_ERROR_CODE_KEY, DomainErrorCode>> = {
  BAD_REQUEST: 'VALIDATION_ERROR',
  PARSE_ERROR: 'VALIDATION_ERROR',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  UNSUPPORTED_MEDIA_TYPE: 'VALIDATION_ERROR',
};

/** Normalises anything thrown by a procedure. Unknown errors become a bare 500: no stack, no SQL. */
export function toApiError(error: unknown): ApiError {
  const cause = error instanceof TRPCError ? error.cause : error;
  if (cause instanceof DomainError) return fromDomainError(cause);
  const fromDatabase = domainErrorFromDatabase(cause);
  if (fromDatabase) return fromDomainError(fromDatabase);
  if (cause instanceof ZodError) {
    return {
      status: 400,
      code: 'VALIDATION_ERROR',
      message: 'The given data was invalid.',
      fields: zodIssuesToFields(cause),
      details: undefined,
    };
  }
  if (error instanceof TRPCError) {
    const code = TRPC_FALLBACK[error.code];
    if (code) {
      return {
        status: HTTP_STATUS[code],
        code,
        message: error.message,
        fields: undefined,
        details: undefined,
      };
    }
    // tRPC's own refusals of a malformed call (wrong method, body too large…) keep their 4xx status
    const status = getHTTPStatusCodeFromError(error);
    if (status < 500)
      return {
        status,
        code: 'VALIDATION_ERROR',
        message: error.message,
        fields: undefined,
        details: undefined,
      };
  }
  return {
    status: 500,
    code: 'INTERNAL_ERROR',
    message: 'Internal server error',
    fields: undefined,
    details: undefined,
  };
}
