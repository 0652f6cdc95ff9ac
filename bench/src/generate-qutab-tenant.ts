import type pg from 'pg';
import { settings } from './settings.ts';

export const QUTAB_TIME_ZONE = 'Asia/Jakarta';
export const QUTAB_TARGET_URL = 'https://qutab.id/';

/** The qutab tenant (the demo seed makes it; created here when the seed does not), with a target URL. */
export async function qutabTenant(c: pg.Client): Promise<number> {
  const slug = settings.qutabTenantSlug;
  let { rows } = await c.query<{ id: number }>('select id from tenant where slug = $1', [slug]);
  if (!rows[0]) {
    ({ rows } = await c.query<{ id: number }>(
      `insert into tenant (slug, name, profile, currency, time_zone, hosts, settings, created_at)
       values ($1, 'Qutab', 'qutab-platform', 'IDR', $2, '[]', '{}', now()) returning id`,
      [slug, QUTAB_TIME_ZONE],
    ));
  }
  const tenantId = rows[0]!.id;
  await c.query(
    `update tenant set settings = jsonb_set(settings, '{referralAffiliates}',
       coalesce(settings->'referralAffiliates', '{}'::jsonb) || jsonb_build_object('targetUrl', $2::text))
     where id = $1`,
    [tenantId, QUTAB_TARGET_URL],
  );
  return tenantId;
}
