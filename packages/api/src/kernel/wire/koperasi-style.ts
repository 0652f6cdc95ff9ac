import type { DomainErrorCode } from '@komisi/domain';
import { type ApiError, REASON } from '../error-map.ts';
import type { WireStyle } from './wire-style.ts';

// koperasi-sinoman (and qutab-platform, which documents no envelope of its own):
// `{ success: true, message?, data }`; errors
// `{ success: false, error: { code, message, details, field?, timestamp, request_id } }`.
// Validation failures are 422 VALIDATION_FAILED with `details: { field: [messages] }`.

const SPEC_CODE: Partial<Record<DomainErrorCode, string>> = {
  VALIDATION_ERROR: 'VALIDATION_FAILED',
  UNAUTHORIZED: 'AUTH_TOKEN_INVALID',
  TOKEN_EXPIRED: 'AUTH_TOKEN_EXPIRED',
  FORBIDDEN: 'AUTH_INSUFFICIENT_PERMISSIONS',
  RATE_LIMITED: 'RATE_LIMIT_EXCEEDED',
  INVALID_STATE: 'CONFLICT',
  PAYMENT_PROVIDER_ERROR: 'PAYMENT_METHOD_UNAVAILABLE',
};

const STATUS: Partial<Record<DomainErrorCode, number>> = {
  VALIDATION_ERROR: 422,
  PAYMENT_PROVIDER_ERROR: 503,
};

function specCode(e: ApiError): string {
  // a rule-specific code (e.g. BELOW_MINIMUM_PAYOUT) travels in the details and wins
  const specific = (e.details as { code?: unknown } | undefined)?.code;
  if (typeof specific === 'string') return specific;
  // no token at all is AUTH_TOKEN_MISSING; a bad one AUTH_TOKEN_INVALID
  if (e.code === 'UNAUTHORIZED' && e.reason === REASON.TOKEN_MISSING) return 'AUTH_TOKEN_MISSING';
  return SPEC_CODE[e.code] ?? e.code;
}

function detailsOf(e: ApiError): unknown {
  // a sentence the document shows as `details` (INSUFFICIENT_BALANCE's balances) wins over the field list
  if (typeof e.details === 'string') return e.details;
  if (e.fields) return e.fields;
  if (e.details === undefined || e.details === null) return null;
  return e.details;
}

/** An operation that answers no data (the document's webhooks: `{ success, message }`) has an empty schema. */
const noData = (schema: Record<string, unknown>) => Object.keys(schema).length === 0;

export const koperasiStyle: WireStyle = {
  name: 'koperasi',
  success: (data, message) => ({
    success: true,
    ...(message !== undefined && { message }),
    ...(data !== undefined && { data }),
  }),
  successExample: (data, message) => koperasiStyle.success(data, message),
  error: (e, requestId) => {
    const fields = e.fields ? Object.keys(e.fields) : [];
    return {
      success: false,
      error: {
        code: specCode(e),
        message: e.message,
        details: detailsOf(e),
        // the first invalid field, as the document's examples show one
        ...(fields.length > 0 && { field: fields[0] }),
        timestamp: new Date().toISOString(),
        request_id: requestId,
      },
    };
  },
  status: (e) => STATUS[e.code] ?? e.status,
  successSchema: (data, message) => ({
    type: 'object',
    required: noData(data) ? ['success'] : ['success', 'data'],
    properties: {
      success: { type: 'boolean', const: true },
      ...(message !== undefined && { message: { type: 'string', example: message } }),
      ...(!noData(data) && { data }),
    },
  }),
  errorSchema: () => ({
    type: 'object',
    required: ['success', 'error'],
    properties: {
      success: { type: 'boolean', const: false },
      error: {
        type: 'object',
        required: ['code', 'message', 'timestamp', 'request_id'],
        properties: {
          code: {
            type: 'string',
            examples: [
              'VALIDATION_FAILED',
              'AUTH_TOKEN_MISSING',
              'AUTH_TOKEN_INVALID',
              'AUTH_TOKEN_EXPIRED',
              'AUTH_INSUFFICIENT_PERMISSIONS',
              'NOT_FOUND',
              'CONFLICT',
              'INSUFFICIENT_BALANCE',
              'RATE_LIMIT_EXCEEDED',
            ],
          },
          message: { type: 'string' },
          details: {
            description:
              'For VALIDATION_FAILED: each invalid field and its messages; otherwise more detail or null',
          },
          field: { type: 'string', description: 'The (first) field the error is about' },
          timestamp: { type: 'string', format: 'date-time' },
          request_id: { type: 'string' },
        },
      },
    },
  }),
  errorExample: (status, message) => ({
    success: false,
    error: {
      code:
        (
          {
            400: 'VALIDATION_FAILED',
            401: 'AUTH_TOKEN_MISSING',
            403: 'AUTH_INSUFFICIENT_PERMISSIONS',
            404: 'NOT_FOUND',
            409: 'CONFLICT',
            429: 'RATE_LIMIT_EXCEEDED',
          } as Record<number, string>
        )[status] ?? 'INTERNAL_ERROR',
      message,
      // called with 400 for invalid input, which this style answers as 422
      details: status === 400 ? { email: ['must be a valid email address'] } : null,
      ...(status === 400 && { field: 'email' }),
      timestamp: '2026-01-10T10:00:00Z',
      request_id: 'req_550e8400-e29b-41d4-a716-446655440000',
    },
  }),
};
