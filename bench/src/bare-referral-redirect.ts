// GET /t/{slug}/r/{code} by hand on Hono: the same bot rule, code cache (one statement per code a
// minute), signed cookie and buffered click as our referral redirect.
import { createHmac, randomBytes } from 'node:crypto';
import { countsAsClick } from '@komisi/api';
import type { Hono } from 'hono';
import type pg from 'pg';
import type { Click } from './bare-click-buffer.ts';

function uuidV7(now: number): string {
  const b = randomBytes(16);
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function utmOf(query: URLSearchParams): Record<string, string> | null {
  const utm: Record<string, string> = {};
  let n = 0;
  for (const [key, value] of query) {
    const k = key.toLowerCase();
    if (!k.startsWith('utm_') || k.length > 50 || k in utm || !value) continue;
    utm[k] = value.slice(0, 200);
    if (++n === 10) break;
  }
  return n ? utm : null;
}

/** What the redirect needs of the tenant, its keys and the click buffer. */
interface RedirectDeps {
  pool: pg.Pool;
  slug: string;
  tenant: { target: string | null };
  tenantId: number;
  localDay: Intl.DateTimeFormat;
  cookieKey: Buffer;
  ipKey: Buffer;
  attributionDays: number;
  clicks: { push(click: Click): void };
}

export function mountReferralRedirect(app: Hono, deps: RedirectDeps) {
  const { pool, slug, tenant, tenantId, localDay, cookieKey, ipKey, attributionDays, clicks } = deps;
  const codes = new Map<string, { id: number | null; at: number }>();

  app.get(`/t/${slug}/r/:code`, async (c) => {
    const url = new URL(c.req.url);
    const utm = utmOf(url.searchParams);
    let location = tenant.target ?? `${url.origin}/t/${slug}/`;
    if (utm) {
      const target = new URL(location);
      for (const [k, v] of Object.entries(utm)) target.searchParams.set(k, v);
      location = target.toString();
    }
    const ua = c.req.header('user-agent');
    const headers: Record<string, string> = { location, 'cache-control': 'no-store' };
    if (!countsAsClick(c.req.method, ua)) return c.body(null, 302, headers);
    const code = c.req.param('code');
    if (!/^[A-Za-z0-9]{7}$/.test(code)) return c.body(null, 302, headers);
    const now = Date.now();
    let hit = codes.get(code);
    if (!hit || now - hit.at >= 60_000) {
      const found = await pool.query<{ id: number }>(
        `select id from affiliate where tenant_id = $1 and code = $2 and status = 'approved'`,
        [tenantId, code],
      );
      hit = { id: found.rows[0]?.id ?? null, at: now };
      codes.set(code, hit);
    }
    if (hit.id === null) return c.body(null, 302, headers);
    const clickedAt = new Date(now);
    const id = uuidV7(now);
    const ip = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    clicks.push({
      id,
      affiliateId: hit.id,
      clickedAt,
      day: localDay.format(clickedAt),
      ipHash: ip ? createHmac('sha256', ipKey).update(`${tenantId}:${ip}`).digest('hex').slice(0, 32) : null,
      userAgent: ua?.trim().slice(0, 300) || null,
      referer: c.req.header('referer')?.trim().slice(0, 500) || null,
      utm,
    });
    const payload = `${tenantId}.${hit.id}.${id}.${now}`;
    const sig = createHmac('sha256', cookieKey).update(payload).digest('base64url');
    headers['set-cookie'] =
      `komisi_ref=${payload}.${sig}; Max-Age=${attributionDays * 86_400}; Path=/t/${slug}; HttpOnly; SameSite=Lax`;
    return c.body(null, 302, headers);
  });
}
