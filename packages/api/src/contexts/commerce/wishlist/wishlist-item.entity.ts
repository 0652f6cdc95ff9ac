import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Product } from '../../catalog/product.entity.ts';
import { ProductVariant } from '../../catalog/product-variant.entity.ts';
import { Account } from '../../identity/account.entity.ts';
import { tenantColumn } from '../../tenancy/tenant.entity.ts';

export const WishlistItem = defineEntity({
  name: 'WishlistItem',
  tableName: 'wishlist_item',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    account: () => p.manyToOne(Account).mapToPk().fieldName('account_id'),
    product: () => p.manyToOne(Product).mapToPk().fieldName('product_id'),
    variant: () => p.manyToOne(ProductVariant).mapToPk().nullable().fieldName('variant_id'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  // one row per product and variant: a product saved without a variant counts once too
  uniques: [
    {
      name: 'wishlist_item_unique',
      expression:
        'create unique index "wishlist_item_unique" on "wishlist_item" ("account_id", "product_id", coalesce("variant_id", 0))',
    },
  ],
});
export type WishlistItem = InferEntity<typeof WishlistItem>;
