import { ANSANIA_CATALOG, lowestVisiblePrice, type SeedProduct } from '@komisi/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { loginTestUser, placeOrder, productIds, shop, sql } from './shop-fixtures.ts';

// The expectations are computed from the seed's own catalog definition (ANSANIA_CATALOG), whose
// index is also the creation order (and so the id order).
let app: TestApp;
let token: string;
let ids: Map<string, number>;
let http: ReturnType<typeof shop>;
beforeAll(async () => {
  app = await startTestApp();
  http = shop(app);
  // signed in, the tests spend the authenticated budget (1000), not the anonymous one (100)
  token = (await loginTestUser(app)).token;
  ids = await productIds(app);
});
afterAll(async () => {
  await app.close();
});

const get = (path: string) => http.get(path, token);
const visible = (p: SeedProduct) => p.variants.filter((v) => v.isVisible);
const stockOf = (p: SeedProduct) => visible(p).reduce((sum, v) => sum + v.stock, 0);
const statusOf = (p: SeedProduct) => {
  const stock = stockOf(p);
  return stock === 0 ? 'out_of_stock' : stock <= 5 ? 'low_stock' : 'in_stock';
};
const indexed = ANSANIA_CATALOG.map((p, index) => ({ ...p, index, price: lowestVisiblePrice(p) }));
const newest = [...indexed].reverse().map((p) => p.slug);
const slugsWhere = (keep: (p: (typeof indexed)[number]) => boolean) =>
  [...indexed]
    .reverse()
    .filter(keep)
    .map((p) => p.slug);
const lower = (s: string) => s.toLowerCase();

