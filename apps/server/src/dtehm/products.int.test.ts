import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const SEEDED_PRODUCTS = 8;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
type Json = any;

async function list(query: string): Promise<Json> {
  const res = await app.get(`/products/list${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

const names = (data: Json): string[] => data.products.map((p: Json) => p.name);

async function categoryId(name: string): Promise<number> {
  const res = await app.get('/products/categories');
  const found = res.body.data.find((c: Json) => c.name === name);
  expect(found, name).toBeDefined();
  return found.id;
}

async function productId(name: string): Promise<number> {
  const data = await list(`?search=${encodeURIComponent(name)}&per_page=100`);
  const found = data.products.find((p: Json) => p.name === name);
  expect(found, name).toBeDefined();
  return found.id;
}

describe('GET /products/list', () => {
  it('returns the documented envelope, product shape and pagination', async () => {
    const res = await app.get('/products/list');
    expect(res.status).toBe(200);
    expect(res.body.code).toBe(1);
    expect(res.body.message).toBe('Products retrieved successfully');
    const { products, pagination } = res.body.data;
    expect(Object.keys(res.body.data).sort()).toEqual(['pagination', 'products']);
    expect(pagination).toEqual({
      total: SEEDED_PRODUCTS,
      per_page: 20,
      current_page: 1,
      last_page: 1,
      from: 1,
      to: SEEDED_PRODUCTS,
    });
    expect(products).toHaveLength(SEEDED_PRODUCTS);
    const laptop = products.find((p: Json) => p.name === 'Premium Laptop');
    expect(laptop).toEqual({
      id: expect.any(Number),
      name: 'Premium Laptop',
      description: 'High-performance laptop, 16GB RAM, 512GB SSD.',
      price: 850_000,
      feature_photo: expect.stringMatching(/^https:\/\//),
      category_id: await categoryId('Electronics'),
      category_name: 'Electronics',
      stock_quantity: 50,
      in_stock: true,
      created_at: expect.stringMatching(LOCAL_DATE_TIME),
    });
  });

  it('pages with total, per_page, current_page, last_page, from and to', async () => {
    const first = await list('?per_page=3');
    expect(first.pagination).toEqual({
      total: 8,
      per_page: 3,
      current_page: 1,
      last_page: 3,
      from: 1,
      to: 3,
    });
    const second = await list('?per_page=3&page=2');
    expect(second.pagination).toMatchObject({ current_page: 2, from: 4, to: 6 });
    const last = await list('?per_page=3&page=3');
    expect(last.pagination).toMatchObject({ current_page: 3, last_page: 3, from: 7, to: 8 });
    expect(last.products).toHaveLength(2);
    // Pages do not overlap and together hold every product once.
    const ids = [...first.products, ...second.products, ...last.products].map((p: Json) => p.id);
    expect(new Set(ids).size).toBe(8);
  });

  it('returns an empty page past the end with from/to null and the real total', async () => {
    const data = await list('?per_page=3&page=9');
    expect(data.products).toEqual([]);
    expect(data.pagination).toEqual({
      total: 8,
      per_page: 3,
      current_page: 9,
      last_page: 3,
      from: null,
      to: null,
    });
    const filtered = await list(`?category_id=${await categoryId('Electronics')}&page=2`);
    expect(filtered.products).toEqual([]);
    expect(filtered.pagination).toMatchObject({ total: 3, last_page: 1, from: null, to: null });
  });

  it('filters by category_id', async () => {
    const electronics = await categoryId('Electronics');
    const data = await list(`?category_id=${electronics}`);
    expect(names(data).sort()).toEqual(['Laptop Bag', 'Premium Laptop', 'Solar Power Bank 20000mAh']);
    expect(data.products.every((p: Json) => p.category_id === electronics)).toBe(true);
    expect(data.pagination).toMatchObject({ total: 3, from: 1, to: 3 });
    // An unknown category is an empty result, not an error.
    const none = await list('?category_id=999999');
    expect(none.products).toEqual([]);
    expect(none.pagination).toMatchObject({ total: 0, last_page: 1, from: null, to: null });
  });

  it('searches names and descriptions by word prefix', async () => {
    expect(names(await list('?search=lapt')).sort()).toEqual(['Laptop Bag', 'Premium Laptop']);
    expect(names(await list('?search=LAPTOP')).sort()).toEqual(['Laptop Bag', 'Premium Laptop']);
    // Words only in the description.
    expect(names(await list('?search=softgels'))).toEqual(['Omega-3 Fish Oil']);
    expect(names(await list('?search=water-resist'))).toEqual(['Laptop Bag']);
    // Every word must match.
    expect(names(await list('?search=laptop%20bag'))).toEqual(['Laptop Bag']);
    expect(names(await list('?search=lapt%20moringa'))).toEqual([]);
    // Operators and quotes are plain text, never query syntax errors.
    expect((await app.get("/products/list?search=lap')%20%7C%20!x:*")).status).toBe(200);
    expect(names(await list(`?search=${encodeURIComponent('&|!():*')}`))).toHaveLength(SEEDED_PRODUCTS);
    // Search combines with the category filter.
    const care = await categoryId('Personal Care');
    expect(names(await list(`?search=lapt&category_id=${care}`))).toEqual([]);
    const nothing = await list('?search=zzzzzz');
    expect(nothing.products).toEqual([]);
    expect(nothing.pagination).toMatchObject({ total: 0, from: null, to: null });
  });

  it('sorts by name, price and created_at in either order', async () => {
    const byNameAsc = names(await list('?sort_by=name&sort_order=asc'));
    expect(byNameAsc).toEqual([
      'Aloe Vera Body Lotion',
      'Herbal Toothpaste',
      'Laptop Bag',
      'Moringa Capsules 60s',
      'Omega-3 Fish Oil',
      'Premium Laptop',
      'Solar Power Bank 20000mAh',
      'Vitamin C 1000mg',
    ]);
    expect(names(await list('?sort_by=name&sort_order=desc'))).toEqual([...byNameAsc].reverse());

    const prices = (d: Json) => d.products.map((p: Json) => p.price);
    const asc = prices(await list('?sort_by=price&sort_order=asc'));
    expect(asc).toEqual([...asc].sort((a: number, b: number) => a - b));
    expect(asc[0]).toBe(12_000);
    expect(asc.at(-1)).toBe(850_000);
    const desc = prices(await list('?sort_by=price&sort_order=desc'));
    expect(desc).toEqual([...desc].sort((a: number, b: number) => b - a));

    // Newest first by default; ties keep a stable order across pages.
    const admin = await app.post('/users/login', {
      email: 'admin@dtehm.demo',
      password: 'admin-password-123',
    });
    const created = await app.post(
      '/admin/products',
      { name: 'Newest Gadget', price: 1000, stock_quantity: 1 },
      admin.body.data.token,
    );
    expect(created.status).toBe(201);
    expect(names(await list(''))[0]).toBe('Newest Gadget');
    expect(names(await list('?sort_by=created_at&sort_order=desc'))[0]).toBe('Newest Gadget');
    expect(names(await list('?sort_by=created_at&sort_order=asc')).at(-1)).toBe('Newest Gadget');
    // Names sort alphabetically regardless of case.
    const lower = await app.post(
      '/admin/products',
      { name: 'apricot oil', price: 2000 },
      admin.body.data.token,
    );
    expect(lower.status).toBe(201);
    const alphabetical = names(await list('?sort_by=name&sort_order=asc'));
    expect(alphabetical.slice(0, 3)).toEqual(['Aloe Vera Body Lotion', 'apricot oil', 'Herbal Toothpaste']);
    expect(alphabetical.at(-1)).toBe('Vitamin C 1000mg');
    const paged = [
      ...names(await list('?sort_by=created_at&per_page=4&page=1')),
      ...names(await list('?sort_by=created_at&per_page=4&page=2')),
      ...names(await list('?sort_by=created_at&per_page=4&page=3')),
    ];
    expect(new Set(paged).size).toBe(SEEDED_PRODUCTS + 2);
  });

  it.each([
    ['per_page=0', 'per_page'],
    ['per_page=101', 'per_page'],
    ['per_page=abc', 'per_page'],
    ['per_page=2.5', 'per_page'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['category_id=abc', 'category_id'],
    ['category_id=-1', 'category_id'],
    ['sort_by=stock', 'sort_by'],
    ['sort_order=up', 'sort_order'],
  ])('rejects %s with 400 naming %s', async (query, field) => {
    const res = await app.get(`/products/list?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 0, message: expect.any(String) });
    expect(Object.keys(res.body.errors)).toEqual([field]);
    expect(res.body.errors[field]).toEqual([expect.any(String)]);
  });

  it('names every invalid query parameter at once', async () => {
    const res = await app.get('/products/list?per_page=0&page=-1&sort_by=x&sort_order=y&category_id=z');
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual([
      'category_id',
      'page',
      'per_page',
      'sort_by',
      'sort_order',
    ]);
  });

  it('accepts per_page at the bounds 1 and 100', async () => {
    const { total } = (await list('')).pagination;
    expect((await list('?per_page=1')).pagination).toMatchObject({ per_page: 1, last_page: total, to: 1 });
    expect((await list('?per_page=100')).pagination).toMatchObject({
      per_page: 100,
      last_page: 1,
      to: total,
    });
  });
});

