import type { Context, MiddlewareHandler } from 'hono';

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

/** A request a fake gateway received, kept for tests to inspect (the body parsed when it is JSON). */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Middleware that records every request into `requests` before the fake answers it. */
export function recordRequests(requests: RecordedRequest[]): MiddlewareHandler {
  return async (c, next) => {
    let body: unknown = null;
    if (c.req.method !== 'GET') {
      const text = await c.req.raw.clone().text();
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    requests.push({
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      headers: requestHeaders(c.req.raw),
      body,
    });
    await next();
  };
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
