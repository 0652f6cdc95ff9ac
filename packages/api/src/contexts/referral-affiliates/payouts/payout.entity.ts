import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Account } from '../../identity/account.entity.ts';
import { tenantColumn } from '../../tenancy/tenant.entity.ts';
import { Affiliate } from '../affiliate.entity.ts';

/** pending: requested · processing: an admin is on it · paid: transferred · failed: rejected or bounced (money back) */
export const PAYOUT_STATUSES = ['pending', 'processing', 'paid', 'failed'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

/**
 * A withdrawal of a referral-link affiliate's available balance. The money moves in the ledger in
 * the same transactions as the status (requested: available → payouts-pending; paid: payouts-pending
 * → payout clearing; failed: back to available). The bank details are a snapshot of the verified
 * account at request time, so a later change of the account does not redirect a requested payout.
 */
export const AffiliatePayout = defineEntity({
  name: 'AffiliatePayout',
  tableName: 'affiliate_payout',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    affiliate: () => p.manyToOne(Affiliate).mapToPk().fieldName('affiliate_id'),
    account: () => p.manyToOne(Account).mapToPk().fieldName('account_id'),
    /** minor units */
    amount: p.bigint('number'),
    status: p.enum(PAYOUT_STATUSES).default('pending'),
    bankName: p.string().length(100),
    accountNumberMasked: p.string().length(40),
    /** the full number for the admin making the transfer, sealed as on the bank account */
    accountNumberSealed: p.text().hidden(),
    accountHolderName: p.string().length(100),
    requestedAt: p.datetime(),
    processedAt: p.datetime().nullable(),
    transferReference: p.string().length(100).nullable(),
    notes: p.string().length(500).nullable(),
    reviewedBy: () => p.manyToOne(Account).mapToPk().nullable().fieldName('reviewed_by_account_id'),
    updatedAt: p.datetime().onCreate(() => new Date()),
  },
  checks: [{ name: 'affiliate_payout_amount_check', expression: 'amount > 0' }],
  indexes: [
    { name: 'affiliate_payout_account_idx', properties: ['tenant', 'account', 'requestedAt'] },
    { name: 'affiliate_payout_status_idx', properties: ['tenant', 'status', 'requestedAt'] },
  ],
});
export type AffiliatePayout = InferEntity<typeof AffiliatePayout>;
