import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { tenantColumn } from '../tenancy/tenant.entity.ts';

// affiliate_marketer: voucher-code affiliates (affiliate-marketer); affiliate: referral-link affiliates (qutab-platform)
export const ROLES = ['member', 'stockist', 'admin', 'affiliate_marketer', 'affiliate'] as const;
export type Role = (typeof ROLES)[number];

export const Account = defineEntity({
  name: 'Account',
  tableName: 'account',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    email: p.string().length(254),
    name: p.string(),
    phone: p.string().length(32).nullable(),
    /** one-line postal address (profiles that keep no address book) */
    address: p.string().length(500).nullable(),
    passwordHash: p.string().hidden().lazy(),
    roles: p.array<Role>().default(['member']),
    emailVerifiedAt: p.datetime().nullable(),
    /** when a one-time code sent to `phone` came back (see `OtpService`) */
    phoneVerifiedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['tenant', 'email'] }],
});
export type Account = InferEntity<typeof Account>;
