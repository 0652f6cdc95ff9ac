// The error envelope each profile (and the platform API) documents (packages/api/src/kernel/wire/*),
// as checks on a 4xx answer: null when the body has the profile's shape, otherwise what is wrong with it.

export type EnvelopeCheck = (status: number, body: unknown) => string | null;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((m) => typeof m === 'string');

const PLAIN_KEYS = new Set(['error', 'code', 'fields', 'request_id']);

function problems(checks: [ok: boolean, what: string][]): string | null {
  const failed = checks.filter(([ok]) => !ok).map(([, what]) => what);
  return failed.length ? failed.join('; ') : null;
}

export const ERROR_ENVELOPES: Record<string, EnvelopeCheck> = {
  // dtehm-mobile: { code: 0, message, errors: { field: [messages] } }
  'dtehm-mobile': (_status, b) =>
    isObj(b)
      ? problems([
          [b.code === 0, 'code must be 0'],
          [typeof b.message === 'string', 'message must be a string'],
          [
            isObj(b.errors) && Object.values(b.errors).every(isStrings),
            'errors must be { field: [strings] }',
          ],
        ])
      : 'not a JSON object',
  // ansania-ecommerce: { success: false, error, code, details?, meta: { timestamp } }
  'ansania-ecommerce': (_status, b) =>
    isObj(b)
      ? problems([
          [b.success === false, 'success must be false'],
          [typeof b.error === 'string', 'error must be a string'],
          [typeof b.code === 'string', 'code must be a string'],
          [b.details === undefined || isObj(b.details), 'details must be an object'],
          [isObj(b.meta) && typeof b.meta.timestamp === 'string', 'meta.timestamp must be a string'],
        ])
      : 'not a JSON object',
  // affiliate-marketer (NestJS): { statusCode, message (string, or strings for 400), error? }
  'affiliate-marketer': (status, b) =>
    isObj(b)
      ? problems([
          [b.statusCode === status, `statusCode must be ${status}`],
          [typeof b.message === 'string' || isStrings(b.message), 'message must be a string or strings'],
          [b.error === undefined || typeof b.error === 'string', 'error must be a string'],
        ])
      : 'not a JSON object',
  // qutab-platform (koperasi style): { success: false, error: { code, message, details?, timestamp, request_id } }
  'qutab-platform': (_status, b) =>
    isObj(b)
      ? problems([
          [b.success === false, 'success must be false'],
          [isObj(b.error), 'error must be an object'],
          [isObj(b.error) && typeof b.error.code === 'string', 'error.code must be a string'],
          [isObj(b.error) && typeof b.error.message === 'string', 'error.message must be a string'],
          [isObj(b.error) && typeof b.error.timestamp === 'string', 'error.timestamp must be a string'],
          [isObj(b.error) && typeof b.error.request_id === 'string', 'error.request_id must be a string'],
        ])
      : 'not a JSON object',
  // koperasi-sinoman: the same koperasi envelope: { success: false, error: { code, message, details?, timestamp, request_id } }
  'koperasi-sinoman': (_status, b) =>
    isObj(b)
      ? problems([
          [b.success === false, 'success must be false'],
          [isObj(b.error), 'error must be an object'],
          [isObj(b.error) && typeof b.error.code === 'string', 'error.code must be a string'],
          [isObj(b.error) && typeof b.error.message === 'string', 'error.message must be a string'],
          [isObj(b.error) && typeof b.error.timestamp === 'string', 'error.timestamp must be a string'],
          [isObj(b.error) && typeof b.error.request_id === 'string', 'error.request_id must be a string'],
        ])
      : 'not a JSON object',
  // the platform API (plain style): { error, code, fields?: { path: [messages] }, request_id }, nothing else
  platform: (_status, b) =>
    isObj(b)
      ? problems([
          [typeof b.error === 'string', 'error must be a string'],
          [typeof b.code === 'string', 'code must be a string'],
          [
            b.fields === undefined || (isObj(b.fields) && Object.values(b.fields).every(isStrings)),
            'fields must be { path: [strings] }',
          ],
          [typeof b.request_id === 'string', 'request_id must be a string'],
          [
            Object.keys(b).every((k) => PLAIN_KEYS.has(k)),
            `no keys but ${[...PLAIN_KEYS].join(', ')} (has ${Object.keys(b).join(', ')})`,
          ],
        ])
      : 'not a JSON object',
};

/** tRPC (superjson): `{ error: { json: { message, code, data: { code, httpStatus, domainCode } } } }`, one per call of a batch. */
export const TRPC_ERROR: EnvelopeCheck = (status, b) => {
  if (Array.isArray(b)) {
    const found = b
      .map((item) => (isObj(item) && 'result' in item ? null : TRPC_ERROR(status, item)))
      .filter((p) => p !== null);
    return found.length ? found.join(' | ') : null;
  }
  if (!isObj(b) || !isObj(b.error)) return 'no error object';
  const e = isObj(b.error.json) ? b.error.json : null;
  if (!e) return 'error is not superjson ({ json: … })';
  return problems([
    [typeof e.message === 'string', 'error.json.message must be a string'],
    [typeof e.code === 'number', 'error.json.code must be a number'],
    [isObj(e.data) && typeof e.data.code === 'string', 'error.json.data.code must be a string'],
    [isObj(e.data) && typeof e.data.httpStatus === 'number', 'error.json.data.httpStatus must be a number'],
    [isObj(e.data) && typeof e.data.domainCode === 'string', 'error.json.data.domainCode must be a string'],
  ]);
};
