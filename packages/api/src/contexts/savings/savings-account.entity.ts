import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Account } from '../identity/account.entity.ts';
import { tenantColumn } from '../tenancy/tenant.entity.ts';
import { SavingsProduct } from './savings-product.entity.ts';

export const SAVINGS_ACCOUNT_STATUSES = ['active', 'frozen', 'closed'] as const;

/**
 * A member's account of one savings product. Its balance is not a column: it is the ledger account
 * `savings:{id}` (see `savingsLedger`), whose running balance the postings keep.
 */
export const SavingsAccount = defineEntity({
  name: 'SavingsAccount',
  tableName: 'savings_account',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    publicId: p.uuid().unique(),
    owner: () => p.manyToOne(Account).mapToPk().fieldName('owner_account_id').index(),
    product: () => p.manyToOne(SavingsProduct).mapToPk().fieldName('product_id'),
    accountNumber: p.string().length(20),
    virtualAccountNumber: p.string().length(20),
    status: p.enum(SAVINGS_ACCOUNT_STATUSES).default('active'),
    openedAt: p.datetime(),
    lastInterestCalculatedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [
    { properties: ['tenant', 'accountNumber'] },
    { properties: ['tenant', 'virtualAccountNumber'] },
    { properties: ['tenant', 'owner', 'product'] },
  ],
});
export type SavingsAccount = InferEntity<typeof SavingsAccount>;
