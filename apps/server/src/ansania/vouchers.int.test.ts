import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { ansaniaFixtures } from './cart-fixtures.ts';

let app: TestApp;
let fx: ReturnType<typeof ansaniaFixtures>;
const DAY = 86_400_000;

/** Test-only vouchers next to the seeded WELCOME10, FREESHIP and EXPIRED5. */
async function voucher(code: string, fields: Record<string, unknown> = {}) {
  const row = {
    name: `Voucher ${code}`,
    discount_type: 'percentage',
    discount_value: 1000,
    min_purchase_amount: 0,
    is_public: true,
    active: true,
    ...fields,
  };
  const columns = Object.keys(row);
  const [created] = await fx.sql<{ id: number }>(
    `insert into voucher (tenant_id, code, created_at, ${columns.join(', ')})
     values (?, ?, now(), ${columns.map(() => '?').join(', ')}) returning id`,
    [(await fx.tenant()).id, code, ...Object.values(row)],
  );
  return created!.id;
}

let orderIds = 1_000;
async function redeemed(code: string, accountId: number, status: 'active' | 'void' = 'active') {
  await fx.sql(
    `insert into voucher_redemption (tenant_id, voucher_id, account_id, order_id, status, created_at)
     select tenant_id, id, ?, ?, ?, now() from voucher where code = ?`,
    [accountId, ++orderIds, status, code],
  );
}

beforeAll(async () => {
  app = await startTestApp();
  fx = ansaniaFixtures(app);
  const now = Date.now();
  await voucher('NOTYET', { starts_at: new Date(now + 10 * DAY) });
  await voucher('PAUSED', { active: false });
  await voucher('SOLDOUT', { usage_limit: 5, used_count: 5 });
  await voucher('PARTNER50K', { discount_type: 'fixed', discount_value: 50_000, is_public: false });
  await voucher('TWICE', { per_customer_limit: 2, ends_at: new Date(now + 5 * DAY) });
});
afterAll(async () => {
  await app.close();
});

const api = (path: string) => `/t/ansania/api${path}`;
const post = (path: string, body: unknown, token?: string) =>
  app.request('POST', api(path), { body, ...(token && { token }) });
const get = (path: string, token?: string) => app.request('GET', api(path), token ? { token } : {});
const put = (path: string, body: unknown, token: string) => app.request('PUT', api(path), { body, token });
const del = (path: string, token?: string) => app.request('DELETE', api(path), token ? { token } : {});
const validate = (code: string, cart_total: number, token: string) =>
  post('/vouchers/validate', { code, cart_total }, token);
const codes = (res: { body: { data: { vouchers: { code: string }[] } } }) =>
  res.body.data.vouchers.map((v) => v.code);

/** A user whose cart holds `quantity` × a 350,000 variant. */
async function shopperWithCart(quantity: number) {
  const shopper = await fx.user();
  const table = await fx.variant({ price: 350_000, stock: 20 });
  const res = await post('/cart/items', { product_variant_id: table.id, quantity }, shopper.token);
  expect(res.status).toBe(201);
  return { ...shopper, itemId: res.body.data.cart.items[0].id as number };
}

describe('GET /vouchers/available', () => {
  it('lists public vouchers in their window with uses left, in the documented shape', async () => {
    const { token } = await fx.user();
    const res = await get('/vouchers/available', token);
    expect(res.status).toBe(200);
    expect(codes(res)).toEqual(['TWICE', 'FREESHIP', 'WELCOME10']); // soonest end first
    const welcome = res.body.data.vouchers.find((v: { code: string }) => v.code === 'WELCOME10');
    expect(welcome).toEqual({
      code: 'WELCOME10',
      name: 'Welcome Discount 10%',
      description: 'Get 10% off for your first order',
      discount_type: 'percentage',
      discount_value: 10,
      max_discount_amount: 100_000,
      min_purchase_amount: 500_000,
      start_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      end_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      usage_remaining: 1,
    });
    expect(new Date(welcome.start_date).getTime()).toBeLessThan(Date.now());
    expect(new Date(welcome.end_date).getTime()).toBeGreaterThan(Date.now() + 300 * DAY);
    const freeShip = res.body.data.vouchers.find((v: { code: string }) => v.code === 'FREESHIP');
    expect(freeShip).toMatchObject({
      discount_type: 'free_shipping',
      discount_value: 0,
      usage_remaining: null,
    });
  });

  it("counts the customer's active redemptions (voided ones are given back)", async () => {
    const { id, token } = await fx.user();
    await redeemed('WELCOME10', id);
    await redeemed('TWICE', id);
    await redeemed('TWICE', id, 'void');
    const res = await get('/vouchers/available', token);
    expect(codes(res)).toEqual(['TWICE', 'FREESHIP']);
    expect(res.body.data.vouchers[0].usage_remaining).toBe(1);
  });

  it('requires a token', async () => {
    expect((await get('/vouchers/available')).status).toBe(401);
  });
});

