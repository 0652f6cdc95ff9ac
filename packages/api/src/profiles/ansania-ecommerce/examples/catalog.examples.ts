import type { OperationExamples } from '../../shared/operation-examples.ts';
import { TABLE, TABLE_IMAGE, TABLE_VARIANT } from './shop.examples.ts';

const REVIEW = {
  id: 1,
  user: { name: 'John D.', avatar: null },
  rating: 5,
  title: 'Excellent quality!',
  comment: 'Very satisfied with the product: solid wood, well finished, delivered on time.',
  images: ['https://cdn.example.com/review1.jpg'],
  is_verified_purchase: true,
  helpful_count: 15,
  created_at: '2026-01-15T10:00:00.000Z',
};

const WISHLIST_ITEM = {
  id: 1,
  product: {
    id: 1,
    name: 'Oak Dining Table',
    slug: 'dining-table-oak',
    price: 3500000,
    image: TABLE_IMAGE,
    stock_status: 'in_stock',
  },
  variant: { id: 101, color: 'Natural', finishing: 'Matte', size: 'Large' },
  added_at: '2026-02-01T10:00:00.000Z',
};

export const catalogExamples: OperationExamples = {
  'GET /products': {
    request: { page: 1, limit: 20, category: 'furniture', price_min: 100000, in_stock: true },
    response: {
      products: [
        {
          ...TABLE,
          images: [TABLE_IMAGE],
          rating: 4.5,
          total_reviews: 120,
          is_featured: true,
          stock_status: 'in_stock',
        },
      ],
      pagination: { page: 1, limit: 20, total: 150, totalPages: 8 },
    },
  },
  'GET /products/{slug}': {
    request: { slug: 'dining-table-oak' },
    response: {
      product: {
        ...TABLE,
        description: '<p>Solid oak dining table for six, with a natural matte finish.</p>',
        images: [{ id: 1, url: TABLE_IMAGE, alt: 'Oak table front view', is_primary: true }],
        variants: [{ ...TABLE_VARIANT, price: 3500000, stock: 10, is_visible: true }],
        categories: [{ id: 1, name: 'Furniture', slug: 'furniture' }],
        rating: 4.5,
        total_reviews: 120,
        weight: 25000,
        dimensions: { length: 180, width: 90, height: 75 },
      },
    },
  },
  'GET /products/{id}/reviews': {
    request: { id: 1, page: 1, limit: 10, sort: 'recent' },
    response: {
      reviews: [REVIEW],
      summary: {
        average_rating: 4.5,
        total_reviews: 120,
        rating_distribution: { 5: 80, 4: 25, 3: 10, 2: 3, 1: 2 },
      },
      pagination: { page: 1, limit: 10, total: 120, totalPages: 12 },
    },
  },
  'POST /products/{id}/reviews': {
    request: {
      id: 1,
      order_id: 1,
      rating: 5,
      title: 'Excellent quality!',
      comment: 'Very satisfied with the product: solid wood, well finished, delivered on time.',
      images: ['https://cdn.example.com/review1.jpg'],
    },
    response: { review: { ...REVIEW, helpful_count: 0, created_at: '2026-02-10T08:30:00.000Z' } },
  },
  'GET /wishlist': { response: { items: [WISHLIST_ITEM] } },
  'POST /wishlist': {
    request: { product_id: 1, product_variant_id: 101 },
    response: { item: WISHLIST_ITEM },
  },
  'DELETE /wishlist/{id}': { request: { id: 1 } },
  'POST /wishlist/{id}/move-to-cart': {
    request: { id: 1, quantity: 1 },
    response: { message: 'Item moved to cart', cart_id: 1, product_variant_id: 101, quantity: 1 },
  },
};
