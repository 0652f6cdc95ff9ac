import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Product } from '../../catalog/product.entity.ts';
import { ProductVariant } from '../../catalog/product-variant.entity.ts';
import { Account } from '../../identity/account.entity.ts';
import { tenantColumn } from '../../tenancy/tenant.entity.ts';
import { Order } from './order.entity.ts';

/** A line of an order, with the product as it was sold and who earns on it. */
export const OrderItem = defineEntity({
  name: 'OrderItem',
  tableName: 'order_item',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    order: () => p.manyToOne(Order).mapToPk().fieldName('order_id').index(),
    product: () => p.manyToOne(Product).mapToPk().fieldName('product_id'),
    variant: () => p.manyToOne(ProductVariant).mapToPk().nullable().fieldName('variant_id'),
    productName: p.string(),
    variantName: p.string().length(200).nullable(),
    sku: p.string().length(64).nullable(),
    productImage: p.string().length(1000).nullable(),
    unitPrice: p.bigint('number'),
    quantity: p.integer(),
    amount: p.bigint('number'),
    sponsor: () => p.manyToOne(Account).mapToPk().nullable().fieldName('sponsor_id'),
    stockist: () => p.manyToOne(Account).mapToPk().nullable().fieldName('stockist_id'),
  },
});
export type OrderItem = InferEntity<typeof OrderItem>;
