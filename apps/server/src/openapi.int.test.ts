import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_OPERATIONS, MLM_PREVIEW_OPERATION } from './console/console.fixtures.ts';
import { startTestApp, type TestApp } from './testing/test-app.ts';

// biome-ignore lint/suspicious/noExplicitAny: walks an arbitrary JSON document
type Json = any;

/** The dtehm-mobile spec's 16 endpoints, then the admin ones (catalog, members, orders, commissions). */
const DOCUMENTED: [method: string, path: string, secured: boolean][] = [
  ['post', '/users/register', false],
  ['post', '/users/login', false],
  ['post', '/membership/initiate-payment', true],
  ['post', '/membership/confirm-payment', true],
  ['get', '/membership/payment-status/{payment_id}', true],
  ['get', '/products/list', false],
  ['get', '/products/detail/{id}', false],
  ['get', '/products/categories', false],
  ['post', '/orders/calculate-commission', true],
  ['post', '/orders/create', true],
  ['post', '/orders/confirm-payment', true],
  ['get', '/orders/my-orders', true],
  ['get', '/orders/detail/{id}', true],
  ['get', '/user/commissions', true],
  ['get', '/user/balance', true],
  ['get', '/user/network', true],
];
const ADMIN: typeof DOCUMENTED = [
  ['get', '/admin/categories', true],
  ['post', '/admin/categories', true],
  ['delete', '/admin/categories/{id}', true],
  ['post', '/admin/products', true],
  ['put', '/admin/products/{id}', true],
  ['get', '/admin/members', true],
  ['get', '/admin/members/{id}', true],
  ['get', '/admin/members/{id}/network', true],
  ['put', '/admin/members/{id}/stockist', true],
  ['post', '/admin/members/{id}/suspend', true],
  ['post', '/admin/members/{id}/reactivate', true],
  ['get', '/admin/orders', true],
  ['get', '/admin/orders/{id}', true],
  ['get', '/admin/commissions', true],
  // the audit log, in every profile's document
  ['get', '/admin/audit-log', true],
  ['get', '/admin/audit-log/{id}', true],
];
// the admin console's, in every profile's document (the sign-in, refresh and sign-out are its own)
const CONSOLE: typeof DOCUMENTED = [...CONSOLE_OPERATIONS, MLM_PREVIEW_OPERATION].map(([method, path]) => [
  method.toLowerCase(),
  path,
  !/\/auth\/(login|refresh)$/.test(path),
]);
const ALL = [...DOCUMENTED, ...ADMIN, ...CONSOLE];
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function operations(doc: Json): [method: string, path: string, op: Json][] {
  return Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Json>)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, op]): [string, string, Json] => [method, path, op]),
  );
}

/** Every `$ref` in the document, with the JSON pointer it names. */
function refs(node: Json, at = '#'): [at: string, ref: string][] {
  if (Array.isArray(node)) return node.flatMap((v, i) => refs(v, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) =>
    k === '$ref' && typeof v === 'string' ? [[at, v] as [string, string]] : refs(v, `${at}/${k}`),
  );
}

function resolve(doc: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<Json>((node, key) => (node == null ? undefined : node[key]), doc);
}

/** A response's schema, following one `$ref`. */
function schemaOf(doc: Json, response: Json): Json {
  const schema = response.content?.['application/json']?.schema;
  return schema?.$ref ? resolve(doc, schema.$ref) : schema;
}

