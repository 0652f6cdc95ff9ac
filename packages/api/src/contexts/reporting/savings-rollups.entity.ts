import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Account } from '../identity/account.entity.ts';
import { SavingsProduct } from '../savings/savings-product.entity.ts';
import { tenantColumn } from '../tenancy/tenant.entity.ts';

// Rollups the financial reports read instead of scanning savings transactions or ledger accounts.
// Triggers keep them (rollup-triggers.ts), in the transaction of the write they summarise; every
// figure is a sum over `bucket`, so concurrent writers mostly update different rows.

/**
 * Savings transactions per local day (the tenant's time zone, of `created_at`), category, type
 * and current status: how many, and their amounts. A status change moves the transaction from one
 * row to another.
 */
export const SavingsFlowDaily = defineEntity({
  name: 'SavingsFlowDaily',
  tableName: 'savings_flow_daily',
  properties: {
    tenant: tenantColumn().primary(),
    day: p.date().primary(),
    category: p.string().length(16).primary(),
    typeCode: p.string().length(32).primary(),
    status: p.string().length(16).primary(),
    /** the transaction id modulo ROLLUP_BUCKETS */
    bucket: p.integer().primary(),
    transactions: p.integer().default(0),
    amount: p.bigint('number').default(0),
  },
});
export type SavingsFlowDaily = InferEntity<typeof SavingsFlowDaily>;

/**
 * The same per calendar month (its first day): a dashboard's month, quarter or year reads a dozen
 * months of rows instead of a year of days.
 */
export const SavingsFlowMonthly = defineEntity({
  name: 'SavingsFlowMonthly',
  tableName: 'savings_flow_monthly',
  properties: {
    tenant: tenantColumn().primary(),
    month: p.date().primary(),
    category: p.string().length(16).primary(),
    typeCode: p.string().length(32).primary(),
    status: p.string().length(16).primary(),
    bucket: p.integer().primary(),
    transactions: p.integer().default(0),
    amount: p.bigint('number').default(0),
  },
});
export type SavingsFlowMonthly = InferEntity<typeof SavingsFlowMonthly>;

/** What members hold in each savings product (the holder's view of the `savings:{id}` balances). */
export const SavingsProductBalance = defineEntity({
  name: 'SavingsProductBalance',
  tableName: 'savings_product_balance',
  properties: {
    tenant: tenantColumn().primary(),
    product: () => p.manyToOne(SavingsProduct).mapToPk().primary().fieldName('product_id'),
    /** the savings account id modulo ROLLUP_BUCKETS */
    bucket: p.integer().primary(),
    balance: p.bigint('number').default(0),
  },
});
export type SavingsProductBalance = InferEntity<typeof SavingsProductBalance>;

/** What each member holds over all their savings accounts: the top savers read its index. */
export const MemberSavingsBalance = defineEntity({
  name: 'MemberSavingsBalance',
  tableName: 'member_savings_balance',
  properties: {
    tenant: tenantColumn().primary(),
    owner: () => p.manyToOne(Account).mapToPk().primary().fieldName('owner_account_id'),
    balance: p.bigint('number').default(0),
  },
  indexes: [
    {
      name: 'member_savings_balance_rank_idx',
      expression:
        'create index "member_savings_balance_rank_idx" on "member_savings_balance" ("tenant_id", "balance" desc, "owner_account_id")',
    },
  ],
});
export type MemberSavingsBalance = InferEntity<typeof MemberSavingsBalance>;

/** Cooperative members per local day of joining and current membership status. */
export const MemberJoinDaily = defineEntity({
  name: 'MemberJoinDaily',
  tableName: 'member_join_daily',
  properties: {
    tenant: tenantColumn().primary(),
    day: p.date().primary(),
    status: p.string().length(16).primary(),
    members: p.integer().default(0),
  },
});
export type MemberJoinDaily = InferEntity<typeof MemberJoinDaily>;

/** Cooperative members per current membership status: the dashboard's active count is one row. */
export const MemberStatusTotal = defineEntity({
  name: 'MemberStatusTotal',
  tableName: 'member_status_total',
  properties: {
    tenant: tenantColumn().primary(),
    status: p.string().length(16).primary(),
    members: p.integer().default(0),
  },
});
export type MemberStatusTotal = InferEntity<typeof MemberStatusTotal>;
