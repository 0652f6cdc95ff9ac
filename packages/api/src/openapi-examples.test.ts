import type { AnyProcedure } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { type ZodType, z } from 'zod';
import { buildOpenApiDocument, PROFILES } from './index.ts';
import type { Meta } from './kernel/trpc.ts';
import { operationKey } from './profiles/shared/operation-examples.ts';

// biome-ignore lint/suspicious/noExplicitAny: walks an arbitrary JSON document
type Json = any;

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);

function operations(doc: Json): [method: string, path: string, op: Json][] {
  return Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Json>)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, op]): [string, string, Json] => [method, path, op]),
  );
}

function resolve(doc: Json, schema: Json): Json {
  const ref = schema?.$ref as string | undefined;
  return ref
    ? resolve(
        doc,
        ref
          .slice(2)
          .split('/')
          .reduce((node: Json, key) => node?.[key], doc),
      )
    : schema;
}

/** A readable list of what zod refused, so a failing example names its field. */
function problems(schema: ZodType, value: unknown): string | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : z.prettifyError(parsed.error);
}

/**
 * Every operation of every profile's document is documented for a frontend team: a summary, a
 * description, an example request (where it takes parameters or a body) and an example answer in
 * the profile's envelope (except a 204, which has no body). The examples are parsed with the procedure's own zod schemas, so an
 * example cannot drift from what the endpoint accepts and answers.
 */
describe.each(Object.values(PROFILES))('$id document', (profile) => {
  const doc = buildOpenApiDocument(profile, 'https://komisi.example/t/demo/api');
  const procedures = new Map<string, AnyProcedure>();
  for (const procedure of Object.values(profile.router._def.procedures as Record<string, AnyProcedure>)) {
    const openapi = (procedure._def.meta as Meta | undefined)?.openapi;
    if (openapi) procedures.set(operationKey(openapi.method, openapi.path), procedure);
  }

  it.each(operations(doc))('%s %s', (method, path, op) => {
    const key = operationKey(method, path);
    expect(op.summary, 'summary').toBeTruthy();
    expect(op.description, 'description').toBeTruthy();
    const parameters = ((op.parameters ?? []) as Json[]).filter((p) => p.in === 'path' || p.in === 'query');
    const jsonBody = op.requestBody?.content?.['application/json'];
    for (const parameter of parameters.filter((p) => p.required)) {
      expect(parameter.example, `example of the parameter ${parameter.name}`).toBeDefined();
    }
    if (jsonBody) expect(jsonBody.example, 'request body example').toBeDefined();

    const procedure = procedures.get(key);
    if (!procedure) {
      // a plain route (gateway callback, referral redirect): its document is written by hand
      const shown = Object.values(op.responses as Record<string, Json>).some(
        (r) =>
          Object.values(r.content ?? {}).some((m: Json) => m.example !== undefined) ||
          Object.values(r.headers ?? {}).some((h: Json) => h.example !== undefined || h.schema?.example),
      );
      expect(shown, 'response example').toBe(true);
      return;
    }

    const example = profile.examples[key];
    expect(example, `an example in the profile's examples for ${key}`).toBeDefined();
    if (parameters.length > 0 || jsonBody) expect(example!.request, 'request example').toBeDefined();
    // what the page shows is the whole example: each field on a parameter or in the body
    const bodyExample = (jsonBody?.example ?? {}) as Record<string, unknown>;
    const bodyFields = Object.keys(resolve(doc, jsonBody?.schema)?.properties ?? {});
    for (const field of Object.keys(bodyExample)) expect(bodyFields, 'body fields').toContain(field);
    const shownRequest = {
      ...Object.fromEntries(parameters.filter((p) => 'example' in p).map((p) => [p.name, p.example])),
      ...bodyExample,
    };
    expect(shownRequest).toEqual(example!.request ?? {});
    for (const input of procedure._def.inputs as ZodType[]) {
      expect(problems(input, example!.request), 'the request example parses').toBeUndefined();
    }

    const meta = procedure._def.meta as Meta;
    if (meta.successStatus === 204) {
      // No Content: the REST answer has no body, so there is nothing to show
      expect(example!.response, 'no response example for 204').toBeUndefined();
      return;
    }
    // the output parser tRPC keeps on the procedure (its public type does not name it)
    const output = (procedure._def as unknown as { output: ZodType }).output;
    if (output.def.type === 'void') {
      // an answer with no data (koperasi's webhooks: `{ success, message }` only)
      expect(example!.response, 'no response example for an answer without data').toBeUndefined();
      return;
    }
    expect(example!.response, 'response example').toBeDefined();
    expect(problems(output, example!.response), 'the response example parses').toBeUndefined();
    // nothing in the example that the output schema would strip or rewrite
    expect(output.parse(example!.response)).toEqual(example!.response);
    const success = op.responses[String(meta.successStatus ?? 200)].content['application/json'];
    expect(success.example).toEqual(profile.wire.successExample(example!.response, meta.message));
  });

  it('has no example of an operation it does not document', () => {
    const documented = new Set(operations(doc).map(([method, path]) => operationKey(method, path)));
    expect(Object.keys(profile.examples).filter((key) => !documented.has(key as never))).toEqual([]);
  });
});
