import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived links to stored files: `/files/{id}?v={viewer}&exp={unix seconds}&sig={HMAC}`. The HMAC
 * (SHA-256, key derived from the server secret) covers the tenant, the file, the viewer the link was
 * issued to and the expiry, so none of them can be changed. The link is a bearer capability until it
 * expires (an <img> cannot send a token); the viewer id records whom it was issued to.
 */
export const DEFAULT_URL_TTL_SECONDS = 5 * 60;
export const MAX_URL_TTL_SECONDS = 24 * 60 * 60;

export interface FileUrlClaims {
  tenantId: number;
  fileId: number;
  /** the account the link was issued to; 0 for an anonymous viewer */
  viewerId: number;
  /** unix seconds */
  expires: number;
}

export type FileUrlCheck = { ok: true; claims: FileUrlClaims } | { ok: false; reason: 'invalid' | 'expired' };

/** A key for file links only, derived from the server secret (never the secret itself). */
export function fileUrlKey(serverSecret: string | Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', serverSecret, 'komisi', 'komisi/signed-file-url/v1', 32));
}

function mac(key: Uint8Array, c: FileUrlClaims): Buffer {
  return createHmac('sha256', key)
    .update(`file-url\n${c.tenantId}\n${c.fileId}\n${c.viewerId}\n${c.expires}`)
    .digest();
}

export function signFileUrl(key: Uint8Array, claims: FileUrlClaims): string {
  return mac(key, claims).toString('base64url');
}

const DIGITS = /^(0|[1-9]\d{0,14})$/;

/**
 * Checks a link's query against the file id from its path. Signature first (constant time), expiry
 * second; an expiry further ahead than any link is issued for counts as tampering.
 */
export function verifyFileUrl(
  key: Uint8Array,
  tenantId: number,
  fileIdParam: string,
  query: { v?: string | undefined; exp?: string | undefined; sig?: string | undefined },
  nowSeconds: number,
): FileUrlCheck {
  const { v, exp, sig } = query;
  if (!DIGITS.test(fileIdParam) || !v || !DIGITS.test(v) || !exp || !DIGITS.test(exp) || !sig) {
    return { ok: false, reason: 'invalid' };
  }
  const claims = { tenantId, fileId: Number(fileIdParam), viewerId: Number(v), expires: Number(exp) };
  const expected = mac(key, claims);
  const given = Buffer.from(sig, 'base64url');
  // lengths are public (always 32 bytes); the comparison of the bytes is constant time
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'invalid' };
  if (claims.expires <= nowSeconds) return { ok: false, reason: 'expired' };
  if (claims.expires > nowSeconds + MAX_URL_TTL_SECONDS + 60) return { ok: false, reason: 'invalid' };
  return { ok: true, claims };
}
