import type { DomainErrorCode } from '@komisi/domain';
import type { ApiError } from '../error-map.ts';
import type { WireStyle } from './wire-style.ts';

// ansania-ecommerce: `{ success: true, data, meta: { timestamp } }`;
// errors `{ success: false, error, code, details, meta: { timestamp } }` with the spec's codes.
const SPEC_CODE: Partial<Record<DomainErrorCode, string>> = {
  TOKEN_EXPIRED: 'UNAUTHORIZED',
  RATE_LIMITED: 'RATE_LIMIT_EXCEEDED',
  INVALID_STATE: 'CONFLICT',
  PAYMENT_PROVIDER_ERROR: 'SERVICE_UNAVAILABLE',
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
};

const STATUS: Partial<Record<DomainErrorCode, number>> = { PAYMENT_PROVIDER_ERROR: 503 };

/** A rule-specific code (e.g. VOUCHER_EXPIRED) travels in the error's details and wins. */
function specCode(e: ApiError): string {
  const specific = (e.details as { code?: unknown } | undefined)?.code;
  if (typeof specific === 'string') return specific;
  return SPEC_CODE[e.code] ?? e.code;
}

/** the documents' examples carry a fixed time, so the documents stay the same from one build to the next */
const EXAMPLE_TIMESTAMP = '2026-02-03T10:00:00Z';

const meta = () => ({ timestamp: new Date().toISOString() });

export const successStyle: WireStyle = {
  name: 'success',
  success: (data) => ({ success: true, data, meta: meta() }),
  successExample: (data) => ({ success: true, data, meta: { timestamp: EXAMPLE_TIMESTAMP } }),
  error: (e) => ({
    success: false,
    error: e.message,
    code: specCode(e),
    details: e.fields ?? (e.details && typeof e.details === 'object' ? e.details : {}),
    meta: meta(),
  }),
  status: (e) => STATUS[e.code] ?? e.status,
  successSchema: (data) => ({
    type: 'object',
    required: ['success', 'data', 'meta'],
    properties: {
      success: { type: 'boolean', const: true },
      data,
      meta: { type: 'object', properties: { timestamp: { type: 'string', format: 'date-time' } } },
    },
  }),
  errorSchema: () => ({
    type: 'object',
    required: ['success', 'error', 'code', 'meta'],
    properties: {
      success: { type: 'boolean', const: false },
      error: { type: 'string' },
      code: {
        type: 'string',
        examples: [
          'VALIDATION_ERROR',
          'UNAUTHORIZED',
          'FORBIDDEN',
          'NOT_FOUND',
          'CONFLICT',
          'RATE_LIMIT_EXCEEDED',
        ],
      },
      details: {
        type: 'object',
        description: 'For VALIDATION_ERROR: each invalid field and its messages',
        additionalProperties: true,
      },
      meta: { type: 'object', properties: { timestamp: { type: 'string', format: 'date-time' } } },
    },
  }),
  errorExample: (status, message) => ({
    success: false,
    error: message,
    code:
      (
        {
          400: 'VALIDATION_ERROR',
          401: 'UNAUTHORIZED',
          403: 'FORBIDDEN',
          404: 'NOT_FOUND',
          409: 'CONFLICT',
          429: 'RATE_LIMIT_EXCEEDED',
        } as Record<number, string>
      )[status] ?? 'INTERNAL_ERROR',
    details: status === 400 ? { field_name: ['Validation error message'] } : {},
    meta: { timestamp: EXAMPLE_TIMESTAMP },
  }),
};
