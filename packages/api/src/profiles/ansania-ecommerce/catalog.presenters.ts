import type { PageWindow } from '@komisi/domain';
import type { ReviewView } from '../../contexts/catalog/reviews.service.ts';
import type { ProductCard, ProductDetail } from '../../contexts/catalog/storefront.service.ts';
import type { WishlistEntry } from '../../contexts/commerce/wishlist/wishlist.service.ts';

/** The spec's `{ page, limit, total, totalPages }`. */
export const presentPagination = (w: PageWindow) => ({
  page: w.current_page,
  limit: w.per_page,
  total: w.total,
  totalPages: w.last_page,
});

export const presentProductCard = (p: ProductCard) => ({
  id: p.id,
  slug: p.slug,
  name: p.name,
  short_description: p.shortDescription,
  selling_price: p.sellingPrice,
  compare_price: p.comparePrice,
  images: p.images,
  rating: p.rating,
  total_reviews: p.reviewCount,
  is_featured: p.isFeatured,
  stock_status: p.stockStatus,
});

export const presentProductDetail = (p: ProductDetail) => ({
  id: p.id,
  slug: p.slug,
  name: p.name,
  description: p.description,
  short_description: p.shortDescription,
  selling_price: p.sellingPrice,
  compare_price: p.comparePrice,
  images: p.images.map((i) => ({ id: i.id, url: i.url, alt: i.alt, is_primary: i.isPrimary })),
  variants: p.variants.map((v) => ({
    id: v.id,
    sku: v.sku,
    color: v.color,
    finishing: v.finishing,
    size: v.size,
    price: v.price,
    stock: v.stock,
    is_visible: v.isVisible,
  })),
  categories: p.categories,
  rating: p.rating,
  total_reviews: p.reviewCount,
  weight: p.weightGrams,
  dimensions: p.dimensions,
});

/** "John Doe" → "John D."; a single name stays as it is. */
export function shortName(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const [first, ...rest] = words;
  if (!first) return 'Customer';
  const last = rest.at(-1);
  return last ? `${first} ${last.charAt(0).toUpperCase()}.` : first;
}

export const presentReview = (r: ReviewView) => ({
  id: r.id,
  // reviewers are shown by first name and initial; accounts have no avatar yet
  user: { name: shortName(r.authorName), avatar: null },
  rating: r.rating,
  title: r.title,
  comment: r.comment,
  images: r.images,
  is_verified_purchase: r.isVerifiedPurchase,
  helpful_count: r.helpfulCount,
  created_at: r.createdAt.toISOString(),
});

export const presentWishlistItem = (w: WishlistEntry) => ({
  id: w.id,
  product: {
    id: w.product.id,
    name: w.product.name,
    slug: w.product.slug,
    price: w.product.price,
    image: w.product.image,
    stock_status: w.product.stockStatus,
  },
  variant: w.variant,
  added_at: w.addedAt.toISOString(),
});
