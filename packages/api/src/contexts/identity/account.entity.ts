import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { tenantColumn } from '../tenancy/tenant.entity.ts';

// affiliate_marketer: voucher-code affiliates (affiliate-marketer); affiliate: referral-link affiliates (qutab-platform)
export const ROLES = ['member', 'stockist', 'admin', 'affiliate_marketer', 'affiliate'] as const;
export type Role = (typeof ROLES)[number];

/** `normalizeIndonesianPhone` in SQL, over the stored `phone` column (indexed as it is written here). */
export const NORMALIZED_PHONE_SQL = `regexp_replace(regexp_replace(phone, '[[:space:]().-]', '', 'g'), '^(\\+62|62|0)', '')`;

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
  indexes: [
    // a phone number in any written form (`normalizeIndonesianPhone`): sign-in by phone, phones taken
    {
      name: 'account_phone_normalized_idx',
      expression: `create index "account_phone_normalized_idx" on "account" ("tenant_id", (${NORMALIZED_PHONE_SQL}))`,
    },
    // lists ordered by name (a cooperative's members)
    {
      name: 'account_name_idx',
      expression: 'create index "account_name_idx" on "account" ("tenant_id", lower("name"))',
    },
  ],
});
export type Account = InferEntity<typeof Account>;
