import type { ApiError } from '../error-map.ts';
import type { JsonSchema, WireStyle } from './wire-style.ts';

// affiliate-marketer (NestJS style): the body IS the data; errors `{ statusCode, message, error? }`.
// 400: `message` lists each problem, naming its field ("month must not be greater than 12");
// 401 and 403 carry the spec's fixed messages.
const ERROR_NAME: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
};
const DOCUMENTED = new Set([200, 201, 400, 401, 403, 404, 409, 429, 500]);

function status(e: ApiError): number {
  return DOCUMENTED.has(e.status) ? e.status : e.status < 500 ? 400 : 500;
}

/** Field errors as NestJS's ValidationPipe lists them: one sentence per problem, starting with the field. */
function messages(e: ApiError): string[] {
  if (!e.fields || Object.keys(e.fields).length === 0) return [e.message];
  return Object.entries(e.fields).flatMap(([field, list]) =>
    list.map((m) => (field === '_' || m.startsWith(`${field} `) ? m : `${field} ${m}`)),
  );
}

export const bareStyle: WireStyle = {
  name: 'bare',
  success: (data) => data,
  successExample: (data) => data,
  error: (e) => {
    const code = status(e);
    if (code === 401) return { statusCode: 401, message: 'Unauthorized' };
    if (code === 403) return { statusCode: 403, message: 'Forbidden resource' };
    if (code >= 500) return { statusCode: code, message: 'Internal server error' };
    if (code === 400) return { statusCode: 400, message: messages(e), error: ERROR_NAME[400] };
    return { statusCode: code, message: e.message, ...(ERROR_NAME[code] && { error: ERROR_NAME[code] }) };
  },
  status,
  successSchema: (data: JsonSchema) => data,
  errorSchema: () => ({
    type: 'object',
    required: ['statusCode', 'message'],
    properties: {
      statusCode: { type: 'integer' },
      message: {
        description: 'A sentence, or for 400 the list of problems (each naming its field)',
        oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
      },
      error: { type: 'string', examples: ['Bad Request', 'Not Found', 'Conflict'] },
    },
  }),
  errorExample: (code, message) =>
    code === 400
      ? {
          statusCode: 400,
          message: ['month must be a number conforming to the specified constraints'],
          error: 'Bad Request',
        }
      : code === 401
        ? { statusCode: 401, message: 'Unauthorized' }
        : code === 403
          ? { statusCode: 403, message: 'Forbidden resource' }
          : code >= 500
            ? { statusCode: 500, message: 'Internal server error' }
            : { statusCode: code, message, ...(ERROR_NAME[code] && { error: ERROR_NAME[code] }) },
};
