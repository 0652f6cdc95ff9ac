import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, registerMember, startTestApp, type TestApp } from '../testing/test-app.ts';

let app: TestApp;
let admin: string;
let member: string;
beforeAll(async () => {
  app = await startTestApp();
  admin = await adminToken(app);
  member = (await registerMember(app)).token;
});
afterAll(async () => {
  await app.close();
});

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
type Json = any;

async function count(table: string): Promise<number> {
  const rows = await app.orm.em.fork().getConnection().execute(`select count(*)::int as n from ${table}`);
  return rows[0].n;
}

async function footprint() {
  return { categories: await count('product_category'), products: await count('product') };
}

async function categoryId(name: string): Promise<number> {
  const res = await app.get('/products/categories');
  return res.body.data.find((c: Json) => c.name === name).id;
}

async function productByName(name: string): Promise<Json> {
  const res = await app.get(`/products/list?per_page=100&search=${encodeURIComponent(name)}`);
  return res.body.data.products.find((p: Json) => p.name === name);
}

/** Sends `body` and expects a 400 naming exactly `fields`, with no catalog row written. */
async function refused(method: 'POST' | 'PUT', path: string, body: unknown, fields: string[]) {
  const before = await footprint();
  const res = method === 'POST' ? await app.post(path, body, admin) : await app.put(path, body, admin);
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body).toMatchObject({ code: 0, message: expect.any(String) });
  expect(Object.keys(res.body.errors).sort()).toEqual([...fields].sort());
  for (const messages of Object.values(res.body.errors) as string[][]) {
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) expect(m).toEqual(expect.any(String));
  }
  expect(await footprint()).toEqual(before);
  return res.body;
}

describe('admin endpoints: authentication and role', () => {
  const calls: [string, 'GET' | 'POST' | 'PUT' | 'DELETE', string, unknown][] = [
    ['list categories', 'GET', '/admin/categories', undefined],
    ['create category', 'POST', '/admin/categories', { name: 'Locked' }],
    ['delete category', 'DELETE', '/admin/categories/1', undefined],
    ['create product', 'POST', '/admin/products', { name: 'Locked', price: 1 }],
    ['update product', 'PUT', '/admin/products/1', { price: 1 }],
  ];

  it.each(calls)('%s: 401 without a token, 401 with a bad token', async (_, method, path, body) => {
    const before = await footprint();
    const anonymous = await app.request(method, `/t/dtehm/api${path}`, { body });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ code: 0, message: expect.any(String), errors: {} });
    const forged = await app.request(method, `/t/dtehm/api${path}`, { body, token: 'not-a-token' });
    expect(forged.status).toBe(401);
    expect(await footprint()).toEqual(before);
  });

  it.each(calls)('%s: 403 for a member', async (_, method, path, body) => {
    const before = await footprint();
    const res = await app.request(method, `/t/dtehm/api${path}`, { body, token: member });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: 0, message: expect.any(String), errors: {} });
    expect(await footprint()).toEqual(before);
  });

  it('403 for a stockist too (only the admin role may edit the catalog)', async () => {
    const login = await app.post('/users/login', {
      email: 'root@dtehm.demo',
      password: 'admin-password-123',
    });
    const res = await app.post('/admin/categories', { name: 'Stockist Cat' }, login.body.data.token);
    expect(res.status).toBe(403);
  });

  it('the admin can log in (the admin is not a network member)', async () => {
    const res = await app.post('/users/login', { email: 'admin@dtehm.demo', password: 'admin-password-123' });
    expect(res.status).toBe(200);
    expect(res.body.data.user).toMatchObject({
      email: 'admin@dtehm.demo',
      dtehm_member_id: null,
      sponsor_id: null,
    });
  });
});

