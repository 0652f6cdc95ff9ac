import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_OPERATIONS } from '../console/console.fixtures.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { ansaniaFixtures } from './cart-fixtures.ts';

// Voucher-code affiliates (affiliate-marketer profile, served by the ansania tenant next to its shop).
// Orders are written straight to the database and settled by calling the service: checkout is built
// separately and calls onOrderPaid / onOrderReversed from its settlement.

let app: TestApp;
let fx: ReturnType<typeof ansaniaFixtures>;
let admin: string;
let darmawan: { id: number; token: string };
let products: { a: { productId: number; name: string }; b: { productId: number; name: string } };

const api = (path: string) => `/t/ansania/api${path}`;
const get = (path: string, token?: string) => app.request('GET', api(path), token ? { token } : {});
const post = (path: string, body: unknown, token?: string) =>
  app.request('POST', api(path), { body, ...(token && { token }) });
const put = (path: string, body: unknown, token?: string) =>
  app.request('PUT', api(path), { body, ...(token && { token }) });

async function tokenFor(email: string) {
  const s = await fx.scope();
  const [row] = await fx.sql<{ id: number; roles: string[] }>(
    'select id, roles from account where tenant_id = ? and email = ?',
    [(await fx.tenant()).id, email],
  );
  const tokens = await app.services.identity.issueTokens(s, { id: row!.id, roles: row!.roles as never });
  return { id: row!.id, token: tokens.accessToken };
}

let orderSeq = 0;
/** A shop order with the given lines, in `status`, paid at `paidAt`. */
async function order(o: {
  code: string | null;
  lines: [productId: number, unitPrice: number, quantity: number][];
  discount: number;
  shipping: number;
  status?: string;
  paidAt?: Date;
}) {
  const { id: tenantId } = await fx.tenant();
  const customer = await fx.user();
  const subtotal = o.lines.reduce((s, [, price, qty]) => s + price * qty, 0);
  const total = subtotal - o.discount + o.shipping;
  const paidAt = o.paidAt ?? new Date();
  const [row] = await fx.sql<{ id: number }>(
    `insert into customer_order (tenant_id, account_id, status, total_amount, currency, payment_method, customer_name,
       created_at, paid_at, order_number, subtotal, discount, shipping_cost, shipping_discount, voucher_code)
     values (?, ?, ?, ?, 'IDR', 'virtual_account', 'Customer', ?, ?, ?, ?, ?, ?, 0, ?) returning id`,
    [
      tenantId,
      customer.id,
      o.status ?? 'paid',
      total,
      paidAt,
      paidAt,
      `ORD-AFF-${++orderSeq}-${Date.now()}`,
      subtotal,
      o.discount,
      o.shipping,
      o.code,
    ],
  );
  for (const [productId, price, qty] of o.lines) {
    await fx.sql(
      `insert into order_item (tenant_id, order_id, product_id, product_name, unit_price, quantity, amount)
       values (?, ?, ?, 'snapshot', ?, ?, ?)`,
      [tenantId, row!.id, productId, price, qty, price * qty],
    );
  }
  return row!.id;
}

async function paid(orderId: number) {
  const s = await fx.scope();
  await s.em.transactional((em) =>
    app.services.affiliateCommissions.onOrderPaid({ ...s, em: em as typeof s.em }, orderId),
  );
}
async function reversed(orderId: number) {
  const s = await fx.scope();
  await s.em.transactional((em) =>
    app.services.affiliateCommissions.onOrderReversed({ ...s, em: em as typeof s.em }, orderId),
  );
}
async function commissionRows(orderId: number) {
  return fx.sql<{ amount: string; reversed_at: Date | null; beneficiary_id: number; kind: string }>(
    'select amount::text, reversed_at, beneficiary_id, kind from commission where order_id = ?',
    [orderId],
  );
}
async function balance(accountId: number) {
  return app.services.affiliateCommissions.balance(await fx.scope(), accountId);
}