describe('POST /vouchers/validate', () => {
  it('answers the documented valid shape, with the percentage capped by max_discount_amount', async () => {
    const { token } = await fx.user();
    const res = await validate(' welcome10 ', 700_000, token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      data: {
        valid: true,
        voucher: {
          code: 'WELCOME10',
          discount_type: 'percentage',
          discount_value: 10,
          discount_amount: 70_000,
        },
      },
      meta: { timestamp: expect.any(String) },
    });
    expect((await validate('WELCOME10', 5_000_000, token)).body.data.voucher.discount_amount).toBe(100_000);
    expect((await validate('FREESHIP', 100_000, token)).body.data.voucher).toEqual({
      code: 'FREESHIP',
      discount_type: 'free_shipping',
      discount_value: 0,
      discount_amount: 0, // the cart has no shipping yet; checkout covers it
    });
    expect((await validate('PARTNER50K', 30_000, token)).body.data.voucher).toMatchObject({
      discount_type: 'fixed',
      discount_value: 50_000,
      discount_amount: 30_000, // never more than the items
    });
  });

  it('answers 400 with the rule’s code for every refusal, as the spec’s invalid example', async () => {
    const { id, token } = await fx.user();
    const expired = await validate('EXPIRED5', 700_000, token);
    expect(expired.status).toBe(400);
    expect(expired.body).toEqual({
      success: false,
      error: 'Voucher has expired',
      code: 'VOUCHER_EXPIRED',
      details: { code: ['Voucher has expired'] },
      meta: { timestamp: expect.any(String) },
    });
    const refusals: [string, number, string][] = [
      ['WELCOME10', 499_999, 'VOUCHER_MIN_PURCHASE'],
      ['NOTYET', 700_000, 'VOUCHER_NOT_STARTED'],
      ['PAUSED', 700_000, 'VOUCHER_INACTIVE'],
      ['SOLDOUT', 700_000, 'VOUCHER_USAGE_LIMIT'],
    ];
    for (const [code, total, expected] of refusals) {
      const res = await validate(code, total, token);
      expect([res.status, res.body.code], code).toEqual([400, expected]);
    }
    expect((await validate('WELCOME10', 500_000, token)).status).toBe(200); // the minimum itself is enough
    await redeemed('WELCOME10', id);
    const used = await validate('WELCOME10', 700_000, token);
    expect([used.status, used.body.code]).toEqual([400, 'VOUCHER_CUSTOMER_LIMIT']);
  });

  it('answers 404 VOUCHER_NOT_FOUND for an unknown code and 400 for bad input', async () => {
    const { token } = await fx.user();
    const unknown = await validate('NOPE', 700_000, token);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      success: false,
      code: 'VOUCHER_NOT_FOUND',
      error: 'Voucher not found',
    });
    const bad = await post('/vouchers/validate', { code: '', cart_total: -1 }, token);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details).sort()).toEqual(['cart_total', 'code']);
    expect((await post('/vouchers/validate', { code: 'WELCOME10', cart_total: 1 })).status).toBe(401);
  });
});

