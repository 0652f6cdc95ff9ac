import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { BIG_AFFILIATE_CODE, insertAffiliates, OTHER_AFFILIATES, otherCode } from './generate-affiliates.ts';
import { insertClicks } from './generate-clicks.ts';
import { qutabTenant } from './generate-qutab-tenant.ts';
import { insertReferralLedger } from './generate-referral-ledger.ts';
import { insertReferredOrders } from './generate-referred-orders.ts';
import { signAccessToken } from './generate-shop.ts';
import { prepareStatsTiers, type StatsTier } from './generate-stats-tiers.ts';
import { bulk, timed } from './pg.ts';
import { settings } from './settings.ts';

/** The referral-link scenarios' data (qutab-platform). */
export interface ReferralFixture {
  tenantId: number;
  slug: string;
  /** the affiliate with a million clicks and 100,000 referred orders */
  affiliateId: number;
  accountId: number;
  code: string;
  /** its access token (role affiliate), for the statistics and summary */
  token: string;
  /** approved affiliates with few clicks: the redirect scenario spreads over them too */
  otherCodes: string[];
  clicks: number;
  referrals: number;
  /** one affiliate per statistics size tier (BENCH_STATS_TIERS) */
  tiers: StatsTier[];
}

/**
 * One approved affiliate (`BnchAff`) with `clicks` clicks over the last 365 days (rollups filled
 * from them, total on the row) and `orders` referred orders over the same year: the last 30 days
 * confirmed (on hold), older ones available or paid out monthly, every 50th reversed, a few recent
 * ones pending; with the ledger entries the commission service and the payout flow post for them
 * (commission, release, reversal, payout request and payment: one entry each). Plus 200 approved
 * affiliates with no clicks yet.
 */
async function generate(c: pg.Client, tenantId: number, hash: string, clicks: number, orders: number) {
  await bulk(c, async () => {
    const { affiliateId, accountId } = await insertAffiliates(c, tenantId, hash);

    await timed(
      `${clicks.toLocaleString('en')} clicks (UUID v7 ids in time order) and their daily rollups`,
      () => insertClicks(c, tenantId, affiliateId, clicks),
    );

    await timed(`${orders.toLocaleString('en')} referred orders (customers, orders, referrals)`, () =>
      insertReferredOrders(c, tenantId, affiliateId, hash, orders),
    );

    await timed('ledger entries of those referrals (commission, release, reversal, monthly payouts)', () =>
      insertReferralLedger(c, tenantId, affiliateId, accountId),
    );
  });
  await timed('vacuum analyze (referral tables)', () =>
    c.query(
      'vacuum analyze referral_click, affiliate_click_daily, affiliate_referral, affiliate, ledger_posting, ledger_entry, ledger_account, customer_order, affiliate_payout',
    ),
  );
}

/** Generates the referral data once (kept with BENCH_REUSE_DB=1) and mints the affiliate's token. */
export async function prepareReferrals(c: pg.Client): Promise<ReferralFixture> {
  const tenantId = await qutabTenant(c);
  const existing = await c.query('select 1 from affiliate where tenant_id = $1 and code = $2', [
    tenantId,
    BIG_AFFILIATE_CODE,
  ]);
  if (existing.rowCount === 0) {
    const hash = (await c.query<{ password_hash: string }>('select password_hash from account limit 1'))
      .rows[0]!.password_hash;
    await generate(c, tenantId, hash, settings.referralClicks, settings.referralOrders);
  }
  const { rows } = await c.query<{ id: number; account_id: number; total_clicks: string }>(
    'select id, account_id, total_clicks::text from affiliate where tenant_id = $1 and code = $2',
    [tenantId, BIG_AFFILIATE_CODE],
  );
  const big = rows[0]!;
  const { rows: counted } = await c.query<{ n: number }>(
    'select count(*)::int n from affiliate_referral where affiliate_id = $1',
    [big.id],
  );
  const sessionId = randomUUID();
  await c.query(
    `insert into session (id, tenant_id, account_id, family_id, token_hash, expires_at, created_at)
     values ($1::uuid, $2, $3::int, $1::uuid, md5($1::text) || md5($3::int::text), now() + interval '1 day', now())`,
    [sessionId, tenantId, big.account_id],
  );
  return {
    tenantId,
    slug: settings.qutabTenantSlug,
    affiliateId: big.id,
    accountId: big.account_id,
    code: BIG_AFFILIATE_CODE,
    token: signAccessToken(
      settings.jwtSecret,
      { accountId: big.account_id, tenantId, sessionId, roles: ['affiliate'] },
      86_400,
    ),
    otherCodes: Array.from({ length: OTHER_AFFILIATES }, (_, i) => otherCode(i + 1)),
    clicks: Number(big.total_clicks),
    referrals: counted[0]!.n,
    tiers: await prepareStatsTiers(c, tenantId),
  };
}
