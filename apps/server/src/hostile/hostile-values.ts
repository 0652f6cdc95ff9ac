import fc from 'fast-check';

// Hostile inputs derived from an operation's JSON schemas (as the generated OpenAPI documents show
// them): valid baselines to mutate, and per class of hostility the values to put in a body field, a
// query value or a path segment. Everything is plain data so a failing case prints as it was sent.

/** A JSON Schema node of a generated OpenAPI document. */
export type Schema = Record<string, unknown>;

/** JSON text put into a body as it is: lone surrogate escapes, 5,000-deep nesting, numbers past doubles. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a value that may contain `RawJson` parts (undefined properties are left out). */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : toJsonText(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A value as a query or path text (not yet percent-encoded). */
export function toPlainText(value: unknown): string {
  if (value instanceof RawJson) {
    try {
      const parsed: unknown = JSON.parse(value.text);
      if (typeof parsed === 'string') return parsed;
    } catch {}
    return value.text;
  }
  if (typeof value === 'string') return value;
  return toJsonText(value);
}

/**
 * Percent-encodes text for a URL; lone surrogates (which `encodeURIComponent` refuses) become their
 * WTF-8 bytes, e.g. `%ED%A0%80`, as a client that does not check would send them.
 */
export function percentEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(text[i]!);
    }
  }
  return out;
}

/**
 * Text for a report line: control characters and lone surrogates escaped, long runs (`x` × 100,000,
 * `[` × 5,000) shortened, the whole cut at `max`.
 */
export function abbreviate(text: string, max = 600): string {
  const short = escapeInvisible(text).replace(
    /(.{1,8}?)\1{20,}/gs,
    (run, unit: string) => `‹${unit}›×${run.length / unit.length}`,
  );
  return short.length > max ? `${short.slice(0, max)}… (${text.length} chars)` : short;
}

