import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { checkoutFixtures } from './checkout-fixtures.ts';

// The shop's catalog administration: products with their variants, a variant's price and
// visibility, and stock counted in or out with a reason, safely beside concurrent checkouts.

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
type Json = any;

let app: TestApp;
let fx: ReturnType<typeof checkoutFixtures>;
let admin: string;

/** An access token for an account of `slug` (no login request, so no rate budget spent). */
async function tokenFor(slug: string, email: string) {
  const tenant = (await app.services.tenants.bySlug(slug))!;
  const [row] = await fx.sql<{ id: number; roles: string[] }>(
    'select id, roles from account where tenant_id = ? and email = ?',
    [tenant.id, email],
  );
  const scope = await fx.scope();
  const tokens = await app.services.identity.issueTokens(
    { ...scope, tenant },
    { id: row!.id, roles: row!.roles as never },
  );
  return tokens.accessToken;
}

beforeAll(async () => {
  app = await startTestApp();
  fx = checkoutFixtures(app);
  admin = await tokenFor('ansania', 'admin@ansania.demo');
});
afterAll(async () => {
  await app?.close();
});

const call = (method: string, path: string, body?: unknown, token = admin) =>
  fx.call(method, `/admin${path}`, token, body);
const stockOf = (variantId: number) => fx.stockOf(variantId);

