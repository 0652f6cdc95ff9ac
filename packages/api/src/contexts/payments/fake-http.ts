import type { Context } from 'hono';

// What the fake gateways share in reading requests the way the real services do.

export type Json = Record<string, unknown>;

export function isJson(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function isFilled(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** An absolute http(s) URL, as the gateways require for the URLs they call or send payers to. */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function requestHeaders(req: Request): Record<string, string> {
  return Object.fromEntries(req.headers.entries());
}

/** The request's body when it is a JSON object; otherwise the problem, in the words DOKU and Xendit use. */
export async function jsonObjectBody(c: Context): Promise<{ body: Json } | { problem: string }> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return { problem: 'Request body is not valid JSON' };
  }
  return isJson(body) ? { body } : { problem: 'Request body must be an object' };
}
