import type { OperationExample } from '../profiles/shared/operation-examples.ts';

interface Parameter {
  in: string;
  name: string;
  example?: unknown;
}

interface MediaType {
  example?: unknown;
}

/** The parts of a generated operation an example is shown on. */
export interface ExampleTarget {
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, MediaType> }>;
}

/**
 * Shows an operation's example on its page: each path or query field of the request on its
 * parameter, the other fields as the body, and the answer in the profile's envelope (`envelope`) on
 * the success response. Without examples a reference page invents values from the schemas.
 */
export function showExample(
  op: ExampleTarget,
  example: OperationExample,
  options: { successStatus: string; uploads: string[]; envelope: (data: unknown) => unknown },
): void {
  const body: Record<string, unknown> = { ...example.request };
  for (const parameter of (op.parameters ?? []) as Parameter[]) {
    if ((parameter.in === 'path' || parameter.in === 'query') && parameter.name in body) {
      parameter.example = body[parameter.name];
      delete body[parameter.name];
    }
  }
  const content = (op.requestBody as { content?: Record<string, MediaType> } | undefined)?.content ?? {};
  for (const [type, media] of Object.entries(content)) {
    // a multipart body carries its files as binary parts: the example shows the other fields
    media.example =
      type === 'multipart/form-data'
        ? Object.fromEntries(Object.entries(body).filter(([field]) => !options.uploads.includes(field)))
        : body;
  }
  // 204 No Content has no body to show
  const success = op.responses[options.successStatus]?.content?.['application/json'];
  if (success && example.response !== undefined) success.example = options.envelope(example.response);
}
