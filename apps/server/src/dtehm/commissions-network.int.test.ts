import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeMember, paySandbox, registerMember, startTestApp, type TestApp } from '../testing/test-app.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
type Json = any;
type Active = Awaited<ReturnType<typeof activeMember>>;
type Registered = Awaited<ReturnType<typeof registerMember>>;

let app: TestApp;

/**
 * The network under test, sponsored top-down:
 *
 *   root ─ A ─┬─ B ─ C ─ D (registered, never paid; DIP only)
 *             └─ E (DTEHM + DIP) ─ F
 *   root ─ X (another branch)
 *
 * A is also a stockist. C buys a laptop (GN1 B, GN2 A, GN3 root); F buys a bag from stockist A
 * (stockist A, GN1 E, GN2 A, GN3 root).
 */
let A: Active;
let B: Active;
let C: Active;
let D: Registered;
let E: Active;
let F: Active;
let X: Active;
let laptopOrder: number;
let bagOrder: number;
let bagItem: number;

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const TIME_ZONE = 'Africa/Kampala';

async function sql(query: string, params: unknown[] = []): Promise<Json[]> {
  return app.orm.em.fork().getConnection().execute(query, params);
}

async function productId(name: string): Promise<number> {
  const res = await app.get(`/products/list?per_page=100&search=${encodeURIComponent(name)}`);
  return res.body.data.products.find((p: Json) => p.name === name).id;
}

async function buy(buyer: { token: string }, body: Record<string, unknown>) {
  const created = await app.post('/orders/create', body, buyer.token);
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  await paySandbox(app, created.body.data.payment_url);
  const confirmed = await app.post(
    '/orders/confirm-payment',
    { order_id: created.body.data.order_id },
    buyer.token,
  );
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  return created.body.data as { order_id: number; ordered_item_id: number };
}

/** Today's date in the tenant's time zone. */
function localDate(date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(date);
}