describe('GET /admin/categories', () => {
  it('lists the categories in name order with their product counts, a page at a time', async () => {
    await app.post('/admin/categories', { name: 'Zz Listed Last' }, admin);
    const res = await app.get('/admin/categories?per_page=100', admin);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ code: 1 });
    const { categories, pagination } = res.body.data;
    const names = categories.map((c: Json) => c.name);
    expect(names).toEqual(
      [...names].sort((a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
    const pub = (await app.get('/products/categories')).body.data as Json[];
    for (const c of pub)
      expect(categories.find((a: Json) => a.id === c.id)).toMatchObject({ product_count: c.product_count });
    expect(pagination).toMatchObject({ total: pub.length, per_page: 100, current_page: 1, last_page: 1 });
    // only this tenant's: no other tenant's category is listed
    const others = await app.orm.em
      .fork()
      .getConnection()
      .execute(
        `select c.id from product_category c join tenant t on t.id = c.tenant_id where t.slug <> 'dtehm'`,
      );
    expect(others.length).toBeGreaterThan(0);
    for (const o of others) expect(categories.map((c: Json) => c.id)).not.toContain(o.id);

    const paged = await app.get('/admin/categories?per_page=1&page=2', admin);
    expect(paged.body.data.categories).toEqual([categories[1]]);
    expect(paged.body.data.pagination).toMatchObject({ per_page: 1, current_page: 2, last_page: pub.length });
  });

  it('searches any part of the name, any case; % and _ are plain characters', async () => {
    await app.post('/admin/categories', { name: 'Solar Lamps' }, admin);
    const found = await app.get('/admin/categories?search=LAMP', admin);
    expect(found.body.data.categories.map((c: Json) => c.name)).toEqual(['Solar Lamps']);
    for (const search of ['%', '_'])
      expect(
        (await app.get(`/admin/categories?search=${encodeURIComponent(search)}`, admin)).body.data.categories,
      ).toEqual([]);
  });

  it('400 naming the field for a bad page or search', async () => {
    for (const [query, field] of [
      ['page=0', 'page'],
      ['per_page=500', 'per_page'],
      [`search=${'x'.repeat(101)}`, 'search'],
    ]) {
      const res = await app.get(`/admin/categories?${query}`, admin);
      expect(res.status, query).toBe(400);
      expect(Object.keys(res.body.errors)).toEqual([field]);
    }
  });
});

describe('DELETE /admin/categories/{id}', () => {
  const remove = (id: number | string, token = admin) =>
    app.request('DELETE', `/t/dtehm/api/admin/categories/${id}`, { token });

  it('deletes an empty category, which the public list then leaves out; audited with what it was', async () => {
    const created = await app.post('/admin/categories', { name: 'Retired Range' }, admin);
    const id = created.body.data.id as number;
    const res = await remove(id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      code: 1,
      message: 'Category deleted successfully',
      data: { id, name: 'Retired Range', description: null },
    });
    const pub = (await app.get('/products/categories')).body.data as Json[];
    expect(pub.map((c) => c.id)).not.toContain(id);
    const [entry] = await app.orm.em
      .fork()
      .getConnection()
      .execute(
        `select subject_type, subject_id, before, after from audit_entry
         where action like '%deleteCategory%' order by id desc limit 1`,
      );
    expect(entry).toMatchObject({
      subject_type: 'product_category',
      subject_id: String(id),
      before: { id, name: 'Retired Range', description: null },
      after: null,
    });
    // again: it is gone
    expect((await remove(id)).status).toBe(404);
  });

  it('400 with the reason for a category that still holds products (the app documents no 409); nothing changes', async () => {
    const id = await categoryId('Electronics');
    const before = await footprint();
    const res = await remove(id);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.errors).toEqual({});
    expect(res.body.message).toMatch(/still has \d+ products?/);
    expect(await footprint()).toEqual(before);
  });

  it('404 for another tenant’s category; 400 naming id for a bad one', async () => {
    const [other] = await app.orm.em
      .fork()
      .getConnection()
      .execute(
        `select c.id from product_category c join tenant t on t.id = c.tenant_id where t.slug <> 'dtehm' limit 1`,
      );
    expect(other).toBeDefined();
    const before = await footprint();
    expect((await remove(other.id)).status).toBe(404);
    expect(await footprint()).toEqual(before);
    for (const bad of ['abc', '-1', '0', '99999999999999999999']) {
      const res = await remove(bad);
      expect(res.status, bad).toBe(400);
      expect(Object.keys(res.body.errors)).toEqual(['id']);
    }
  });
});