function escapeInvisible(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += text.slice(i, i + 2);
      i++;
    } else if (unit < 0x20 || unit === 0x7f || (unit >= 0xd800 && unit <= 0xdfff)) {
      out += `\\u${unit.toString(16).padStart(4, '0')}`;
    } else {
      out += text[i];
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Schemas

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export { HTTP_METHODS };

/** A schema with a local `$ref` followed (the generated documents inline almost everything). */
export function deref(schema: unknown, doc: Schema): Schema {
  let node = (schema ?? {}) as Schema;
  for (let hops = 0; typeof node.$ref === 'string' && hops < 10; hops++) {
    const path = (node.$ref as string).replace(/^#\//, '').split('/');
    node = path.reduce<Schema>(
      (n, key) => (n?.[key.replace(/~1/g, '/').replace(/~0/g, '~')] ?? {}) as Schema,
      doc,
    );
  }
  return node;
}

/** The first variant that is not `null` of an anyOf/oneOf, or the schema itself. */
export function mainVariant(schema: Schema): Schema {
  const variants = (schema.anyOf ?? schema.oneOf ?? schema.allOf) as Schema[] | undefined;
  if (!variants?.length) return schema;
  return mainVariant(variants.find((v) => v.type !== 'null') ?? variants[0]!);
}

function typeOf(schema: Schema): string | undefined {
  const s = mainVariant(schema);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (typeof type === 'string') return type;
  if (s.properties) return 'object';
  if (s.items) return 'array';
  if (s.enum) return typeof (s.enum as unknown[])[0];
  if ('const' in s) return typeof s.const;
  return undefined;
}

/** The schema at a field path (object keys, array indexes), or `{}` where the schema says nothing. */
export function schemaAt(schema: Schema, path: readonly (string | number)[]): Schema {
  let node = schema;
  for (const key of path) {
    const s = mainVariant(node);
    node =
      typeof key === 'number'
        ? ((s.items ?? {}) as Schema)
        : (((s.properties as Record<string, Schema> | undefined)?.[key] ?? {}) as Schema);
  }
  return node;
}

/** Every field path of a body schema (nested objects, first array item), at most `depth` deep. */
export function fieldPaths(schema: Schema, depth = 4): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (node: Schema, at: (string | number)[]) => {
    if (at.length >= depth) return;
    const s = mainVariant(node);
    for (const [key, child] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) {
      out.push([...at, key]);
      walk(child, [...at, key]);
    }
    if (s.items && at.length > 0) {
      out.push([...at, 0]);
      walk(s.items as Schema, [...at, 0]);
    }
  };
  walk(schema, []);
  return out;
}

export function requiredKeys(schema: Schema): string[] {
  return (mainVariant(schema).required as string[] | undefined) ?? [];
}

/** A copy of `root` with `value` at `path` (objects and arrays created on the way). */
export function setAt(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  if (typeof key === 'number') {
    const list = Array.isArray(root) ? [...root] : [];
    while (list.length <= key) list.push(null);
    list[key] = setAt(list[key], rest, value);
    return list;
  }
  const obj = root !== null && typeof root === 'object' && !Array.isArray(root) ? { ...root } : {};
  (obj as Record<string, unknown>)[key!] = setAt((obj as Record<string, unknown>)[key!], rest, value);
  return obj;
}

// ---------------------------------------------------------------------------------------------
// Valid values (the baseline a case mutates)

let emailCounter = 0;

function validString(s: Schema): fc.Arbitrary<string> {
  const min = (s.minLength as number | undefined) ?? 0;
  const max = Math.max(min, Math.min((s.maxLength as number | undefined) ?? min + 12, min + 12));
  switch (s.format) {
    case 'email':
      return fc.nat(1_000_000).map((n) => `hostile.${n}.${++emailCounter}@example.com`);
    case 'uri':
    case 'url':
      return fc.constantFrom('https://example.com/return', 'https://example.org/a?b=c');
    case 'date':
      return fc.constantFrom('2026-01-15', '2025-12-31');
    case 'date-time':
      return fc.constantFrom('2026-01-15T10:00:00.000Z', '2025-12-31T23:59:59Z');
    case 'binary':
      return fc.constant(TINY_PNG_BASE64);
  }
  if (typeof s.pattern === 'string') {
    try {
      const regex = new RegExp(s.pattern);
      return fc
        .stringMatching(regex)
        .filter((v) => v.length >= min && v.length <= ((s.maxLength as number | undefined) ?? 1000));
    } catch {}
  }
  return fc.string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
    minLength: Math.max(min, 1),
    maxLength: Math.max(max, 1),
  });
}

/** A small number in the schema's range (ids land on rows the demo data has). */
function validNumber(s: Schema): fc.Arbitrary<number> {
  const exMin = s.exclusiveMinimum as number | undefined;
  const exMax = s.exclusiveMaximum as number | undefined;
  const lo = Math.ceil(
    Math.max((s.minimum as number | undefined) ?? 1, exMin === undefined ? -Infinity : exMin + 1),
  );
  const hi = Math.min(
    (s.maximum as number | undefined) ?? Infinity,
    exMax === undefined ? Infinity : exMax - 1,
    lo + 50,
  );
  return fc.integer({ min: lo, max: Math.max(lo, Math.floor(hi)) });
}

/** A value the schema accepts (as far as a schema can say: ids may name nothing). */
export function validValue(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const s = mainVariant(schema);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum) && s.enum.length) return fc.constantFrom(...(s.enum as unknown[]));
  if (s.default !== undefined && depth > 0) return fc.oneof(fc.constant(s.default), validByType(s, depth));
  return validByType(s, depth);
}

