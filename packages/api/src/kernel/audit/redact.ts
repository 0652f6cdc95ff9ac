import { isSensitiveField, REDACTED } from '../redaction.ts';

/** Longer text is cut (an uploaded file's base64, a pasted document): the entry keeps its start. */
const MAX_TEXT = 500;
const KEPT_TEXT = 120;
const MAX_ITEMS = 50;
const MAX_DEPTH = 8;
/** The most one JSON field of an entry may weigh; a larger value is replaced by a note of its size. */
export const MAX_AUDIT_JSON_BYTES = 16 * 1024;

/**
 * A value as the audit log keeps it: secrets and personal data (passwords, tokens, NIK, email,
 * phone, gateway keys: `isSensitiveField`) and the fields that carry files replaced, long text cut,
 * deep or long structures shortened, dates as ISO text. Plain JSON, at most MAX_AUDIT_JSON_BYTES.
 */
export function redactForAudit(value: unknown, files: readonly string[] = []): unknown {
  const kept = redact(value, new Set(files), 0);
  if (kept === undefined) return null;
  const bytes = Buffer.byteLength(JSON.stringify(kept));
  return bytes > MAX_AUDIT_JSON_BYTES ? { truncated: true, bytes } : kept;
}

function redact(value: unknown, files: ReadonlySet<string>, depth: number): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return cut(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'object') return undefined;
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => redact(v, files, depth + 1) ?? null);
    if (value.length > MAX_ITEMS) items.push(`… ${value.length - MAX_ITEMS} more`);
    return items;
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (files.has(key) && v !== null) out[key] = '[file]';
    else if (isSensitiveField(key) && v !== null) out[key] = REDACTED;
    else {
      const kept = redact(v, files, depth + 1);
      if (kept !== undefined) out[key] = kept;
    }
  }
  return out;
}

function cut(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, KEPT_TEXT)}… [${text.length} characters]` : text;
}
