import fc from 'fast-check';
import { jsonBody, otherContentTypes, wholeBodies } from './body-cases.ts';
import {
  HOSTILE_HEADERS,
  hostileAuthorizations,
  OTHER_METHODS,
  PATH_CLASSES,
  PATH_VALUES,
  QUERY_CLASSES,
  QUERY_VALUES,
} from './hostile-request-values.ts';
import { hostileValue, VALUE_CLASSES } from './hostile-values.ts';
import { type AuthMaterial, type CaseBody, type HttpCase, pick } from './http-case.ts';
import type { OperationSpec } from './operations.ts';
import { fieldPaths, requiredKeys, schemaAt, setAt, validValue } from './schema-walk.ts';
import { percentEncode, toPlainText } from './wire-text.ts';

// REST cases: one arbitrary per kind of attack on an operation of a generated OpenAPI document.

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
  body?: CaseBody;
}

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
    // always sent: a valid token from elsewhere (another tenant's; a tenant administrator's on the platform API)
    add(
      'auth: foreign token',
      base.map((b) => ({
        ...partsOf(op, b, 'auth: foreign token'),
        authorization: `Bearer ${auth.foreign}`,
      })),
    );
  }
  return kinds;
}
