import { SAVINGS_CODES } from '@komisi/domain';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { tenantColumn } from '../tenancy/tenant.entity.ts';

/** One kind of savings a tenant offers (SP, SW, SS): its terms, as `SavingsProductTerms` in the domain. */
export const SavingsProduct = defineEntity({
  name: 'SavingsProduct',
  tableName: 'savings_product',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    publicId: p.uuid().unique(),
    code: p.enum(SAVINGS_CODES),
    name: p.string().length(100),
    description: p.string().length(500),
    minimumAmount: p.bigint('number'),
    isWithdrawable: p.boolean(),
    isMandatory: p.boolean(),
    interestRateBp: p.integer().default(0),
    depositSchedule: p.enum(['once', 'monthly', 'any'] as const),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['tenant', 'code'] }],
});
export type SavingsProduct = InferEntity<typeof SavingsProduct>;
