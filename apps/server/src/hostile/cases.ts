import fc from 'fast-check';
import {
  abbreviate,
  deepArray,
  deepObject,
  fieldPaths,
  HOSTILE_HEADERS,
  hostileAuthorizations,
  hostileValue,
  OTHER_METHODS,
  PATH_CLASSES,
  PATH_VALUES,
  percentEncode,
  QUERY_CLASSES,
  QUERY_VALUES,
  RawJson,
  requiredKeys,
  schemaAt,
  setAt,
  TINY_PNG_BASE64,
  toJsonText,
  toPlainText,
  VALUE_CLASSES,
  validValue,
} from './hostile-values.ts';
import type { OperationSpec, ProcedureSpec } from './operations.ts';

// Turns an operation (or a tRPC procedure) into hostile HTTP requests: one arbitrary per kind of
// attack, each a mutation of a valid baseline, so every case differs from an acceptable request in
// one place and a failure names that place.

/** A request ready to send. `body` is built at send time (a FormData or stream is used once). */
export interface HttpCase {
  kind: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  /** `undefined`: the mode's own (none, or the role's token); otherwise this header value */
  authorization?: string;
  body?: () => BodyInit;
  /** the body as printed in a report */
  shownBody?: string;
}

/** Tokens a case may carry in its Authorization header. */
export interface AuthMaterial {
  /** a valid token of the operation's role (absent for anonymous-only setups) */
  valid: string | undefined;
  /** a valid token of another tenant */
  foreign: string;
}

interface Baseline {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body: unknown;
}

function baselineOf(op: OperationSpec): fc.Arbitrary<Baseline> {
  const of = (where: 'path' | 'query' | 'header', all: boolean) =>
    fc.record(
      Object.fromEntries(op.params.filter((p) => p.in === where).map((p) => [p.name, validValue(p.schema)])),
      {
        requiredKeys: op.params.filter((p) => p.in === where && (all || p.required)).map((p) => p.name),
      },
    );
  return fc.record({
    path: of('path', true),
    query: of('query', false),
    headers: of('header', true),
    body: op.body ? validValue(op.body) : fc.constant(undefined),
  });
}

interface Parts {
  kind: string;
  path: Record<string, string>;
  query: [string, string][];
  headers: Record<string, string>;
  authorization?: string;
  body?: { make: () => BodyInit; shown: string; contentType?: string };
}

const jsonBody = (value: unknown, contentType = 'application/json'): NonNullable<Parts['body']> => {
  const text = toJsonText(value);
  return { make: () => text, shown: text, contentType };
};

const rawBody = (text: string, contentType?: string): NonNullable<Parts['body']> => ({
  make: () => text,
  shown: text,
  ...(contentType !== undefined && { contentType }),
});

function partsOf(op: OperationSpec, b: Baseline, kind: string): Parts {
  return {
    kind,
    path: Object.fromEntries(Object.entries(b.path).map(([k, v]) => [k, percentEncode(toPlainText(v))])),
    query: Object.entries(b.query).map(([k, v]) => [percentEncode(k), percentEncode(toPlainText(v))]),
    headers: Object.fromEntries(Object.entries(b.headers).map(([k, v]) => [k, toPlainText(v)])),
    ...(op.body !== undefined && b.body !== undefined && { body: jsonBody(b.body) }),
  };
}

function toCase(op: OperationSpec, parts: Parts): HttpCase {
  const path = op.template.replace(/\{(\w+)\}/g, (_, name: string) => parts.path[name] ?? '1');
  const query = parts.query
    .map(([k, v]) => (v.startsWith('&') ? `${k}${v.slice(1)}` : `${k}=${v}`))
    .join('&');
  const headers = { ...parts.headers };
  if (parts.body?.contentType) headers['content-type'] = parts.body.contentType;
  const sendsBody = op.method !== 'GET' && op.method !== 'HEAD' && parts.body;
  return {
    kind: parts.kind,
    method: op.method,
    url: `${op.base}${path}${query ? `?${query}` : ''}`,
    headers,
    ...(parts.authorization !== undefined && { authorization: parts.authorization }),
    ...(sendsBody && { body: parts.body!.make, shownBody: parts.body!.shown }),
  };
}

/** Form fields of a baseline body: strings as they are, other values as JSON text. */
function formFields(body: unknown): [string, string][] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [];
  return Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : toJsonText(v)]);
}

function multipart(fields: [string, string][], files: [string, Blob, string][]): NonNullable<Parts['body']> {
  const make = () => {
    const form = new FormData();
    for (const [k, v] of fields) form.append(k, v);
    for (const [k, blob, name] of files) form.append(k, blob, name);
    return form;
  };
  const shown = `multipart: ${[...fields.map(([k, v]) => `${k}=${abbreviate(v, 80)}`), ...files.map(([k, b, n]) => `${k}=<file ${n}, ${b.type}, ${b.size} B>`)].join(', ')}`;
  return { make, shown };
}

