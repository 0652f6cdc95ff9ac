import type pg from 'pg';
import { QUTAB_TIME_ZONE } from './generate-qutab-tenant.ts';

/** `clicks` clicks of the affiliate over the last 365 days (UUID v7 ids in time order) and their daily rollups. */
export async function insertClicks(c: pg.Client, tenantId: number, affiliateId: number, clicks: number) {
  await c.query(
    `insert into referral_click (id, tenant_id, affiliate_id, clicked_at, ip_hash, user_agent, referer, utm)
         select (lpad(to_hex((extract(epoch from t) * 1000)::bigint), 12, '0') || '7' || substr(h, 1, 3) || '8'
                 || substr(h, 4, 15))::uuid,
                $1, $2, t, substr(md5('ip' || (g % 50000)), 1, 32),
                case g % 3 when 0 then 'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36'
                           when 1 then 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
                           else 'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36 Instagram 358.0.0.25.92' end,
                case g % 4 when 0 then 'https://www.instagram.com/' when 1 then 'https://www.tiktok.com/' when 2 then 'https://l.facebook.com/' end,
                case when g % 5 = 0 then '{"utm_source":"instagram","utm_campaign":"qurban"}'::jsonb end
         from (select g, now() - interval '365 days' * (1 - g::float / $3::int) as t, md5(g::text) as h
                 from generate_series(1, $3::int) g) s
         order by t`,
    [tenantId, affiliateId, clicks],
  );
  await c.query(
    `insert into affiliate_click_daily (tenant_id, affiliate_id, day, clicks)
         select tenant_id, affiliate_id, (clicked_at at time zone $3)::date, count(*)
         from referral_click where tenant_id = $1 and affiliate_id = $2 group by 1, 2, 3`,
    [tenantId, affiliateId, QUTAB_TIME_ZONE],
  );
}
