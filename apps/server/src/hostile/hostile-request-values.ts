import { DEEP, FORMAT_JUNK, HUGE, JUNK } from './hostile-values.ts';
import { percentEncode } from './wire-text.ts';

// Hostile parts of a request besides its body: path segments and query values (already
// percent-encoded as they go on the wire), headers, Authorization values and methods.

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
