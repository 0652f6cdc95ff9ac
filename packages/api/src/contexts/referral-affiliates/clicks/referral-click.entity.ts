import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { tenantColumn } from '../../tenancy/tenant.entity.ts';
import { Affiliate } from '../affiliate.entity.ts';

/**
 * One counted click on a referral link (preview bots and HEAD requests are not clicks). Written in
 * batches by the click writer, never on the request path. No raw address is stored: `ipHash` is an
 * HMAC of the tenant and the address under a key derived from the server secret.
 */
export const ReferralClick = defineEntity({
  name: 'ReferralClick',
  tableName: 'referral_click',
  properties: {
    /** UUID v7 (time-ordered), also in the attribution cookie and on the referral it leads to */
    id: p.uuid().primary(),
    tenant: tenantColumn(),
    affiliate: () => p.manyToOne(Affiliate).mapToPk().fieldName('affiliate_id'),
    clickedAt: p.datetime(),
    ipHash: p.string().length(64).nullable(),
    /** truncated to 300 characters */
    userAgent: p.string().length(300).nullable(),
    /** truncated to 500 characters */
    referer: p.string().length(500).nullable(),
    /** the landing query's `utm_*` parameters, when there were any */
    utm: p.json<Record<string, string>>().nullable(),
  },
  indexes: [{ name: 'referral_click_affiliate_idx', properties: ['affiliate', 'clickedAt'] }],
});
export type ReferralClick = InferEntity<typeof ReferralClick>;

/**
 * Clicks per affiliate per calendar day in the tenant's time zone, upserted in the same
 * transaction as the clicks: the statistics chart reads at most 366 of these rows.
 */
export const AffiliateClickDaily = defineEntity({
  name: 'AffiliateClickDaily',
  tableName: 'affiliate_click_daily',
  properties: {
    tenant: tenantColumn().primary(),
    affiliate: () => p.manyToOne(Affiliate).mapToPk().primary().fieldName('affiliate_id'),
    /** `YYYY-MM-DD` in the tenant's time zone */
    day: p.date().primary(),
    clicks: p.integer().default(0),
  },
});
export type AffiliateClickDaily = InferEntity<typeof AffiliateClickDaily>;