describe('GET /products/list totals of large results', () => {
  it('counts matches up to 1,000 past the page start: exact below, at least that many above', async () => {
    const db = app.orm.em.fork().getConnection();
    await db.execute(
      `insert into product (tenant_id, name, price, images, stock_quantity, created_at)
       select t.id, 'Countable Widget ' || k, 1000 + k, '[]', 1, now()
       from tenant t, generate_series(1, 1050) k where t.slug = 'dtehm'`,
    );
    try {
      const first = await list('?search=countable&sort_by=price&sort_order=asc');
      expect(first.pagination).toEqual({
        total: 1000,
        per_page: 20,
        current_page: 1,
        last_page: 50,
        from: 1,
        to: 20,
      });
      expect(names(first)[0]).toBe('Countable Widget 1');
      // page 50 counts to 980 + 1,000: all 1,050, so the last page is reachable and exact
      const deep = await list('?search=countable&sort_by=price&sort_order=asc&page=50');
      expect(deep.pagination).toMatchObject({ total: 1050, last_page: 53, from: 981, to: 1000 });
      const last = await list('?search=countable&sort_by=price&sort_order=asc&page=53');
      expect(last.pagination).toMatchObject({ total: 1050, from: 1041, to: 1050 });
      expect(names(last).at(-1)).toBe('Countable Widget 1050');
      // past the end: the count that follows the empty page is exact as well
      expect((await list('?search=countable&page=60')).pagination).toMatchObject({
        total: 1050,
        from: null,
        to: null,
      });
    } finally {
      await db.execute(`delete from product where name like 'Countable Widget %'`);
    }
  });
});

