import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { tenantColumn } from '../tenancy/tenant.entity.ts';
import { Account } from './account.entity.ts';

/** A single-use, expiring password reset; only the token's hash is stored. */
export const PasswordReset = defineEntity({
  name: 'PasswordReset',
  tableName: 'password_reset',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    account: () => p.manyToOne(Account).mapToPk().fieldName('account_id').index(),
    tokenHash: p.string().length(64).unique(),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type PasswordReset = InferEntity<typeof PasswordReset>;