beforeAll(async () => {
  app = await startTestApp();
  fx = ansaniaFixtures(app);
  admin = (await tokenFor('admin@ansania.demo')).token;
  darmawan = await tokenFor('darmawan@ansania.demo');
  const a = await fx.variant({ price: 350_000 });
  const b = await fx.variant({ price: 1_000_000 });
  products = { a: { productId: a.productId, name: a.name }, b: { productId: b.productId, name: b.name } };
});
afterAll(async () => {
  await app?.close();
});

// 2 × 350,000 + 1 × 1,000,000 = 1,700,000 items, 10% off = 170,000, shipping 50,000:
// pre-discount total 1,750,000 → 5% commission 87,500.
const standardLines = (): [number, number, number][] => [
  [products.a.productId, 350_000, 2],
  [products.b.productId, 1_000_000, 1],
];

describe('affiliate commissions (service)', () => {
  it('posts commission % of the pre-discount total once, under repeats and concurrency', async () => {
    const id = await order({
      code: 'DARMAWAN10',
      lines: standardLines(),
      discount: 170_000,
      shipping: 50_000,
    });
    await paid(id);
    await paid(id);
    await Promise.all(Array.from({ length: 5 }, () => paid(id)));
    const rows = await commissionRows(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ amount: '87500', kind: 'affiliate', beneficiary_id: darmawan.id });
    expect(await balance(darmawan.id)).toBe(87_500);
    const [o] = await fx.sql<{ affiliate_account_id: number }>(
      'select affiliate_account_id from customer_order where id = ?',
      [id],
    );
    expect(o!.affiliate_account_id).toBe(darmawan.id);

    // cancelled → reversed once, balance back
    await fx.sql("update customer_order set status = 'cancelled' where id = ?", [id]);
    await Promise.all([reversed(id), reversed(id), reversed(id)]);
    await reversed(id);
    const after = await commissionRows(id);
    expect(after).toHaveLength(1);
    expect(after[0]!.reversed_at).not.toBeNull();
    expect(await balance(darmawan.id)).toBe(0);
    const entries = await fx.sql<{ n: number }>(
      'select count(*)::int as n from ledger_entry where idempotency_key like ?',
      [`order:${id}:affiliate-commission%`],
    );
    expect(entries[0]!.n).toBe(2);
  });

  it('posts nothing for orders without an affiliate code or not paid', async () => {
    const plain = await order({ code: 'WELCOME10', lines: standardLines(), discount: 170_000, shipping: 0 });
    const none = await order({ code: null, lines: standardLines(), discount: 0, shipping: 0 });
    const pending = await order({
      code: 'DARMAWAN10',
      lines: standardLines(),
      discount: 0,
      shipping: 0,
      status: 'pending_payment',
    });
    for (const id of [plain, none, pending]) {
      await paid(id);
      expect(await commissionRows(id)).toEqual([]);
    }
  });
});

