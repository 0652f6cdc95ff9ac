import type { OpenApiMethod } from 'trpc-to-openapi';

/**
 * What one operation's reference page shows, taken from its spec (or, for operations Komisi adds,
 * written in the spirit of the spec's data).
 */
export interface OperationExample {
  /**
   * The request as the procedure takes it: path, query and body fields in one object. The document
   * shows each path or query field on its parameter and the rest as the JSON body.
   */
  request?: Record<string, unknown>;
  /**
   * The data of a successful answer; the document wraps it in the profile's envelope. Absent for an
   * operation that answers 204 No Content.
   */
  response?: unknown;
}

/** An operation's key: its method and its path as in the procedure's meta, e.g. `POST /users/register`. */
export type OperationKey = `${OpenApiMethod} /${string}`;

/** A profile's examples, one per REST operation (a unit test holds every operation to having one). */
export type OperationExamples = Readonly<Record<OperationKey, OperationExample>>;

export const operationKey = (method: string, path: string): OperationKey =>
  `${method.toUpperCase() as OpenApiMethod} ${path as `/${string}`}`;
