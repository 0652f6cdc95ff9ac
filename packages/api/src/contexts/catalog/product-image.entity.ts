import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { tenantColumn } from '../tenancy/tenant.entity.ts';
import { Product } from './product.entity.ts';

export const ProductImage = defineEntity({
  name: 'ProductImage',
  tableName: 'product_image',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    product: () => p.manyToOne(Product).mapToPk().fieldName('product_id').index(),
    url: p.string().length(1000),
    alt: p.string().length(300).nullable(),
    isPrimary: p.boolean().default(false),
    position: p.smallint().default(0),
  },
});
export type ProductImage = InferEntity<typeof ProductImage>;
