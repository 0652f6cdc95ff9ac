// The referral-link endpoints by hand on Hono + `pg`: the redirect (same bot rule, code cache,
// signed cookie and a buffered batch insert of the same statements) and the affiliate statistics
// and summary (same SQL, same bodies). The yardstick for referral-redirect and affiliate-stats.
import { createHmac } from 'node:crypto';
import { Hono } from 'hono';
import type pg from 'pg';
import { mountAffiliateStats } from './bare-affiliate-stats.ts';
import { createBareAuth } from './bare-auth.ts';
import { clickBuffer } from './bare-click-buffer.ts';
import { mountReferralRedirect } from './bare-referral-redirect.ts';

export async function createBareReferral(pool: pg.Pool, slug: string, secret: string) {
  const { rows } = await pool.query<{
    id: number;
    time_zone: string;
    target: string | null;
    days: number | null;
  }>(
    // the setting's name, and its former name (a bench database generated before the rename)
    `select id, time_zone,
            coalesce(settings->'referralAffiliates'->>'targetUrl', settings->'referralProgram'->>'targetUrl') as target,
            coalesce(settings->'referralAffiliates'->>'attributionDays',
                     settings->'referralProgram'->>'attributionDays')::int as days
       from tenant where slug = $1`,
    [slug],
  );
  const tenant = rows[0]!;
  const tenantId = tenant.id;
  const cookieKey = createHmac('sha256', secret).update('komisi:referral-cookie:v1').digest();
  const ipKey = createHmac('sha256', secret).update('komisi:referral-ip:v1').digest();
  const localDay = new Intl.DateTimeFormat('en-CA', {
    timeZone: tenant.time_zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const attributionDays = tenant.days ?? 30;
  const clicks = clickBuffer(pool, tenantId);
  const authenticate = createBareAuth(pool, secret, tenantId);

  const app = new Hono();
  const shared = { pool, slug, tenant, tenantId, localDay };
  mountReferralRedirect(app, { ...shared, cookieKey, ipKey, attributionDays, clicks });
  mountAffiliateStats(app, { ...shared, authenticate });

  return { app, close: () => clicks.close() };
}
