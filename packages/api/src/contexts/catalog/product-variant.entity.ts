import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { tenantColumn } from '../tenancy/tenant.entity.ts';
import { Product } from './product.entity.ts';

/** A sellable version of a product (colour, finishing, size) with its own price and stock. */
export const ProductVariant = defineEntity({
  name: 'ProductVariant',
  tableName: 'product_variant',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    product: () => p.manyToOne(Product).mapToPk().fieldName('product_id'),
    sku: p.string().length(64),
    color: p.string().length(60).nullable(),
    finishing: p.string().length(60).nullable(),
    size: p.string().length(60).nullable(),
    price: p.bigint('number'),
    stock: p.integer().default(0),
    isVisible: p.boolean().default(true),
  },
  uniques: [{ properties: ['tenant', 'sku'] }],
  indexes: [{ name: 'product_variant_product_idx', properties: ['product'] }],
  // Stock can never go negative, whatever the code does: the database refuses it.
  checks: [{ name: 'product_variant_stock_check', expression: 'stock >= 0' }],
});
export type ProductVariant = InferEntity<typeof ProductVariant>;
