import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { ansaniaFixtures, PASSWORD } from './cart-fixtures.ts';

// Anonymous REST calls share one budget of 100 per file (the spec's rate limit): users are made
// through the service, and guests appear only where the guest flow is the point.
let app: TestApp;
let fx: ReturnType<typeof ansaniaFixtures>;
beforeAll(async () => {
  app = await startTestApp();
  fx = ansaniaFixtures(app);
});
afterAll(async () => {
  await app.close();
});

type Init = { token?: string; cartToken?: string; cookie?: string };
const api = (path: string) => `/t/ansania/api${path}`;
const call = (method: string, path: string, body: unknown, init: Init = {}) =>
  app.request(method, api(path), {
    ...(body !== undefined && { body }),
    ...(init.token && { token: init.token }),
    headers: {
      ...(init.cartToken && { 'x-cart-token': init.cartToken }),
      ...(init.cookie && { cookie: init.cookie }),
    },
  });
const getCart = (init?: Init) => call('GET', '/cart', undefined, init);
const add = (product_variant_id: number, quantity: number, init?: Init) =>
  call('POST', '/cart/items', { product_variant_id, quantity }, init);
const update = (id: number, quantity: number, init?: Init) =>
  call('PUT', `/cart/items/${id}`, { quantity }, init);
const remove = (id: number, init?: Init) => call('DELETE', `/cart/items/${id}`, undefined, init);
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const cartsOf = (accountId: number) =>
  fx.sql<{ id: number }>('select id from cart where account_id = ?', [accountId]);

const EMPTY = {
  id: null,
  items: [],
  subtotal: 0,
  discount_amount: 0,
  voucher: null,
  total: 0,
  voucher_issue: null,
};

