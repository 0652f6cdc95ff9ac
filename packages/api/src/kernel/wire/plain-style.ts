import type { JsonSchema, WireStyle } from './wire-style.ts';

// The platform API (ours, no spec to follow): the body is the data; an error is the server's plain
// `{ error }` (what an unknown tenant's 404 already answers), with the stable code, the invalid
// fields by path and the request id beside it.

export const plainStyle: WireStyle = {
  name: 'plain',
  success: (data) => data,
  error: (e, requestId) => ({
    error: e.status >= 500 ? 'Internal server error' : e.message,
    code: e.code,
    ...(e.fields && Object.keys(e.fields).length > 0 && { fields: e.fields }),
    request_id: requestId,
  }),
  status: (e) => e.status,
  successSchema: (data: JsonSchema) => data,
  successExample: (data) => data,
  errorSchema: () => ({
    type: 'object',
    required: ['error', 'code', 'request_id'],
    properties: {
      error: { type: 'string', description: 'What went wrong, in a sentence' },
      code: { type: 'string', examples: ['VALIDATION_ERROR', 'UNAUTHORIZED', 'NOT_FOUND', 'CONFLICT'] },
      fields: {
        type: 'object',
        description: 'Invalid input: messages by field path (e.g. `referralAffiliates.holdDays`)',
        additionalProperties: { type: 'array', items: { type: 'string' } },
      },
      request_id: { type: 'string' },
    },
  }),
  errorExample: (status, message) =>
    status === 400
      ? {
          error: 'The settings are invalid.',
          code: 'VALIDATION_ERROR',
          fields: { 'referralAffiliates.holdDays': ['Too small: expected number to be >=0'] },
          request_id: '2f1c0e9a-6b8e-4c1e-9a43-0d3c5e0f7a21',
        }
      : {
          error: message,
          code:
            status === 401
              ? 'UNAUTHORIZED'
              : status === 404
                ? 'NOT_FOUND'
                : status === 429
                  ? 'RATE_LIMITED'
                  : status >= 500
                    ? 'INTERNAL_ERROR'
                    : 'ERROR',
          request_id: '2f1c0e9a-6b8e-4c1e-9a43-0d3c5e0f7a21',
        },
};
