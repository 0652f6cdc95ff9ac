import type { ApiError } from '../error-map.ts';

/** A JSON Schema object as it appears in the generated OpenAPI document. */
export type JsonSchema = Record<string, unknown>;

/**
 * How one app's REST responses are wrapped. The tRPC surface has no envelope; each
 * documented app keeps its own so its existing clients connect unchanged.
 */
export interface WireStyle {
  readonly name: string;
  success(data: unknown, message: string | undefined): unknown;
  error(error: ApiError, requestId: string): unknown;
  /** the HTTP status this app documents for an error (some apps list fewer statuses) */
  status(error: ApiError): number;
  successSchema(data: JsonSchema, message: string | undefined): JsonSchema;
  /** `success` for the document's examples: the same envelope, with fixed values where `success` reads the clock */
  successExample(data: unknown, message: string | undefined): unknown;
  errorSchema(): JsonSchema;
  errorExample(status: number, message: string): unknown;
}