describe('admin products', () => {
  it('lists products newest first with their variants’ count, stock and prices; searched and paged', async () => {
    const a = await fx.variant({ price: 2_000_000, stock: 7 });
    const b = await fx.variant({ price: 2_500_000, stock: 3 });
    await fx.sql(
      `insert into product_variant (tenant_id, product_id, sku, price, stock, is_visible)
       values ((select tenant_id from product where id = ?), ?, ?, 1800000, 4, false)`,
      [b.productId, b.productId, `${b.sku}-S`],
    );

    const list = await call('GET', '/products?limit=2');
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body).toMatchObject({ success: true });
    expect(list.body.data.products.map((p: Json) => p.id)).toEqual([b.productId, a.productId]);
    expect(list.body.data.products[0]).toEqual({
      id: b.productId,
      name: b.name,
      slug: b.slug,
      price: 2_500_000,
      category_id: null,
      created_at: expect.any(String),
      variant_count: 2,
      total_stock: 7,
      min_price: 1_800_000,
      max_price: 2_500_000,
    });
    expect(list.body.data.pagination).toMatchObject({ page: 1, limit: 2 });

    const bySku = await call('GET', `/products?search=${encodeURIComponent(`${b.sku}-s`)}`);
    expect(bySku.body.data.products.map((p: Json) => p.id)).toEqual([b.productId]);
    const byName = await call('GET', `/products?search=${encodeURIComponent(a.name)}`);
    expect(byName.body.data.products.map((p: Json) => p.id)).toEqual([a.productId]);

    const detail = await call('GET', `/products/${b.productId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.data.product.variants).toEqual([
      expect.objectContaining({ id: b.id, sku: b.sku, price: 2_500_000, stock: 3, is_visible: true }),
      expect.objectContaining({ sku: `${b.sku}-S`, price: 1_800_000, stock: 4, is_visible: false }),
    ]);
  });

  it('shows this tenant’s products only; 401 without a token, 403 for customers; 4xx naming the field', async () => {
    const [dtehmProduct] = await fx.sql<{ id: number }>(
      `select p.id from product p join tenant t on t.id = p.tenant_id where t.slug = 'dtehm' limit 1`,
    );
    expect((await call('GET', `/products/${dtehmProduct!.id}`)).status).toBe(404);
    const all = await call('GET', '/products?limit=100');
    expect(all.body.data.products.map((p: Json) => p.id)).not.toContain(dtehmProduct!.id);

    const v = await fx.variant({ stock: 5 });
    expect((await call('GET', '/products', undefined, '')).status).toBe(401);
    const customer = await fx.user();
    for (const [method, path, body] of [
      ['GET', '/products', undefined],
      ['GET', `/products/${v.productId}`, undefined],
      ['POST', `/variants/${v.id}/adjust-stock`, { change: 1, reason: 'x' }],
      ['PUT', `/variants/${v.id}`, { price: 1 }],
    ] as const) {
      expect((await call(method, path, body, customer.token)).status, path).toBe(403);
    }
    // a dtehm administrator's token is not this tenant's
    const dtehmAdmin = await tokenFor('dtehm', 'admin@dtehm.demo');
    expect((await call('GET', '/products', undefined, dtehmAdmin)).status).toBe(401);

    const bad = await call('POST', `/variants/${v.id}/adjust-stock`, { change: 1.5, reason: '  ' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details ?? {}).sort()).toEqual(['change', 'reason']);
    const zero = await call('POST', `/variants/${v.id}/adjust-stock`, { change: 0, reason: 'count' });
    expect(Object.keys(zero.body.details ?? {})).toEqual(['change']);
    const badPrice = await call('PUT', `/variants/${v.id}`, { price: -5 });
    expect(badPrice.status).toBe(400);
    expect(Object.keys(badPrice.body.details ?? {})).toEqual(['price']);
    expect((await call('PUT', '/variants/999999999', { price: 5 })).status).toBe(404);
    expect((await call('POST', '/variants/999999999/adjust-stock', { change: 1, reason: 'x' })).status).toBe(
      404,
    );
    expect(await stockOf(v.id)).toBe(5);
  });
});

describe('admin stock and variants', () => {
  it('counts stock in and out with a reason kept in the audit log; never below zero', async () => {
    const v = await fx.variant({ stock: 5 });
    const added = await call('POST', `/variants/${v.id}/adjust-stock`, {
      change: 12,
      reason: 'Delivery from the workshop',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    expect(added.body.data.variant).toMatchObject({ id: v.id, stock: 17 });
    const taken = await call('POST', `/variants/${v.id}/adjust-stock`, { change: -4, reason: 'Damaged' });
    expect(taken.body.data.variant.stock).toBe(13);

    const refused = await call('POST', `/variants/${v.id}/adjust-stock`, { change: -14, reason: 'Count' });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual({ change: ['would leave the stock below zero (13 in stock)'] });
    expect(await stockOf(v.id)).toBe(13);

    const audit = await fx.sql<{ before: Json; after: Json; subject_id: string }>(
      `select before, after, subject_id from audit_entry
       where subject_type = 'product_variant' and subject_id = ? order by id`,
      [String(v.id)],
    );
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [{ stock: 5 }, { stock: 17, change: 12, reason: 'Delivery from the workshop' }],
      [{ stock: 17 }, { stock: 13, change: -4, reason: 'Damaged' }],
    ]);
    // the product's summary (the storefront's stock) follows
    const [product] = await fx.sql<{ visible_stock: number }>(
      'select visible_stock from product where id = ?',
      [v.productId],
    );
    expect(product!.visible_stock).toBe(13);
  });

  it('stock taken out at the same time as checkouts: never oversold, every unit accounted for', async () => {
    const v = await fx.variant({ price: 100_000, stock: 8 });
    const shoppers = await Promise.all(Array.from({ length: 6 }, () => fx.shopper(v.id, 1)));
    const [adjusted, ordered] = await Promise.all([
      Promise.all(
        Array.from({ length: 6 }, () =>
          call('POST', `/variants/${v.id}/adjust-stock`, { change: -1, reason: 'Shop display' }),
        ),
      ),
      Promise.all(shoppers.map((s) => fx.createOrder(s.token, s.addressId))),
    ]);
    const adjustedOk = adjusted.filter((r) => r.status === 200).length;
    const orderedOk = ordered.filter((r) => r.status === 201).length;
    expect([...adjusted, ...ordered].every((r) => r.status < 500)).toBe(true);
    expect(adjusted.every((r) => r.status === 200 || r.status === 400)).toBe(true);
    expect(adjustedOk + orderedOk).toBe(8);
    expect(await stockOf(v.id)).toBe(0);
  });

  it('changes a variant’s price and visibility, leaving its stock alone', async () => {
    const v = await fx.variant({ price: 1_000_000, stock: 9 });
    const res = await call('PUT', `/variants/${v.id}`, { price: 1_250_000, is_visible: false });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.variant).toMatchObject({ price: 1_250_000, is_visible: false, stock: 9 });
    const shown = await call('PUT', `/variants/${v.id}`, { is_visible: true });
    expect(shown.body.data.variant).toMatchObject({ price: 1_250_000, is_visible: true, stock: 9 });
    const [product] = await fx.sql<{ selling_price: string }>(
      'select selling_price::text from product where id = ?',
      [v.productId],
    );
    expect(product!.selling_price).toBe('1250000');
  });
});

describe('admin products and variants, created and edited', () => {
  it('creates a product, adds a variant a customer can then buy, and edits the product', async () => {
    const slug = `sofa-${Date.now()}`;
    const created = await call('POST', '/products', {
      name: '  Linen Sofa ',
      slug,
      description: 'Three seats',
      price: 7_500_000,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const product = created.body.data.product;
    expect(product).toMatchObject({
      name: 'Linen Sofa',
      slug,
      price: 7_500_000,
      category_id: null,
      variants: [],
    });

    const variant = await call('POST', `/products/${product.id}/variants`, {
      sku: `SOFA-${Date.now()}`,
      color: 'Sand',
      price: 7_200_000,
      stock: 3,
    });
    expect(variant.status, JSON.stringify(variant.body)).toBe(201);
    expect(variant.body.data.variant).toMatchObject({
      product_id: product.id,
      color: 'Sand',
      finishing: null,
      price: 7_200_000,
      stock: 3,
      is_visible: true,
    });
    // the storefront sells it through the variant
    const shown = await fx.call('GET', `/products/${slug}`);
    expect(shown.status, JSON.stringify(shown.body)).toBe(200);
    const customer = await fx.shopper(variant.body.data.variant.id, 1);
    const order = await fx.createOrder(customer.token, customer.addressId);
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    expect(await stockOf(variant.body.data.variant.id)).toBe(2);

    const edited = await call('PUT', `/products/${product.id}`, {
      name: 'Linen Sofa, 3 seats',
      description: null,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.data.product).toMatchObject({ name: 'Linen Sofa, 3 seats', slug, price: 7_500_000 });
    expect(edited.body.data.product.variants).toHaveLength(1);
    const audit = await fx.sql<{ before: Json; after: Json }>(
      `select before, after from audit_entry where subject_type = 'product' and subject_id = ? order by id`,
      [String(product.id)],
    );
    expect(audit.at(-1)).toMatchObject({
      before: { name: 'Linen Sofa', description: 'Three seats' },
      after: { name: 'Linen Sofa, 3 seats', description: null },
    });
  });

  it('refuses a taken slug or SKU (409 naming it), a category of another tenant and bad fields (400 naming them)', async () => {
    const a = await fx.variant();
    const b = await fx.variant();
    const takenSlug = await call('POST', '/products', { name: 'Copy', slug: a.slug, price: 1 });
    expect(takenSlug.status).toBe(409);
    expect(takenSlug.body.details).toEqual({ slug: ['slug is already taken'] });
    const renamed = await call('PUT', `/products/${b.productId}`, { slug: a.slug });
    expect(renamed.status).toBe(409);
    const takenSku = await call('POST', `/products/${b.productId}/variants`, { sku: a.sku, price: 1 });
    expect(takenSku.status).toBe(409);
    expect(takenSku.body.details).toEqual({ sku: ['sku is already taken'] });

    const [foreign] = await fx.sql<{ id: number }>(
      `select c.id from product_category c join tenant t on t.id = c.tenant_id where t.slug <> 'ansania' limit 1`,
    );
    if (foreign) {
      const res = await call('PUT', `/products/${b.productId}`, { category_id: foreign.id });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.details)).toEqual(['category_id']);
    }
    const bad = await call('POST', '/products', { name: '', slug: 'Not A Slug', price: 0 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details).sort()).toEqual(['name', 'price', 'slug']);
    const badVariant = await call('POST', `/products/${b.productId}/variants`, {
      sku: '',
      price: 5,
      stock: -1,
    });
    expect(Object.keys(badVariant.body.details).sort()).toEqual(['sku', 'stock']);
    expect((await call('POST', '/products/999999999/variants', { sku: 'NOPE-1', price: 5 })).status).toBe(
      404,
    );
    expect((await call('PUT', '/products/999999999', { name: 'x' })).status).toBe(404);
    const customer = await fx.user();
    expect(
      (await call('POST', '/products', { name: 'x', slug: 'x-1', price: 1 }, customer.token)).status,
    ).toBe(403);
  });
});