async function slugs(query: string): Promise<string[]> {
  const res = await get(`/products?limit=100${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data.products.map((p: { slug: string }) => p.slug);
}

describe('GET /products', () => {
  it('answers the documented shape, newest first, 20 per page', async () => {
    const res = await http.get('/products'); // anonymous: authentication is optional
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      data: { products: expect.any(Array), pagination: { page: 1, limit: 20, total: 20, totalPages: 1 } },
      meta: { timestamp: expect.any(String) },
    });
    expect(res.body.data.products.map((p: { slug: string }) => p.slug)).toEqual(newest);
    const table = ANSANIA_CATALOG.find((p) => p.slug === 'dining-table-oak')!;
    const card = res.body.data.products.find((p: { slug: string }) => p.slug === 'dining-table-oak');
    expect(card).toEqual({
      id: ids.get('dining-table-oak'),
      slug: 'dining-table-oak',
      name: 'Oak Dining Table',
      short_description: 'Premium oak dining table',
      // the hidden 2,900,000 variant does not set the price
      selling_price: 3_500_000,
      compare_price: 4_000_000,
      images: Array.from(
        { length: table.images },
        (_, i) => `https://picsum.photos/seed/ansania-dining-table-oak-${i + 1}/800/800`,
      ),
      rating: 0,
      total_reviews: 0,
      is_featured: true,
      stock_status: 'in_stock',
    });
  });

  it('shows every product with its selling price, stock status and compare price', async () => {
    const res = await get('/products?limit=100');
    const cards = new Map(res.body.data.products.map((p: { slug: string }) => [p.slug, p]));
    for (const p of ANSANIA_CATALOG) {
      expect(cards.get(p.slug)).toMatchObject({
        name: p.name,
        selling_price: lowestVisiblePrice(p),
        compare_price: p.comparePrice,
        is_featured: p.isFeatured,
        stock_status: statusOf(p),
      });
    }
    expect(cards.get('armchair-rattan')).toMatchObject({ stock_status: 'low_stock' });
    expect(cards.get('nightstand-scandinavian')).toMatchObject({ stock_status: 'low_stock' }); // exactly 5
    expect(cards.get('dresser-6-drawer')).toMatchObject({ stock_status: 'out_of_stock' });
    expect(cards.get('sun-lounger-bamboo')).toMatchObject({ selling_price: 2_100_000 });
  });

  it('never lists the dtehm tenant\u2019s products', async () => {
    const res = await get('/products?limit=100');
    expect(res.body.data.pagination.total).toBe(ANSANIA_CATALOG.length);
    expect(res.body.data.products.every((p: { slug: string | null }) => typeof p.slug === 'string')).toBe(
      true,
    );
  });

  it('pages with page and limit', async () => {
    const third = await get('/products?limit=7&page=3');
    expect(third.body.data.pagination).toEqual({ page: 3, limit: 7, total: 20, totalPages: 3 });
    expect(third.body.data.products.map((p: { slug: string }) => p.slug)).toEqual(newest.slice(14));
    const past = await get('/products?limit=7&page=9');
    expect(past.status).toBe(200);
    expect(past.body.data).toEqual({
      products: [],
      pagination: { page: 9, limit: 7, total: 20, totalPages: 3 },
    });
    expect((await get('/products?limit=100')).body.data.products).toHaveLength(20);
  });

  it('sorts by price, popularity and age', async () => {
    expect(await slugs('&sort=newest')).toEqual(newest);
    expect(await slugs('&sort=price_asc')).toEqual(
      [...indexed].sort((a, b) => a.price - b.price || a.index - b.index).map((p) => p.slug),
    );
    expect(await slugs('&sort=price_desc')).toEqual(
      [...indexed].sort((a, b) => b.price - a.price || b.index - a.index).map((p) => p.slug),
    );
    expect(await slugs('&sort=popular')).toEqual(
      [...indexed].sort((a, b) => b.soldCount - a.soldCount || b.index - a.index).map((p) => p.slug),
    );
  });

  it('filters by category slug', async () => {
    expect(await slugs('&category=bedroom')).toEqual(slugsWhere((p) => p.category === 'bedroom'));
    expect(await slugs('&category=furniture')).toEqual(slugsWhere((p) => p.category === 'furniture'));
    expect(await slugs('&category=no-such-category')).toEqual([]);
  });

  it('filters by colour, finishing and size of any visible variant, case-insensitively', async () => {
    const having = (test: (v: SeedProduct['variants'][number]) => boolean) =>
      slugsWhere((p) => visible(p).some(test));
    expect(await slugs('&color=walnut')).toEqual(having((v) => v.color === 'Walnut'));
    expect(await slugs('&color=Walnut')).toEqual(having((v) => v.color === 'Walnut'));
    expect(await slugs('&finishing=GLOSSY')).toEqual(having((v) => v.finishing === 'Glossy'));
    expect(await slugs('&size=small')).toEqual(having((v) => v.size === 'Small'));
    // a hidden variant does not count: the lounger's only walnut/glossy one is hidden
    expect(await slugs('&color=walnut')).not.toContain('sun-lounger-bamboo');
    // several values: any of them
    expect(await slugs('&color=White,%20Black')).toEqual(having((v) => ['White', 'Black'].includes(v.color)));
    // several filters: one variant has them all
    expect(await slugs('&color=walnut&finishing=glossy&size=large')).toEqual(
      having((v) => v.color === 'Walnut' && v.finishing === 'Glossy' && v.size === 'Large'),
    );
  });

  it('filters by stock: in_stock=true keeps products with a visible variant in stock', async () => {
    expect(await slugs('&in_stock=true')).toEqual(slugsWhere((p) => stockOf(p) > 0));
    expect(await slugs('&in_stock=true')).not.toContain('dresser-6-drawer');
    expect(await slugs('&in_stock=false')).toEqual(newest);
    // with variant filters, the in-stock variant must be the matching one
    expect(await slugs('&in_stock=true&color=walnut&finishing=glossy')).toEqual(
      slugsWhere((p) =>
        visible(p).some((v) => lower(v.color) === 'walnut' && lower(v.finishing) === 'glossy' && v.stock > 0),
      ),
    );
    expect(await slugs('&in_stock=true&color=walnut&finishing=glossy')).not.toContain('dining-table-oak');
  });

  it('filters by selling price (bounds inclusive)', async () => {
    expect(await slugs('&price_min=3000000&price_max=6000000')).toEqual(
      slugsWhere((p) => p.price >= 3_000_000 && p.price <= 6_000_000),
    );
    expect(await slugs('&price_min=3500000&price_max=3500000')).toEqual(['dining-table-oak']);
    expect(await slugs('&price_max=1000000')).toEqual(slugsWhere((p) => p.price <= 1_000_000));
  });

  it('searches names and descriptions by word prefix', async () => {
    expect(await slugs('&search=oak')).toEqual(['dining-table-oak']);
    expect((await slugs('&search=bamb')).sort()).toEqual(['shoe-rack-bamboo', 'sun-lounger-bamboo']);
    // "rattan" is in two names and in the dining chair's description
    expect((await slugs('&search=Rattan')).sort()).toEqual(
      ['armchair-rattan', 'dining-chair-mahogany', 'patio-set-rattan'].sort(),
    );
    expect(await slugs('&search=teak%20bench')).toEqual(['garden-bench-teak']);
    expect(await slugs('&search=nonexistentword')).toEqual([]);
    // no word survives: no filter
    expect(await slugs('&search=%21%21%21')).toEqual(newest);
    // search with an explicit sort and another filter
    expect(await slugs('&search=teak&sort=price_asc&category=living-room')).toEqual(['coffee-table-teak']);
  });

  it('refuses bad query parameters with VALIDATION_ERROR naming each one', async () => {
    const bad = await http.get(
      '/products?limit=101&page=0&sort=cheapest&in_stock=maybe&rating_min=6&price_min=abc',
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      success: false,
      code: 'VALIDATION_ERROR',
      meta: { timestamp: expect.any(String) },
    });
    expect(Object.keys(bad.body.details).sort()).toEqual(
      ['in_stock', 'limit', 'page', 'price_min', 'rating_min', 'sort'].sort(),
    );
    const limit = await get('/products?limit=500');
    expect(limit.status).toBe(400);
    expect(Object.keys(limit.body.details)).toEqual(['limit']);
    const range = await get('/products?price_min=500000&price_max=100000');
    expect(range.status).toBe(400);
    expect(Object.keys(range.body.details)).toEqual(['price_max']);
    expect((await get('/products?rating_min=0')).status).toBe(400);
    expect((await get('/products?limit=0')).status).toBe(400);
    expect((await get('/products?limit=100')).status).toBe(200);
  });

  it('refuses a bad token even though authentication is optional', async () => {
    const res = await http.get('/products', 'not-a-token');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ success: false, code: 'UNAUTHORIZED' });
  });
});