let app: TestApp;
let doc: Json;
beforeAll(async () => {
  app = await startTestApp();
  const res = await app.request('GET', '/t/dtehm/api/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  doc = res.body;
});
afterAll(async () => {
  await app?.close();
});

describe('dtehm OpenAPI document', () => {
  it('is OpenAPI 3.1 for the tenant base path', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: 'DTEHM Mobile API', version: expect.any(String) });
    expect(doc.servers[0].url).toMatch(/\/t\/dtehm\/api$/);
  });

  it('documents exactly the 16 spec endpoints and the admin endpoints', () => {
    const documented = operations(doc).map(([method, path]) => `${method} ${path}`);
    expect(documented.sort()).toEqual(ALL.map(([method, path]) => `${method} ${path}`).sort());
  });

  it('leaves the tRPC-only token calls (auth.refresh, auth.logout) out', () => {
    for (const [method, path, op] of operations(doc).filter(
      ([, path]) => !path.startsWith('/admin/console/'),
    )) {
      expect(path).not.toMatch(/refresh|logout/i);
      expect(op.operationId, `${method} ${path}`).not.toMatch(/^auth|refresh|logout/i);
    }
  });

  it('wraps every success in the envelope { code: 1, (message), data }', () => {
    for (const [method, path, op] of operations(doc)) {
      const success = Object.keys(op.responses).filter((s) => s.startsWith('2'));
      expect(success, `${method} ${path}`).toHaveLength(1);
      const schema = schemaOf(doc, op.responses[success[0]!]);
      expect(schema.type, `${method} ${path}`).toBe('object');
      expect(schema.properties.code, `${method} ${path}`).toMatchObject({ type: 'integer', const: 1 });
      expect(schema.required, `${method} ${path}`).toEqual(expect.arrayContaining(['code', 'data']));
      expect(schema.properties.data, `${method} ${path}`).toBeDefined();
      if (schema.required.includes('message')) expect(schema.properties.message.type).toBe('string');
    }
    const login = schemaOf(doc, doc.paths['/users/login'].post.responses['200']);
    expect(login.properties.message.example).toBe('Login successful');
    expect(login.properties.data.required).toEqual(expect.arrayContaining(['user', 'token']));
    const balance = schemaOf(doc, doc.paths['/user/balance'].get.responses['200']);
    expect(balance.properties.data.properties).toHaveProperty('balance');
    expect(Object.keys(doc.paths['/admin/categories'].post.responses)).toContain('201');
  });

  it('documents errors as { code: 0, message, errors }', () => {
    for (const [method, path, op] of operations(doc)) {
      const errors = Object.keys(op.responses).filter((s) => !s.startsWith('2'));
      expect(errors, `${method} ${path}`).toContain('500');
      for (const status of errors) {
        const schema = schemaOf(doc, op.responses[status]);
        expect(schema, `${method} ${path} ${status}`).toMatchObject({
          type: 'object',
          required: expect.arrayContaining(['code', 'message', 'errors']),
          properties: { code: { type: 'integer', const: 0 }, message: { type: 'string' } },
        });
        const example = op.responses[status].content['application/json'].example;
        expect(example, `${method} ${path} ${status}`).toMatchObject({
          code: 0,
          message: expect.any(String),
        });
      }
    }
    expect(Object.keys(doc.paths['/users/register'].post.responses)).toContain('400');
    expect(Object.keys(doc.paths['/products/detail/{id}'].get.responses)).toContain('404');
    expect(Object.keys(doc.paths['/admin/products'].post.responses)).toContain('403');
  });

  it('declares bearer security on protected operations only', () => {
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const [method, path, secured] of ALL) {
      const op = doc.paths[path][method];
      if (secured) {
        expect(op.security, `${method} ${path}`).toEqual([{ bearerAuth: [] }]);
        expect(Object.keys(op.responses), `${method} ${path}`).toContain('401');
      } else {
        expect(op.security ?? [], `${method} ${path}`).toEqual([]);
      }
    }
    expect(doc.security ?? []).toEqual([]);
  });

  it('is structurally sound', () => {
    // every $ref resolves
    const found = refs(doc);
    expect(found.length).toBeGreaterThan(0);
    for (const [at, ref] of found) expect(resolve(doc, ref), `${at} -> ${ref}`).toBeDefined();
    // no leftover tRPC error shapes, unique operation ids, every path template parameter declared
    expect(Object.keys(doc.components.schemas).filter((n) => n.startsWith('error.'))).toEqual([]);
    const ids = operations(doc).map(([, , op]) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [method, path, op] of operations(doc)) {
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? [])
        .filter((p: Json) => p.in === 'path')
        .map((p: Json) => {
          expect(p.required, `${method} ${path} ${p.name}`).toBe(true);
          return p.name;
        });
      expect(declared.sort(), `${method} ${path}`).toEqual(templated.sort());
      expect(method === 'get' && op.requestBody, `${method} ${path}`).toBeFalsy();
      for (const [status, response] of Object.entries(op.responses as Record<string, Json>)) {
        expect(status).toMatch(/^[1-5]\d\d$/);
        expect(typeof response.description).toBe('string');
      }
    }
  });

  it('agrees with what the REST surface returns', async () => {
    const list = await app.get('/products/list?per_page=1');
    expect(list.body).toMatchObject({ code: 1, message: 'Products retrieved successfully', data: {} });
    const error = await app.get('/user/balance');
    expect(error.status).toBe(401);
    expect(error.body).toEqual({ code: 0, message: expect.any(String), errors: {} });
  });
});

describe('docs site', () => {
  it('/docs/ lists the profile', async () => {
    const res = await app.app.request('/docs/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('DTEHM Mobile API');
    expect(html).toContain('href="./dtehm-mobile/"');
    expect(html).toContain('/t/dtehm/api');
  });

  it('/docs redirects to /docs/', async () => {
    const res = await app.app.request('/docs');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/docs/');
  });

  it('/docs/dtehm-mobile/ loads the tenant document with the bundled reference UI', async () => {
    const res = await app.app.request('/docs/dtehm-mobile/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('data-url="/t/dtehm/api/openapi.json"');
    expect(html).toContain('src="/docs/assets/scalar.js"');
    expect((await app.app.request('/docs/no-such-profile/')).status).toBe(404);
  });

  it('serves the reference’s fonts and the favicon itself', async () => {
    const page = await (await app.app.request('/docs/dtehm-mobile/')).text();
    expect(page).toContain('href="/docs/assets/fonts.css"');
    expect(page).toContain('href="/docs/assets/favicon.svg"');
    const css = await app.app.request('/docs/assets/fonts.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    const fonts = [...(await css.text()).matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      const res = await app.app.request(`/docs/assets/${font}`);
      expect(res.status, font).toBe(200);
      expect(res.headers.get('content-type')).toBe('font/woff2');
    }
    expect((await app.app.request('/docs/assets/fonts/other.woff2')).status).toBe(404);
    for (const icon of ['/favicon.svg', '/docs/assets/favicon.svg']) {
      const res = await app.app.request(icon);
      expect(res.headers.get('content-type')).toBe('image/svg+xml');
      expect(await res.text()).toMatch(/^<svg /);
    }
    const ico = await app.app.request('/favicon.ico');
    expect(ico.headers.get('location')).toBe('/favicon.svg');
  });

  it('/docs/assets/scalar.js is served as JavaScript', async () => {
    const res = await app.app.request('/docs/assets/scalar.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect((await res.text()).length).toBeGreaterThan(10_000);
  });
});