const PNG_BYTES = Buffer.from(TINY_PNG_BASE64, 'base64');

/** Whole bodies that are not the object an operation takes. */
function wholeBodies(baseline: unknown): NonNullable<Parts['body']>[] {
  const text = toJsonText(baseline ?? {});
  const inner = text.startsWith('{') && text.length > 2 ? text.slice(1, -1) : '"a":1';
  const firstKey = Object.keys((baseline as object | null) ?? {})[0] ?? 'a';
  return [
    rawBody('', 'application/json'),
    rawBody('null', 'application/json'),
    rawBody('[]', 'application/json'),
    rawBody('"x"', 'application/json'),
    rawBody('1e308', 'application/json'),
    rawBody('true', 'application/json'),
    rawBody('{', 'application/json'),
    rawBody(`{${inner},}`, 'application/json'),
    rawBody("{'a':1}", 'application/json'),
    rawBody(`${text}${text}`, 'application/json'),
    rawBody(`${text}\u0000`, 'application/json'),
    jsonBody(deepArray()),
    jsonBody(deepObject()),
    rawBody(
      `{${inner},"__proto__":{"admin":true},"constructor":{"prototype":{"admin":true}}}`,
      'application/json',
    ),
    rawBody(`{${inner},${JSON.stringify(firstKey)}:{"$gt":""}}`, 'application/json'),
    rawBody(
      `{${inner},"role":"admin","roles":["admin"],"tenant_id":1,"tenantId":2,"id":1,"status":"paid","is_admin":true}`,
      'application/json',
    ),
    rawBody(`{${inner},"\\u0000":1}`, 'application/json'),
    rawBody(`{${inner},"\\ud800":"\\udc00"}`, 'application/json'),
    rawBody(`{${inner},"pad":"${'x'.repeat(1_100_000)}"}`, 'application/json'),
    rawBody(`{${inner},"list":${JSON.stringify(Array(100_000).fill(0))}}`, 'application/json'),
  ];
}

/** The baseline body under content types the operation does not take (and broken ones it does). */
function otherContentTypes(op: OperationSpec, baseline: unknown): NonNullable<Parts['body']>[] {
  const text = toJsonText(baseline ?? {});
  const fields = formFields(baseline);
  const form = new URLSearchParams([...fields, ['x', '\u0000']]).toString();
  const bytes = (data: Uint8Array, shown: string, contentType?: string): NonNullable<Parts['body']> => ({
    make: () => data as unknown as BodyInit,
    shown,
    ...(contentType !== undefined && { contentType }),
  });
  const list = [
    rawBody(text, 'text/plain'),
    rawBody(form, 'application/x-www-form-urlencoded'),
    multipart(fields, []),
    rawBody('--xyz\r\ngarbage', 'multipart/form-data; boundary=xyz'),
    rawBody(text, 'multipart/form-data'),
    rawBody(
      '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
      'application/xml',
    ),
    bytes(new TextEncoder().encode(text), `${text} (no content-type)`),
    bytes(
      new Uint8Array(Buffer.from(text, 'utf16le')),
      `${text} (as UTF-16LE)`,
      'application/json; charset=utf-16le',
    ),
    bytes(
      new Uint8Array([
        0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80, 0x22, 0x7d,
      ]),
      '{"a":"<ff fe c0 80 ed a0 80>"} (invalid UTF-8)',
      'application/json',
    ),
    rawBody(`\ufeff${text}`, 'application/json'),
  ];
  const uploadTargets = op.uploads.length ? op.uploads : ['file'];
  const files: [string, Blob, string][][] = uploadTargets.flatMap((field) => [
    [[field, new Blob([new Uint8Array([1, 2, 3, 4])], { type: 'image/png' }), 'x.png']],
    [[field, new Blob([PNG_BYTES.subarray(0, 30)], { type: 'image/png' }), 'truncated.png']],
    [
      [
        field,
        new Blob(['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'], { type: 'image/svg+xml' }),
        'x.svg',
      ],
    ],
    [[field, new Blob([], { type: 'image/jpeg' }), '../../etc/passwd']],
    [[field, new Blob([PNG_BYTES], { type: 'image/png' }), `${'a'.repeat(10_000)}\u0000.png`]],
  ]);
  for (const f of files) list.push(multipart(fields, f));
  return list;
}

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);

