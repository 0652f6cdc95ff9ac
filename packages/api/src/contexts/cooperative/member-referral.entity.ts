import { MEMBER_REFERRAL_STATUSES } from '@komisi/domain';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { tenantColumn } from '../tenancy/tenant.entity.ts';
import { CooperativeMember } from './cooperative-member.entity.ts';

/**
 * A member who joined with another's referral code: pending until they first become active, then
 * paid (the referrer's bonus credited to their Simpanan Sukarela) or completed (no bonus granted).
 */
export const MemberReferral = defineEntity({
  name: 'MemberReferral',
  tableName: 'member_referral',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    publicId: p.uuid().unique(),
    referrer: () => p.manyToOne(CooperativeMember).mapToPk().fieldName('referrer_member_id'),
    referred: () => p.manyToOne(CooperativeMember).mapToPk().fieldName('referred_member_id'),
    status: p.enum(MEMBER_REFERRAL_STATUSES).default('pending'),
    /** rupiah credited to the referrer (set when paid) */
    bonusAmount: p.bigint('number').nullable(),
    /** the savings transaction that credited it */
    savingsTransactionId: p.integer().nullable(),
    paidAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['tenant', 'referred'] }],
  indexes: [{ name: 'member_referral_referrer_idx', properties: ['tenant', 'referrer', 'createdAt'] }],
});
export type MemberReferral = InferEntity<typeof MemberReferral>;