describe('GET /products/detail/{id}', () => {
  it('returns the product with specifications, images and related products', async () => {
    const id = await productId('Premium Laptop');
    const res = await app.get(`/products/detail/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.code).toBe(1);
    const d = res.body.data;
    expect(d).toEqual({
      id,
      name: 'Premium Laptop',
      description: 'High-performance laptop, 16GB RAM, 512GB SSD.',
      price: 850_000,
      feature_photo: expect.stringMatching(/^https:\/\//),
      category_id: await categoryId('Electronics'),
      category_name: 'Electronics',
      stock_quantity: 50,
      in_stock: true,
      specifications: null,
      images: [expect.stringMatching(/^https:\/\//)],
      created_at: expect.stringMatching(LOCAL_DATE_TIME),
      related_products: expect.any(Array),
    });
    // Same category, never the product itself.
    expect(d.related_products.map((r: Json) => r.name).sort()).toEqual([
      'Laptop Bag',
      'Solar Power Bank 20000mAh',
    ]);
    for (const r of d.related_products) {
      expect(Object.keys(r).sort()).toEqual(['feature_photo', 'id', 'name', 'price']);
      expect(r.id).not.toBe(id);
    }
    expect(d.related_products.find((r: Json) => r.name === 'Laptop Bag').price).toBe(45_000);
  });

  it('reports in_stock false for a product with no stock', async () => {
    const admin = await app.post('/users/login', {
      email: 'admin@dtehm.demo',
      password: 'admin-password-123',
    });
    const created = await app.post(
      '/admin/products',
      { name: 'Sold Out Thing', price: 5000 },
      admin.body.data.token,
    );
    expect(created.status).toBe(201);
    const res = await app.get(`/products/detail/${created.body.data.id}`);
    expect(res.body.data).toMatchObject({
      stock_quantity: 0,
      in_stock: false,
      category_id: null,
      category_name: null,
      related_products: [],
      images: [],
    });
  });

  it('404s an unknown id', async () => {
    const res = await app.get('/products/detail/999999');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 0, message: expect.any(String), errors: {} });
  });

  it.each(['abc', '0', '-3', '1.5'])('400s the id %s naming id', async (id) => {
    const res = await app.get(`/products/detail/${id}`);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual(['id']);
  });
});

describe('GET /products/categories', () => {
  it('lists categories with their product counts', async () => {
    const res = await app.get('/products/categories');
    expect(res.status).toBe(200);
    expect(res.body.code).toBe(1);
    const byName = Object.fromEntries(res.body.data.map((c: Json) => [c.name, c]));
    expect(byName.Electronics).toEqual({
      id: expect.any(Number),
      name: 'Electronics',
      description: 'Electronic devices and accessories',
      product_count: 3,
    });
    expect(byName['Health Supplements'].product_count).toBe(3);
    expect(byName['Personal Care'].product_count).toBe(2);
  });

  it('counts a new empty category as 0 and follows new products', async () => {
    const admin = await app.post('/users/login', {
      email: 'admin@dtehm.demo',
      password: 'admin-password-123',
    });
    const token = admin.body.data.token;
    const cat = await app.post('/admin/categories', { name: 'Garden' }, token);
    expect(cat.status).toBe(201);
    let res = await app.get('/products/categories');
    expect(res.body.data.find((c: Json) => c.name === 'Garden')).toEqual({
      id: cat.body.data.id,
      name: 'Garden',
      description: null,
      product_count: 0,
    });
    await app.post('/admin/products', { name: 'Hose', price: 20_000, category_id: cat.body.data.id }, token);
    res = await app.get('/products/categories');
    expect(res.body.data.find((c: Json) => c.name === 'Garden').product_count).toBe(1);
    // Alphabetical regardless of case.
    expect((await app.post('/admin/categories', { name: 'beauty' }, token)).status).toBe(201);
    res = await app.get('/products/categories');
    expect(res.body.data.map((c: Json) => c.name)).toEqual([
      'beauty',
      'Electronics',
      'Garden',
      'Health Supplements',
      'Personal Care',
    ]);
  });
});
