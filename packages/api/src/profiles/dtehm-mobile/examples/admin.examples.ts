import type { OperationExamples } from '../../shared/operation-examples.ts';
import { LAPTOP } from './people.examples.ts';

const LAPTOP_INPUT = {
  name: 'Premium Laptop',
  description: 'High-performance laptop for work and study',
  specifications: 'Processor: Intel i7, 16 GB RAM, 512 GB SSD, 14-inch display',
  price: 850000,
  category_id: 1,
  feature_photo: 'https://cdn.dtehm.example/products/laptop.jpg',
  images: ['https://cdn.dtehm.example/products/laptop-front.jpg'],
  stock_quantity: 50,
};

const LAPTOP_ADMIN_VIEW = {
  ...LAPTOP,
  specifications: LAPTOP_INPUT.specifications,
  images: LAPTOP_INPUT.images,
};

export const adminExamples: OperationExamples = {
  'GET /admin/categories': {
    request: { page: 1, per_page: 20, search: 'elect' },
    response: {
      categories: [
        { id: 1, name: 'Electronics', description: 'Electronic devices and accessories', product_count: 12 },
      ],
      pagination: { total: 1, per_page: 20, current_page: 1, last_page: 1 },
    },
  },
  'DELETE /admin/categories/{id}': {
    request: { id: 7 },
    response: { id: 7, name: 'Seasonal', description: null },
  },
  'POST /admin/categories': {
    request: { name: 'Electronics', description: 'Electronic devices and accessories' },
    response: { id: 1, name: 'Electronics', description: 'Electronic devices and accessories' },
  },
  'POST /admin/products': {
    request: LAPTOP_INPUT,
    response: LAPTOP_ADMIN_VIEW,
  },
  'PUT /admin/products/{id}': {
    request: { id: 1, price: 820000, stock_quantity: 35 },
    response: { ...LAPTOP_ADMIN_VIEW, price: 820000, stock_quantity: 35 },
  },
};
