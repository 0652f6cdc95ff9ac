import type { OperationExamples } from '../../shared/operation-examples.ts';

const VARIANT = {
  id: 31,
  product_id: 12,
  sku: 'TABLE-OAK-L',
  color: 'Natural',
  finishing: 'Matte',
  size: 'Large',
  price: 3500000,
  stock: 14,
  is_visible: true,
};
const PRODUCT = {
  id: 12,
  name: 'Oak Dining Table',
  slug: 'oak-dining-table',
  price: 3500000,
  category_id: 2,
  created_at: '2026-01-15T10:00:00Z',
};

export const adminCatalogExamples: OperationExamples = {
  'GET /admin/products': {
    request: { page: 1, limit: 20, search: 'oak' },
    response: {
      products: [{ ...PRODUCT, variant_count: 2, total_stock: 20, min_price: 3200000, max_price: 3500000 }],
      pagination: { page: 1, limit: 20, total: 1, totalPages: 1 },
    },
  },
  'GET /admin/products/{id}': {
    request: { id: 12 },
    response: {
      product: {
        ...PRODUCT,
        variants: [
          VARIANT,
          { ...VARIANT, id: 32, sku: 'TABLE-OAK-M', size: 'Medium', price: 3200000, stock: 6 },
        ],
      },
    },
  },
  'POST /admin/products': {
    request: { name: 'Oak Dining Table', slug: 'oak-dining-table', price: 3500000, category_id: 2 },
    response: { product: { ...PRODUCT, variants: [] } },
  },
  'PUT /admin/products/{id}': {
    request: { id: 12, name: 'Oak Dining Table, 6 seats' },
    response: { product: { ...PRODUCT, name: 'Oak Dining Table, 6 seats', variants: [VARIANT] } },
  },
  'POST /admin/products/{id}/variants': {
    request: {
      id: 12,
      sku: 'TABLE-OAK-L',
      color: 'Natural',
      finishing: 'Matte',
      size: 'Large',
      price: 3500000,
      stock: 14,
    },
    response: { variant: VARIANT },
  },
  'POST /admin/variants/{id}/adjust-stock': {
    request: { id: 31, change: 12, reason: 'Delivery from the workshop' },
    response: { variant: { ...VARIANT, stock: 26 } },
  },
  'PUT /admin/variants/{id}': {
    request: { id: 31, price: 3250000 },
    response: { variant: { ...VARIANT, price: 3250000 } },
  },
};
