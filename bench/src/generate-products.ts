import type pg from 'pg';
import { DEPARTMENTS, insertCategories } from './generate-categories.ts';
import { bulk, sqlArray } from './pg.ts';
import { ADJECTIVES, BRANDS, FEATURES, MATERIALS, NOUNS, SIZES, USES } from './product-words.ts';

/** Search phrases the product-list scenario cycles through (prefix matches, one or two words). */
export const SEARCH_TERMS = [
  'herbal',
  'organic tea',
  'solar',
  'laptop',
  'vitamin',
  'shea',
  'power bank',
  'nile',
  'premium lotion',
  'water',
  'baby',
  'cotton',
  'mor',
  'coffee',
  'kampala solar',
  'steel',
  'smart phone',
  'gift',
  'tooth',
  'yoga',
];

/** `count` products over 50 categories, names and descriptions built from the lists in product-words.ts. */
export async function generateProducts(client: pg.Client, tenantId: number, count: number): Promise<void> {
  await bulk(client, async () => {
    await insertCategories(client, tenantId);
    // Picks a word of an array by a hash of (k, salt): independent choices per list, stable per k.
    const pick = (arr: readonly string[], salt: number) =>
      `(${sqlArray(arr)})[1 + abs(hashint4(k + ${salt} * 1000003)::bigint) % ${arr.length}]`;
    await client.query(
      `with cats as (select array_agg(id order by id) ids from product_category where tenant_id = $1
                     and name = any(${sqlArray(DEPARTMENTS)}::text[]))
       insert into product (tenant_id, category_id, name, description, specifications, price,
                            feature_photo, images, stock_quantity, created_at)
       select $1, cats.ids[1 + (k % array_length(cats.ids, 1))],
              ${pick(BRANDS, 1)} || ' ' || ${pick(ADJECTIVES, 2)} || ' ' || ${pick(NOUNS, 3)}
                || ' ' || ${pick(SIZES, 4)},
              'A ' || lower(${pick(ADJECTIVES, 5)}) || ' ' || lower(${pick(NOUNS, 3)})
                || ' made with ' || ${pick(MATERIALS, 6)} || ', ideal for ' || ${pick(USES, 7)}
                || '. ' || ${pick(FEATURES, 8)},
              'Weight: ' || (1 + k % 40) || ' kg; Origin: Uganda',
              (1 + (k::bigint * 48271) % 2000) * 500,
              'https://picsum.photos/seed/bench-' || k || '/600/400',
              jsonb_build_array('https://picsum.photos/seed/bench-' || k || '-2/600/400'),
              (k * 37) % 500,
              now() - k * interval '1 minute'
       from cats, generate_series(1, $2::int) k`,
      [tenantId, count],
    );
  });
}