describe('guest cart', () => {
  it('is empty (id null) before the first add', async () => {
    const res = await getCart();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      data: { cart: EMPTY },
      meta: { timestamp: expect.any(String) },
    });
  });

  it('is created by the first add: the token comes back as X-Cart-Token and cookie, only its hash is stored', async () => {
    const table = await fx.variant({ price: 3_500_000, stock: 10 });
    const res = await add(table.id, 2);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const token = res.headers.get('x-cart-token')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toContain(`cart_token=${token}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=2592000/);
    expect(res.body.data).toEqual({
      cart: {
        id: expect.any(Number),
        items: [
          {
            id: expect.any(Number),
            product: { id: table.productId, name: table.name, slug: table.slug, image: table.image },
            variant: { id: table.id, sku: table.sku, color: 'Natural', finishing: 'Matte', size: 'Large' },
            quantity: 2,
            price: 3_500_000,
            subtotal: 7_000_000,
            stock_available: 10,
          },
        ],
        subtotal: 7_000_000,
        discount_amount: 0,
        voucher: null,
        total: 7_000_000,
        voucher_issue: null,
      },
    });
    const stored = await fx.sql<{ guest_token_hash: string; account_id: number | null }>(
      'select guest_token_hash, account_id from cart where id = ?',
      [res.body.data.cart.id],
    );
    expect(stored).toEqual([{ guest_token_hash: sha256(token), account_id: null }]);

    // The same variant again grows the line; the token is not handed out twice.
    const again = await add(table.id, 3, { cartToken: token });
    expect(again.status).toBe(201);
    expect(again.headers.get('x-cart-token')).toBeNull();
    expect(again.body.data.cart.id).toBe(res.body.data.cart.id);
    expect(again.body.data.cart.items).toHaveLength(1);
    expect(again.body.data.cart.items[0]).toMatchObject({ quantity: 5, subtotal: 17_500_000 });

    const chair = await fx.variant({ price: 750_000, stock: 4, image: null });
    const withChair = await add(chair.id, 1, { cartToken: token });
    const chairLine = withChair.body.data.cart.items[1];
    expect(chairLine).toMatchObject({ product: { image: null }, quantity: 1 });
    expect(withChair.body.data.cart).toMatchObject({ subtotal: 18_250_000, total: 18_250_000 });

    const updated = await update(chairLine.id, 4, { cartToken: token });
    expect(updated.status).toBe(200);
    expect(updated.body.data.cart.items[1]).toMatchObject({ quantity: 4, subtotal: 3_000_000 });

    const removed = await remove(chairLine.id, { cartToken: token });
    expect(removed.status).toBe(204);
    expect(removed.body).toBe('');
    const read = await getCart({ cartToken: token });
    expect(read.body.data.cart.items.map((i: { id: number }) => i.id)).toEqual([
      again.body.data.cart.items[0].id,
    ]);
  });

  it('is found by the cart_token cookie as well', async () => {
    const table = await fx.variant();
    const first = await add(table.id, 1);
    const token = first.headers.get('x-cart-token')!;
    const next = await add(table.id, 1, { cookie: `cart_token=${token}` });
    expect(next.status).toBe(201);
    expect(next.body.data.cart.id).toBe(first.body.data.cart.id);
    const read = await getCart({ cookie: `theme=dark; cart_token=${token}` });
    expect(read.body.data.cart.items[0].quantity).toBe(2);
  });

  it('never adopts a token the client made up: an unknown token gets a new cart and token', async () => {
    const table = await fx.variant();
    const madeUp = 'A'.repeat(43);
    const res = await add(table.id, 1, { cartToken: madeUp });
    expect(res.status).toBe(201);
    const token = res.headers.get('x-cart-token');
    expect(token).toBeTruthy();
    expect(token).not.toBe(madeUp);
    expect(await fx.sql('select id from cart where guest_token_hash = ?', [sha256(madeUp)])).toEqual([]);
  });

  it('also works through tRPC, with the token in the response headers', async () => {
    const table = await fx.variant();
    const res = await app.request('POST', '/t/ansania/trpc/cart.addItem', {
      body: { json: { product_variant_id: table.id, quantity: 1 } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const token = res.headers.get('x-cart-token')!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const read = await getCart({ cartToken: token });
    expect(read.body.data.cart.items[0].variant.id).toBe(table.id);
  });
});

describe('cart rules', () => {
  it('validates input and refuses unknown or hidden variants, naming the field', async () => {
    const { token } = await fx.user();
    const hidden = await fx.variant({ visible: false });
    const zero = await add(hidden.id, 0, { token });
    expect(zero.status).toBe(400);
    expect(zero.body).toMatchObject({ success: false, code: 'VALIDATION_ERROR' });
    expect(Object.keys(zero.body.details)).toEqual(['quantity']);
    for (const variantId of [hidden.id, 999_999]) {
      const res = await add(variantId, 1, { token });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        code: 'VALIDATION_ERROR',
        details: { product_variant_id: expect.any(Array) },
      });
    }
    const missing = await call('POST', '/cart/items', {}, { token });
    expect(Object.keys(missing.body.details).sort()).toEqual(['product_variant_id', 'quantity']);
    expect(await fx.user().then((u) => cartsOf(u.id))).toEqual([]);
  });

  it('never lets a line exceed the stock (add, add again, update): 400 INSUFFICIENT_STOCK on quantity', async () => {
    const { token } = await fx.user();
    const table = await fx.variant({ stock: 3 });
    const tooMany = await add(table.id, 4, { token });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({
      success: false,
      error: 'Insufficient stock',
      code: 'INSUFFICIENT_STOCK',
      details: { quantity: ['Only 3 in stock.'] },
    });
    const ok = await add(table.id, 2, { token });
    expect(ok.status).toBe(201);
    const more = await add(table.id, 2, { token });
    expect(more.status).toBe(400);
    expect(more.body.details.quantity).toEqual(['Only 3 in stock and 2 already in your cart.']);
    const line = ok.body.data.cart.items[0];
    expect((await update(line.id, 4, { token })).body.code).toBe('INSUFFICIENT_STOCK');
    expect((await update(line.id, 0, { token })).body.code).toBe('VALIDATION_ERROR');
    expect((await update(line.id, 3, { token })).body.data.cart.items[0].quantity).toBe(3);

    const soldOut = await fx.variant({ stock: 0 });
    const none = await add(soldOut.id, 1, { token });
    expect(none.body.details.quantity).toEqual(['This product variant is out of stock.']);
  });

  it('prices from the variant, never from the client, and shows the current stock', async () => {
    const { token } = await fx.user();
    const table = await fx.variant({ price: 1_000_000, stock: 5 });
    const res = await call(
      'POST',
      '/cart/items',
      { product_variant_id: table.id, quantity: 2, price: 1, subtotal: 2 },
      { token },
    );
    expect(res.body.data.cart).toMatchObject({ subtotal: 2_000_000, total: 2_000_000 });
    await fx.sql('update product_variant set price = 1200000, stock = 4 where id = ?', [table.id]);
    const read = await getCart({ token });
    expect(read.body.data.cart.items[0]).toMatchObject({
      price: 1_200_000,
      subtotal: 2_400_000,
      stock_available: 4,
    });
    expect(read.body.data.cart.total).toBe(2_400_000);
    await fx.sql('update product_variant set is_visible = false where id = ?', [table.id]);
    expect((await getCart({ token })).body.data.cart.items[0].stock_available).toBe(0);
  });

  it("reports another cart's item as not found (update and delete)", async () => {
    const alice = await fx.user();
    const bob = await fx.user();
    const table = await fx.variant();
    const aliceCart = await add(table.id, 1, { token: alice.token });
    const itemId = aliceCart.body.data.cart.items[0].id;
    await add(table.id, 1, { token: bob.token });
    for (const res of [
      await update(itemId, 2, { token: bob.token }),
      await remove(itemId, { token: bob.token }),
      await remove(itemId), // a guest without a cart
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ success: false, code: 'NOT_FOUND', error: 'Cart item not found' });
    }
    expect((await getCart({ token: alice.token })).body.data.cart.items[0].quantity).toBe(1);
    expect((await remove(itemId, { token: alice.token })).status).toBe(204);
    expect((await remove(itemId, { token: alice.token })).status).toBe(404);
  });

  it('keeps one cart per user, and a user never sees a guest cart', async () => {
    const { id, token } = await fx.user();
    expect((await getCart({ token })).body.data.cart).toEqual(EMPTY);
    const table = await fx.variant();
    const res = await add(table.id, 1, { token });
    expect(res.headers.get('x-cart-token')).toBeNull();
    await add(table.id, 1, { token });
    expect(await cartsOf(id)).toHaveLength(1);
  });

  it('requires a token for applying and removing vouchers', async () => {
    const apply = await call('POST', '/cart/apply-voucher', { code: 'WELCOME10' });
    expect(apply.status).toBe(401);
    expect(apply.body).toMatchObject({ success: false, code: 'UNAUTHORIZED' });
    const drop = await call('DELETE', '/cart/remove-voucher', undefined);
    expect(drop.status).toBe(401);
  });
});

describe('merging a guest cart', () => {
  it('merges at login: quantities summed and capped at stock, the guest cart deleted, the cookie dropped', async () => {
    const shopper = await fx.user();
    const table = await fx.variant({ stock: 3 });
    const chair = await fx.variant({ stock: 5 });
    const hidden = await fx.variant({ stock: 5 });
    await add(table.id, 2, { token: shopper.token });

    const guest = await add(table.id, 2);
    const cartToken = guest.headers.get('x-cart-token')!;
    await add(chair.id, 1, { cartToken });
    await add(hidden.id, 1, { cartToken });
    await fx.sql('update product_variant set is_visible = false where id = ?', [hidden.id]);
    const guestCartId = guest.body.data.cart.id;

    const login = await call(
      'POST',
      '/auth/login',
      { email: shopper.email, password: PASSWORD },
      { cartToken },
    );
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    expect(login.headers.get('set-cookie')).toMatch(/cart_token=;.*Max-Age=0/);
    expect(await fx.sql('select id from cart where id = ?', [guestCartId])).toEqual([]);
    expect(await fx.sql('select id from cart_item where cart_id = ?', [guestCartId])).toEqual([]);

    const mine = await getCart({ token: login.body.data.token });
    expect(
      mine.body.data.cart.items.map((i: { variant: { id: number }; quantity: number }) => [
        i.variant.id,
        i.quantity,
      ]),
    ).toEqual([
      [table.id, 3], // 2 + 2, capped at the stock of 3
      [chair.id, 1],
    ]);
    // The old token names nothing any more.
    expect((await getCart({ cartToken })).body.data.cart).toEqual(EMPTY);
  });

  it('merges on any cart call made with both a Bearer token and a cart token', async () => {
    const shopper = await fx.user();
    const table = await fx.variant({ stock: 10 });
    const guest = await add(table.id, 4);
    const cartToken = guest.headers.get('x-cart-token')!;
    const res = await getCart({ token: shopper.token, cartToken });
    expect(res.body.data.cart.items[0]).toMatchObject({ quantity: 4 });
    expect(res.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect(await cartsOf(shopper.id)).toEqual([{ id: res.body.data.cart.id }]);
    // A second merge of the same token is a no-op.
    const again = await add(table.id, 1, { token: shopper.token, cartToken });
    expect(again.body.data.cart.items[0].quantity).toBe(5);
  });

  it('merges once when several signed-in calls carry the same cart token at the same time', async () => {
    const shopper = await fx.user();
    const table = await fx.variant({ stock: 10 });
    const cartToken = (await add(table.id, 3)).headers.get('x-cart-token')!;
    const results = await Promise.all(
      Array.from({ length: 6 }, () => getCart({ token: shopper.token, cartToken })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect((await getCart({ token: shopper.token })).body.data.cart.items[0].quantity).toBe(3);
    expect(await cartsOf(shopper.id)).toHaveLength(1);
  });
});

describe('cart concurrency', () => {
  it('20 concurrent first adds of one variant: one cart, one line, quantity capped by stock', async () => {
    const { id, token } = await fx.user();
    const table = await fx.variant({ stock: 15 });
    const results = await Promise.all(Array.from({ length: 20 }, () => add(table.id, 1, { token })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(15);
    expect(results.filter((r) => r.status === 400).map((r) => r.body.code)).toEqual(
      Array(5).fill('INSUFFICIENT_STOCK'),
    );
    const carts = await cartsOf(id);
    expect(carts).toHaveLength(1);
    const lines = await fx.sql<{ quantity: number }>('select quantity from cart_item where cart_id = ?', [
      carts[0]!.id,
    ]);
    expect(lines).toEqual([{ quantity: 15 }]);
  });

  it('20 concurrent adds within stock are all summed into one line', async () => {
    const { id, token } = await fx.user();
    const table = await fx.variant({ stock: 100 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => add(table.id, (i % 3) + 1, { token })),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const [cart] = await cartsOf(id);
    const lines = await fx.sql('select quantity from cart_item where cart_id = ?', [cart!.id]);
    expect(lines).toEqual([
      { quantity: Array.from({ length: 20 }, (_, i) => (i % 3) + 1).reduce((a, b) => a + b) },
    ]);
  });

  it('concurrent guest adds with one token land in that one cart', async () => {
    const table = await fx.variant({ stock: 50 });
    const first = await add(table.id, 1);
    const cartToken = first.headers.get('x-cart-token')!;
    const results = await Promise.all(Array.from({ length: 10 }, () => add(table.id, 2, { cartToken })));
    expect(results.every((r) => r.status === 201 && r.body.data.cart.id === first.body.data.cart.id)).toBe(
      true,
    );
    expect((await getCart({ cartToken })).body.data.cart.items[0].quantity).toBe(21);
  });
});
