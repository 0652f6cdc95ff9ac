import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@komisi/domain';

// Compact JWS with HS256, by hand on node:crypto: every request verifies a token, and a cached
// KeyObject with one HMAC costs a few µs where jose's WebCrypto path costs tens (its key import and
// promise hops per call). The checks are jose's `jwtVerify` with `algorithms: ['HS256']`, issuer,
// audience and required `exp`, `iat`, `sub`; tokens from either verify on the other (tested).

/** HS256 only: `none`, any other algorithm and key confusion are refused when verifying. */
const ALGORITHM = 'HS256';
const ISSUER = 'komisi';
/** The header of every token we sign, encoded once (the bytes jose's SignJWT writes too). */
const HEADER = Buffer.from(JSON.stringify({ alg: ALGORITHM, typ: 'JWT' })).toString('base64url');
/** Invalid UTF-8 in the header or payload is refused, not replaced (jose decodes claims strictly). */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The server's JWT secret as the key both kinds of token (tenant, platform) are signed with. */
export function tokenKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

/** The claims of a verified token (registered ones typed; the rest as sent). */
export interface TokenPayload {
  iss?: unknown;
  sub?: unknown;
  aud?: unknown;
  exp?: unknown;
  iat?: unknown;
  nbf?: unknown;
  [claim: string]: unknown;
}

export interface TokenContent {
  /** who may accept it: `tenant:{id}` or the platform's; neither verifies as the other */
  audience: string;
  subject: string;
  claims: Record<string, unknown>;
  now: Date;
  ttlSeconds: number;
}

/** The signature of `header.payload`, base64url (43 characters, no padding). */
function signatureOf(key: KeyObject, signingInput: string): string {
  return createHmac('sha256', key).update(signingInput).digest('base64url');
}

export function signTokenSync(
  key: KeyObject,
  { audience, subject, claims, now, ttlSeconds }: TokenContent,
): string {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ttlSeconds;
  if (!Number.isFinite(exp)) throw new TypeError('a token needs a finite lifetime');
  const payload = { ...claims, iss: ISSUER, aud: audience, sub: subject, iat, exp };
  const signingInput = `${HEADER}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${signingInput}.${signatureOf(key, signingInput)}`;
}

export async function signToken(key: KeyObject, content: TokenContent): Promise<string> {
  return signTokenSync(key, content);
}

/** Why a token is refused: expired (only once everything else about it held), or anything else. */
class Refused extends Error {
  constructor(readonly expired = false) {
    super(expired ? 'expired' : 'invalid');
  }
}

/**
 * A JSON object from a base64url segment, or Refused (not UTF-8, not JSON, not an object). Lenient
 * base64url decoding is harmless here: the signature covers the segments as sent, not as decoded.
 */
function jsonObject(segment: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(strictUtf8.decode(Buffer.from(segment, 'base64url')));
  } catch {
    throw new Refused();
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Refused();
  return value as Record<string, unknown>;
}

/** Whether `given` is exactly the expected signature, in time independent of where they differ. */
function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'latin1');
  const b = Buffer.from(expected, 'latin1');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The verified claims of `token` as of `nowSeconds`, or Refused. */
function verifiedPayload(key: KeyObject, token: string, audience: string, nowSeconds: number): TokenPayload {
  if (typeof token !== 'string') throw new Refused();
  const parts = token.split('.');
  if (parts.length !== 3) throw new Refused();
  const [head, body, signature] = parts as [string, string, string];
  if (head !== HEADER) {
    // another signer's header (jose's without `typ`): HS256 still, and no `crit` extension (e.g. an
    // unencoded payload), which we would refuse rather than interpret
    const header = jsonObject(head);
    if (header.alg !== ALGORITHM || 'crit' in header) throw new Refused();
  }
  // only the canonical encoding of the expected HMAC: no second spelling of one signature verifies
  if (!sameSignature(signature, signatureOf(key, `${head}.${body}`))) throw new Refused();
  const payload: TokenPayload = jsonObject(body);
  for (const claim of ['exp', 'iat', 'sub', 'iss', 'aud'])
    if (!Object.hasOwn(payload, claim)) throw new Refused();
  if (payload.iss !== ISSUER) throw new Refused();
  const aud = payload.aud;
  if (!(aud === audience || (Array.isArray(aud) && aud.includes(audience)))) throw new Refused();
  if (typeof payload.iat !== 'number' || !Number.isFinite(payload.iat)) throw new Refused();
  if (payload.nbf !== undefined && (typeof payload.nbf !== 'number' || payload.nbf > nowSeconds))
    throw new Refused();
  if (typeof payload.exp !== 'number' || Number.isNaN(payload.exp)) throw new Refused();
  if (payload.exp <= nowSeconds) throw new Refused(true);
  return payload;
}

/**
 * Verifies signature, issuer, audience and expiry (required: a token that never expires is not one
 * we signed), then reads the payload with `read`, which throws a DomainError for a payload it does
 * not accept. Expired: TOKEN_EXPIRED; anything else wrong: UNAUTHORIZED.
 */
export function verifyTokenSync<T>(
  key: KeyObject,
  token: string,
  audience: string,
  read: (payload: TokenPayload) => T,
  now: Date = new Date(),
): T {
  try {
    return read(verifiedPayload(key, token, audience, Math.floor(now.getTime() / 1000)));
  } catch (e) {
    if (e instanceof Refused && e.expired) throw new DomainError('TOKEN_EXPIRED', 'Token has expired');
    if (e instanceof DomainError) throw e;
    throw new DomainError('UNAUTHORIZED', 'Invalid token');
  }
}

export async function verifyToken<T>(
  key: KeyObject,
  token: string,
  audience: string,
  read: (payload: TokenPayload) => T,
  now?: Date,
): Promise<T> {
  return verifyTokenSync(key, token, audience, read, now);
}
