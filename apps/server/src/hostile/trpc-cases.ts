import fc from 'fast-check';
import { HOSTILE_HEADERS, hostileAuthorizations } from './hostile-request-values.ts';
import { deepArray, deepObject, hostileValue, VALUE_CLASSES } from './hostile-values.ts';
import { type AuthMaterial, type HttpCase, pick } from './http-case.ts';
import type { ProcedureSpec } from './procedures.ts';
import { fieldPaths, requiredKeys, schemaAt, setAt, validValue } from './schema-walk.ts';
import { RawJson, toJsonText } from './wire-text.ts';

// tRPC cases: the same hostile values sent to a procedure over tRPC (wrong methods, batches, malformed superjson).

const SUPERJSON_META = [
  '{"values":["Date"]}',
  '{"values":["bigint"]}',
  '{"values":{"__proto__.polluted":["Date"]}}',
  '{"values":{"constructor.prototype.polluted":["set"]}}',
  '{"values":[["custom","Nope"]]}',
  '{"values":["regexp"]}',
  '{"values":["set"]}',
  '{"values":["map"]}',
  '{"values":["Error"]}',
  '{"values":[["class","Nope"]]}',
  '{"values":["number"]}',
  '{"values":5}',
  '"x"',
  '{"referentialEqualities":{"":["__proto__.x"]}}',
  '{"referentialEqualities":["a.b.c"]}',
  '{"values":{"a.b.c.d.e":["Date"]},"v":1}',
];

function trpcUrl(p: ProcedureSpec, input: string | undefined, batch = false): string {
  const base = `${p.endpoint}/${p.path}`;
  const params = [...(batch ? ['batch=1'] : []), ...(input !== undefined ? [`input=${input}`] : [])];
  return params.length ? `${base}?${params.join('&')}` : base;
}

/** A call of a procedure the way the SDK makes one (GET ?input= for queries, POST body for mutations). */
function trpcCall(
  p: ProcedureSpec,
  kind: string,
  envelopeText: string,
  extra: Partial<HttpCase> = {},
): HttpCase {
  if (p.type === 'query') {
    return { kind, method: 'GET', url: trpcUrl(p, encodeURIComponent(envelopeText)), headers: {}, ...extra };
  }
  return {
    kind,
    method: 'POST',
    url: trpcUrl(p, undefined),
    headers: { 'content-type': 'application/json' },
    body: () => envelopeText,
    shownBody: envelopeText,
    ...extra,
  };
}

