import type { OperationExamples } from '../../shared/operation-examples.ts';
import { LAPTOP } from './people.examples.ts';

const LAPTOP_BAG = {
  id: 2,
  name: 'Laptop Bag',
  price: 45000,
  feature_photo: 'https://cdn.dtehm.example/products/laptop-bag.jpg',
};

export const productsExamples: OperationExamples = {
  'GET /products/list': {
    request: { page: 1, per_page: 20, category_id: 1, search: 'laptop', sort_by: 'price', sort_order: 'asc' },
    response: {
      products: [LAPTOP],
      pagination: { total: 1, per_page: 20, current_page: 1, last_page: 1, from: 1, to: 1 },
    },
  },
  'GET /products/detail/{id}': {
    request: { id: 1 },
    response: {
      ...LAPTOP,
      specifications: 'Processor: Intel i7, 16 GB RAM, 512 GB SSD, 14-inch display',
      images: [
        'https://cdn.dtehm.example/products/laptop-front.jpg',
        'https://cdn.dtehm.example/products/laptop-side.jpg',
      ],
      related_products: [LAPTOP_BAG],
    },
  },
  'GET /products/categories': {
    response: [
      { id: 1, name: 'Electronics', description: 'Electronic devices and accessories', product_count: 150 },
      { id: 2, name: 'Health', description: 'Supplements and wellness products', product_count: 42 },
    ],
  },
};
