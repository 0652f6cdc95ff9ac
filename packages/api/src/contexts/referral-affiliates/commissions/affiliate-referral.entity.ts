import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Order } from '../../commerce/orders/order.entity.ts';
import { Account } from '../../identity/account.entity.ts';
import { tenantColumn } from '../../tenancy/tenant.entity.ts';
import { Affiliate } from '../affiliate.entity.ts';

/**
 * pending: order placed, not paid yet · confirmed: paid, commission on hold · available: hold over,
 * withdrawable · paid: paid out · reversed: order refunded or cancelled while on hold (earns nothing)
 */
export const REFERRAL_STATUSES = ['pending', 'confirmed', 'available', 'paid', 'reversed'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_SOURCES = ['link', 'coupon'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/** An order attributed to an affiliate (by link click or coupon) and the commission it earns. */
export const AffiliateReferral = defineEntity({
  name: 'AffiliateReferral',
  tableName: 'affiliate_referral',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    affiliate: () => p.manyToOne(Affiliate).mapToPk().fieldName('affiliate_id'),
    order: () => p.manyToOne(Order).mapToPk().fieldName('order_id'),
    customer: () => p.manyToOne(Account).mapToPk().fieldName('customer_account_id'),
    source: p.enum(REFERRAL_SOURCES),
    /** the click that attributed the order (link source), kept for audit */
    clickId: p.string().length(40).nullable(),
    status: p.enum(REFERRAL_STATUSES).default('pending'),
    /** minor units */
    orderValue: p.bigint('number'),
    commissionRateBps: p.integer(),
    commission: p.bigint('number'),
    orderedAt: p.datetime(),
    confirmedAt: p.datetime().nullable(),
    /** end of the holding period, set when confirmed */
    availableAt: p.datetime().nullable(),
    reversedAt: p.datetime().nullable(),
    paidAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ name: 'affiliate_referral_order_unique', properties: ['tenant', 'order'] }],
  indexes: [
    { name: 'affiliate_referral_affiliate_idx', properties: ['affiliate', 'orderedAt'] },
    { name: 'affiliate_referral_confirmed_idx', properties: ['affiliate', 'confirmedAt'] },
    { name: 'affiliate_referral_release_idx', properties: ['status', 'availableAt'] },
    // the admin console's commissions per day (reporting): every affiliate's, by when they were confirmed
    {
      name: 'affiliate_referral_tenant_confirmed_idx',
      expression:
        'create index "affiliate_referral_tenant_confirmed_idx" on "affiliate_referral" ("tenant_id", "confirmed_at") include ("commission") where status <> \'reversed\' and confirmed_at is not null',
    },
    // the statistics' conversions per day (affiliate-stats.service.ts): an index-only range scan
    {
      name: 'affiliate_referral_confirmed_live_idx',
      expression:
        'create index "affiliate_referral_confirmed_live_idx" on "affiliate_referral" ("tenant_id", "affiliate_id", "confirmed_at") include ("commission") where status <> \'reversed\' and confirmed_at is not null',
    },
  ],
});
export type AffiliateReferral = InferEntity<typeof AffiliateReferral>;