function validByType(s: Schema, depth: number): fc.Arbitrary<unknown> {
  switch (typeOf(s)) {
    case 'string':
      return validString(s);
    case 'integer':
    case 'number':
      return validNumber(s);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minItems = (s.minItems as number | undefined) ?? 0;
      return fc.array(validValue((s.items ?? {}) as Schema, depth + 1), {
        minLength: Math.max(minItems, 1),
        maxLength: Math.max(minItems, 2),
      });
    }
    case 'object': {
      if (depth > 5) return fc.constant({});
      const props = (s.properties ?? {}) as Record<string, Schema>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, child] of Object.entries(props)) model[key] = validValue(child, depth + 1);
      const required = ((s.required as string[] | undefined) ?? []).filter((k) => k in props);
      return fc.record(model, { requiredKeys: required });
    }
    default:
      return fc.constantFrom('x', 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Hostile values

/** Classes of hostility; a CI run sends at least one case of each class per operation and place. */
export const VALUE_CLASSES = [
  'type',
  'nul',
  'surrogate',
  'huge-string',
  'huge-number',
  'deep',
  'traversal',
  'format',
  'junk',
] as const;
export type ValueClass = (typeof VALUE_CLASSES)[number];

const HUGE = 100_000;
const DEEP = 5_000;

export const deepArray = (depth = DEEP) => new RawJson(`${'['.repeat(depth)}${']'.repeat(depth)}`);
export const deepObject = (depth = DEEP) => new RawJson(`${'{"a":'.repeat(depth)}null${'}'.repeat(depth)}`);

/** Numbers as JSON text: doubles at their limits, integers past 2^31, 2^53 and 2^63, fractions, negatives. */
const HUGE_NUMBERS = [
  '1e308',
  '-1e308',
  '1e400',
  '9007199254740993',
  '-9007199254740993',
  '2147483648',
  '2147483647',
  '-2147483649',
  '4294967296',
  '9223372036854775808',
  '1e21',
  '-1',
  '0',
  '-0',
  '1.5',
  '0.000001',
  '5e-324',
  '123456789012345678901234567890',
].map((t) => new RawJson(t));

const TYPE_FLIPS: Record<string, unknown[]> = {
  string: [0, 1, -1, true, false, null, {}, [], ['x'], { $gt: '' }, { $ne: null }],
  integer: ['1', '', 'abc', '1.5', true, null, {}, [], [1], { $gt: 0 }],
  number: ['1', '', 'abc', true, null, {}, [], [1]],
  boolean: ['true', 'false', 1, 0, 'yes', null, [], {}],
  array: [{}, 'x', 1, null, { 0: 'x', length: 1 }, [[[]]]],
  object: [[], 'x', 1, null, true, new RawJson('{"__proto__":{"admin":true}}')],
};

const NUL_STRINGS = [
  '\u0000',
  'a\u0000',
  '\u0000b',
  'test@example.com\u0000',
  '1\u0000',
  '\u0000'.repeat(64),
];

/** Lone surrogates written raw into the JSON text (JSON.parse makes them real lone surrogates). */
const SURROGATES = [
  '"\\ud800"',
  '"a\\udc00b"',
  '"\\udfff\\ud800"',
  '"1\\ud83d"',
  '"\\ud800@example.com"',
].map((t) => new RawJson(t));

const HUGE_STRINGS = [
  'x'.repeat(HUGE),
  '9'.repeat(HUGE),
  `${'a'.repeat(HUGE)}@example.com`,
  '😀'.repeat(HUGE / 2),
  ` ${'\u0301'.repeat(HUGE)}`,
];

const TRAVERSALS = [
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/etc/passwd',
  'file:///etc/passwd',
  '....//....//etc/passwd',
  '..%c0%af..%c0%afetc/passwd',
];

const FORMAT_JUNK = [
  '2026-02-30',
  '0000-00-00',
  '275760-09-14',
  '-271821-04-19T00:00:00Z',
  '2026-01-01T25:61:61Z',
  '99999-12-31',
  'a@b',
  '@',
  'a@[127.0.0.1]',
  '"a b"@example.com',
  'javascript:alert(1)',
  'http://[::1]:99999/',
  'http://user:pass@169.254.169.254/latest/meta-data',
  'PENDING',
  'pending ',
  '+62 812 3456 7890 1234',
  '00000',
];

const JUNK = [
  "' OR '1'='1' --",
  '"; DROP TABLE account; --',
  '<script>alert(1)</script>',
  // template-injection probes, written as the text they are
  `{{7*7}}\${7*7}`,
  `\${jndi:ldap://x/a}`,
  '\u202eevil',
  '\ufeff',
  '',
  ' ',
  '\r\n\r\n',
  'null',
  'NaN',
  'Infinity',
  '0x1F',
  '١٢٣',
  'a'.repeat(256),
  '%00%ff',
  '__proto__',
];

/** A hostile value of one class for a field whose schema is `schema`. */
export function hostileValue(cls: ValueClass, schema: Schema): fc.Arbitrary<unknown> {
  const type = typeOf(schema) ?? 'unknown';
  switch (cls) {
    case 'type':
      return fc.constantFrom(...(TYPE_FLIPS[type] ?? Object.values(TYPE_FLIPS).flat()));
    case 'nul':
      return type === 'string'
        ? fc.oneof(
            fc.constantFrom(...NUL_STRINGS),
            validString(mainVariant(schema)).map((v) => `${v}\u0000`),
          )
        : fc.constantFrom(...NUL_STRINGS);
    case 'surrogate':
      return type === 'string'
        ? fc.oneof(
            fc.constantFrom(...SURROGATES),
            validString(mainVariant(schema)).map(
              (v) => new RawJson(`${JSON.stringify(v).slice(0, -1)}\\ud800"`),
            ),
          )
        : fc.constantFrom(...SURROGATES);
    case 'huge-string':
      return fc.constantFrom(...HUGE_STRINGS);
    case 'huge-number':
      return fc.constantFrom(...HUGE_NUMBERS);
    case 'deep':
      return fc.constantFrom(deepArray(), deepObject(), new RawJson(JSON.stringify(Array(HUGE).fill(1))));
    case 'traversal':
      return fc.constantFrom(...TRAVERSALS);
    case 'format':
      return fc.constantFrom(...FORMAT_JUNK);
    case 'junk':
      return fc.constantFrom(...JUNK);
  }
}

// Path segments and query values, already percent-encoded as they go on the wire.

export const PATH_CLASSES = [
  'nul',
  'surrogate',
  'huge-string',
  'huge-number',
  'deep',
  'traversal',
  'junk',
] as const;
export type PathClass = (typeof PATH_CLASSES)[number];

export const PATH_VALUES: Record<PathClass, string[]> = {
  nul: ['%00', '1%00', '%00..%2F', 'a%00b'],
  surrogate: ['%ED%A0%80', '1%ED%B0%80', '%C0%80', '%FF%FE', '%E2%82'],
  'huge-string': ['x'.repeat(HUGE), '1'.repeat(HUGE)],
  'huge-number': [
    '1e308',
    '9007199254740993',
    '2147483648',
    '2147483647',
    '-1',
    '1.5',
    '0',
    '-0',
    '4294967296',
    '9223372036854775808',
    '0x10',
    'Infinity',
    'NaN',
    '1e21',
  ],
  deep: [`${'a/'.repeat(2_500)}a`, '%5B'.repeat(DEEP), '%7B%22a%22%3A'.repeat(1_000)],
  traversal: [
    '../../etc/passwd',
    '..%2F..%2Fetc%2Fpasswd',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '..',
    '%2e%2e',
    '..%5C..%5Cwindows%5Cwin.ini',
    '%252e%252e%252f',
    '.%2E/.%2E/etc/passwd',
  ],
  junk: [
    "'%20OR%201%3D1--",
    '%3Cscript%3E',
    '%20',
    '%25',
    '%',
    '%zz',
    'null',
    'true',
    '%7Bid%7D',
    ';',
    '%F0%9F%98%80',
    '%0D%0ASet-Cookie:%20x=1',
    'abc',
    '1abc',
  ],
};

export const QUERY_CLASSES = [
  'type',
  'nul',
  'surrogate',
  'huge-string',
  'huge-number',
  'deep',
  'traversal',
  'format',
  'junk',
] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

/** Query values; `&name…` entries are appended as extra keys (repeated or bracketed). */
export const QUERY_VALUES: Record<QueryClass, string[]> = {
  type: [
    'abc',
    'true',
    '',
    '1.0',
    '%5B%5D',
    '%7B%7D',
    'null',
    '%20%201%20',
    '&[]=1',
    '&[$gt]=',
    '&=x',
    '&[0]=1',
  ],
  nul: ['%00', '1%00', 'a%00b', '%00%00%00'],
  surrogate: ['%ED%A0%80', 'a%ED%B0%80', '%C0%80', '%FF%FE%FD', '%E2%82'],
  'huge-string': ['x'.repeat(HUGE), '1'.repeat(HUGE)],
  'huge-number': PATH_VALUES['huge-number'].concat(['1e400', '-1e308', '-2147483649', '5e-324']),
  deep: [`${'%5B'.repeat(DEEP)}${'%5D'.repeat(DEEP)}`, `&${'%5Ba%5D'.repeat(DEEP)}=1`],
  traversal: [
    '..%2F..%2Fetc%2Fpasswd',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '../../etc/passwd',
    '%252e%252e%252f',
  ],
  format: FORMAT_JUNK.map(percentEncode),
  junk: JUNK.map(percentEncode).concat(['%', '%zz', '+', '%2B1']),
};

/**
 * Request headers the server reads besides Authorization: the guest cart token (header and cookie),
 * the referral cookie, the request id, the client address (trusted proxy on) and the user agent.
 * Header values are bytes: NUL, CR and LF cannot be sent, their percent-encodings can.
 */
export const HOSTILE_HEADERS: [name: string, value: string][] = [
  ...[
    '%00',
    '\u00ff\u00fe',
    'x'.repeat(10_000),
    '../../etc/passwd',
    "' OR 1=1 --",
    '1e308',
    '',
    '{"$gt":""}',
  ].map((v): [string, string] => ['x-cart-token', v]),
  ...['%00', '%ED%A0%80', 'x'.repeat(10_000), '..%2F..%2Fetc%2Fpasswd', '%', '"', '%C0%80'].flatMap(
    (v): [string, string][] => [
      ['cookie', `cart_token=${v}`],
      ['cookie', `komisi_ref=${v}`],
    ],
  ),
  ['cookie', `komisi_ref=${'a.'.repeat(5_000)}; cart_token=${'b'.repeat(5_000)}`],
  ...['x'.repeat(10_000), '../../etc/passwd', '<script>', '\u00ff', ''].map((v): [string, string] => [
    'x-request-id',
    v,
  ]),
  ...[
    'not-an-ip',
    '999.999.999.999',
    '::ffff:1.2.3.4',
    'x'.repeat(10_000),
    '1.2.3.4, evil',
    '%00',
    ' ',
    '[::1]:80',
    '1.2.3.4/0',
    "' OR 1=1 --",
  ].map((v): [string, string] => ['x-forwarded-for', v]),
  ['x-forwarded-proto', 'javascript'],
  ['user-agent', 'x'.repeat(100_000)],
  ['referer', `javascript:alert(1)//${'x'.repeat(10_000)}`],
  ['content-length', '99999999999'],
  ['accept', 'application/xml, */*;q=abc'],
];

/** Methods the documents do not list for a path (HEAD answers without a body). */
export const OTHER_METHODS = ['PATCH', 'OPTIONS', 'HEAD', 'PROPFIND', 'DELETE', 'PUT', 'POST', 'GET'];

/** Authorization header values that must never get past authentication. */
export function hostileAuthorizations(valid: string | undefined, foreign: string): string[] {
  const algNone = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: '1', tid: 1, sid: 'x', roles: ['admin'] })}.`;
  const list = [
    'Bearer',
    'Bearer ',
    'Bearer x',
    `Bearer ${'a'.repeat(HUGE)}`,
    `Bearer ${algNone}`,
    `Bearer ${foreign}`,
    'Basic YWRtaW46YWRtaW4=',
    `Bearer ${b64({ alg: 'HS256' })}.${b64({ sub: '2147483648', tid: 1, sid: '../../etc', roles: 'admin' })}.AAAA`,
  ];
  if (valid) {
    const [h, p, sig] = valid.split('.');
    list.push(`Bearer ${h}.${p}.${sig!.slice(0, -4)}AAAA`, `Bearer ${valid}.x`, `Bearer ${valid} ${valid}`);
  }
  return list;
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** A 1×1 PNG (base64): a well-formed upload to mutate. */
export const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