describe('cart vouchers', () => {
  it('applies a voucher to the cart (documented shape), replaces it with another, removes it', async () => {
    const { token } = await shopperWithCart(2); // 700,000
    const res = await post('/cart/apply-voucher', { code: 'welcome10' }, token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const discount = {
      code: 'WELCOME10',
      discount_type: 'percentage',
      discount_value: 10,
      discount_amount: 70_000,
    };
    expect(res.body.data.voucher).toEqual(discount);
    expect(res.body.data.cart).toMatchObject({
      subtotal: 700_000,
      discount_amount: 70_000,
      voucher: discount,
      total: 630_000,
      voucher_issue: null,
    });
    expect((await get('/cart', token)).body.data.cart).toMatchObject({ voucher: discount, total: 630_000 });

    const freeShip = await post('/cart/apply-voucher', { code: 'FREESHIP' }, token);
    expect(freeShip.body.data.cart).toMatchObject({
      voucher: { code: 'FREESHIP', discount_type: 'free_shipping' },
      discount_amount: 0,
      total: 700_000,
    });

    const removed = await del('/cart/remove-voucher', token);
    expect(removed.status).toBe(200);
    expect(removed.body.data.cart).toMatchObject({ voucher: null, discount_amount: 0, total: 700_000 });
  });

  it('refuses with the rule’s code and keeps the voucher already applied', async () => {
    const shopper = await shopperWithCart(1); // 350,000
    expect((await post('/cart/apply-voucher', { code: 'FREESHIP' }, shopper.token)).status).toBe(200);
    const refusals: [string, number, string][] = [
      ['WELCOME10', 400, 'VOUCHER_MIN_PURCHASE'],
      ['EXPIRED5', 400, 'VOUCHER_EXPIRED'],
      ['SOLDOUT', 400, 'VOUCHER_USAGE_LIMIT'],
      ['NOPE', 404, 'VOUCHER_NOT_FOUND'],
    ];
    for (const [code, status, expected] of refusals) {
      const res = await post('/cart/apply-voucher', { code }, shopper.token);
      expect([res.status, res.body.code], code).toEqual([status, expected]);
    }
    expect((await get('/cart', shopper.token)).body.data.cart.voucher.code).toBe('FREESHIP');

    await redeemed('TWICE', shopper.id);
    expect((await post('/cart/apply-voucher', { code: 'TWICE' }, shopper.token)).status).toBe(200);
    await redeemed('TWICE', shopper.id);
    const limit = await post('/cart/apply-voucher', { code: 'TWICE' }, shopper.token);
    expect(limit.body.code).toBe('VOUCHER_CUSTOMER_LIMIT');
  });

  it('re-evaluates the applied voucher on every read: shown with a reason while it does not apply', async () => {
    const { token, itemId } = await shopperWithCart(2);
    await post('/cart/apply-voucher', { code: 'WELCOME10' }, token);
    const below = await put(`/cart/items/${itemId}`, { quantity: 1 }, token);
    expect(below.body.data.cart).toMatchObject({
      subtotal: 350_000,
      discount_amount: 0,
      voucher: null,
      total: 350_000,
      voucher_issue: {
        voucher_code: 'WELCOME10',
        code: 'VOUCHER_MIN_PURCHASE',
        message: 'Minimum purchase of 500000 not reached',
      },
    });
    const back = await put(`/cart/items/${itemId}`, { quantity: 5 }, token); // 1,750,000: 10% capped
    expect(back.body.data.cart).toMatchObject({
      subtotal: 1_750_000,
      discount_amount: 100_000,
      voucher: { code: 'WELCOME10', discount_amount: 100_000 },
      total: 1_650_000,
      voucher_issue: null,
    });
    await fx.sql(`update voucher set active = false where code = 'WELCOME10'`);
    try {
      const paused = await get('/cart', token);
      expect(paused.body.data.cart).toMatchObject({
        voucher: null,
        voucher_issue: { code: 'VOUCHER_INACTIVE' },
      });
    } finally {
      await fx.sql(`update voucher set active = true where code = 'WELCOME10'`);
    }
  });

  it('applies an unlisted (affiliate) code by name, and an empty cart can hold FREESHIP', async () => {
    const { token } = await shopperWithCart(1);
    const res = await post('/cart/apply-voucher', { code: 'PARTNER50K' }, token);
    expect(res.body.data.cart).toMatchObject({ discount_amount: 50_000, total: 300_000 });
    const empty = await fx.user();
    const free = await post('/cart/apply-voucher', { code: 'FREESHIP' }, empty.token);
    expect(free.status).toBe(200);
    expect(free.body.data.cart).toMatchObject({ id: expect.any(Number), items: [], total: 0 });
  });
});

describe('voucher redemption (what checkout uses)', () => {
  const redeem = async (code: string, accountId: number, orderId: number) => {
    const scope = await fx.scope();
    return scope.em.transactional((em) =>
      app.services.vouchers.redeem(
        { ...scope, em: em as typeof scope.em },
        { code, accountId, orderId, subtotal: 1_000_000, shippingCost: 25_000 },
      ),
    );
  };
  const usedCount = async (code: string) =>
    (await fx.sql<{ used_count: number }>('select used_count from voucher where code = ?', [code]))[0]!
      .used_count;

  it('holds the global limit under concurrent checkouts and gives uses back on release', async () => {
    await voucher('FIRST3', { usage_limit: 3 });
    const buyers = await Promise.all(Array.from({ length: 8 }, () => fx.user()));
    const results = await Promise.allSettled(buyers.map((b, i) => redeem('FIRST3', b.id, 5_000 + i)));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(3);
    for (const r of results) {
      if (r.status === 'rejected') {
        expect((r.reason as { details?: unknown }).details).toEqual({ code: 'VOUCHER_USAGE_LIMIT' });
      }
    }
    expect(await usedCount('FIRST3')).toBe(3);

    const winner = results.findIndex((r) => r.status === 'fulfilled');
    const scope = await fx.scope();
    await app.services.vouchers.release(scope, 5_000 + winner);
    await app.services.vouchers.release(scope, 5_000 + winner); // idempotent
    expect(await usedCount('FIRST3')).toBe(2);
  });

  it('holds the per-customer limit under concurrent checkouts of one customer', async () => {
    const buyer = await fx.user();
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => redeem('WELCOME10', buyer.id, 6_000 + i)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const won = results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{
      discountAmount: number;
    }>;
    expect(won.value.discountAmount).toBe(100_000);
    const rows = await fx.sql('select order_id from voucher_redemption where account_id = ?', [buyer.id]);
    expect(rows).toHaveLength(1);
  });
});
