import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Account } from '../identity/account.entity.ts';
import { tenantColumn } from '../tenancy/tenant.entity.ts';

export const MEMBERSHIP_STATUSES = ['pending', 'active'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** A network-marketing member: an account's place in the sponsor tree and its memberships. */
export const Member = defineEntity({
  name: 'Member',
  tableName: 'network_member',
  properties: {
    account: () => p.oneToOne(Account).mapToPk().primary().fieldName('account_id'),
    tenant: tenantColumn(),
    sponsor: () => p.manyToOne(Account).mapToPk().nullable().fieldName('sponsor_id').index(),
    wantsDtehm: p.boolean(),
    wantsDip: p.boolean(),
    dtehmMemberId: p.string().length(32).nullable(),
    dipMemberId: p.string().length(32).nullable(),
    status: p.enum(MEMBERSHIP_STATUSES).default('pending'),
    address: p.string().length(500).nullable(),
    fromMobile: p.boolean().default(false),
    joinedAt: p.datetime().onCreate(() => new Date()),
    activatedAt: p.datetime().nullable(),
    /**
     * Set while an administrator has suspended the member: they cannot sign in and earn nothing (their
     * place in the tree stays; see `MemberStandingService`). Orthogonal to `status`, which only payment moves.
     */
    suspendedAt: p.datetime().nullable(),
    suspensionReason: p.string().length(500).nullable(),
  },
  uniques: [{ properties: ['tenant', 'dtehmMemberId'] }, { properties: ['tenant', 'dipMemberId'] }],
});
export type Member = InferEntity<typeof Member>;