describe('POST /admin/categories', () => {
  it('creates a category (201) that the public list shows', async () => {
    const res = await app.post(
      '/admin/categories',
      { name: '  Home & Kitchen ', description: 'Cookware and appliances' },
      admin,
    );
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      code: 1,
      message: 'Category created successfully',
      data: { id: expect.any(Number), name: 'Home & Kitchen', description: 'Cookware and appliances' },
    });
    const list = await app.get('/products/categories');
    expect(list.body.data).toContainEqual({
      id: res.body.data.id,
      name: 'Home & Kitchen',
      description: 'Cookware and appliances',
      product_count: 0,
    });
  });

  it('creates a category without a description', async () => {
    const res = await app.post('/admin/categories', { name: 'Books' }, admin);
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual({ id: expect.any(Number), name: 'Books', description: null });
  });

  it('refuses a duplicate name (also differently cased or padded) with 400 naming name', async () => {
    await refused('POST', '/admin/categories', { name: 'Electronics' }, ['name']);
    await refused('POST', '/admin/categories', { name: ' electronics ' }, ['name']);
    await refused('POST', '/admin/categories', { name: 'BOOKS' }, ['name']);
  });

  it('refuses a duplicate created concurrently: one 201, the rest 400, one row', async () => {
    const before = await count('product_category');
    const results = await Promise.all(
      Array.from({ length: 5 }, () => app.post('/admin/categories', { name: 'Race Category' }, admin)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 400, 400, 400, 400]);
    for (const r of results.filter((x) => x.status === 400))
      expect(Object.keys(r.body.errors)).toEqual(['name']);
    expect(await count('product_category')).toBe(before + 1);
  });

  it.each([
    ['no name', {}, ['name']],
    ['an empty name', { name: '' }, ['name']],
    ['a blank name', { name: '   ' }, ['name']],
    ['a numeric name', { name: 42 }, ['name']],
    ['a 256-character name', { name: 'x'.repeat(256) }, ['name']],
    ['a numeric description', { name: 'Fine', description: 7 }, ['description']],
    [
      'a null name and a long description',
      { name: null, description: 'x'.repeat(5001) },
      ['name', 'description'],
    ],
  ])('refuses %s with 400 naming the fields', async (_, body, fields) => {
    await refused('POST', '/admin/categories', body, fields);
  });

  it('refuses a body that is not JSON', async () => {
    const before = await footprint();
    const res = await app.request('POST', '/t/dtehm/api/admin/categories', {
      body: '{"name": ',
      token: admin,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(0);
    expect(await footprint()).toEqual(before);
  });
});

describe('POST /admin/products', () => {
  it('creates a product (201) that appears in the list, detail and category count', async () => {
    const electronics = await categoryId('Electronics');
    const body = {
      name: 'Wireless Mouse',
      description: 'Ergonomic 2.4GHz mouse',
      specifications: 'DPI: 1600',
      price: 35_000,
      category_id: electronics,
      feature_photo: 'https://example.com/mouse.jpg',
      images: ['https://example.com/mouse-1.jpg', 'https://example.com/mouse-2.jpg'],
      stock_quantity: 40,
    };
    const res = await app.post('/admin/products', body, admin);
    expect(res.status).toBe(201);
    const expected = {
      id: expect.any(Number),
      name: 'Wireless Mouse',
      description: 'Ergonomic 2.4GHz mouse',
      price: 35_000,
      feature_photo: 'https://example.com/mouse.jpg',
      category_id: electronics,
      category_name: 'Electronics',
      stock_quantity: 40,
      in_stock: true,
      specifications: 'DPI: 1600',
      images: ['https://example.com/mouse-1.jpg', 'https://example.com/mouse-2.jpg'],
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
    };
    expect(res.body).toEqual({ code: 1, message: 'Product created successfully', data: expected });

    const listed = await productByName('Wireless Mouse');
    expect(listed).toMatchObject({ id: res.body.data.id, price: 35_000, category_name: 'Electronics' });
    // The newest product leads the default list.
    const list = await app.get('/products/list');
    expect(list.body.data.products[0].id).toBe(res.body.data.id);
    const detail = await app.get(`/products/detail/${res.body.data.id}`);
    expect(detail.body.data).toMatchObject({ ...expected, id: res.body.data.id });
    expect(detail.body.data.related_products.map((r: Json) => r.name)).toContain('Premium Laptop');
    // Search finds it by its description.
    const search = await app.get('/products/list?search=ergonom');
    expect(search.body.data.products.map((p: Json) => p.name)).toEqual(['Wireless Mouse']);
    const cats = await app.get('/products/categories');
    expect(cats.body.data.find((c: Json) => c.name === 'Electronics').product_count).toBe(4);
  });

  it('creates a product from the two required fields only', async () => {
    const res = await app.post('/admin/products', { name: 'Bare Product', price: 0 }, admin);
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual({
      id: expect.any(Number),
      name: 'Bare Product',
      description: null,
      price: 0,
      feature_photo: null,
      category_id: null,
      category_name: null,
      stock_quantity: 0,
      in_stock: false,
      specifications: null,
      images: [],
      created_at: expect.any(String),
    });
  });

  it.each([
    [10.5, 'a float'],
    [-1, 'a negative amount'],
    ['1000', 'a string'],
    ['abc', 'text'],
    [null, 'null'],
    [true, 'a boolean'],
    [1e16, 'more than the largest amount'],
  ] as [unknown, string][])('refuses a price of %j (%s) with 400 naming price', async (price) => {
    await refused('POST', '/admin/products', { name: 'Bad Price', price }, ['price']);
  });

  it('refuses an unknown category with 400 naming category_id', async () => {
    await refused('POST', '/admin/products', { name: 'Orphan', price: 100, category_id: 999_999 }, [
      'category_id',
    ]);
    await refused('POST', '/admin/products', { name: 'Orphan', price: 100, category_id: 'abc' }, [
      'category_id',
    ]);
  });

  it('names every invalid field at once', async () => {
    await refused('POST', '/admin/products', {}, ['name', 'price']);
    await refused(
      'POST',
      '/admin/products',
      {
        name: '',
        price: 1.5,
        stock_quantity: -2,
        feature_photo: 'not a url',
        images: 'https://example.com/x.jpg',
        category_id: 0,
      },
      ['name', 'price', 'stock_quantity', 'feature_photo', 'images', 'category_id'],
    );
  });

  it('only accepts http(s) image addresses', async () => {
    await refused('POST', '/admin/products', { name: 'X', price: 1, feature_photo: 'javascript:alert(1)' }, [
      'feature_photo',
    ]);
    await refused(
      'POST',
      '/admin/products',
      { name: 'X', price: 1, images: ['https://ok.example/a.png', 'ftp://x/y'] },
      ['images.1'],
    );
  });
});

