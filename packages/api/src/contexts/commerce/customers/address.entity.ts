import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Account } from '../../identity/account.entity.ts';
import { tenantColumn } from '../../tenancy/tenant.entity.ts';

/** A shipping address of a customer; at most one per account is the default. */
export const Address = defineEntity({
  name: 'Address',
  tableName: 'address',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    account: () => p.manyToOne(Account).mapToPk().fieldName('account_id'),
    label: p.string().length(50),
    recipientName: p.string(),
    phone: p.string().length(32),
    addressLine1: p.string().length(500),
    addressLine2: p.string().length(500).nullable(),
    city: p.string().length(100),
    district: p.string().length(100).nullable(),
    province: p.string().length(100),
    postalCode: p.string().length(10),
    isDefault: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  indexes: [{ name: 'address_account_idx', properties: ['tenant', 'account'] }],
  // The database, not a check before the write, guarantees a single default per account.
  uniques: [{ name: 'address_one_default_idx', properties: ['account'], where: { isDefault: true } }],
});
export type Address = InferEntity<typeof Address>;
