import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Account } from '../identity/account.entity.ts';
import { tenantColumn } from '../tenancy/tenant.entity.ts';

export const AFFILIATE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type AffiliateStatus = (typeof AFFILIATE_STATUSES)[number];

export const PRIMARY_PLATFORMS = [
  'instagram',
  'tiktok',
  'youtube',
  'facebook',
  'whatsapp',
  'website',
  'other',
] as const;
export type PrimaryPlatform = (typeof PRIMARY_PLATFORMS)[number];

/**
 * A referral-link affiliate (qutab-platform): the application and, once approved, the programme
 * member with a referral code. One per account. The running totals are kept in the same
 * transactions that change them (clicks by the click writer, conversions and commission by the
 * commission service), so the dashboard reads one row instead of aggregating a million clicks.
 */
export const Affiliate = defineEntity({
  name: 'Affiliate',
  tableName: 'affiliate',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    account: () => p.manyToOne(Account).mapToPk().fieldName('account_id'),
    status: p.enum(AFFILIATE_STATUSES).default('pending'),
    /** 7 characters (e.g. XK7mP2q), assigned at approval */
    code: p.string().length(16).nullable(),
    firstName: p.string().length(100),
    lastName: p.string().length(100),
    whatsapp: p.string().length(32),
    city: p.string().length(100),
    instagram: p.string().length(200).nullable(),
    tiktok: p.string().length(200).nullable(),
    youtube: p.string().length(200).nullable(),
    facebook: p.string().length(200).nullable(),
    primaryPlatform: p.enum(PRIMARY_PLATFORMS),
    reason: p.text(),
    profilePhoto: p.string().length(500).nullable(),
    rejectionReason: p.string().length(500).nullable(),
    reviewedAt: p.datetime().nullable(),
    /** the admin who approved or rejected the application */
    reviewedBy: () => p.manyToOne(Account).mapToPk().nullable().fieldName('reviewed_by_account_id'),
    approvedAt: p.datetime().nullable(),
    /** this affiliate's rate; null uses the programme default (tenant setting) */
    commissionRateBps: p.integer().nullable(),
    totalClicks: p.bigint('number').default(0),
    totalConversions: p.integer().default(0),
    /** minor units: commission earned by confirmed, not reversed referrals */
    totalCommission: p.bigint('number').default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [
    { name: 'affiliate_tenant_account_unique', properties: ['tenant', 'account'] },
    { name: 'affiliate_tenant_code_unique', properties: ['tenant', 'code'] },
  ],
  indexes: [{ name: 'affiliate_tenant_status_idx', properties: ['tenant', 'status', 'createdAt'] }],
});
export type Affiliate = InferEntity<typeof Affiliate>;
