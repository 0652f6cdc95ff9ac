import type pg from 'pg';
import { sqlArray } from './pg.ts';

// The generated catalog's 50 categories, one per department; product names draw on product-words.ts.
export const DEPARTMENTS = [
  'Health Supplements',
  'Personal Care',
  'Electronics',
  'Home & Kitchen',
  'Beverages',
  'Baby Care',
  'Beauty',
  'Fitness',
  'Agriculture',
  'Office Supplies',
  'Stationery',
  'Footwear',
  'Clothing',
  'Solar Energy',
  'Phones & Tablets',
  'Computers',
  'Furniture',
  'Hardware',
  'Cleaning',
  'Pet Care',
  'Snacks',
  'Grains & Flour',
  'Cooking Oils',
  'Spices',
  'Herbal Teas',
  'Dairy',
  'Toys',
  'Books',
  'Jewellery',
  'Bags & Luggage',
  'Lighting',
  'Garden',
  'Automotive',
  'Bicycles',
  'Sports',
  'Music',
  'Medical Devices',
  'First Aid',
  'Oral Care',
  'Hair Care',
  'Skin Care',
  'Fragrances',
  'Kitchen Appliances',
  'Water Filters',
  'Bedding',
  'Bathroom',
  'School Supplies',
  'Crafts',
  'Travel',
  'Gifts',
];

/** The 50 categories (kept when they already exist). */
export async function insertCategories(client: pg.Client, tenantId: number): Promise<void> {
  await client.query(
    `insert into product_category (tenant_id, name, description, created_at)
       select $1, d, 'All ' || lower(d) || ' products', now() from unnest(${sqlArray(DEPARTMENTS)}::text[]) d
       on conflict do nothing`,
    [tenantId],
  );
}
