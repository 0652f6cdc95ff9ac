import type { Product } from '../../contexts/catalog/product.entity.ts';
import type { ProductVariant } from '../../contexts/catalog/product-variant.entity.ts';
import type { ShopProductRow } from '../../contexts/catalog/shop-catalog-admin.service.ts';
import { isoSeconds } from './cart.presenters.ts';

const presentProduct = (p: Product) => ({
  id: p.id,
  name: p.name,
  slug: p.slug ?? null,
  price: p.price,
  category_id: p.category ?? null,
  created_at: isoSeconds(p.createdAt)!,
});

export const presentAdminProductRow = (r: ShopProductRow) => ({
  ...presentProduct(r.product),
  variant_count: r.variantCount,
  total_stock: r.totalStock,
  min_price: r.minPrice,
  max_price: r.maxPrice,
});

export const presentAdminVariant = (v: ProductVariant) => ({
  id: v.id,
  product_id: v.product,
  sku: v.sku,
  color: v.color ?? null,
  finishing: v.finishing ?? null,
  size: v.size ?? null,
  price: v.price,
  stock: v.stock,
  is_visible: v.isVisible,
});

export const presentAdminProduct = ({
  product,
  variants,
}: {
  product: Product;
  variants: ProductVariant[];
}) => ({
  product: { ...presentProduct(product), variants: variants.map(presentAdminVariant) },
});
