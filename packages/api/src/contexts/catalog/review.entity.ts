import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Account } from '../identity/account.entity.ts';
import { tenantColumn } from '../tenancy/tenant.entity.ts';
import { Product } from './product.entity.ts';

/** A verified-purchase review: one per product per order of its author. */
export const Review = defineEntity({
  name: 'Review',
  tableName: 'product_review',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    product: () => p.manyToOne(Product).mapToPk().fieldName('product_id'),
    account: () => p.manyToOne(Account).mapToPk().fieldName('account_id'),
    orderId: p.integer(),
    rating: p.smallint(),
    title: p.string().length(200).nullable(),
    comment: p.text().nullable(),
    images: p.json<string[]>().default('[]'),
    helpfulCount: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['product', 'account', 'orderId'] }],
  indexes: [{ name: 'product_review_product_idx', properties: ['tenant', 'product', 'createdAt'] }],
  checks: [{ name: 'product_review_rating_check', expression: '(rating >= 1) AND (rating <= 5)' }],
});
export type Review = InferEntity<typeof Review>;
