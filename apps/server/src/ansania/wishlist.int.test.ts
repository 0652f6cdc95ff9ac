import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { productIds, registerCustomer, shop, sql } from './shop-fixtures.ts';

let app: TestApp;
let http: ReturnType<typeof shop>;
let ids: Map<string, number>;
/** variant ids by SKU */
let skus: Map<string, number>;
beforeAll(async () => {
  app = await startTestApp();
  http = shop(app);
  ids = await productIds(app);
  const rows = await sql<{ id: number; sku: string }>(
    app,
    "select v.id, v.sku from product_variant v join tenant t on t.id = v.tenant_id where t.slug = 'ansania'",
  );
  skus = new Map(rows.map((r) => [r.sku, r.id]));
});
afterAll(async () => {
  await app.close();
});

const image = (slug: string) => `https://picsum.photos/seed/ansania-${slug}-1/800/800`;

describe('wishlist', () => {
  it('needs a token for every operation', async () => {
    for (const res of [
      await http.get('/wishlist'),
      await http.post('/wishlist', { product_id: 1 }),
      await http.del('/wishlist/1'),
      await http.post('/wishlist/1/move-to-cart', { quantity: 1 }),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ success: false, code: 'UNAUTHORIZED' });
    }
  });

  it('adds products with or without a variant (201) and lists them newest first', async () => {
    const { token } = await registerCustomer(app);
    const table = ids.get('dining-table-oak')!;
    const walnut = skus.get('TABLE-OAK-WAL-L')!;
    const withVariant = await http.post(
      '/wishlist',
      { product_id: table, product_variant_id: walnut },
      token,
    );
    expect(withVariant.status, JSON.stringify(withVariant.body)).toBe(201);
    expect(withVariant.body).toEqual({
      success: true,
      data: {
        item: {
          id: expect.any(Number),
          product: {
            id: table,
            name: 'Oak Dining Table',
            slug: 'dining-table-oak',
            // the saved variant's price and stock
            price: 3_750_000,
            image: image('dining-table-oak'),
            stock_status: 'in_stock',
          },
          variant: { id: walnut, color: 'Walnut', finishing: 'Matte', size: 'Large' },
          added_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        },
      },
      meta: { timestamp: expect.any(String) },
    });
    // the same product without a variant is another item
    const plain = await http.post('/wishlist', { product_id: table }, token);
    expect(plain.status).toBe(201);
    expect(plain.body.data.item.product).toMatchObject({ price: 3_500_000, stock_status: 'in_stock' });
    expect(plain.body.data.item.variant).toBeNull();
    const armchair = await http.post('/wishlist', { product_id: ids.get('armchair-rattan') }, token);
    const glossy = await http.post(
      '/wishlist',
      { product_id: table, product_variant_id: skus.get('TABLE-OAK-WAL-GLS-L') },
      token,
    );
    expect(glossy.body.data.item.product).toMatchObject({ price: 3_900_000, stock_status: 'out_of_stock' });

    const list = await http.get('/wishlist', token);
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      success: true,
      data: {
        items: [glossy, armchair, plain, withVariant].map((r) => r.body.data.item),
      },
      meta: { timestamp: expect.any(String) },
    });
    expect(list.body.data.items[1].product).toEqual({
      id: ids.get('armchair-rattan'),
      name: 'Rattan Accent Armchair',
      slug: 'armchair-rattan',
      price: 1_450_000,
      image: image('armchair-rattan'),
      stock_status: 'low_stock',
    });
  });

  it('answers 409 CONFLICT with the existing item id for a duplicate', async () => {
    const { token } = await registerCustomer(app);
    const body = { product_id: ids.get('bookshelf-ladder'), product_variant_id: skus.get('SHELF-LAD-WHT-L') };
    const first = await http.post('/wishlist', body, token);
    expect(first.status).toBe(201);
    const again = await http.post('/wishlist', body, token);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      success: false,
      code: 'CONFLICT',
      details: { id: first.body.data.item.id },
    });
    const plain = { product_id: ids.get('bookshelf-ladder') };
    expect((await http.post('/wishlist', plain, token)).status).toBe(201);
    expect((await http.post('/wishlist', { ...plain, product_variant_id: null }, token)).status).toBe(409);
    expect((await http.get('/wishlist', token)).body.data.items).toHaveLength(2);
  });

  it('refuses a variant of another product, a hidden variant and bad ids (400), unknown products (404)', async () => {
    const { token } = await registerCustomer(app);
    const table = ids.get('dining-table-oak')!;
    const foreign = await http.post(
      '/wishlist',
      { product_id: table, product_variant_id: skus.get('CHAIR-MAH-NAT-M') },
      token,
    );
    expect(foreign.status).toBe(400);
    expect(foreign.body).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: { product_variant_id: expect.any(Array) },
    });
    const hidden = await http.post(
      '/wishlist',
      { product_id: table, product_variant_id: skus.get('TABLE-OAK-NAT-M') },
      token,
    );
    expect(hidden.status).toBe(400);
    const missing = await http.post('/wishlist', { product_id: table, product_variant_id: 999_999 }, token);
    expect(missing.status).toBe(400);
    const bad = await http.post('/wishlist', { product_id: 'table', product_variant_id: -1 }, token);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details).sort()).toEqual(['product_id', 'product_variant_id']);
    const none = await http.post('/wishlist', {}, token);
    expect(Object.keys(none.body.details)).toEqual(['product_id']);
    const unknown = await http.post('/wishlist', { product_id: 999_999 }, token);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('NOT_FOUND');
    expect((await http.get('/wishlist', token)).body.data.items).toEqual([]);
  });

  it("removes an item (204); another user's item is not found (404)", async () => {
    const owner = await registerCustomer(app);
    const other = await registerCustomer(app);
    const item = (await http.post('/wishlist', { product_id: ids.get('sofa-linen-3-seater') }, owner.token))
      .body.data.item;
    expect((await http.get('/wishlist', other.token)).body.data.items).toEqual([]);
    const foreign = await http.del(`/wishlist/${item.id}`, other.token);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toMatchObject({ success: false, code: 'NOT_FOUND' });
    expect((await http.get('/wishlist', owner.token)).body.data.items).toHaveLength(1);
    const removed = await http.del(`/wishlist/${item.id}`, owner.token);
    expect(removed.status).toBe(204);
    expect(removed.body).toBe('');
    expect((await http.del(`/wishlist/${item.id}`, owner.token)).status).toBe(404);
    expect((await http.del('/wishlist/abc', owner.token)).status).toBe(400);
    expect((await http.get('/wishlist', owner.token)).body.data.items).toEqual([]);
  });
});