/** One arbitrary per kind of attack that applies to the operation. */
export function restKinds(op: OperationSpec, auth: AuthMaterial): Map<string, fc.Arbitrary<HttpCase>> {
  const base = baselineOf(op);
  const kinds = new Map<string, fc.Arbitrary<HttpCase>>();
  const add = (kind: string, arb: fc.Arbitrary<Parts>) =>
    kinds.set(
      kind,
      arb.map((p) => toCase(op, p)),
    );
  const pathParams = op.params.filter((p) => p.in === 'path').map((p) => p.name);
  const queryParams = op.params.filter((p) => p.in === 'query').map((p) => p.name);
  const headerParams = op.params.filter((p) => p.in === 'header').map((p) => p.name);

  if (op.body && op.method !== 'GET') {
    const schema = op.body;
    const paths = fieldPaths(schema);
    const targets = paths.length ? paths : [['hostile']];
    for (const cls of VALUE_CLASSES) {
      add(
        `field:${cls}`,
        fc.tuple(base, pick(targets)).chain(([b, at]) =>
          hostileValue(cls, schemaAt(schema, at)).map((v) => ({
            ...partsOf(op, b, `field:${cls} ${at.join('.')}`),
            body: jsonBody(setAt(b.body ?? {}, at, v)),
          })),
        ),
      );
    }
    const required = requiredKeys(schema);
    add(
      'remove',
      fc.tuple(base, pick([...required, '*', 'null'])).map(([b, key]) => {
        const body = { ...((b.body as object | undefined) ?? {}) } as Record<string, unknown>;
        if (key === '*') for (const k of required) delete body[k];
        else if (key === 'null') for (const k of required) body[k] = null;
        else delete body[key];
        return { ...partsOf(op, b, `remove ${key}`), body: jsonBody(body) };
      }),
    );
    add(
      'whole-body',
      base.chain((b) => {
        const variants = wholeBodies(b.body);
        return fc.nat(variants.length - 1).map((i) => ({
          ...partsOf(op, b, `whole-body #${i}`),
          body: variants[i]!,
        }));
      }),
    );
    add(
      'content-type',
      base.chain((b) => {
        const variants = otherContentTypes(op, b.body);
        return fc.nat(variants.length - 1).map((i) => ({
          ...partsOf(op, b, `content-type #${i}`),
          body: variants[i]!,
        }));
      }),
    );
  }
  if (pathParams.length) {
    for (const cls of PATH_CLASSES) {
      add(
        `path:${cls}`,
        fc.tuple(base, pick(pathParams), pick(PATH_VALUES[cls])).map(([b, name, value]) => {
          const parts = partsOf(op, b, `path:${cls} ${name}`);
          return { ...parts, path: { ...parts.path, [name]: value } };
        }),
      );
    }
  }
  if (queryParams.length || op.method === 'GET') {
    const names = queryParams.length ? queryParams : ['id', 'page'];
    for (const cls of QUERY_CLASSES) {
      add(
        `query:${cls}`,
        fc.tuple(base, pick(names), pick(QUERY_VALUES[cls])).map(([b, name, value]) => {
          const parts = partsOf(op, b, `query:${cls} ${name}`);
          const key = percentEncode(name);
          const query = value.startsWith('&')
            ? [...parts.query, [key, value] as [string, string]]
            : [...parts.query.filter(([k]) => k !== key), [key, value] as [string, string]];
          return { ...parts, query };
        }),
      );
    }
  }
  if (headerParams.length) {
    const values = [
      '',
      ' ',
      'x'.repeat(10_000),
      '../../etc/passwd',
      '1e308',
      '\u00ff\u00fe',
      'a\tb',
      '{"$gt":""}',
    ];
    add(
      'header',
      fc.tuple(base, pick(headerParams), pick(values)).map(([b, name, value]) => {
        const parts = partsOf(op, b, `header ${name}`);
        return { ...parts, headers: { ...parts.headers, [name]: value } };
      }),
    );
  }
  add(
    'headers',
    fc.tuple(base, fc.nat(HOSTILE_HEADERS.length - 1)).map(([b, i]) => {
      const [name, value] = HOSTILE_HEADERS[i]!;
      const parts = partsOf(op, b, `headers ${name} #${i}`);
      return { ...parts, headers: { ...parts.headers, [name]: value } };
    }),
  );
  const others = OTHER_METHODS.filter((m) => m !== op.method);
  kinds.set(
    'method',
    fc.tuple(base, pick(others)).map(([b, method]) => {
      const c = toCase(op, partsOf(op, b, `method ${method}`));
      const { body: _body, shownBody: _shown, ...rest } = c;
      return method === 'GET' || method === 'HEAD' ? { ...rest, method } : { ...c, method };
    }),
  );
  if (op.secured) {
    const authorizations = hostileAuthorizations(auth.valid, auth.foreign);
    add(
      'auth',
      fc.tuple(base, fc.nat(authorizations.length - 1)).map(([b, i]) => ({
        ...partsOf(op, b, `auth #${i}`),
        authorization: authorizations[i]!,
      })),
    );
  }
  return kinds;
}

// ---------------------------------------------------------------------------------------------
// tRPC

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
  const base = `/t/${p.tenant}/trpc/${p.path}`;
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
          url: `/t/${p.tenant}/trpc/${p.path}.%00..%2F`,
        };
      case 7:
        return {
          ...trpcCall(p, 'transport: two procedures unbatched', text),
          url: `/t/${p.tenant}/trpc/${p.path},${p.path}`,
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
