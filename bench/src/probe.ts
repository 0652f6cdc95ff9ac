import { isDeepStrictEqual } from 'node:util';
import type { Call } from './scenarios.ts';

export interface ProbeResult {
  status: number;
  body: unknown;
}

/** One request outside the load, to check the server answers it and to compare bodies. */
export async function probe(baseUrl: string, call: Call): Promise<ProbeResult> {
  const res = await fetch(baseUrl + call.path, {
    method: call.method,
    headers: call.headers,
    ...(call.body !== undefined && { body: call.body }),
    redirect: 'manual',
  });
  // a redirect is compared by where it sends (its cookie differs per click)
  if (res.status >= 300 && res.status < 400) {
    await res.arrayBuffer();
    return { status: res.status, body: { location: res.headers.get('location') } };
  }
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the report
  }
  return { status: res.status, body };
}

/** Same keys at every level (values ignored): both servers answer in the same shape. */
export function sameShape(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === 0 || b.length === 0 || sameShape(a[0], b[0]);
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return (
      ka.join() === kb.join() &&
      ka.every((k) => sameShape((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return typeof a === typeof b || a === null || b === null;
}

/** The ansania envelope's `meta` (a timestamp) differs between any two answers: left out. */
const withoutMeta = (x: unknown) =>
  x && typeof x === 'object' && 'meta' in x ? { ...(x as Record<string, unknown>), meta: null } : x;

export const sameJson = (a: unknown, b: unknown) => isDeepStrictEqual(withoutMeta(a), withoutMeta(b));
