import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { tenantColumn } from '../tenancy/tenant.entity.ts';

export const Category = defineEntity({
  name: 'Category',
  tableName: 'product_category',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    name: p.string(),
    /** URL name (ansania filters by it); null where a profile has none */
    slug: p.string().length(120).nullable(),
    description: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['tenant', 'name'] }, { properties: ['tenant', 'slug'] }],
});
export type Category = InferEntity<typeof Category>;