describe('GET /products ratings', () => {
  // reviews by the test user: chair 5; bench 4, 3, 3 (3.3 shown); stool 2
  beforeAll(async () => {
    const buyer = await loginTestUser(app);
    const review = async (slug: string, rating: number) => {
      const product = ids.get(slug)!;
      const orderId = await placeOrder(app, buyer.id, [product]);
      const res = await http.post(`/products/${product}/reviews`, { order_id: orderId, rating }, buyer.token);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    };
    await review('dining-chair-mahogany', 5);
    await review('garden-bench-teak', 4);
    await review('garden-bench-teak', 3);
    await review('garden-bench-teak', 3);
    await review('bar-stool-industrial', 2);
  });

  it('shows the average to one decimal and the review count on the card', async () => {
    const cards = new Map(
      (await get('/products?limit=100')).body.data.products.map((p: { slug: string }) => [p.slug, p]),
    );
    expect(cards.get('dining-chair-mahogany')).toMatchObject({ rating: 5, total_reviews: 1 });
    expect(cards.get('garden-bench-teak')).toMatchObject({ rating: 3.3, total_reviews: 3 });
    expect(cards.get('bar-stool-industrial')).toMatchObject({ rating: 2, total_reviews: 1 });
    expect(cards.get('dining-table-oak')).toMatchObject({ rating: 0, total_reviews: 0 });
  });

  it('sorts by rating (unrated last, newest first among them)', async () => {
    const rated = ['dining-chair-mahogany', 'garden-bench-teak', 'bar-stool-industrial'];
    expect(await slugs('&sort=rating')).toEqual([...rated, ...newest.filter((s) => !rated.includes(s))]);
  });

  it('filters by the rating as shown (rating_min 1-5)', async () => {
    expect(await slugs('&rating_min=3.3&sort=rating')).toEqual([
      'dining-chair-mahogany',
      'garden-bench-teak',
    ]);
    expect(await slugs('&rating_min=3.4')).toEqual(['dining-chair-mahogany']);
    expect(await slugs('&rating_min=1&sort=rating')).toEqual([
      'dining-chair-mahogany',
      'garden-bench-teak',
      'bar-stool-industrial',
    ]);
  });
});

