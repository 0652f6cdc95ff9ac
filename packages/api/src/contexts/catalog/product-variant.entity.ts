import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { tenantColumn } from '../tenancy/tenant.entity.ts';
import { Product } from './product.entity.ts';
import { productSummarySetSql } from './variant-filter.ts';

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
  // Every write path (checkout, cancellations, admin, seeds) keeps the product's summary right
  // (price, stock, filter keys), so catalog lists filter and sort on product columns instead of
  // looking at variants per row.
  triggers: [
    {
      name: 'product_variant_summary',
      timing: 'after',
      events: ['insert', 'update', 'delete'],
      forEach: 'row',
      body: `update product p set ${productSummarySetSql('p.id')}
        where p.id in (case when tg_op <> 'INSERT' then old.product_id end, case when tg_op <> 'DELETE' then new.product_id end);
        return null;`,
    },
  ],
});
export type ProductVariant = InferEntity<typeof ProductVariant>;