describe('PUT /admin/products/{id}', () => {
  async function fresh(): Promise<Json> {
    const res = await app.post(
      '/admin/products',
      {
        name: `Editable ${Math.random()}`,
        description: 'Original description',
        price: 10_000,
        category_id: await categoryId('Personal Care'),
        stock_quantity: 5,
        images: ['https://example.com/a.jpg'],
      },
      admin,
    );
    expect(res.status).toBe(201);
    return res.body.data;
  }

  it('changes only the fields sent', async () => {
    const p = await fresh();
    const res = await app.put(`/admin/products/${p.id}`, { price: 12_500 }, admin);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 1,
      message: 'Product updated successfully',
      data: { ...p, price: 12_500 },
    });
    const detail = await app.get(`/products/detail/${p.id}`);
    expect(detail.body.data).toMatchObject({ ...p, price: 12_500 });

    const moved = await app.put(
      `/admin/products/${p.id}`,
      { category_id: await categoryId('Electronics'), stock_quantity: 0, name: 'Renamed Gadget' },
      admin,
    );
    expect(moved.status).toBe(200);
    expect(moved.body.data).toEqual({
      ...p,
      price: 12_500,
      name: 'Renamed Gadget',
      category_id: await categoryId('Electronics'),
      category_name: 'Electronics',
      stock_quantity: 0,
      in_stock: false,
    });
    // The search index follows the new name.
    const search = await app.get('/products/list?search=renamed');
    expect(search.body.data.products.map((x: Json) => x.id)).toEqual([p.id]);
  });

  it('clears nullable fields with null and accepts an empty body', async () => {
    const p = await fresh();
    const cleared = await app.put(`/admin/products/${p.id}`, { category_id: null, description: null }, admin);
    expect(cleared.status).toBe(200);
    expect(cleared.body.data).toMatchObject({ category_id: null, category_name: null, description: null });
    const same = await app.put(`/admin/products/${p.id}`, {}, admin);
    expect(same.status).toBe(200);
    expect(same.body.data).toEqual(cleared.body.data);
  });

  it('404s an unknown product', async () => {
    const res = await app.put('/admin/products/999999', { price: 1 }, admin);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ code: 0, message: expect.any(String), errors: {} });
  });

  it('400s a malformed id, invalid fields and an unknown category, changing nothing', async () => {
    const p = await fresh();
    await refused('PUT', '/admin/products/abc', { price: 1 }, ['id']);
    await refused('PUT', `/admin/products/${p.id}`, { price: 10.5 }, ['price']);
    await refused('PUT', `/admin/products/${p.id}`, { price: -5, name: '' }, ['price', 'name']);
    await refused('PUT', `/admin/products/${p.id}`, { price: '500' }, ['price']);
    await refused('PUT', `/admin/products/${p.id}`, { category_id: 999_999, price: 1 }, ['category_id']);
    const detail = await app.get(`/products/detail/${p.id}`);
    expect(detail.body.data).toMatchObject({ price: 10_000, name: p.name, category_id: p.category_id });
  });
});
