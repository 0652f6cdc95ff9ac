// Text as it goes on the wire: raw JSON a serializer would never write, percent-encoding, and
// abbreviations so a failing case prints readably.

/** JSON text put into a body as it is: lone surrogate escapes, 5,000-deep nesting, numbers past doubles. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a value that may contain `RawJson` parts (undefined properties are left out). */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : toJsonText(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A value as a query or path text (not yet percent-encoded). */
export function toPlainText(value: unknown): string {
  if (value instanceof RawJson) {
    try {
      const parsed: unknown = JSON.parse(value.text);
      if (typeof parsed === 'string') return parsed;
    } catch {}
    return value.text;
  }
  if (typeof value === 'string') return value;
  return toJsonText(value);
}

/**
 * Percent-encodes text for a URL; lone surrogates (which `encodeURIComponent` refuses) become their
 * WTF-8 bytes, e.g. `%ED%A0%80`, as a client that does not check would send them.
 */
export function percentEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else {
      out += encodeURIComponent(text[i]!);
    }
  }
  return out;
}

/**
 * Text for a report line: control characters and lone surrogates escaped, long runs (`x` × 100,000,
 * `[` × 5,000) shortened, the whole cut at `max`.
 */
export function abbreviate(text: string, max = 600): string {
  const short = escapeInvisible(text).replace(
    /(.{1,8}?)\1{20,}/gs,
    (run, unit: string) => `‹${unit}›×${run.length / unit.length}`,
  );
  return short.length > max ? `${short.slice(0, max)}… (${text.length} chars)` : short;
}

function escapeInvisible(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      out += text.slice(i, i + 2);
      i++;
    } else if (unit < 0x20 || unit === 0x7f || (unit >= 0xd800 && unit <= 0xdfff)) {
      out += `\\u${unit.toString(16).padStart(4, '0')}`;
    } else {
      out += text[i];
    }
  }
  return out;
}