describe('affiliate endpoints', () => {
  let marketA: { id: number; token: string };
  const month = (d: Date) =>
    Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', month: 'numeric' }).format(d));
  const year = (d: Date) =>
    Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(d));

  beforeAll(async () => {
    const created = await post(
      '/admin/affiliates',
      {
        name: 'Sari',
        email: 'sari.affiliate@example.com',
        password: 'SariPass123!',
        voucher_code: 'sari15',
        discount_percent: 15,
        commission_percent: 7.5,
      },
      admin,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    marketA = await tokenFor('sari.affiliate@example.com');
    // Darmawan: a fresh set of orders (the first test's order is cancelled and does not count)
    await paid(
      await order({ code: 'DARMAWAN10', lines: standardLines(), discount: 170_000, shipping: 50_000 }),
    );
    await paid(
      await order({
        code: 'DARMAWAN10',
        lines: [[products.a.productId, 350_000, 1]],
        discount: 35_000,
        shipping: 0,
      }),
    );
    // paid 2024-03-01 00:30 in Jakarta (still February in UTC): a March order
    await paid(
      await order({
        code: 'DARMAWAN10',
        lines: [[products.b.productId, 1_000_000, 2]],
        discount: 200_000,
        shipping: 100_000,
        paidAt: new Date('2024-02-29T17:30:00Z'),
      }),
    );
    // Sari's own order
    await paid(
      await order({
        code: 'SARI15',
        lines: [[products.b.productId, 1_000_000, 1]],
        discount: 150_000,
        shipping: 0,
      }),
    );
  });

  it('GET /affiliate/commission: the bare totals of the caller only', async () => {
    const res = await get('/affiliate/commission', darmawan.token);
    expect(res.status).toBe(200);
    // 87,500 + 17,500 + 105,000; pre-discount 1,750,000 + 350,000 + 2,100,000
    expect(res.body).toEqual({ totalCommission: 210_000, totalOrders: 3, totalAmountSold: 4_200_000 });
    const sari = await get('/affiliate/commission', marketA.token);
    // 7.5% of 1,000,000
    expect(sari.body).toEqual({ totalCommission: 75_000, totalOrders: 1, totalAmountSold: 1_000_000 });
  });

  it('GET /affiliate/stats: products sold after discounts', async () => {
    const res = await get('/affiliate/stats', darmawan.token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      totalOrders: 3,
      totalAmountSold: 4_200_000,
      totalCommission: 210_000,
      productsSold: [
        // 2 × 350,000 − 70,000 share, then 350,000 − 35,000
        { productId: products.a.productId, productName: products.a.name, quantity: 3, totalAmount: 945_000 },
        // 1,000,000 − 100,000, then 2,000,000 − 200,000
        {
          productId: products.b.productId,
          productName: products.b.name,
          quantity: 3,
          totalAmount: 2_700_000,
        },
      ],
    });
    const sari = await get('/affiliate/stats', marketA.token);
    expect(sari.body.productsSold).toEqual([
      { productId: products.b.productId, productName: products.b.name, quantity: 1, totalAmount: 850_000 },
    ]);
  });

  it('GET /affiliate/reports/monthly: bounded by the month in Asia/Jakarta, defaults to now', async () => {
    const march = await get('/affiliate/reports/monthly?month=3&year=2024', darmawan.token);
    expect(march.status).toBe(200);
    expect(march.body).toEqual({
      month: 3,
      year: 2024,
      totalCommission: 105_000,
      totalAmountSold: 2_100_000,
      totalOrders: 1,
      productsSold: [
        {
          productId: products.b.productId,
          productName: products.b.name,
          quantity: 2,
          totalAmount: 1_800_000,
        },
      ],
    });
    const feb = await get('/affiliate/reports/monthly?month=2&year=2024', darmawan.token);
    expect(feb.body).toMatchObject({
      month: 2,
      year: 2024,
      totalOrders: 0,
      totalCommission: 0,
      productsSold: [],
    });
    const now = new Date();
    const current = await get('/affiliate/reports/monthly', darmawan.token);
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({
      month: month(now),
      year: year(now),
      totalOrders: 2,
      totalCommission: 105_000,
      totalAmountSold: 2_100_000,
    });
    const sariMarch = await get('/affiliate/reports/monthly?month=3&year=2024', marketA.token);
    expect(sariMarch.body.totalOrders).toBe(0);
  });

  it('rejects a month outside 1..12 with the documented 400 shape', async () => {
    for (const q of ['month=13', 'month=0', 'month=abc']) {
      const res = await get(`/affiliate/reports/monthly?${q}`, darmawan.token);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        statusCode: 400,
        message: [expect.stringMatching(/^month /)],
        error: 'Bad Request',
      });
    }
  });

  it('401 without or with a bad token, 403 without the AFFILIATE_MARKETER role', async () => {
    for (const path of ['/affiliate/commission', '/affiliate/stats', '/affiliate/reports/monthly']) {
      expect(await get(path)).toMatchObject({
        status: 401,
        body: { statusCode: 401, message: 'Unauthorized' },
      });
      expect(await get(path, 'not-a-token')).toMatchObject({
        status: 401,
        body: { statusCode: 401, message: 'Unauthorized' },
      });
      const shopper = await fx.user();
      expect(await get(path, shopper.token)).toMatchObject({
        status: 403,
        body: { statusCode: 403, message: 'Forbidden resource' },
      });
    }
  });

  it("still serves the shop's own paths in its own envelope", async () => {
    const res = await get('/nope/nothing');
    expect(res.status).toBe(404);
    expect(res.body.success).toBe(false);
  });
});

