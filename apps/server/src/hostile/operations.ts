import { PROFILES } from '@komisi/api';
import { deref, HTTP_METHODS, mainVariant, type Schema } from './schema-walk.ts';

// What the suite attacks: the operations of each profile's generated OpenAPI document and of the
// platform API's, and the plain routes served beside them (the tRPC procedures: procedures.ts).

/** Whose token a signed-in case carries (`platform-admin`: a platform administrator's, outside every tenant). */
export type Role = 'user' | 'affiliate' | 'admin' | 'platform-admin';

/** The platform API's entries stand where a tenant's slug stands elsewhere (no tenant has this slug: it is reserved). */
export const PLATFORM = 'platform';

export interface ParamSpec {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export interface OperationSpec {
  /** `rest`: a documented operation answered in the profile's envelope; `plain`: a route with its own answers */
  surface: 'rest' | 'plain';
  /** the document's profile (`plain` for routes no document lists) */
  profile: string;
  /** the profile whose error envelope a 4xx must have; null for routes with answers of their own */
  envelope: string | null;
  /** the tenant's slug, or PLATFORM */
  tenant: string;
  method: string;
  /** below `base`, with `{param}` placeholders */
  template: string;
  /** e.g. `/t/qutab/api` */
  base: string;
  params: ParamSpec[];
  /** the JSON body's schema (for operations that take uploads: the JSON form, files as base64) */
  body?: Schema | undefined;
  /** fields that arrive as files on multipart */
  uploads: string[];
  secured: boolean;
  role: Role;
}

/** Gateway callbacks refuse in the tenant's envelope like any operation; redirects, files and the sandbox page do not. */
const ENVELOPED_PLAIN_ROUTES = new Set([
  '/checkout/payment-webhook',
  '/webhooks/xendit',
  '/webhooks/pesapal',
  '/webhooks/midtrans',
]);

const MAIN_PROFILE: Record<string, string> = {
  dtehm: 'dtehm-mobile',
  ansania: 'ansania-ecommerce',
  qutab: 'qutab-platform',
  sinoman: 'koperasi-sinoman',
};

export const opName = (op: Pick<OperationSpec, 'method' | 'base' | 'template'>) =>
  `${op.method} ${op.base}${op.template}`;

/** The documents the suite reads: one per profile, on the tenant that serves it. */
export const PROFILE_DOCS = [
  { profile: 'dtehm-mobile', tenant: 'dtehm', url: '/t/dtehm/api/openapi.json' },
  { profile: 'ansania-ecommerce', tenant: 'ansania', url: '/t/ansania/api/openapi.json' },
  {
    profile: 'affiliate-marketer',
    tenant: 'ansania',
    url: '/t/ansania/api/openapi.json?profile=affiliate-marketer',
  },
  { profile: 'qutab-platform', tenant: 'qutab', url: '/t/qutab/api/openapi.json' },
  { profile: 'koperasi-sinoman', tenant: 'sinoman', url: '/t/sinoman/api/openapi.json' },
  { profile: PLATFORM, tenant: PLATFORM, url: '/platform/api/openapi.json' },
] as const;

export function roleOf(profile: string, template: string): Role {
  if (profile === PLATFORM) return 'platform-admin';
  if (template.startsWith('/admin/')) return 'admin';
  if (
    (profile === 'qutab-platform' || profile === 'affiliate-marketer') &&
    template.startsWith('/affiliate/')
  )
    return 'affiliate';
  return 'user';
}

/** The path of a URL relative to the document's own URL (`..` in a path item's servers). */
function basePath(server: string | undefined, docUrl: string): string {
  return new URL(server ?? '.', new URL(docUrl, 'http://komisi.test')).pathname.replace(/\/$/, '');
}

/** Every operation of one profile's document, in an order that keeps tokens usable: sessions ended last, admin just before. */
export function operationsOf(doc: Schema, entry: (typeof PROFILE_DOCS)[number]): OperationSpec[] {
  const plain = new Set(Object.keys(PROFILES[entry.profile]?.plainRoutes ?? {}));
  const docBase = basePath((doc.servers as { url: string }[] | undefined)?.[0]?.url, entry.url);
  const ops: OperationSpec[] = [];
  for (const [template, item] of Object.entries(doc.paths as Record<string, Schema>)) {
    const itemServers = item.servers as { url: string }[] | undefined;
    const base = itemServers ? basePath(itemServers[0]?.url, entry.url) : docBase;
    for (const method of HTTP_METHODS) {
      const op = item[method] as Schema | undefined;
      if (!op) continue;
      const params = ((op.parameters ?? []) as Schema[]).map((raw) => {
        const p = deref(raw, doc);
        return {
          name: p.name as string,
          in: p.in as ParamSpec['in'],
          required: p.required === true,
          schema: deref(p.schema, doc),
        };
      });
      const content = (deref(op.requestBody, doc).content ?? {}) as Record<string, { schema?: unknown }>;
      const json = content['application/json'] ?? Object.values(content)[0];
      const multipart = content['multipart/form-data'];
      const uploads = Object.entries(
        (mainVariant(deref(multipart?.schema, doc)).properties ?? {}) as Record<string, Schema>,
      )
        .filter(([, s]) => s.format === 'binary')
        .map(([name]) => name);
      ops.push({
        surface: plain.has(template) ? 'plain' : 'rest',
        profile: entry.profile,
        envelope: !plain.has(template) || ENVELOPED_PLAIN_ROUTES.has(template) ? entry.profile : null,
        tenant: entry.tenant,
        method: method.toUpperCase(),
        template,
        base,
        params,
        body: json ? deref(json.schema, doc) : undefined,
        uploads,
        secured: Array.isArray(op.security) && op.security.length > 0,
        role: roleOf(entry.profile, template),
      });
    }
  }
  const rank = (op: OperationSpec) => (/logout/.test(op.template) ? 2 : op.role === 'admin' ? 1 : 0);
  return ops.sort((a, b) => rank(a) - rank(b));
}

const str: Schema = { type: 'string' };

/** Routes served outside the documents: Pesapal's IPN, the sandbox gateway's page, signed file links. */
export function plainOperations(): OperationSpec[] {
  const common = {
    surface: 'plain' as const,
    envelope: null,
    uploads: [],
    secured: false,
    role: 'user' as const,
  };
  const ipn: ParamSpec[] = ['OrderTrackingId', 'OrderMerchantReference', 'OrderNotificationType'].map(
    (name) => ({ name, in: 'query', required: name === 'OrderTrackingId', schema: str }),
  );
  const ipnBody: Schema = {
    type: 'object',
    properties: Object.fromEntries(ipn.map((p) => [p.name, str])),
    required: ['OrderTrackingId'],
  };
  const reference: ParamSpec = { name: 'reference', in: 'path', required: true, schema: str };
  const fileQuery: ParamSpec[] = ['v', 'exp', 'sig'].map((name) => ({
    name,
    in: 'query',
    required: true,
    schema: name === 'exp' ? { type: 'integer', minimum: 1_700_000_000 } : str,
  }));
  const ops: OperationSpec[] = [];
  for (const tenant of ['dtehm', 'qutab']) {
    const base = `/t/${tenant}/api`;
    ops.push(
      {
        ...common,
        profile: 'plain',
        envelope: MAIN_PROFILE[tenant]!,
        tenant,
        method: 'GET',
        template: '/webhooks/pesapal',
        base,
        params: ipn,
      },
      {
        ...common,
        profile: 'plain',
        envelope: MAIN_PROFILE[tenant]!,
        tenant,
        method: 'POST',
        template: '/webhooks/pesapal',
        base,
        params: [],
        body: ipnBody,
      },
      {
        ...common,
        profile: 'plain',
        tenant,
        method: 'GET',
        template: '/files/{id}',
        base: `/t/${tenant}`,
        params: [
          { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
          ...fileQuery,
        ],
      },
    );
  }
  ops.push(
    {
      ...common,
      profile: 'plain',
      tenant: 'dtehm',
      method: 'GET',
      template: '/sandbox/pay/{reference}',
      base: '',
      params: [reference],
    },
    {
      ...common,
      profile: 'plain',
      tenant: 'dtehm',
      method: 'POST',
      template: '/sandbox/pay/{reference}',
      base: '',
      params: [reference],
      body: {
        type: 'object',
        properties: { outcome: { type: 'string', enum: ['success', 'failed'] } },
        required: ['outcome'],
      },
    },
  );
  return ops;
}
