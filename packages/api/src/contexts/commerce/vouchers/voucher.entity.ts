import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Account } from '../../identity/account.entity.ts';
import { tenantColumn } from '../../tenancy/tenant.entity.ts';

/**
 * A voucher code and its rules (see the domain's `VoucherRule`). `usedCount` is incremented by a
 * conditional update when an order redeems it, so a usage limit holds under concurrent checkouts.
 * A voucher with an affiliate is that affiliate's code: orders using it earn the affiliate a commission.
 */
export const Voucher = defineEntity({
  name: 'Voucher',
  tableName: 'voucher',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    code: p.string().length(40),
    name: p.string().length(200),
    description: p.string().length(1000).nullable(),
    discountType: p.enum(['percentage', 'fixed', 'free_shipping'] as const),
    /** percentage: basis points; fixed: minor units; free_shipping: shipping covered (0 = all) */
    discountValue: p.bigint('number'),
    maxDiscountAmount: p.bigint('number').nullable(),
    minPurchaseAmount: p.bigint('number').default(0),
    startsAt: p.datetime().nullable(),
    endsAt: p.datetime().nullable(),
    usageLimit: p.integer().nullable(),
    perCustomerLimit: p.integer().nullable(),
    usedCount: p.integer().default(0),
    active: p.boolean().default(true),
    /** shown in "available vouchers" lists (affiliate codes usually are not) */
    isPublic: p.boolean().default(true),
    affiliate: () => p.manyToOne(Account).mapToPk().nullable().fieldName('affiliate_account_id'),
    affiliateCommissionBps: p.integer().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['tenant', 'code'] }],
});
export type Voucher = InferEntity<typeof Voucher>;

/** One use of a voucher by a customer's order; voided when the order is cancelled. */
export const VoucherRedemption = defineEntity({
  name: 'VoucherRedemption',
  tableName: 'voucher_redemption',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    voucher: () => p.manyToOne(Voucher).mapToPk().fieldName('voucher_id'),
    account: () => p.manyToOne(Account).mapToPk().fieldName('account_id'),
    orderId: p.integer(),
    status: p.enum(['active', 'void'] as const).default('active'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['voucher', 'orderId'] }],
  indexes: [{ name: 'voucher_redemption_customer_idx', properties: ['voucher', 'account', 'status'] }],
});
export type VoucherRedemption = InferEntity<typeof VoucherRedemption>;
