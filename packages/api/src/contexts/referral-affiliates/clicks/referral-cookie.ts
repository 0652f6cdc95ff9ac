// The first-party attribution cookie a referral link sets, and the click ids it carries.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const REFERRAL_COOKIE = 'komisi_ref';

/** What the cookie proves: this browser followed this affiliate's link at this time. */
export interface ReferralClickRef {
  affiliateId: number;
  clickId: string;
  clickedAt: Date;
}

/** Clicks up to this far in the future are accepted (clocks of several instances differ a little). */
const CLOCK_SKEW_MS = 5 * 60_000;
const DAY_MS = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** by secret, then purpose: two lookups per click, no key string built each time */
const keys = new Map<string, Map<string, Buffer>>();

/** A key for one purpose derived from the server secret, so the JWT key itself never signs cookies. */
export function derivedKey(secret: string, purpose: string): Buffer {
  let ofSecret = keys.get(secret);
  if (!ofSecret) {
    ofSecret = new Map();
    keys.set(secret, ofSecret);
  }
  let key = ofSecret.get(purpose);
  if (!key) {
    key = createHmac('sha256', secret).update(`komisi:${purpose}`).digest();
    ofSecret.set(purpose, key);
  }
  return key;
}

const signature = (secret: string, payload: string) =>
  createHmac('sha256', derivedKey(secret, 'referral-cookie:v1')).update(payload).digest();

/** `{tenant}.{affiliate}.{click}.{clicked-at ms}.{HMAC-SHA256, base64url}`: cookie-safe, about 110 characters. */
export function signReferralCookie(secret: string, tenantId: number, ref: ReferralClickRef): string {
  const payload = `${tenantId}.${ref.affiliateId}.${ref.clickId}.${ref.clickedAt.getTime()}`;
  return `${payload}.${signature(secret, payload).toString('base64url')}`;
}

/**
 * The referral click a request's `Cookie` header proves for `tenantId`, or null: no cookie, a bad
 * signature (compared in constant time), another tenant's, or a click outside the attribution
 * window (`windowDays` before `now`). When several `komisi_ref` cookies arrive (a tenant path's and
 * a host's), the first valid one counts: browsers send the most specific path first.
 */
export function readReferralCookie(
  cookieHeader: string | undefined | null,
  secret: string,
  now: Date,
  windowDays: number,
  tenantId: number,
): ReferralClickRef | null {
  if (!cookieHeader) return null;
  for (const pair of cookieHeader.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== REFERRAL_COOKIE) continue;
    const ref = verify(pair.slice(eq + 1).trim(), secret, tenantId);
    if (!ref) continue;
    const age = now.getTime() - ref.clickedAt.getTime();
    if (age < -CLOCK_SKEW_MS || age >= windowDays * DAY_MS) continue;
    return ref;
  }
  return null;
}

function verify(value: string, secret: string, tenantId: number): ReferralClickRef | null {
  const parts = value.split('.');
  if (parts.length !== 5) return null;
  const [tenant, affiliate, clickId, at, sig] = parts as [string, string, string, string, string];
  const expected = signature(secret, `${tenant}.${affiliate}.${clickId}.${at}`);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const affiliateId = Number(affiliate);
  const clickedAt = Number(at);
  if (Number(tenant) !== tenantId || !Number.isSafeInteger(affiliateId) || affiliateId <= 0) return null;
  if (!UUID.test(clickId) || !Number.isSafeInteger(clickedAt)) return null;
  return { affiliateId, clickId, clickedAt: new Date(clickedAt) };
}

/**
 * A UUID version 7 (RFC 9562): 48 bits of milliseconds, then random bits. Ids of one instance
 * sort by time, so the click table's primary key grows at its end like a sequence.
 */
export function newClickId(now: Date): string {
  const b = randomBytes(16);
  // 48 bits fit a double exactly: plain division, no BigInt per click
  let ms = now.getTime();
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
