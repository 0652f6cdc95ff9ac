import { defineEntity, type InferEntity, type Opt, p } from '@mikro-orm/core';
import { tenantColumn } from '../tenancy/tenant.entity.ts';
import { Category } from './category.entity.ts';

export const Product = defineEntity({
  name: 'Product',
  tableName: 'product',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    category: () => p.manyToOne(Category).mapToPk().nullable().fieldName('category_id'),
    name: p.string(),
    slug: p.string().length(160).nullable(),
    shortDescription: p.string().length(500).nullable(),
    description: p.text().nullable(),
    specifications: p.text().nullable(),
    /** minor units of the tenant currency */
    price: p.bigint('number'),
    featurePhoto: p.string().length(1000).nullable(),
    images: p.json<string[]>().default('[]'),
    stockQuantity: p.integer().default(0),
    /** the price shown struck through (ansania `compare_price`) */
    comparePrice: p.bigint('number').nullable(),
    isFeatured: p.boolean().default(false),
    weightGrams: p.integer().nullable(),
    dimensions: p.json<{ length: number; width: number; height: number }>().nullable(),
    /** kept with each verified review, so rating sorts and filters need no aggregate */
    reviewCount: p.integer().default(0),
    ratingSum: p.integer().default(0),
    /** lowest price and total stock of the visible variants, kept by a trigger on product_variant */
    visibleMinPrice: p.bigint('number').nullable(),
    visibleStock: p.integer().default(0),
    /** what the storefront sells it for: the lowest visible variant price, else the base price */
    sellingPrice: p
      .bigint('number')
      .$type<Opt<number>>()
      .generated('(coalesce(visible_min_price, price)) stored'),
    /** storefront variant filter keys (variant-filter.ts), kept by the same trigger */
    variantKeys: p.array().columnType('bigint[]').defaultRaw(`'{}'`).lazy().hidden(),
    /** what the product search matches (name and description), stored so ranking reads it instead of parsing */
    searchVector: p
      .string()
      .$type<Opt<string>>()
      .columnType('tsvector')
      .generated(`(to_tsvector('simple', name || ' ' || coalesce(description, ''))) stored`)
      .lazy()
      .hidden(),
    /** units sold (the "popular" sort) */
    soldCount: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['tenant', 'slug'] }],
  indexes: [
    { name: 'product_tenant_category_idx', properties: ['tenant', 'category', 'createdAt'] },
    { name: 'product_tenant_created_idx', properties: ['tenant', 'createdAt'] },
    { name: 'product_search_vector_idx', properties: ['searchVector'], type: 'gin' },
    { name: 'product_variant_keys_idx', properties: ['variantKeys'], type: 'gin' },
    // the dtehm list walks these in its sort order and stops after a page (the name sort folds case)
    { name: 'product_tenant_price_idx', properties: ['tenant', 'price', 'id'] },
    {
      name: 'product_tenant_name_idx',
      expression: 'create index "product_tenant_name_idx" on "product" ("tenant_id", lower("name"), "id")',
    },
    // the storefront's category list by price walks its category in price order instead of sorting it
    {
      name: 'product_category_selling_price_idx',
      expression:
        'create index "product_category_selling_price_idx" on "product" ("tenant_id", "category_id", "selling_price") where slug is not null',
    },
    {
      name: 'product_selling_price_idx',
      expression:
        'create index "product_selling_price_idx" on "product" ("tenant_id", "selling_price") where slug is not null',
    },
  ],
});
export type Product = InferEntity<typeof Product>;
