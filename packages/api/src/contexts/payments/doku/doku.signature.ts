import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * DOKU's non-SNAP request signature (Checkout, Check Status, HTTP notifications):
 * `HMACSHA256=` + base64(HMAC-SHA256(secretKey, component)), the component being the lines
 * `Client-Id:`, `Request-Id:`, `Request-Timestamp:`, `Request-Target:` and, when there is a body,
 * `Digest:` base64(SHA-256(body)), joined by `\n` with no trailing newline.
 */

export interface DokuSignatureInput {
  clientId: string;
  requestId: string;
  /** exactly as sent in the Request-Timestamp header */
  timestamp: string;
  /** the request path: ours on DOKU (`/checkout/v1/payment`) or our notification URL's path */
  target: string;
  /** the raw body; absent for GET, where DOKU leaves the Digest line out */
  body?: string | null;
  secretKey: string;
}

export type DokuVerification = { ok: true } | { ok: false; reason: string };

export interface VerifyDokuRequestInput {
  headers: Record<string, string | undefined>;
  /** the body byte-for-byte as received, before any JSON parsing; null for a GET */
  rawBody: string | null;
  target: string;
  clientId: string;
  secretKey: string;
  now: Date;
  maxAgeSeconds?: number;
}

export interface VerifyDokuNotificationInput extends Omit<VerifyDokuRequestInput, 'rawBody'> {
  rawBody: string;
}

const SIGNATURE_PREFIX = 'HMACSHA256=';
const DEFAULT_MAX_AGE_SECONDS = 300;
/** DOKU writes UTC as `YYYY-MM-DDTHH:mm:ssZ`; fractional seconds are tolerated in case it adds them. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const REQUIRED_HEADERS = ['Client-Id', 'Request-Id', 'Request-Timestamp', 'Signature'] as const;

export function dokuDigest(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('base64');
}

/** The Request-Timestamp for a moment: ISO 8601 UTC without milliseconds. */
export function dokuTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function dokuSignatureComponent(input: Omit<DokuSignatureInput, 'secretKey'>): string {
  const lines = [
    `Client-Id:${input.clientId}`,
    `Request-Id:${input.requestId}`,
    `Request-Timestamp:${input.timestamp}`,
    `Request-Target:${input.target}`,
  ];
  if (input.body != null) lines.push(`Digest:${dokuDigest(input.body)}`);
  return lines.join('\n');
}

/** The full Signature header value, `HMACSHA256=...`. */
export function dokuSignature(input: DokuSignatureInput): string {
  const mac = createHmac('sha256', input.secretKey).update(dokuSignatureComponent(input), 'utf8');
  return `${SIGNATURE_PREFIX}${mac.digest('base64')}`;
}

/** Header lookup that ignores case, since proxies and frameworks lower-case header names. */
function headerReader(headers: Record<string, string | undefined>): (name: string) => string | undefined {
  const lower = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) lower.set(name.toLowerCase(), value);
  }
  return (name) => lower.get(name.toLowerCase());
}

function timestampProblem(timestamp: string, now: Date, maxAgeSeconds: number): string | null {
  const at = TIMESTAMP.test(timestamp) ? Date.parse(timestamp) : Number.NaN;
  if (Number.isNaN(at)) return 'invalid_timestamp';
  const skew = now.getTime() - at;
  if (skew > maxAgeSeconds * 1000) return 'stale_timestamp';
  if (skew < -maxAgeSeconds * 1000) return 'future_timestamp';
  return null;
}

/** Constant-time for equal lengths; a length difference reveals nothing secret (the format is public). */
function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Checks a DOKU-signed request: all headers present, our Client-Id, a fresh timestamp (replayed
 * requests age out) and a signature over exactly these headers, target and body.
 */
export function verifyDokuRequest(input: VerifyDokuRequestInput): DokuVerification {
  const header = headerReader(input.headers);
  for (const name of REQUIRED_HEADERS) {
    if (!header(name)?.trim()) return { ok: false, reason: `missing_header:${name}` };
  }
  const clientId = header('Client-Id') as string;
  const requestId = header('Request-Id') as string;
  const timestamp = header('Request-Timestamp') as string;
  const signature = header('Signature') as string;
  if (!sameText(clientId, input.clientId)) return { ok: false, reason: 'client_id_mismatch' };
  const stale = timestampProblem(timestamp, input.now, input.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS);
  if (stale) return { ok: false, reason: stale };
  const expected = dokuSignature({
    clientId,
    requestId,
    timestamp,
    target: input.target,
    body: input.rawBody,
    secretKey: input.secretKey,
  });
  if (!sameText(signature.trim(), expected)) return { ok: false, reason: 'invalid_signature' };
  return { ok: true };
}

/**
 * Verifies an HTTP notification DOKU posted to us. `target` is the path of our notification URL
 * and `rawBody` the body as received: re-serialised JSON would not match the digest.
 */
export function verifyDokuNotification(input: VerifyDokuNotificationInput): DokuVerification {
  return verifyDokuRequest(input);
}
