import { hasText } from './gateway-api.ts';

// Gateways add fields per channel and version: notifications are read leniently, one field at a time.

/** A key of a JSON object; undefined for anything else (arrays included). */
export function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** The text trimmed, or null when it is not text or blank. */
export function textOrNull(value: unknown): string | null {
  return hasText(value) ? value.trim() : null;
}

/** A header by name, whatever the case it arrived in. */
export function headerOf(headers: Record<string, string | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(headers).find(([key]) => key.toLowerCase() === wanted)?.[1];
}

/** The body as JSON, or undefined when it is not JSON. */
export function jsonOf(rawBody: string): { json: unknown } | undefined {
  try {
    return { json: JSON.parse(rawBody) };
  } catch {
    return undefined;
  }
}

/** PostgreSQL's jsonb, where the inbox keeps a notification's body, cannot hold a NUL character. */
export function holdsNul(rawBody: string): boolean {
  return rawBody.includes('\\u0000');
}