describe('POST /wishlist/{id}/move-to-cart', () => {
  const cartLines = (accountId: number) =>
    sql<{ variant_id: number; quantity: number }>(
      app,
      `select ci.variant_id, ci.quantity from cart_item ci join cart c on c.id = ci.cart_id
       where c.account_id = ? order by ci.id`,
      [accountId],
    );

  it('puts the saved variant in the cart and takes it off the wishlist', async () => {
    const customer = await registerCustomer(app);
    const variant = skus.get('CHAIR-MAH-WAL-M')!;
    const item = (
      await http.post(
        '/wishlist',
        { product_id: ids.get('dining-chair-mahogany'), product_variant_id: variant },
        customer.token,
      )
    ).body.data.item;
    const res = await http.post(`/wishlist/${item.id}/move-to-cart`, { quantity: 2 }, customer.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toEqual({
      message: 'Item moved to cart',
      cart_id: expect.any(Number),
      product_variant_id: variant,
      quantity: 2,
    });
    expect(await cartLines(customer.id)).toEqual([{ variant_id: variant, quantity: 2 }]);
    expect((await http.get('/wishlist', customer.token)).body.data.items).toEqual([]);
  });

  it('uses the only visible variant of a product saved without one, else needs product_variant_id', async () => {
    const customer = await registerCustomer(app);
    // the lounger's second variant is hidden: its only visible one is chosen
    const lounger = (
      await http.post('/wishlist', { product_id: ids.get('sun-lounger-bamboo') }, customer.token)
    ).body.data.item;
    const moved = await http.post(`/wishlist/${lounger.id}/move-to-cart`, {}, customer.token);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.data).toMatchObject({ product_variant_id: skus.get('LOUNGER-BAM-NAT-L'), quantity: 1 });

    const desk = (
      await http.post('/wishlist', { product_id: ids.get('standing-desk-walnut') }, customer.token)
    ).body.data.item;
    const ambiguous = await http.post(`/wishlist/${desk.id}/move-to-cart`, { quantity: 1 }, customer.token);
    expect(ambiguous.status).toBe(400);
    expect(Object.keys(ambiguous.body.details)).toEqual(['product_variant_id']);
    const foreign = await http.post(
      `/wishlist/${desk.id}/move-to-cart`,
      { quantity: 1, product_variant_id: skus.get('CHAIR-MAH-NAT-M') },
      customer.token,
    );
    expect(foreign.status).toBe(400);
    const chosen = await http.post(
      `/wishlist/${desk.id}/move-to-cart`,
      { quantity: 1, product_variant_id: skus.get('DESK-STD-BLK-L') },
      customer.token,
    );
    expect(chosen.status).toBe(200);
    expect(await cartLines(customer.id)).toEqual([
      { variant_id: skus.get('LOUNGER-BAM-NAT-L'), quantity: 1 },
      { variant_id: skus.get('DESK-STD-BLK-L'), quantity: 1 },
    ]);
  });

  it('keeps the item when the cart refuses (stock) and hides other users\u2019 items (404)', async () => {
    const customer = await registerCustomer(app);
    const other = await registerCustomer(app);
    const item = (
      await http.post(
        '/wishlist',
        { product_id: ids.get('dining-table-oak'), product_variant_id: skus.get('TABLE-OAK-WAL-GLS-L') },
        customer.token,
      )
    ).body.data.item;
    const soldOut = await http.post(`/wishlist/${item.id}/move-to-cart`, { quantity: 1 }, customer.token);
    expect(soldOut.status).toBe(400);
    expect(soldOut.body.details).toHaveProperty('quantity');
    expect((await http.get('/wishlist', customer.token)).body.data.items).toHaveLength(1);
    expect(await cartLines(customer.id)).toEqual([]);
    const foreign = await http.post(`/wishlist/${item.id}/move-to-cart`, { quantity: 1 }, other.token);
    expect(foreign.status).toBe(404);
    const bad = await http.post(`/wishlist/${item.id}/move-to-cart`, { quantity: 0 }, customer.token);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details)).toEqual(['quantity']);
  });
});