function shiftDate(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function commissions(token: string, query = '') {
  const res = await app.get(`/user/commissions${query}`, token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

async function network(token: string, query = '') {
  const res = await app.get(`/user/network${query}`, token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

beforeAll(async () => {
  app = await startTestApp();
  A = await activeMember(app, { name: 'Alice Alpha' });
  B = await activeMember(app, { sponsorId: A.memberId, name: 'Bob Beta' });
  E = await activeMember(app, { sponsorId: A.memberId, name: 'Eve Echo', dip: true });
  C = await activeMember(app, { sponsorId: B.memberId, name: 'Carl Charlie' });
  F = await activeMember(app, { sponsorId: E.memberId, name: 'Fay Foxtrot' });
  D = await registerMember(app, { sponsorId: C.memberId, name: 'Dan Delta', dtehm: false, dip: true });
  X = await activeMember(app, { name: 'Xena Xray' });
  await sql(`update account set roles = '{member,stockist}' where id = ?`, [A.id]);
  laptopOrder = (await buy(C, { product_id: await productId('Premium Laptop') })).order_id;
  const bag = await buy(F, { product_id: await productId('Laptop Bag'), stockist_id: A.memberId });
  bagOrder = bag.order_id;
  bagItem = bag.ordered_item_id;
}, 60_000);

afterAll(async () => {
  await app.close();
});

describe('GET /user/commissions', () => {
  it('lists every earning, newest first, with the documented shape and summary', async () => {
    const data = await commissions(A.token);
    expect(Object.keys(data).sort()).toEqual(['commissions', 'pagination', 'summary']);
    expect(data.summary).toEqual({ total_commissions: 45_975, current_balance: 45_975, currency: 'UGX' });
    expect(data.pagination).toEqual({ total: 5, per_page: 20, current_page: 1, last_page: 1 });
    expect(data.commissions.map((c: Json) => [c.level, c.amount])).toEqual(
      expect.arrayContaining([
        ['Membership Referral', 10_000],
        ['Membership Referral', 10_000],
        ['GN2', 21_250],
        ['Stockist', 3_600],
        ['GN2', 1_125],
      ]),
    );
    const ids = data.commissions.map((c: Json) => c.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const stockistLine = data.commissions.find((c: Json) => c.level === 'Stockist');
    expect(stockistLine).toEqual({
      id: expect.any(Number),
      amount: 3_600,
      level: 'Stockist',
      description: `Stockist Commission from Order #${bagOrder}`,
      order_id: String(bagOrder),
      reference_type: 'order',
      reference_id: bagItem,
      date: expect.stringMatching(LOCAL_DATE_TIME),
      status: 'completed',
    });
    const referral = data.commissions.find(
      (c: Json) => c.level === 'Membership Referral' && c.description.endsWith('Bob Beta'),
    );
    expect(referral).toEqual({
      id: expect.any(Number),
      amount: 10_000,
      level: 'Membership Referral',
      description: 'DTEHM Membership Referral Commission for Bob Beta',
      order_id: null,
      reference_type: 'membership',
      reference_id: B.paymentId,
      date: expect.stringMatching(LOCAL_DATE_TIME),
      status: 'completed',
    });
    const gn2 = data.commissions.find((c: Json) => c.level === 'GN2' && c.amount === 21_250);
    expect(gn2).toMatchObject({
      order_id: String(laptopOrder),
      description: `GN2 Commission from Order #${laptopOrder}`,
    });
    expect(typeof gn2.order_id).toBe('string');
  });

  it('filters by commission_type', async () => {
    const byType = async (t: string) => commissions(A.token, `?commission_type=${t}`);
    const stockist = await byType('stockist');
    expect(stockist.commissions.map((c: Json) => c.amount)).toEqual([3_600]);
    expect(stockist.summary).toEqual({ total_commissions: 3_600, current_balance: 45_975, currency: 'UGX' });
    const net = await byType('network');
    expect(net.commissions.map((c: Json) => c.amount).sort()).toEqual([1_125, 21_250]);
    expect(net.commissions.every((c: Json) => /^GN\d+$/.test(c.level))).toBe(true);
    expect(net.summary.total_commissions).toBe(22_375);
    const membership = await byType('membership');
    expect(membership.commissions.map((c: Json) => c.amount)).toEqual([10_000, 10_000]);
    expect(membership.pagination.total).toBe(2);
    expect((await byType('all')).pagination.total).toBe(5);
  });

  it('pages', async () => {
    const p1 = await commissions(A.token, '?per_page=2');
    expect(p1.pagination).toEqual({ total: 5, per_page: 2, current_page: 1, last_page: 3 });
    const p3 = await commissions(A.token, '?per_page=2&page=3');
    expect(p3.commissions).toHaveLength(1);
    const all = [
      ...p1.commissions,
      ...(await commissions(A.token, '?per_page=2&page=2')).commissions,
      ...p3.commissions,
    ];
    expect(new Set(all.map((c: Json) => c.id)).size).toBe(5);
    const past = await commissions(A.token, '?per_page=2&page=4');
    expect(past.commissions).toEqual([]);
    // The summary describes the whole filter, not the page.
    expect(past.summary.total_commissions).toBe(45_975);
  });

  it('filters by start_date and end_date as whole days in the tenant time zone, both inclusive', async () => {
    // Move B's and E's referral bonuses to either side of a Kampala midnight (UTC+3).
    const [bRow] = await sql(
      `select id from commission where reference_type = 'membership' and reference_id = ?`,
      [B.paymentId],
    );
    const [eRow] = await sql(
      `select id from commission where reference_type = 'membership' and reference_id = ?`,
      [E.paymentId],
    );
    await sql(`update commission set created_at = '2025-01-30T21:00:00Z' where id = ?`, [bRow.id]); // 31st 00:00 local
    await sql(`update commission set created_at = '2025-01-30T20:59:59Z' where id = ?`, [eRow.id]); // 30th 23:59:59 local
    const ids = async (q: string) => (await commissions(A.token, q)).commissions.map((c: Json) => c.id);

    expect(await ids('?start_date=2025-01-31&end_date=2025-01-31')).toEqual([bRow.id]);
    expect(await ids('?start_date=2025-01-30&end_date=2025-01-30')).toEqual([eRow.id]);
    expect(await ids('?start_date=2025-01-30&end_date=2025-01-31')).toEqual([bRow.id, eRow.id]);
    expect(await ids('?end_date=2025-01-30')).toEqual([eRow.id]);
    expect(await ids('?end_date=2025-01-29')).toEqual([]);
    const b = (await commissions(A.token, '?start_date=2025-01-31&end_date=2025-01-31')).commissions[0];
    expect(b.date).toBe('2025-01-31 00:00:00');
    const e = (await commissions(A.token, '?start_date=2025-01-30&end_date=2025-01-30')).commissions[0];
    expect(e.date).toBe('2025-01-30 23:59:59');

    // Today's earnings (the three order lines) are found by today's local date.
    const today = localDate();
    const todays = await commissions(A.token, `?start_date=${today}&end_date=${today}`);
    expect(todays.commissions.map((c: Json) => c.amount).sort()).toEqual([1_125, 21_250, 3_600]);
    expect(todays.summary.total_commissions).toBe(25_975);
    expect((await commissions(A.token, `?start_date=${shiftDate(today, 1)}`)).commissions).toEqual([]);
    expect((await commissions(A.token, `?start_date=2025-01-31`)).pagination.total).toBe(4);
    // Dates combine with the type filter.
    expect(await ids('?commission_type=stockist&start_date=2025-01-30&end_date=2025-01-31')).toEqual([]);
  });

  it('400s an end date before the start date, naming end_date', async () => {
    const res = await app.get('/user/commissions?start_date=2025-01-31&end_date=2025-01-30', A.token);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 0, message: expect.any(String) });
    expect(Object.keys(res.body.errors)).toEqual(['end_date']);
  });

  it.each([
    ['start_date=2025-13-01', 'start_date'],
    ['start_date=2025-02-30', 'start_date'],
    ['end_date=2025-1-5', 'end_date'],
    ['end_date=30-01-2025', 'end_date'],
    ['start_date=yesterday', 'start_date'],
    ['start_date=0099-01-01', 'start_date'],
    ['commission_type=bonus', 'commission_type'],
    ['per_page=0', 'per_page'],
    ['per_page=101', 'per_page'],
    ['page=abc', 'page'],
  ])('400s %s naming %s', async (query, field) => {
    const res = await app.get(`/user/commissions?${query}`, A.token);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual([field]);
  });

  it('names every bad parameter at once', async () => {
    const res = await app.get('/user/commissions?start_date=x&end_date=y&commission_type=z', A.token);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['commission_type', 'end_date', 'start_date']);
  });

  it('shows a member only their own commissions', async () => {
    const e = await commissions(E.token);
    // E: F's referral bonus and GN1 of F's bag.
    expect(e.commissions.map((c: Json) => [c.level, c.amount])).toEqual(
      expect.arrayContaining([
        ['GN1', 1_350],
        ['Membership Referral', 10_000],
      ]),
    );
    expect(e.pagination.total).toBe(2);
    const x = await commissions(X.token);
    expect(x).toEqual({
      commissions: [],
      summary: { total_commissions: 0, current_balance: 0, currency: 'UGX' },
      pagination: { total: 0, per_page: 20, current_page: 1, last_page: 1 },
    });
  });

  it('401s without a token', async () => {
    const res = await app.get('/user/commissions');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 0, message: expect.any(String), errors: {} });
  });
});

describe('GET /user/balance', () => {
  async function ledgerBalance(accountId: number): Promise<number> {
    const [row] = await sql(
      `select coalesce(-sum(p.amount), 0)::text as balance from ledger_posting p
       join ledger_account a on a.id = p.ledger_account_id where a.owner_account_id = ?`,
      [accountId],
    );
    return Number(row.balance);
  }

  it('equals the sum of the member ledger postings and of their commissions', async () => {
    for (const m of [A, B, C, E, F, X]) {
      const res = await app.get('/user/balance', m.token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ code: 1, data: { balance: expect.any(Number), currency: 'UGX' } });
      expect(res.body.data.balance).toBe(await ledgerBalance(m.id));
      const [sum] = await sql(
        'select coalesce(sum(amount), 0)::text as total from commission where beneficiary_id = ?',
        [m.id],
      );
      expect(res.body.data.balance).toBe(Number(sum.total));
    }
    expect((await app.get('/user/balance', A.token)).body.data.balance).toBe(45_975);
    // B: C's referral bonus and GN1 of the laptop.
    expect((await app.get('/user/balance', B.token)).body.data.balance).toBe(10_000 + 25_500);
    // A pending member has nothing yet.
    expect((await app.get('/user/balance', D.token)).body.data).toEqual({ balance: 0, currency: 'UGX' });
  });

  it('401s without a token', async () => {
    expect((await app.get('/user/balance')).status).toBe(401);
    expect((await app.get('/user/balance', 'x.y.z')).status).toBe(401);
  });
});

