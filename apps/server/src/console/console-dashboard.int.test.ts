import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeMember,
  paySandbox,
  startTestApp,
  TEST_ADMIN_PASSWORD,
  type TestApp,
} from '../testing/test-app.ts';
import { ADMINS, adminSignIn, call, consoleClient, memberToken } from './console.fixtures.ts';

// The dashboard: per local day, the figures each tenant's apps have, from orders, commissions and
// the rollups the click writer and the savings triggers keep.
let app: TestApp;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  app = await startTestApp();
  for (const slug of ['dtehm', 'ansania', 'qutab', 'sinoman'] as const)
    tokens[slug] = await adminSignIn(app, slug);
});
afterAll(async () => {
  await app.close();
});

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
type Json = any;

const JAKARTA = 'Asia/Jakarta';

/** A day (YYYY-MM-DD) in a time zone. */
const localDate = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(date);

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const today = () => localDate(new Date(), JAKARTA);

async function dashboard(slug: string, query = '') {
  const res = await call(app, 'GET', slug, `/dashboard${query}`, { token: tokens[slug] });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

const sql = (text: string, params: unknown[] = []) =>
  app.orm.em.fork().getConnection().execute(text, params) as Promise<Json[]>;

describe('a referral shop (qutab): sales, commissions and clicks', () => {
  it('counts a paid order, its commission and a click on the day they happened', async () => {
    const range = `?from=${addDays(today(), -1)}&to=${today()}`;
    const before = await dashboard('qutab', range);
    const shopBefore = await dashboard('ansania', range);

    const [affiliate] = await sql(
      `select a.code from affiliate a join tenant t on t.id = a.tenant_id
        where t.slug = 'qutab' and a.code is not null order by a.id limit 1`,
    );
    const click = await app.app.request(`/t/qutab/r/${affiliate.code}`, {
      headers: { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)' },
    });
    expect(click.status).toBe(302);
    await expect.poll(() => app.referralClicks.buffered).toBe(0);

    const customer = await app.request('POST', '/t/qutab/api/auth/register', {
      body: {
        name: 'Siti Aminah',
        email: `siti.${Date.now()}@example.com`,
        phone: '081277778888',
        password: 'Rahasia123!',
      },
    });
    const product = (await app.request('GET', '/t/qutab/api/products')).body.data.products[0];
    const order = await app.request('POST', '/t/qutab/api/orders', {
      body: {
        product_id: product.id,
        quantity: 1,
        recipient_name: 'Siti',
        recipient_location: 'Bandung',
        payment_method: 'qris',
        coupon_code: 'DARMAWAN10',
      },
      token: customer.body.data.access_token,
    });
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    await paySandbox(app, order.body.data.payment_url);
    const [paid] = await sql(
      `select o.total_amount::int as total, r.commission::int as commission from customer_order o
         join affiliate_referral r on r.order_id = o.id where o.order_number = ?`,
      [order.body.data.id],
    );

    const after = await dashboard('qutab', range);
    expect(after.metrics).toEqual([
      { key: 'sales', unit: 'money' },
      { key: 'orders', unit: 'count' },
      { key: 'commissions', unit: 'money' },
      { key: 'clicks', unit: 'count' },
    ]);
    expect(after.totals).toEqual({
      sales: before.totals.sales + paid.total,
      orders: before.totals.orders + 1,
      commissions: before.totals.commissions + paid.commission,
      clicks: before.totals.clicks + 1,
    });
    const day = after.days.find((d: Json) => d.date === today());
    expect(day.orders).toBe(before.days.find((d: Json) => d.date === today()).orders + 1);
    expect(after).toMatchObject({
      currency: 'IDR',
      timeZone: JAKARTA,
      from: addDays(today(), -1),
      to: today(),
      now: {},
    });
    // another tenant's dashboard does not move
    expect(await dashboard('ansania', range)).toEqual(shopBefore);
  });

  it('has a day for every day of the range, the quiet ones at zero, totals adding them up', async () => {
    const from = addDays(today(), -29);
    const board = await dashboard('qutab');
    expect(board.from).toBe(from);
    expect(board.to).toBe(today());
    expect(board.days).toHaveLength(30);
    expect(board.days[0]).toEqual({ date: from, sales: 0, orders: 0, commissions: 0, clicks: 0 });
    for (const metric of ['sales', 'orders', 'commissions', 'clicks'])
      expect(board.totals[metric]).toBe(board.days.reduce((n: number, d: Json) => n + d[metric], 0));
  });

  it('a shop charts sales, orders and commissions', async () => {
    const ansania = await dashboard('ansania');
    expect(ansania.metrics.map((m: Json) => m.key)).toEqual(['sales', 'orders', 'commissions']);
    expect(Object.keys(ansania.days[0]).sort()).toEqual(['commissions', 'date', 'orders', 'sales']);
  });
});

describe('a network (dtehm)', () => {
  it("counts a member's paid order and every commission line it and the membership earned", async () => {
    const kampala = localDate(new Date(), 'Africa/Kampala');
    const range = `?from=${addDays(kampala, -1)}&to=${kampala}`;
    const before = await dashboard('dtehm', range);
    expect(before).toMatchObject({ currency: 'UGX', timeZone: 'Africa/Kampala' });
    const [{ last }] = await sql('select coalesce(max(id), 0) as last from commission');

    const buyer = await activeMember(app);
    const product = (await app.get('/products/list?per_page=1')).body.data.products[0];
    const created = await app.post('/orders/create', { product_id: product.id, quantity: 2 }, buyer.token);
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    await paySandbox(app, created.body.data.payment_url);
    await app.post('/orders/confirm-payment', { order_id: created.body.data.order_id }, buyer.token);

    const [order] = await sql('select total_amount::int as total from customer_order where id = ?', [
      created.body.data.order_id,
    ]);
    const [earned] = await sql(
      'select sum(amount)::int as sum, count(*)::int as n from commission where id > ?',
      [last],
    );
    expect(earned.n).toBeGreaterThan(1); // the sponsor's membership bonus and the sale's lines
    const after = await dashboard('dtehm', range);
    expect(after.totals).toEqual({
      sales: before.totals.sales + order.total,
      orders: before.totals.orders + 1,
      commissions: before.totals.commissions + earned.sum,
    });
  });
});

describe('a cooperative (sinoman): deposits, withdrawals and savings', () => {
  it("agrees with the financial dashboard's month and its savings and members of the moment", async () => {
    const firstOfMonth = `${today().slice(0, 8)}01`;
    const board = await dashboard('sinoman', `?from=${firstOfMonth}&to=${today()}`);
    const financial = await app.request('GET', '/t/sinoman/api/admin/financial/dashboard?period=month', {
      token: tokens.sinoman,
    });
    expect(financial.status).toBe(200);
    const month = financial.body.data.monthly_trends[0];
    expect(board.metrics.map((m: Json) => m.key)).toEqual(['deposits', 'withdrawals', 'netSavings']);
    expect(board.totals).toEqual({
      deposits: month.deposits,
      withdrawals: month.withdrawals,
      netSavings: month.net_savings,
    });
    expect(board.now).toEqual({
      totalSavings: financial.body.data.overview.total_savings,
      activeMembers: financial.body.data.overview.active_members,
    });
  });

  it('reads a year of seeded history day by day', async () => {
    const board = await dashboard('sinoman', `?from=${addDays(today(), -365)}&to=${today()}`);
    expect(board.days).toHaveLength(366);
    expect(board.totals.deposits).toBeGreaterThan(0);
    for (const d of board.days) expect(d.netSavings).toBe(d.deposits - d.withdrawals);
  });
});

describe('its range', () => {
  it('is at most 366 days, ends on or after it starts, and is made of real dates: each refusal names its field', async () => {
    const refused = async (query: string, field: string) => {
      const res = await call(app, 'GET', 'qutab', `/dashboard${query}`, { token: tokens.qutab });
      expect(res.status, query).toBe(422);
      expect(res.body.error.field, query).toBe(field);
    };
    await refused('?from=2025-01-01&to=2026-01-02', 'to');
    await refused('?from=2026-02-10&to=2026-02-01', 'to');
    await refused('?from=2026-02-30&to=2026-03-01', 'from');
    await refused('?from=yesterday', 'from');
    const dtehm = await call(app, 'GET', 'dtehm', '/dashboard?from=2024-01-01&to=2025-12-31', {
      token: tokens.dtehm,
    });
    expect(dtehm.status).toBe(400);
    expect(Object.keys(dtehm.body.errors)).toEqual(['to']);
    // a leap year is the longest
    expect((await dashboard('qutab', '?from=2024-01-01&to=2024-12-31')).days).toHaveLength(366);
  });

  it("is the administrators' only, and reads the same over tRPC", async () => {
    expect(
      (await call(app, 'GET', 'sinoman', '/dashboard', { token: await memberToken(app, 'sinoman') })).status,
    ).toBe(403);
    const client = consoleClient(app, 'qutab');
    await client.signIn(ADMINS.qutab, TEST_ADMIN_PASSWORD);
    const range = { from: addDays(today(), -6), to: today() };
    expect(await client.console.dashboard.query(range)).toEqual(
      await dashboard('qutab', `?from=${range.from}&to=${range.to}`),
    );
  });
});