/** Hostile calls of one procedure: its input mutated, superjson's envelope mangled, the transport misused. */
export function trpcCases(p: ProcedureSpec, auth: AuthMaterial): fc.Arbitrary<HttpCase> {
  const base = validValue(p.input);
  const paths = fieldPaths(p.input);
  const targets = paths.length ? paths : [['hostile']];
  const wrap = (value: unknown) => `{"json":${toJsonText(value)}}`;
  const field = fc
    .tuple(base, pick(targets), pick(VALUE_CLASSES))
    .chain(([b, at, cls]) =>
      hostileValue(cls, schemaAt(p.input, at)).map((v) =>
        trpcCall(p, `input:${cls} ${at.join('.')}`, wrap(setAt(b, at, v))),
      ),
    );
  const required = requiredKeys(p.input);
  const removal = fc.tuple(base, pick([...required, '*'])).map(([b, key]) => {
    const input = { ...((b as object | undefined) ?? {}) } as Record<string, unknown>;
    if (key === '*') for (const k of required) delete input[k];
    else delete input[key];
    return trpcCall(p, `input-remove ${key}`, wrap(input));
  });
  const whole = pick<[string, unknown]>([
    ['null', null],
    ['array', []],
    ['string', 'x'],
    ['number', new RawJson('1e308')],
    ['deep array', deepArray()],
    ['deep object', deepObject()],
    ['nul key', new RawJson('{"\\u0000":"\\u0000"}')],
    ['surrogate', new RawJson('"\\ud800"')],
    ['huge', 'x'.repeat(100_000)],
  ]).map(([name, value]) => trpcCall(p, `input-whole ${name}`, wrap(value)));
  const envelope = fc
    .tuple(base, fc.nat(SUPERJSON_META.length + 1))
    .map(([b, i]) =>
      i === SUPERJSON_META.length
        ? trpcCall(p, 'envelope: no json wrapper', toJsonText(b ?? {}))
        : i === SUPERJSON_META.length + 1
          ? trpcCall(
              p,
              'envelope: json + 100k-digit bigint',
              `{"json":"${'9'.repeat(100_000)}","meta":{"values":["bigint"]}}`,
            )
          : trpcCall(
              p,
              `envelope: meta ${SUPERJSON_META[i]}`,
              `{"json":${toJsonText(b ?? {})},"meta":${SUPERJSON_META[i]}}`,
            ),
    );
  const transport = fc.tuple(base, fc.nat(9)).map(([b, i]): HttpCase => {
    const text = wrap(b ?? {});
    const post = (contentType: string | undefined, body: string, kind: string): HttpCase => ({
      kind,
      method: 'POST',
      url: trpcUrl(p, undefined),
      headers: contentType ? { 'content-type': contentType } : {},
      body: () => body,
      shownBody: body,
    });
    switch (i) {
      case 0:
        return p.type === 'query'
          ? post('application/json', text, 'transport: POST to a query')
          : {
              kind: 'transport: GET of a mutation',
              method: 'GET',
              url: trpcUrl(p, encodeURIComponent(text)),
              headers: {},
            };
      case 1:
        return p.type === 'query'
          ? {
              kind: 'transport: batch',
              method: 'GET',
              url: trpcUrl(p, encodeURIComponent(`{"0":${text},"1":${text}}`), true),
              headers: {},
            }
          : {
              ...post('application/json', `{"0":${text},"1":${text}}`, 'transport: batch'),
              url: trpcUrl(p, undefined, true),
            };
      case 2:
        return p.type === 'query'
          ? { kind: 'transport: malformed ?input', method: 'GET', url: trpcUrl(p, '%'), headers: {} }
          : post('text/plain', text, 'transport: text/plain');
      case 3:
        return p.type === 'query'
          ? {
              kind: 'transport: ?input lone surrogate',
              method: 'GET',
              url: trpcUrl(p, '%ED%A0%80'),
              headers: {},
            }
          : post('application/x-www-form-urlencoded', `json=${encodeURIComponent(text)}`, 'transport: form');
      case 4:
        return p.type === 'query'
          ? { kind: 'transport: ?input not JSON', method: 'GET', url: trpcUrl(p, '%7B'), headers: {} }
          : post('application/json', '{', 'transport: invalid JSON');
      case 5:
        return p.type === 'query'
          ? {
              kind: 'transport: ?input 100k',
              method: 'GET',
              url: trpcUrl(p, 'x'.repeat(100_000)),
              headers: {},
            }
          : post(undefined, '', 'transport: empty body');
      case 6:
        return {
          ...trpcCall(p, 'transport: unknown procedure', text),
          url: `${p.endpoint}/${p.path}.%00..%2F`,
        };
      case 7:
        return {
          ...trpcCall(p, 'transport: two procedures unbatched', text),
          url: `${p.endpoint}/${p.path},${p.path}`,
        };
      case 8:
        return post('multipart/form-data; boundary=xyz', '--xyz\r\ngarbage', 'transport: multipart');
      default:
        return post(
          'application/json',
          `{"json":${toJsonText(b ?? {})},"pad":"${'x'.repeat(1_100_000)}"}`,
          'transport: 1.1 MB body',
        );
    }
  });
  const headers = fc.tuple(base, fc.nat(HOSTILE_HEADERS.length - 1)).map(([b, i]) => {
    const [name, value] = HOSTILE_HEADERS[i]!;
    const c = trpcCall(p, `headers ${name} #${i}`, wrap(b ?? {}));
    return { ...c, headers: { ...c.headers, [name]: value } };
  });
  const kinds = [field, field, removal, whole, envelope, transport, headers];
  if (p.secured) {
    const authorizations = hostileAuthorizations(auth.valid, auth.foreign);
    kinds.push(
      fc.tuple(base, fc.nat(authorizations.length - 1)).map(([b, i]) => ({
        ...trpcCall(p, `auth #${i}`, wrap(b ?? {})),
        authorization: authorizations[i]!,
      })),
    );
  }
  return fc.oneof(...kinds);
}

/** A call with a valid token from elsewhere (another tenant's; a tenant administrator's on the platform API). */
export function foreignTokenCase(p: ProcedureSpec, auth: AuthMaterial): fc.Arbitrary<HttpCase> {
  return validValue(p.input).map((b) => ({
    ...trpcCall(p, 'auth: foreign token', `{"json":${toJsonText(b ?? {})}}`),
    authorization: `Bearer ${auth.foreign}`,
  }));
}
