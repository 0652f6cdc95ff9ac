import type { WireStyle } from './wire-style.ts';

// dtehm-mobile: `{ code: 1, message, data }`; errors `{ code: 0, message, errors: { field: [..] } }`.
// Its document lists 400/401/404/500: conflicts fold into 400 and gateway failures into 500.
const DOCUMENTED = new Set([200, 201, 400, 401, 403, 404, 429, 500]);

export const codeStyle: WireStyle = {
  name: 'code',
  success: (data, message) => (message === undefined ? { code: 1, data } : { code: 1, message, data }),
  successExample: (data, message) => codeStyle.success(data, message),
  error: (e) => ({ code: 0, message: e.message, errors: e.fields ?? {} }),
  status: (e) => (DOCUMENTED.has(e.status) ? e.status : e.status < 500 ? 400 : 500),
  successSchema: (data, message) => ({
    type: 'object',
    required: message === undefined ? ['code', 'data'] : ['code', 'message', 'data'],
    properties: {
      code: { type: 'integer', const: 1 },
      ...(message !== undefined && { message: { type: 'string', example: message } }),
      data,
    },
  }),
  errorSchema: () => ({
    type: 'object',
    required: ['code', 'message', 'errors'],
    properties: {
      code: { type: 'integer', const: 0 },
      message: { type: 'string' },
      errors: {
        type: 'object',
        description: 'Invalid fields and their messages (empty when the error is not about a field)',
        additionalProperties: { type: 'array', items: { type: 'string' } },
      },
    },
  }),
  errorExample: (status, message) => ({
    code: 0,
    message,
    errors: status === 400 ? { field_name: ['Validation error message'] } : {},
  }),
};