describe('GET /user/network', () => {
  it('lists the whole downline, level by level, with the documented member shape', async () => {
    const data = await network(A.token);
    expect(Object.keys(data).sort()).toEqual(['network', 'pagination', 'statistics']);
    expect(data.network.map((m: Json) => [m.name, m.level])).toEqual([
      ['Bob Beta', 1],
      ['Eve Echo', 1],
      ['Carl Charlie', 2],
      ['Fay Foxtrot', 2],
      ['Dan Delta', 3],
    ]);
    const eve = data.network.find((m: Json) => m.id === E.id);
    expect(eve).toEqual({
      id: E.id,
      name: 'Eve Echo',
      email: E.user.email,
      phone: '+256700000000',
      dtehm_member_id: E.memberId,
      dip_member_id: expect.stringMatching(/^DIP\d+$/),
      is_dtehm_member: 'Yes',
      is_dip_member: 'Yes',
      level: 1,
      joined_at: expect.stringMatching(LOCAL_DATE_TIME),
      status: 'Active',
    });
    const dan = data.network.find((m: Json) => m.id === D.id);
    expect(dan).toMatchObject({
      dtehm_member_id: null,
      dip_member_id: null,
      is_dtehm_member: 'No',
      is_dip_member: 'Yes',
      level: 3,
      status: 'Pending',
    });
    expect(data.network.find((m: Json) => m.id === B.id)).toMatchObject({
      dtehm_member_id: B.memberId,
      dip_member_id: null,
      is_dip_member: 'No',
    });
    expect(data.statistics).toEqual({
      total_members: 5,
      direct_referrals: 2,
      dtehm_members: 4,
      dip_members: 2,
      levels_deep: 3,
      by_level: { level_1: 2, level_2: 2, level_3: 1 },
    });
    expect(data.pagination).toEqual({
      total: 5,
      per_page: 20,
      current_page: 1,
      last_page: 1,
      from: 1,
      to: 5,
    });
  });

  it('filters by level (direct, a number, beyond the plan) keeping the whole-network statistics', async () => {
    const names = async (level: string) =>
      (await network(A.token, `?level=${level}`)).network.map((m: Json) => m.name);
    expect(await names('direct')).toEqual(['Bob Beta', 'Eve Echo']);
    expect(await names('1')).toEqual(['Bob Beta', 'Eve Echo']);
    expect(await names('2')).toEqual(['Carl Charlie', 'Fay Foxtrot']);
    expect(await names('3')).toEqual(['Dan Delta']);
    expect(await names('ALL')).toHaveLength(5);
    const deep = await network(A.token, '?level=4');
    expect(deep.network).toEqual([]);
    expect(deep.pagination).toEqual({
      total: 0,
      per_page: 20,
      current_page: 1,
      last_page: 1,
      from: null,
      to: null,
    });
    expect(deep.statistics.total_members).toBe(5);
    const beyond = await network(A.token, '?level=11');
    expect(beyond.network).toEqual([]);
    expect(beyond.pagination).toMatchObject({ total: 0, from: null, to: null });
    expect((await network(A.token, '?level=250')).network).toEqual([]);
    const level2 = await network(A.token, '?level=2');
    expect(level2.pagination).toEqual({
      total: 2,
      per_page: 20,
      current_page: 1,
      last_page: 1,
      from: 1,
      to: 2,
    });
    expect(level2.statistics.by_level).toEqual({ level_1: 2, level_2: 2, level_3: 1 });
  });

  it('pages with from and to', async () => {
    const p2 = await network(A.token, '?per_page=2&page=2');
    expect(p2.network.map((m: Json) => m.name)).toEqual(['Carl Charlie', 'Fay Foxtrot']);
    expect(p2.pagination).toEqual({ total: 5, per_page: 2, current_page: 2, last_page: 3, from: 3, to: 4 });
    const p3 = await network(A.token, '?per_page=2&page=3');
    expect(p3.pagination).toMatchObject({ from: 5, to: 5 });
    const past = await network(A.token, '?per_page=2&page=4');
    expect(past.network).toEqual([]);
    expect(past.pagination).toMatchObject({ current_page: 4, last_page: 3, from: null, to: null });
  });

  it('shows nobody outside the member own downline', async () => {
    const ofE = await network(E.token);
    expect(ofE.network.map((m: Json) => m.id)).toEqual([F.id]);
    expect(ofE.statistics).toEqual({
      total_members: 1,
      direct_referrals: 1,
      dtehm_members: 1,
      dip_members: 0,
      levels_deep: 1,
      by_level: { level_1: 1 },
    });
    const ofB = await network(B.token);
    expect(ofB.network.map((m: Json) => [m.id, m.level])).toEqual([
      [C.id, 1],
      [D.id, 2],
    ]);
    const ofX = await network(X.token);
    expect(ofX).toEqual({
      network: [],
      statistics: {
        total_members: 0,
        direct_referrals: 0,
        dtehm_members: 0,
        dip_members: 0,
        levels_deep: 0,
        by_level: {},
      },
      pagination: { total: 0, per_page: 20, current_page: 1, last_page: 1, from: null, to: null },
    });
    // The upline never appears in a downline, nor does the member.
    const ofC = await network(C.token);
    expect(ofC.network.map((m: Json) => m.id)).toEqual([D.id]);
  });

  it.each([
    ['level=x', 'level'],
    ['level=0', 'level'],
    ['level=-1', 'level'],
    ['level=1.5', 'level'],
    ['level=', 'level'],
    ['per_page=0', 'per_page'],
    ['per_page=abc', 'per_page'],
    ['page=0', 'page'],
  ])('400s %s naming %s', async (query, field) => {
    const res = await app.get(`/user/network?${query}`, A.token);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors)).toEqual([field]);
  });

  it('401s without a token', async () => {
    expect((await app.get('/user/network')).status).toBe(401);
  });

  it('shows ten generations, as deep as the plan pays', async () => {
    const top = await activeMember(app, { name: 'Deep Top' });
    let sponsorId = top.memberId;
    const line: number[] = [];
    for (let i = 1; i <= 10; i++) {
      const m = await activeMember(app, { sponsorId, name: `Deep ${i}` });
      line.push(m.id);
      sponsorId = m.memberId;
    }
    const eleventh = await registerMember(app, { sponsorId, name: 'Deep 11' });
    const data = await network(top.token);
    expect(data.network.map((m: Json) => m.id)).toEqual(line);
    expect(data.network.map((m: Json) => m.level)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(data.statistics).toMatchObject({ total_members: 10, levels_deep: 10 });
    expect(Object.keys(data.statistics.by_level)).toHaveLength(10);
    expect(data.statistics.by_level.level_10).toBe(1);
    expect((await network(top.token, '?level=10')).network.map((m: Json) => m.id)).toEqual([line[9]]);
    expect((await network(top.token, '?level=11')).network).toEqual([]);
    // One level down, the eleventh is in reach.
    const fromFirst = await app.get(
      '/user/network?level=10',
      (
        await app.post('/users/login', {
          email: (await sql('select email from account where id = ?', [line[0]]))[0].email,
          password: 'password123',
        })
      ).body.data.token,
    );
    expect(fromFirst.body.data.network.map((m: Json) => m.id)).toEqual([eleventh.id]);
  });
});