describe('GET /products/{slug}', () => {
  it('answers the documented detail shape with visible variants only', async () => {
    const res = await http.get('/products/dining-table-oak');
    expect(res.status).toBe(200);
    const [dining] = await sql<{ id: number }>(
      app,
      "select id from product_category where slug = 'dining-room'",
    );
    const variantIds = new Map(
      (
        await sql<{ id: number; sku: string }>(
          app,
          'select id, sku from product_variant where product_id = ?',
          [ids.get('dining-table-oak')],
        )
      ).map((r) => [r.sku, r.id]),
    );
    expect(res.body).toEqual({
      success: true,
      data: {
        product: {
          id: ids.get('dining-table-oak'),
          slug: 'dining-table-oak',
          name: 'Oak Dining Table',
          description: expect.stringContaining('<p>A solid oak dining table'),
          short_description: 'Premium oak dining table',
          selling_price: 3_500_000,
          compare_price: 4_000_000,
          images: [1, 2, 3].map((n, i) => ({
            id: expect.any(Number),
            url: `https://picsum.photos/seed/ansania-dining-table-oak-${n}/800/800`,
            alt: `Oak Dining Table, ${['front view', 'side view', 'detail'][i]}`,
            is_primary: n === 1,
          })),
          variants: [
            {
              id: variantIds.get('TABLE-OAK-NAT-L'),
              sku: 'TABLE-OAK-NAT-L',
              color: 'Natural',
              finishing: 'Matte',
              size: 'Large',
              price: 3_500_000,
              stock: 10,
              is_visible: true,
            },
            {
              id: variantIds.get('TABLE-OAK-WAL-L'),
              sku: 'TABLE-OAK-WAL-L',
              color: 'Walnut',
              finishing: 'Matte',
              size: 'Large',
              price: 3_750_000,
              stock: 6,
              is_visible: true,
            },
            {
              id: variantIds.get('TABLE-OAK-WAL-GLS-L'),
              sku: 'TABLE-OAK-WAL-GLS-L',
              color: 'Walnut',
              finishing: 'Glossy',
              size: 'Large',
              price: 3_900_000,
              stock: 0,
              is_visible: true,
            },
          ],
          categories: [{ id: dining!.id, name: 'Dining Room', slug: 'dining-room' }],
          rating: 0,
          total_reviews: 0,
          weight: 25_000,
          dimensions: { length: 180, width: 90, height: 75 },
        },
      },
      meta: { timestamp: expect.any(String) },
    });
  });

  it('answers 404 NOT_FOUND for an unknown slug', async () => {
    const res = await get('/products/no-such-table');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ success: false, code: 'NOT_FOUND', error: 'Product not found' });
  });

  it('does not route a product id as a slug', async () => {
    expect((await get(`/products/${ids.get('dining-table-oak')}`)).status).toBe(404);
  });
});

describe('prices and stock follow the variants', () => {
  it('recomputes the selling price and stock status from the visible variants', async () => {
    const product = ids.get('dining-table-oak')!;
    const card = async () =>
      (await get('/products?search=oak')).body.data.products.find((p: { id: number }) => p.id === product);
    // the cheapest visible variant goes: the next one sets the price; little stock is left
    await sql(app, "update product_variant set is_visible = false where sku = 'TABLE-OAK-NAT-L'");
    await sql(app, "update product_variant set stock = 4 where sku = 'TABLE-OAK-WAL-L'");
    try {
      expect(await card()).toMatchObject({ selling_price: 3_750_000, stock_status: 'low_stock' });
      expect(await slugs('&price_max=3600000')).not.toContain('dining-table-oak');
      const detail = await get('/products/dining-table-oak');
      expect(detail.body.data.product.selling_price).toBe(3_750_000);
      expect(detail.body.data.product.variants.map((v: { sku: string }) => v.sku)).toEqual([
        'TABLE-OAK-WAL-L',
        'TABLE-OAK-WAL-GLS-L',
      ]);
    } finally {
      await sql(app, "update product_variant set is_visible = true where sku = 'TABLE-OAK-NAT-L'");
      await sql(app, "update product_variant set stock = 6 where sku = 'TABLE-OAK-WAL-L'");
    }
    expect(await card()).toMatchObject({ selling_price: 3_500_000, stock_status: 'in_stock' });
  });
});

