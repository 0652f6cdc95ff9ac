import { createHmac } from 'node:crypto';
import { isReferralCode } from '@komisi/domain';
import { type Orm, systemEm } from '../../../kernel/database.ts';
import type { Scope } from '../../../kernel/scope.ts';
import type { TenantRecord } from '../../../kernel/tenant-record.ts';
import { LocalDays } from '../local-day.ts';
import { tenantReferralProgram } from '../tenant-referral-program.ts';
import {
  derivedKey,
  type ReferralClickRef,
  readReferralCookie,
  signReferralCookie,
} from './referral-cookie.ts';

/** A counted click as the click writer stores it. */
export interface ClickRecord {
  id: string;
  tenantId: number;
  affiliateId: number;
  clickedAt: Date;
  /** `YYYY-MM-DD` in the tenant's time zone: the daily rollup's day */
  day: string;
  ipHash: string | null;
  userAgent: string | null;
  referer: string | null;
  utm: Record<string, string> | null;
}

export interface ClickInput {
  affiliateId: number;
  clickId: string;
  clickedAt: Date;
  /** the caller's address; stored only as an HMAC */
  ip: string | null;
  userAgent: string | null | undefined;
  referer: string | null | undefined;
  /** the referral link's query string: its `utm_*` parameters are kept */
  query: URLSearchParams;
}

export interface ReferralLinksOptions {
  /** the server secret; cookie and address keys are derived from it per purpose */
  secret: string;
  /** how long a code's affiliate (or its absence) is remembered; default 60 s */
  cacheTtlMs?: number;
  /** codes remembered at most; default 10,000 */
  cacheSize?: number;
}

const USER_AGENT_MAX = 300;
const REFERER_MAX = 500;
const UTM_KEYS_MAX = 10;
const UTM_KEY_MAX = 50;
const UTM_VALUE_MAX = 200;

/**
 * Referral links (qutab-platform): which approved affiliate a code names, where a link sends the
 * visitor, the link handed out, the signed attribution cookie and the click as it is stored.
 * The redirect path reads at most one indexed row per code and minute (the code cache).
 */
export class ReferralLinksService {
  readonly #orm: Orm;
  readonly #secret: string;
  readonly #ttlMs: number;
  readonly #cacheSize: number;
  readonly #codes = new Map<string, { affiliateId: number | null; at: number }>();
  readonly #days = new LocalDays();

  constructor(orm: Orm, options: ReferralLinksOptions) {
    this.#orm = orm;
    this.#secret = options.secret;
    this.#ttlMs = options.cacheTtlMs ?? 60_000;
    this.#cacheSize = options.cacheSize ?? 10_000;
  }