describe('admin affiliates', () => {
  const valid = {
    name: 'Budi',
    email: 'budi.affiliate@example.com',
    password: 'BudiPass123!',
    voucher_code: 'BUDI5',
    discount_percent: 5,
    commission_percent: 2.25,
  };

  it('creates an affiliate with its voucher, and updates it', async () => {
    const res = await post('/admin/affiliates', valid, admin);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Budi',
      email: 'budi.affiliate@example.com',
      role: 'AFFILIATE_MARKETER',
      voucherCode: 'BUDI5',
      discountPercent: 5,
      commissionPercent: 2.25,
    });
    const [v] = await fx.sql<{
      discount_type: string;
      discount_value: string;
      affiliate_commission_bps: number;
      is_public: boolean;
    }>(
      'select discount_type, discount_value::text, affiliate_commission_bps, is_public from voucher where code = ?',
      ['BUDI5'],
    );
    expect(v).toEqual({
      discount_type: 'percentage',
      discount_value: '500',
      affiliate_commission_bps: 225,
      is_public: false,
    });

    const upd = await put(
      `/admin/affiliates/${res.body.id}`,
      { voucher_code: 'BUDI7', commission_percent: 3, name: 'Budi S' },
      admin,
    );
    expect(upd.status, JSON.stringify(upd.body)).toBe(200);
    expect(upd.body).toMatchObject({
      name: 'Budi S',
      voucherCode: 'BUDI7',
      discountPercent: 5,
      commissionPercent: 3,
    });

    const taken = await put(`/admin/affiliates/${res.body.id}`, { voucher_code: 'DARMAWAN10' }, admin);
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    const dupEmail = await post('/admin/affiliates', { ...valid, voucher_code: 'OTHER1' }, admin);
    expect(dupEmail.status).toBe(409);
    const missing = await put('/admin/affiliates/999999', { name: 'X' }, admin);
    expect(missing.status).toBe(404);
  });

  it('400 naming the invalid fields', async () => {
    const res = await post(
      '/admin/affiliates',
      { ...valid, email: 'nope', voucher_code: 'a b', discount_percent: 101, commission_percent: 2.555 },
      admin,
    );
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('Bad Request');
    const fields = (res.body.message as string[]).map((m) => m.split(' ')[0]);
    expect(fields.sort()).toEqual(['commission_percent', 'discount_percent', 'email', 'voucher_code']);
    const upd = await put(`/admin/affiliates/${darmawan.id}`, { commission_percent: -1 }, admin);
    expect(upd.status).toBe(400);
    expect(upd.body.message).toEqual([expect.stringMatching(/^commission_percent /)]);
  });

  it('lists affiliates newest first with their codes, searched and paged; this tenant’s only', async () => {
    const stamp = Date.now();
    const made: number[] = [];
    for (const [i, name] of ['Citra Lestari', 'Dewi Anggraini', 'Eka Pratama'].entries()) {
      const res = await post(
        '/admin/affiliates',
        {
          ...valid,
          name,
          email: `list${i}.${stamp}@example.com`,
          voucher_code: `LIST${i}X${stamp % 100_000}`,
        },
        admin,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      made.push(res.body.id);
    }
    // an affiliate-role account of another tenant is never listed here
    const [other] = await fx.sql<{ id: number }>(
      `insert into account (tenant_id, email, name, password_hash, roles, created_at)
       values ((select id from tenant where slug = 'sinoman'), ?, 'Citra Lain', 'x', '{affiliate_marketer}', now())
       returning id`,
      [`other.${stamp}@example.com`],
    );

    const all = await get('/admin/affiliates?limit=100', admin);
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    const ids = all.body.affiliates.map((a: { id: number }) => a.id);
    expect(ids.slice(0, 3)).toEqual([...made].reverse());
    expect(ids).toContain(darmawan.id);
    expect(ids).not.toContain(other!.id);
    expect(all.body.affiliates[0]).toMatchObject({
      name: 'Eka Pratama',
      role: 'AFFILIATE_MARKETER',
      voucherCode: `LIST2X${stamp % 100_000}`,
      discountPercent: 5,
      commissionPercent: 2.25,
    });
    expect(all.body.pagination).toMatchObject({ page: 1, limit: 100, total: ids.length, totalPages: 1 });

    // search: part of a name, an email or a code, case aside
    const byCode = await get(`/admin/affiliates?search=list1x${stamp % 100_000}`, admin);
    expect(byCode.body.affiliates.map((a: { id: number }) => a.id)).toEqual([made[1]]);
    const byName = await get('/admin/affiliates?search=citra', admin);
    expect(byName.body.affiliates.map((a: { id: number }) => a.id)).toEqual([made[0]]);
    const none = await get('/admin/affiliates?search=%25_', admin);
    expect(none.body).toMatchObject({ affiliates: [], pagination: { total: 0 } });

    // paging
    const second = await get('/admin/affiliates?page=2&limit=1', admin);
    expect(second.body.affiliates.map((a: { id: number }) => a.id)).toEqual([made[1]]);
    expect(second.body.pagination).toMatchObject({ page: 2, limit: 1, totalPages: ids.length });

    // bad query: 400 naming the field
    const bad = await get('/admin/affiliates?limit=0&page=x', admin);
    expect(bad.status).toBe(400);
    expect((bad.body.message as string[]).map((m) => m.split(' ')[0]).sort()).toEqual(['limit', 'page']);
  });

  it('401 without a token, 403 for non-admins', async () => {
    expect((await get('/admin/affiliates')).status).toBe(401);
    expect((await get('/admin/affiliates', darmawan.token)).status).toBe(403);
    expect((await post('/admin/affiliates', valid)).status).toBe(401);
    expect((await post('/admin/affiliates', valid, darmawan.token)).body).toEqual({
      statusCode: 403,
      message: 'Forbidden resource',
    });
    const shopper = await fx.user();
    expect((await put(`/admin/affiliates/${darmawan.id}`, { name: 'x' }, shopper.token)).status).toBe(403);
  });
});

describe('affiliate-marketer OpenAPI document', () => {
  it('is served next to the shop document and listed on /docs/', async () => {
    const doc = await app.request('GET', api('/openapi.json?profile=affiliate-marketer'));
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths).sort()).toEqual(
      [
        '/admin/affiliates',
        '/admin/affiliates/{id}',
        '/affiliate/commission',
        '/affiliate/reports/monthly',
        '/affiliate/stats',
        // the admin console's and the audit log, in every profile's document
        ...new Set(CONSOLE_OPERATIONS.map(([, path]) => path)),
        '/admin/audit-log',
        '/admin/audit-log/{id}',
      ].sort(),
    );
    const shopDoc = await app.request('GET', api('/openapi.json'));
    expect(shopDoc.body.info.title).toBe('Ansania E-Commerce API');
    const index = await app.request('GET', '/docs/');
    expect(index.body).toContain('affiliate-marketer');
    const page = await app.request('GET', '/docs/affiliate-marketer/');
    expect(page.body).toContain('/t/ansania/api/openapi.json?profile=affiliate-marketer');
  });
});