describe('variant filters follow the variants', () => {
  // TABLE-OAK: Natural/Matte/Large (10), Walnut/Matte/Large (6), Walnut/Glossy/Large (0)
  const has = async (query: string) => (await slugs(query)).includes('dining-table-oak');

  it('matches one variant on every filter, and follows stock, visibility, new and deleted variants', async () => {
    expect(await has('&color=walnut&finishing=glossy')).toBe(true);
    expect(await has('&color=walnut&finishing=glossy&in_stock=true')).toBe(false);
    expect(await has('&color=natural&finishing=glossy')).toBe(false);
    expect(await has('&color=natural,walnut&finishing=glossy&size=LARGE')).toBe(true);

    await sql(app, "update product_variant set stock = 2 where sku = 'TABLE-OAK-WAL-GLS-L'");
    expect(await has('&color=walnut&finishing=glossy&in_stock=true')).toBe(true);
    await sql(app, "update product_variant set is_visible = false where sku = 'TABLE-OAK-WAL-GLS-L'");
    expect(await has('&finishing=glossy')).toBe(false);
    await sql(
      app,
      "update product_variant set is_visible = true, stock = 0 where sku = 'TABLE-OAK-WAL-GLS-L'",
    );

    const [table] = await sql<{ id: number; tenant_id: number }>(
      app,
      "select id, tenant_id from product where slug = 'dining-table-oak'",
    );
    // a value with a quote and odd case is matched exactly, not as SQL or as another value
    await sql(
      app,
      `insert into product_variant (tenant_id, product_id, sku, color, finishing, size, price, stock, is_visible)
       values (?, ?, 'TABLE-OAK-JATI', 'Jati''s Ébène', null, 'Small', 3600000, 1, true)`,
      [table!.tenant_id, table!.id],
    );
    try {
      expect(await has(`&color=${encodeURIComponent("jati's ébène")}&in_stock=true`)).toBe(true);
      expect(await has('&color=jati&in_stock=true')).toBe(false);
      expect(await has('&color=walnut&size=small')).toBe(false);
    } finally {
      await sql(app, "delete from product_variant where sku = 'TABLE-OAK-JATI'");
    }
    expect(await has(`&color=${encodeURIComponent("jati's ébène")}`)).toBe(false);
  });

  it('refuses more than 10 values in one filter with a 400 naming it', async () => {
    const colours = Array.from({ length: 11 }, (_, i) => `c${i}`).join(',');
    const res = await get(`/products?color=${colours}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, code: 'VALIDATION_ERROR' });
    expect(Object.keys(res.body.details)).toEqual(['color']);
  });
});

describe('ansania OpenAPI document', () => {
  it('documents the catalog, review and wishlist operations', async () => {
    const res = await app.request('GET', '/t/ansania/api/openapi.json');
    expect(res.status).toBe(200);
    const paths = res.body.paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/products',
        '/products/{slug}',
        '/products/{id}/reviews',
        '/wishlist',
        '/wishlist/{id}',
        '/wishlist/{id}/move-to-cart',
      ]),
    );
    const list = paths['/products'].get;
    expect(list.parameters.map((p: { name: string }) => p.name).sort()).toEqual(
      [
        'page',
        'limit',
        'sort',
        'category',
        'color',
        'finishing',
        'size',
        'price_min',
        'price_max',
        'rating_min',
        'search',
        'in_stock',
      ].sort(),
    );
    expect(list.security ?? []).toEqual([]);
    expect(paths['/products/{id}/reviews'].post.responses).toHaveProperty('201');
    expect(paths['/wishlist'].get.security).toEqual([{ bearerAuth: [] }]);
  });
});
