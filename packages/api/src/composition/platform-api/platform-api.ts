import type { AnyProcedure } from '@trpc/server';
import type { OpenAPIObject } from 'trpc-to-openapi';
import type { z } from 'zod';
import type { PlatformContext } from '../../kernel/platform-trpc.ts';
import type { Meta } from '../../kernel/trpc.ts';
import { plainStyle } from '../../kernel/wire/plain-style.ts';
import { buildOpenApiDocument } from '../openapi.ts';
import { createRestHandler } from '../rest/rest-handler.ts';
import { platformApiRouter } from './platform.router.ts';

/** The platform API as the REST adapter and the OpenAPI builder see a profile. */
export const PLATFORM_API = {
  id: 'platform',
  title: 'Komisi Platform API',
  description:
    'For platform administrators: sign in, list the app profiles, create tenants and change their names, host names and settings. Served at /platform/api (REST) and /platform/trpc; its tokens are not valid on any tenant.',
  router: platformApiRouter,
  wire: plainStyle,
  restPrefix: '/platform/api',
} as const;

export const platformRestHandler = createRestHandler<PlatformContext>(PLATFORM_API);

type Operation = { requestBody?: { content?: Record<string, { example?: unknown }> } };

/**
 * The platform API's OpenAPI 3.1 document, built as each profile's is; each request body also
 * carries the example its input schema declares (`.meta({ example })`).
 */
export function buildPlatformOpenApiDocument(baseUrl: string): OpenAPIObject {
  const doc = buildOpenApiDocument(PLATFORM_API, baseUrl);
  const procedures = platformApiRouter._def.procedures as Record<string, AnyProcedure>;
  for (const procedure of Object.values(procedures)) {
    const openapi = (procedure._def.meta as Meta | undefined)?.openapi;
    const input = (procedure._def as { inputs?: unknown[] }).inputs?.[0] as z.ZodType | undefined;
    const example = input?.meta()?.example as Record<string, unknown> | undefined;
    if (!openapi || example === undefined) continue;
    const item = doc.paths?.[openapi.path] as Record<string, Operation> | undefined;
    const json = item?.[openapi.method.toLowerCase()]?.requestBody?.content?.['application/json'];
    // a path parameter is in the path, not the body
    if (json)
      json.example = Object.fromEntries(
        Object.entries(example).filter(([k]) => !openapi.path.includes(`{${k}}`)),
      );
  }
  return doc;
}
