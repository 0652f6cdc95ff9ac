import type { AnyProcedure } from '@trpc/server';
import type { OpenAPIObject } from 'trpc-to-openapi';
import type { z } from 'zod';
import type { PlatformContext } from '../../kernel/platform-trpc.ts';
import type { Meta } from '../../kernel/trpc.ts';
import { plainStyle } from '../../kernel/wire/plain-style.ts';
import {
  type OperationExample,
  type OperationExamples,
  type OperationKey,
  operationKey,
} from '../../profiles/shared/operation-examples.ts';
import { buildOpenApiDocument } from '../openapi.ts';
import { createRestHandler } from '../rest/rest-handler.ts';
import { platformApiRouter } from './platform.router.ts';

/**
 * Each operation's example as its input and output schemas declare it (`.meta({ example })`), in the
 * form every profile hands its examples to the OpenAPI builder.
 */
function examplesOf(procedures: Record<string, AnyProcedure>): OperationExamples {
  const examples: Record<OperationKey, OperationExample> = {};
  for (const procedure of Object.values(procedures)) {
    const openapi = (procedure._def.meta as Meta | undefined)?.openapi;
    if (!openapi) continue;
    const def = procedure._def as { inputs?: unknown[]; output?: unknown };
    const request = (def.inputs?.[0] as z.ZodType | undefined)?.meta()?.example;
    const response = (def.output as z.ZodType | undefined)?.meta()?.example;
    examples[operationKey(openapi.method, openapi.path)] = {
      ...(request !== undefined && { request: request as Record<string, unknown> }),
      ...(response !== undefined && { response }),
    };
  }
  return examples;
}

/** The platform API as the REST adapter and the OpenAPI builder see a profile. */
export const PLATFORM_API = {
  id: 'platform',
  title: 'Komisi Platform API',
  description:
    'For platform administrators: sign in, list the app profiles, create tenants and change their names, host names and settings. Served at /platform/api (REST) and /platform/trpc; its tokens are not valid on any tenant.',
  router: platformApiRouter,
  wire: plainStyle,
  restPrefix: '/platform/api',
  examples: examplesOf(platformApiRouter._def.procedures as Record<string, AnyProcedure>),
} as const;

export const platformRestHandler = createRestHandler<PlatformContext>(PLATFORM_API);

/** The platform API's OpenAPI 3.1 document, built as each profile's is. */
export function buildPlatformOpenApiDocument(baseUrl: string): OpenAPIObject {
  return buildOpenApiDocument(PLATFORM_API, baseUrl);
}
