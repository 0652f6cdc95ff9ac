import type { AnyProcedure } from '@trpc/server';
import { generateOpenApiDocument, type OpenAPIObject } from 'trpc-to-openapi';
import type { Meta } from '../kernel/trpc.ts';
import type { JsonSchema } from '../kernel/wire/wire-style.ts';
import type { AppProfile } from '../profiles/index.ts';
import { operationKey } from '../profiles/shared/operation-examples.ts';
import { showExample } from './openapi-examples.ts';

type Operation = {
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema: JsonSchema; example?: unknown }> }
  >;
  security?: unknown[];
  requestBody?: unknown;
  parameters?: unknown[];
};

/** the component every error response refers to */
const ERROR_SCHEMA = 'ErrorResponse';

const ERROR_TEXT: Record<number, string> = {
  400: 'The given data was invalid.',
  401: 'Unauthenticated. Please provide a valid Bearer token.',
  403: 'This action requires the admin role.',
  404: 'Resource not found',
  429: 'Too many requests',
  500: 'Internal server error',
};

/**
 * The profile's OpenAPI 3.1 document: trpc-to-openapi generates paths and schemas from the
 * router; this wraps every response in the profile's envelope and documents its error shape.
 */
export function buildOpenApiDocument(
  profile: Pick<AppProfile, 'router' | 'title' | 'description' | 'wire' | 'plainRoutes'> &
    Partial<Pick<AppProfile, 'examples'>>,
  baseUrl: string,
): OpenAPIObject {
  const doc = generateOpenApiDocument(profile.router, {
    title: profile.title,
    description: `${profile.description}\n\nMoney is in the currency's minor unit (integers).`,
    version: '1.0.0',
    baseUrl,
    securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
  });
  const metaByOperation = new Map<string, Meta>();
  const procedures = profile.router._def.procedures as Record<string, AnyProcedure>;
  for (const procedure of Object.values(procedures)) {
    const meta = procedure._def.meta as Meta | undefined;
    if (meta?.openapi) metaByOperation.set(`${meta.openapi.method.toLowerCase()} ${meta.openapi.path}`, meta);
  }
  const wire = profile.wire;
  // trpc-to-openapi's own error schemas describe tRPC's error shape, which the REST surface never
  // sends: drop them and document the profile's error envelope once.
  const schemas = Object.fromEntries(
    Object.entries(doc.components?.schemas ?? {}).filter(([name]) => !name.startsWith('error.')),
  );
  doc.components = { ...doc.components, schemas: { ...schemas, [ERROR_SCHEMA]: wire.errorSchema() } };
  const errorRef = { $ref: `#/components/schemas/${ERROR_SCHEMA}` };
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
      const meta = metaByOperation.get(`${method} ${path}`);
      const ok = op.responses['200'];
      const okSchema = ok?.content?.['application/json']?.schema ?? {};
      if (meta?.uploads?.length) documentUploads(op, meta.uploads);
      const successStatus = String(meta?.successStatus ?? 200);
      const statuses = new Set<number>([500]);
      if (op.requestBody || op.parameters?.length) statuses.add(400);
      if (op.security?.length) statuses.add(401);
      if (path.includes('{')) statuses.add(404);
      if (path.startsWith('/admin')) statuses.add(403);
      for (const status of meta?.errors ?? []) statuses.add(status);
      op.responses = {
        [successStatus]: {
          description: ok?.description ?? 'Successful response',
          content: { 'application/json': { schema: wire.successSchema(okSchema, meta?.message) } },
        },
      };
      const example = profile.examples?.[operationKey(method, path)];
      if (example) {
        showExample(op, example, {
          successStatus,
          uploads: meta?.uploads ?? [],
          envelope: (data) => wire.successExample(data, meta?.message),
        });
      }
      for (const status of [...statuses].sort((a, b) => a - b)) {
        // 400 stands for invalid input: some styles answer it with another status (422)
        const code = wire.status({
          status,
          code: status === 400 ? 'VALIDATION_ERROR' : 'INTERNAL_ERROR',
          message: '',
          fields: undefined,
          details: undefined,
        });
        const message = ERROR_TEXT[status] ?? 'Error';
        op.responses[String(code)] = {
          description: message,
          content: { 'application/json': { schema: errorRef, example: wire.errorExample(status, message) } },
        };
      }
    }
  }
  doc.paths = { ...doc.paths, ...profile.plainRoutes };
  return doc;
}

/** An upload operation takes `multipart/form-data`, its file fields as binary (JSON with base64 also works). */
function documentUploads(op: Operation, uploads: string[]): void {
  const body = op.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined;
  const json = body?.content?.['application/json']?.schema as
    | { properties?: Record<string, JsonSchema>; required?: string[] }
    | undefined;
  if (!body?.content || !json) return;
  const properties = { ...json.properties };
  for (const field of uploads) {
    // what the file may be, as the field's schema says it (else the common image upload)
    const description = (json.properties?.[field] as { description?: string } | undefined)?.description;
    properties[field] = {
      type: 'string',
      format: 'binary',
      description: description ?? 'JPEG or PNG, at most 5 MB',
    };
  }
  body.content = {
    'multipart/form-data': { schema: { ...json, properties } },
    'application/json': { schema: json },
  };
}