  /**
   * The approved affiliate a referral code names, or null (no such code, or the affiliate is not
   * approved). Cached per code for `cacheTtlMs`, misses too: an affiliate suspended a moment ago may
   * still collect clicks for up to a minute; a new code is never cached before it exists.
   */
  async affiliateForCode(tenant: TenantRecord, code: string): Promise<number | null> {
    if (!isReferralCode(code)) return null;
    const key = `${tenant.id}:${code}`;
    const now = Date.now();
    const hit = this.#codes.get(key);
    if (hit && now - hit.at < this.#ttlMs) return hit.affiliateId;
    const rows = await systemEm(this.#orm).execute<{ id: number }[]>(
      `select id from affiliate where tenant_id = ? and code = ? and status = 'approved'`,
      [tenant.id, code],
    );
    const affiliateId = rows[0]?.id ?? null;
    this.#codes.delete(key);
    this.#codes.set(key, { affiliateId, at: now });
    if (this.#codes.size > this.#cacheSize) this.#codes.delete(this.#codes.keys().next().value!);
    return affiliateId;
  }

  /** Forgets cached codes (all, or one tenant's code), e.g. after an affiliate is suspended. */
  forgetCodes(tenantId?: number, code?: string): void {
    if (tenantId === undefined) this.#codes.clear();
    else if (code !== undefined) this.#codes.delete(`${tenantId}:${code}`);
    else for (const key of this.#codes.keys()) if (key.startsWith(`${tenantId}:`)) this.#codes.delete(key);
  }

  /**
   * The link handed out for `code`: `{referralBaseUrl}/{code}` when the tenant hands out its own
   * short domain (qutab.id/r/XK7mP2q), otherwise this server's tenant path (`tenantBaseUrl/r/{code}`).
   */
  referralUrl(tenant: TenantRecord, tenantBaseUrl: string, code: string): string {
    const base = (tenantReferralProgram(tenant).referralBaseUrl ?? `${tenantBaseUrl}/r`).replace(/\/+$/, '');
    return `${base}/${encodeURIComponent(code)}`;
  }

  /**
   * Where a referral link sends the visitor: the programme's `targetUrl`, else the tenant's base
   * (`tenantBaseUrl/`: the site root on a host mapped to the tenant), as the referral-link endpoint
   * reports it (`target_url`).
   */
  targetUrl(tenant: TenantRecord, tenantBaseUrl: string): string {
    return tenantReferralProgram(tenant).targetUrl ?? `${tenantBaseUrl}/`;
  }

  /**
   * The target with the link's `utm_*` parameters carried over (the storefront's analytics sees the
   * campaign); `ref` and everything else stay off: attribution travels in the cookie.
   */
  landingUrl(tenant: TenantRecord, tenantBaseUrl: string, query: URLSearchParams): string {
    const target = this.targetUrl(tenant, tenantBaseUrl);
    const utm = utmOf(query);
    if (!utm) return target;
    const url = new URL(target);
    for (const [k, v] of Object.entries(utm)) url.searchParams.set(k, v);
    return url.toString();
  }

  /** The cookie's lifetime and the window in which a click attributes orders. */
  attributionDays(tenant: TenantRecord): number {
    return tenantReferralProgram(tenant).attributionDays;
  }

  /** The signed `komisi_ref` value for a counted click. */
  cookieValue(tenant: TenantRecord, ref: ReferralClickRef): string {
    return signReferralCookie(this.#secret, tenant.id, ref);
  }

  /**
   * For the order flow: the click a request's `Cookie` header proves for the scope's tenant within
   * its attribution window, or null. Pass it to `attributeOrder` as `click` (a coupon still wins).
   */
  attribution(scope: Scope, cookieHeader: string | null | undefined): ReferralClickRef | null {
    return readReferralCookie(
      cookieHeader,
      this.#secret,
      scope.now,
      this.attributionDays(scope.tenant),
      scope.tenant.id,
    );
  }

  /** A click as stored: the address as an HMAC, texts truncated, the local day for the rollup. */
  clickRecord(tenant: TenantRecord, input: ClickInput): ClickRecord {
    return {
      id: input.clickId,
      tenantId: tenant.id,
      affiliateId: input.affiliateId,
      clickedAt: input.clickedAt,
      day: this.#days.of(input.clickedAt, tenant.timeZone),
      ipHash: input.ip && input.ip !== 'unknown' ? this.#ipHash(tenant.id, input.ip) : null,
      userAgent: truncate(input.userAgent, USER_AGENT_MAX),
      referer: truncate(input.referer, REFERER_MAX),
      utm: utmOf(input.query),
    };
  }

  #ipHash(tenantId: number, ip: string): string {
    return createHmac('sha256', derivedKey(this.#secret, 'referral-ip:v1'))
      .update(`${tenantId}:${ip}`)
      .digest('hex')
      .slice(0, 32);
  }
}

function truncate(value: string | null | undefined, max: number): string | null {
  const v = value?.trim();
  return v ? v.slice(0, max) : null;
}

/** The query's `utm_*` parameters (at most 10, values cut to 200 characters), or null. */
export function utmOf(query: URLSearchParams): Record<string, string> | null {
  const utm: Record<string, string> = {};
  let n = 0;
  for (const [key, value] of query) {
    const k = key.toLowerCase();
    if (!k.startsWith('utm_') || k.length > UTM_KEY_MAX || k in utm || !value) continue;
    utm[k] = value.slice(0, UTM_VALUE_MAX);
    if (++n === UTM_KEYS_MAX) break;
  }
  return n ? utm : null;
}
