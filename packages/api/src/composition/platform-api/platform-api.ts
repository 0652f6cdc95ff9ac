import type { OpenAPIObject } from 'trpc-to-openapi';
import type { PlatformContext } from '../../kernel/platform-trpc.ts';
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

/** The platform API's OpenAPI 3.1 document, built as each profile's is. */
export function buildPlatformOpenApiDocument(baseUrl: string): OpenAPIObject {
  return buildOpenApiDocument(PLATFORM_API, baseUrl);
}
