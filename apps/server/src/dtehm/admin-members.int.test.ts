import { createApiContext, createLogger } from '@komisi/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tenant } from '../../../../packages/api/src/contexts/tenancy/tenant.entity.ts';
import {
  activeMember,
  adminToken,
  paySandbox,
  registerMember,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
  uniqueEmail,
} from '../testing/test-app.ts';
import { trpcCall } from '../testing/trpc-call.ts';

// The administrators' side of the network: members found and inspected, their downline, the stockist
// role, suspension, and every member's orders and commissions.

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
type Json = any;
type Member = Awaited<ReturnType<typeof activeMember>>;

let app: TestApp;
let admin: string;
/** root → alpha → bravo → charlie → buyer; stella under root; pat (pending, DIP too) under alpha */
let alpha: Member;
let bravo: Member;
let charlie: Member;
let buyer: Member;
let stella: Member;
let pat: Awaited<ReturnType<typeof registerMember>>;
let rootAccountId: number;
let laptopId: number;
const PRICE = 850_000;

async function sql(query: string, params: unknown[] = []): Promise<Json[]> {
  return app.orm.em.fork().getConnection().execute(query, params);
}

const balanceOf = async (m: { id: number }) => {
  const [row] = await sql(
    `select coalesce(-sum(p.amount), 0)::int as balance from ledger_posting p
     join ledger_account a on a.id = p.ledger_account_id where a.code = ?`,
    [`member:${m.id}:commissions`],
  );
  return row.balance as number;
};

/** A paid and confirmed order of one laptop by `who`, naming `stockist` when given. */
async function buy(who: { token: string }, stockist?: string) {
  const created = await app.post(
    '/orders/create',
    { product_id: laptopId, quantity: 1, ...(stockist && { stockist_id: stockist }) },
    who.token,
  );
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  await paySandbox(app, created.body.data.payment_url);
  const confirmed = await app.post(
    '/orders/confirm-payment',
    { order_id: created.body.data.order_id },
    who.token,
  );
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  return created.body.data.order_id as number;
}

/** The commission lines of an order: level → beneficiary account. */
async function linesOf(orderId: number): Promise<Record<string, { id: number; amount: number }>> {
  const rows = await sql(
    'select level, beneficiary_id, amount::int as amount from commission where order_id = ?',
    [orderId],
  );
  return Object.fromEntries(rows.map((r) => [r.level, { id: r.beneficiary_id, amount: r.amount }]));
}

async function underDesignatedStockists(work: () => Promise<void>) {
  await sql(
    `update tenant set settings = jsonb_set(settings, '{mlm}',
       coalesce(settings->'mlm', '{}') || '{"stockistEligibility": "designated"}') where slug = 'dtehm'`,
  );
  await app.services.tenants.invalidate();
  try {
    await work();
  } finally {
    await sql(`update tenant set settings = settings #- '{mlm,stockistEligibility}' where slug = 'dtehm'`);
    await app.services.tenants.invalidate();
  }
}

const login = (email: string) => app.post('/users/login', { email, password: TEST_PASSWORD });
const suspend = (id: number, reason = 'Under review', token = admin) =>
  app.post(`/admin/members/${id}/suspend`, { reason }, token);
const reactivate = (id: number, token = admin) => app.post(`/admin/members/${id}/reactivate`, {}, token);
const setStockist = (id: number, is_stockist: string, token = admin) =>
  app.put(`/admin/members/${id}/stockist`, { is_stockist }, token);

beforeAll(async () => {
  app = await startTestApp();
  admin = await adminToken(app);
  alpha = await activeMember(app, { name: 'Alpha Nambi', email: uniqueEmail('alpha') });
  bravo = await activeMember(app, { name: 'Bravo Okello', sponsorId: alpha.memberId });
  charlie = await activeMember(app, { name: 'Charlie Mugisha', sponsorId: bravo.memberId });
  buyer = await activeMember(app, { name: 'Bryan Buyer', sponsorId: charlie.memberId });
  stella = await activeMember(app, { name: 'Stella Stockist' });
  pat = await registerMember(app, { name: 'Pending Pat', sponsorId: alpha.memberId, dip: true });
  const [root] = await sql("select id from account where email = 'root@dtehm.demo'");
  rootAccountId = root.id;
  const list = await app.get('/products/list?per_page=100&search=laptop');
  laptopId = list.body.data.products.find((p: Json) => p.name === 'Premium Laptop').id;
}, 60_000);
afterAll(async () => {
  await app.close();
});

describe('who may call the member desk', () => {
  it('401 without a token, 403 for members and stockists; nothing changes', async () => {
    const root = (
      await app.post('/users/login', { email: 'root@dtehm.demo', password: 'admin-password-123' })
    ).body.data.token;
    const calls: [string, string, unknown?][] = [
      ['GET', '/admin/members'],
      ['GET', `/admin/members/${alpha.id}`],
      ['GET', `/admin/members/${alpha.id}/network`],
      ['PUT', `/admin/members/${alpha.id}/stockist`, { is_stockist: 'Yes' }],
      ['POST', `/admin/members/${alpha.id}/suspend`, { reason: 'x' }],
      ['POST', `/admin/members/${alpha.id}/reactivate`, {}],
      ['GET', '/admin/orders'],
      ['GET', '/admin/orders/1'],
      ['GET', '/admin/commissions'],
    ];
    const before = await sql('select account_id, suspended_at from network_member order by account_id');
    const roles = await sql('select id, roles from account order by id');
    for (const token of [undefined, alpha.token, root]) {
      for (const [method, path, body] of calls) {
        const res = await app.request(method, `/t/dtehm/api${path}`, {
          ...(body !== undefined && { body }),
          ...(token && { token }),
        });
        expect(res.status, `${method} ${path}`).toBe(token ? 403 : 401);
        expect(res.body).toEqual({ code: 0, message: expect.any(String), errors: {} });
      }
    }
    const viaTrpc = await trpcCall(
      app,
      'dtehm',
      'admin.suspendMember',
      'mutation',
      { id: alpha.id, reason: 'x' },
      alpha.token,
    );
    expect(viaTrpc.status).toBe(403);
    expect(await sql('select account_id, suspended_at from network_member order by account_id')).toEqual(
      before,
    );
    expect(await sql('select id, roles from account order by id')).toEqual(roles);
  });

  it('another tenant’s administrator sees none of these members, orders or commissions', async () => {
    const em = app.orm.em.fork();
    em.create(Tenant, {
      slug: 'dtehm-two',
      name: 'Second Network',
      profile: 'dtehm-mobile',
      currency: 'UGX',
      timeZone: 'Africa/Kampala',
    });
    await em.flush();
    await app.services.tenants.invalidate();
    const tenant = (await app.services.tenants.bySlug('dtehm-two'))!;
    const scope = createApiContext(app.orm, app.services, createLogger('silent'), {
      tenant,
      requestId: 'test',
      ip: '127.0.0.1',
      authorization: undefined,
      baseUrl: 'http://komisi.test/t/dtehm-two',
    }).scope();
    const account = await app.services.identity.createAccount(scope, {
      email: 'admin@dtehm-two.example',
      password: 'SecondAdmin123!',
      name: 'Second Admin',
      roles: ['admin'],
    });
    const other = (await app.services.identity.issueTokens(scope, account)).accessToken;
    const at = (method: string, path: string, body?: unknown) =>
      app.request(method, `/t/dtehm-two/api${path}`, { token: other, ...(body !== undefined && { body }) });
    expect((await at('GET', '/admin/members')).body.data.pagination.total).toBe(0);
    expect((await at('GET', `/admin/members?search=${alpha.memberId}`)).body.data.members).toEqual([]);
    for (const res of [
      await at('GET', `/admin/members/${alpha.id}`),
      await at('GET', `/admin/members/${alpha.id}/network`),
      await at('PUT', `/admin/members/${alpha.id}/stockist`, { is_stockist: 'Yes' }),
      await at('POST', `/admin/members/${alpha.id}/suspend`, { reason: 'x' }),
      await at('POST', `/admin/members/${alpha.id}/reactivate`, {}),
    ]) {
      expect(res.status).toBe(404);
    }
    expect((await at('GET', '/admin/orders')).body.data.pagination.total).toBe(0);
    expect((await at('GET', '/admin/commissions')).body.data.pagination.total).toBe(0);
    // a member number of the first network names nobody here
    expect((await at('GET', `/admin/commissions?member_id=${alpha.memberId}`)).status).toBe(400);
    expect((await app.get(`/admin/members/${alpha.id}`, admin)).body.data.status).toBe('Active');
    expect((await app.request('GET', '/t/dtehm-two/api/admin/members', { token: admin })).status).toBe(401);
  });
});

describe('finding members', () => {
  const find = async (query: string) => {
    const res = await app.get(`/admin/members?per_page=100&${query}`, admin);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.data;
  };
  const ids = (data: Json) => data.members.map((m: Json) => m.id);

  it('by whole or partial member number, name (any case), email and phone digits', async () => {
    expect(ids(await find(`search=${alpha.memberId}`))).toEqual([alpha.id]);
    expect(ids(await find(`search=${alpha.memberId.toLowerCase()}`))).toEqual([alpha.id]);
    expect(ids(await find(`search=${alpha.memberId.slice(0, -1)}`))).toContain(alpha.id);
    expect(ids(await find('search=charlie%20MUGISHA'))).toEqual([charlie.id]);
    expect(ids(await find(`search=${encodeURIComponent(alpha.user.email)}`))).toEqual([alpha.id]);
    await sql("update account set phone = '+256 772 123 987' where id = ?", [bravo.id]);
    expect(ids(await find('search=772%20123987'))).toEqual([bravo.id]);
    expect(ids(await find(`search=${encodeURIComponent('+256772123987')}`))).toEqual([bravo.id]);
    // a LIKE pattern matches itself only; staff accounts are not members
    expect((await find(`search=${encodeURIComponent('%_%')}`)).members).toEqual([]);
    expect((await find('search=admin%40dtehm.demo')).members).toEqual([]);
  });

  it('shows each member’s standing, numbers, sponsor, stockist role and downline counts', async () => {
    const [row] = (await find(`search=${alpha.memberId}`)).members;
    expect(row).toEqual({
      id: alpha.id,
      name: 'Alpha Nambi',
      email: alpha.user.email,
      phone_number: '+256700000000',
      dtehm_member_id: alpha.memberId,
      dip_member_id: null,
      is_dtehm_member: 'Yes',
      is_dip_member: 'No',
      sponsor_id: app.rootMemberId,
      status: 'Active',
      is_stockist: 'No',
      direct_referrals: 2,
      total_downline: 4,
      joined_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      activated_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
    });
    const [pending] = (await find('search=pending%20pat')).members;
    expect(pending).toMatchObject({
      status: 'Pending',
      dtehm_member_id: null,
      is_dip_member: 'Yes',
      sponsor_id: alpha.memberId,
      activated_at: null,
    });
  });

  it('filters by standing (any case), membership and stockist role; sorts and pages', async () => {
    expect(ids(await find('status=pending'))).toEqual([pat.id]);
    expect(ids(await find('status=ACTIVE'))).not.toContain(pat.id);
    const dip = ids(await find('membership=dip'));
    expect(dip).toEqual(expect.arrayContaining([pat.id, rootAccountId]));
    expect(dip).not.toContain(alpha.id);
    expect(ids(await find('stockist=Yes'))).toContain(rootAccountId);
    expect(ids(await find('stockist=Yes'))).not.toContain(alpha.id);
    expect(ids(await find('stockist=no'))).not.toContain(rootAccountId);
    const mine = [
      'Alpha Nambi',
      'Bravo Okello',
      'Bryan Buyer',
      'Charlie Mugisha',
      'Pending Pat',
      'Stella Stockist',
    ];
    const byName = (await find('sort_by=name&sort_order=asc')).members.map((m: Json) => m.name);
    expect(byName.filter((n: string) => mine.includes(n))).toEqual(mine);
    const newest = await find('');
    expect(newest.members[0].id).toBe(pat.id);
    const page = await app.get('/admin/members?per_page=2&page=2&sort_by=joined_at&sort_order=desc', admin);
    expect(page.body.data.members.map((m: Json) => m.id)).toEqual([buyer.id, charlie.id]);
    expect(page.body.data.pagination).toMatchObject({ per_page: 2, current_page: 2, from: 3, to: 4 });
  });

  it('400 naming every bad query field', async () => {
    const res = await app.get(
      '/admin/members?status=Gone&per_page=500&sort_by=age&stockist=maybe&page=0',
      admin,
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual([
      'page',
      'per_page',
      'sort_by',
      'status',
      'stockist',
    ]);
  });
});

describe('one member', () => {
  it('shows the sponsor chain, generation counts and earnings; the downline for any member', async () => {
    const res = await app.get(`/admin/members/${charlie.id}`, admin);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.code).toBe(1);
    const m = res.body.data;
    expect(m).toMatchObject({
      id: charlie.id,
      status: 'Active',
      suspended_at: null,
      suspension_reason: null,
      sponsor: { id: bravo.id, name: 'Bravo Okello', member_id: bravo.memberId, status: 'Active' },
      network: { total_members: 1, direct_referrals: 1, levels_deep: 1, by_level: { level_1: 1 } },
      commissions: { currency: 'UGX' },
    });
    expect(m.upline).toEqual([
      { level: 1, id: bravo.id, name: 'Bravo Okello', member_id: bravo.memberId, status: 'Active' },
      { level: 2, id: alpha.id, name: 'Alpha Nambi', member_id: alpha.memberId, status: 'Active' },
      {
        level: 3,
        id: rootAccountId,
        name: expect.any(String),
        member_id: app.rootMemberId,
        status: 'Active',
      },
    ]);
    // charlie's sponsor bonus for registering the buyer
    expect(m.commissions.total_commissions).toBe(m.commissions.current_balance);
    expect(m.commissions.total_commissions).toBeGreaterThan(0);

    const tree = await app.get(`/admin/members/${alpha.id}/network?level=all`, admin);
    expect(tree.status, JSON.stringify(tree.body)).toBe(200);
    expect(tree.body.data.member).toEqual({ id: alpha.id, name: 'Alpha Nambi', member_id: alpha.memberId });
    expect(tree.body.data.network.map((r: Json) => [r.level, r.id])).toEqual(
      [
        [1, bravo.id],
        [1, pat.id],
        [2, charlie.id],
        [3, buyer.id],
      ].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!),
    );
    expect(tree.body.data.statistics).toMatchObject({
      total_members: 4,
      direct_referrals: 2,
      levels_deep: 3,
    });
    const second = await app.get(`/admin/members/${alpha.id}/network?level=2&per_page=1`, admin);
    expect(second.body.data.network.map((r: Json) => r.id)).toEqual([charlie.id]);
    expect(second.body.data.pagination).toMatchObject({ total: 1, per_page: 1, from: 1, to: 1 });
    expect((await app.get(`/admin/members/${alpha.id}/network?per_page=101`, admin)).status).toBe(400);
  });

  it('404 for a staff account or an unknown id, 400 for a malformed one', async () => {
    const [staff] = await sql("select id from account where email = 'admin@dtehm.demo'");
    for (const path of [
      `/admin/members/${staff.id}`,
      '/admin/members/999999',
      '/admin/members/999999/network',
    ]) {
      const res = await app.get(path, admin);
      expect(res.status, path).toBe(404);
      expect(res.body).toEqual({ code: 0, message: expect.any(String), errors: {} });
    }
    expect((await suspend(staff.id)).status).toBe(404);
    expect((await setStockist(staff.id, 'Yes')).status).toBe(404);
    const bad = await app.get('/admin/members/abc', admin);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(['id']);
  });

  it('REST and tRPC answer the same', async () => {
    const rest = await app.get(`/admin/members/${alpha.id}`, admin);
    const trpc = await trpcCall(app, 'dtehm', 'admin.member', 'query', { id: alpha.id }, admin);
    expect(trpc.status).toBe(200);
    expect(trpc.data).toEqual(rest.body.data);
    const restList = await app.get(`/admin/members?search=${alpha.memberId}`, admin);
    const trpcList = await trpcCall(
      app,
      'dtehm',
      'admin.members',
      'query',
      { search: alpha.memberId },
      admin,
    );
    expect(trpcList.data).toEqual(restList.body.data);
    const bad = await trpcCall(
      app,
      'dtehm',
      'admin.setStockist',
      'mutation',
      { id: alpha.id, is_stockist: 'Maybe' },
      admin,
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.error.fields)).toEqual(['is_stockist']);
  });
});

describe('stockists', () => {
  it('under designated stockists, a member designated by the admin earns the stockist line on the next order', async () => {
    await underDesignatedStockists(async () => {
      const refused = await app.post(
        '/orders/create',
        { product_id: laptopId, stockist_id: stella.memberId },
        buyer.token,
      );
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual({ stockist_id: ['The selected member is not a stockist.'] });

      const designated = await setStockist(stella.id, 'Yes');
      expect(designated.status, JSON.stringify(designated.body)).toBe(200);
      expect(designated.body).toMatchObject({ code: 1, message: 'Member updated successfully' });
      expect(designated.body.data).toMatchObject({ id: stella.id, is_stockist: 'Yes' });

      const before = await balanceOf(stella);
      const orderId = await buy(buyer, stella.memberId);
      expect((await linesOf(orderId)).Stockist).toEqual({ id: stella.id, amount: (PRICE * 800) / 10_000 });
      expect((await balanceOf(stella)) - before).toBe(68_000);
      const lines = await app.get('/user/commissions?commission_type=stockist', stella.token);
      expect(lines.body.data.commissions[0]).toMatchObject({
        level: 'Stockist',
        amount: 68_000,
        order_id: String(orderId),
      });

      // revoked: the next order may not name her
      const revoked = await setStockist(stella.id, 'No');
      expect(revoked.body.data.is_stockist).toBe('No');
      const again = await app.post(
        '/orders/create',
        { product_id: laptopId, stockist_id: stella.memberId },
        buyer.token,
      );
      expect(again.status).toBe(400);
      expect(Object.keys(again.body.errors)).toEqual(['stockist_id']);
    });
  });

  it('designating is idempotent, also ten times at once; so is revoking', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => setStockist(charlie.id, 'Yes')));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const [row] = await sql('select roles from account where id = ?', [charlie.id]);
    expect(row.roles).toEqual(['member', 'stockist']);
    expect(
      (await app.get('/admin/members?stockist=Yes', admin)).body.data.members.map((m: Json) => m.id),
    ).toContain(charlie.id);
    const revoked = await Promise.all(Array.from({ length: 5 }, () => setStockist(charlie.id, 'No')));
    expect(revoked.every((r) => r.status === 200)).toBe(true);
    expect((await sql('select roles from account where id = ?', [charlie.id]))[0].roles).toEqual(['member']);
  });

  it('400 naming is_stockist for anything but Yes or No', async () => {
    for (const is_stockist of [undefined, 'maybe', true, 1]) {
      const res = await app.put(`/admin/members/${charlie.id}/stockist`, { is_stockist }, admin);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors)).toEqual(['is_stockist']);
    }
  });
});

describe('suspension', () => {
  it('signs the member out everywhere and refuses their sign-in until reactivated', async () => {
    const m = await activeMember(app, { name: 'Sam Suspended', email: uniqueEmail('sam') });
    expect((await app.get('/user/balance', m.token)).status).toBe(200);
    const res = await suspend(m.id, '  Fraud check  ');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ code: 1, message: 'Member suspended successfully' });
    expect(res.body.data).toMatchObject({ status: 'Suspended', suspension_reason: 'Fraud check' });
    expect(res.body.data.suspended_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect((await app.get('/user/balance', m.token)).status).toBe(401);
    const refresh = await trpcCall(app, 'dtehm', 'auth.refresh', 'mutation', {
      refresh_token: m.refreshToken,
    });
    expect(refresh.status).toBe(401);
    const refused = await login(m.user.email);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ code: 0, message: expect.stringMatching(/suspended/), errors: {} });
    // suspending again only changes the reason; the time stays
    const again = await suspend(m.id, 'Still under review');
    expect(again.body.data).toMatchObject({
      suspended_at: res.body.data.suspended_at,
      suspension_reason: 'Still under review',
    });
    expect(
      (await app.get('/admin/members?status=suspended', admin)).body.data.members.map((x: Json) => x.id),
    ).toContain(m.id);

    const back = await reactivate(m.id);
    expect(back.body).toMatchObject({ code: 1, message: 'Member reactivated successfully' });
    expect(back.body.data).toMatchObject({ status: 'Active', suspended_at: null, suspension_reason: null });
    const signedIn = await login(m.user.email);
    expect(signedIn.status).toBe(200);
    expect((await app.get('/user/balance', signedIn.body.data.token)).status).toBe(200);
    expect((await reactivate(m.id)).status).toBe(200);
  });

  it('keeps the member in the tree but pays them nothing while suspended; they earn again once reactivated', async () => {
    const suspended = await suspend(bravo.id);
    expect(suspended.status).toBe(200);
    // still in the tree: alpha's downline and charlie's sponsor chain show bravo, as Suspended
    const tree = await app.get(`/admin/members/${alpha.id}/network?level=1`, admin);
    expect(tree.body.data.network.find((r: Json) => r.id === bravo.id).status).toBe('Suspended');
    expect((await app.get(`/admin/members/${charlie.id}`, admin)).body.data.sponsor).toMatchObject({
      id: bravo.id,
      status: 'Suspended',
    });
    // the member's own view of the network keeps the spec's statuses
    const own = await app.get('/user/network?level=1', alpha.token);
    expect(own.body.data.network.find((r: Json) => r.id === bravo.id).status).toBe('Active');

    const before = await balanceOf(bravo);
    const during = await linesOf(await buy(buyer));
    expect(during).toEqual({
      GN1: { id: charlie.id, amount: 25_500 },
      GN3: { id: alpha.id, amount: 17_000 },
      GN4: { id: rootAccountId, amount: 12_750 },
    });
    expect(await balanceOf(bravo)).toBe(before);
    // not a sponsor or a stockist while suspended
    const registered = await app.post('/users/register', {
      email: uniqueEmail('late'),
      password: TEST_PASSWORD,
      name: 'Late Joiner',
      phone_number: '+256700000001',
      sponsor_id: bravo.memberId,
      is_dtehm_member: 'Yes',
      from_mobile: 'yes',
    });
    expect(registered.status).toBe(400);
    expect(Object.keys(registered.body.errors)).toEqual(['sponsor_id']);
    const named = await app.post(
      '/orders/create',
      { product_id: laptopId, stockist_id: bravo.memberId },
      buyer.token,
    );
    expect(named.status).toBe(400);
    expect(named.body.errors).toEqual({ stockist_id: ['The selected stockist is not an active member.'] });

    await reactivate(bravo.id);
    const after = await linesOf(await buy(buyer));
    expect(after.GN2).toEqual({ id: bravo.id, amount: 21_250 });
    expect((await balanceOf(bravo)) - before).toBe(21_250);
  });

  it('with a compressing plan, the next active upline takes a suspended member’s level', async () => {
    await sql(
      `update tenant set settings = jsonb_set(settings, '{mlm}', coalesce(settings->'mlm', '{}') || '{"compression": true}')
       where slug = 'dtehm'`,
    );
    await app.services.tenants.invalidate();
    try {
      await suspend(bravo.id);
      const lines = await linesOf(await buy(buyer));
      expect(lines.GN1!.id).toBe(charlie.id);
      expect(lines.GN2).toEqual({ id: alpha.id, amount: 21_250 });
      expect(lines.GN3).toEqual({ id: rootAccountId, amount: 17_000 });
    } finally {
      await reactivate(bravo.id);
      await sql(`update tenant set settings = settings #- '{mlm,compression}' where slug = 'dtehm'`);
      await app.services.tenants.invalidate();
    }
  });

  it('a stockist named on an order placed before the suspension earns no stockist line at confirmation', async () => {
    const order = await app.post(
      '/orders/create',
      { product_id: laptopId, stockist_id: stella.memberId },
      buyer.token,
    );
    expect(order.status).toBe(200);
    await suspend(stella.id);
    try {
      await paySandbox(app, order.body.data.payment_url);
      const confirmed = await app.post(
        '/orders/confirm-payment',
        { order_id: order.body.data.order_id },
        buyer.token,
      );
      expect(confirmed.status).toBe(200);
      expect(await linesOf(order.body.data.order_id)).not.toHaveProperty('Stockist');
    } finally {
      await reactivate(stella.id);
    }
  });

  it('a sponsor suspended when a recruit pays the membership gets no referral bonus', async () => {
    const recruit = await registerMember(app, { sponsorId: charlie.memberId, name: 'Rita Recruit' });
    await suspend(charlie.id);
    try {
      const before = await balanceOf(charlie);
      const init = await app.post(
        '/membership/initiate-payment',
        { user_id: recruit.id, payment_method: 'pesapal' },
        recruit.token,
      );
      await paySandbox(app, init.body.data.payment_url);
      const confirmed = await app.post(
        '/membership/confirm-payment',
        { payment_id: init.body.data.payment_id },
        recruit.token,
      );
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.data.sponsor_commission_created).toBe(false);
      expect(await balanceOf(charlie)).toBe(before);
    } finally {
      await reactivate(charlie.id);
    }
  });

  it('a suspension racing sign-ins leaves none of their sessions usable', async () => {
    const m = await activeMember(app, { name: 'Race Member', email: uniqueEmail('race') });
    const [suspended, ...logins] = await Promise.all([
      suspend(m.id),
      ...Array.from({ length: 4 }, () => login(m.user.email)),
    ]);
    expect(suspended.status).toBe(200);
    for (const l of logins) {
      expect([200, 403]).toContain(l.status);
      if (l.status === 200) expect((await app.get('/user/balance', l.body.data.token)).status).toBe(401);
    }
    expect((await app.get('/user/balance', m.token)).status).toBe(401);
    const [{ n }] = await sql(
      'select count(*)::int as n from session where account_id = ? and revoked_at is null',
      [m.id],
    );
    expect(n).toBe(0);
  });

  it('400 naming reason when it is missing, blank or too long; nothing changes', async () => {
    for (const body of [{}, { reason: '   ' }, { reason: 'x'.repeat(501) }, { reason: 5 }]) {
      const res = await app.post(`/admin/members/${alpha.id}/suspend`, body, admin);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors)).toEqual(['reason']);
    }
    expect((await app.get(`/admin/members/${alpha.id}`, admin)).body.data.status).toBe('Active');
  });
});

describe('every member’s orders and commissions', () => {
  it('lists orders with buyer, parties and commission totals; filters; shows one with its lines', async () => {
    const orderId = await buy(buyer);
    const list = await app.get(`/admin/orders?member_id=${buyer.memberId}&status=Paid`, admin);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const row = list.body.data.orders.find((o: Json) => o.id === orderId);
    expect(row).toMatchObject({
      total_amount: PRICE,
      status: 'Paid',
      customer: { id: buyer.id, name: 'Bryan Buyer', member_id: buyer.memberId },
      items: [
        {
          product_name: 'Premium Laptop',
          quantity: 1,
          amount: PRICE,
          sponsor: { name: 'Charlie Mugisha' },
          stockist: null,
        },
      ],
      commissions_created: 4,
      total_commission: 25_500 + 21_250 + 17_000 + 12_750,
    });
    expect(list.body.data.orders.every((o: Json) => o.customer.id === buyer.id && o.status === 'Paid')).toBe(
      true,
    );
    expect((await app.get(`/admin/orders?member_id=${alpha.memberId}`, admin)).body.data.orders).toEqual([]);

    const detail = await app.get(`/admin/orders/${orderId}`, admin);
    expect(detail.status).toBe(200);
    expect(detail.body.data).toMatchObject({
      id: orderId,
      customer: { id: buyer.id },
      paid_at: expect.any(String),
      payment_reference: expect.any(String),
    });
    expect(
      detail.body.data.commissions.map((c: Json) => [c.level, c.rate, c.amount, c.member.id, c.status]),
    ).toEqual([
      ['GN1', 3, 25_500, charlie.id, 'completed'],
      ['GN2', 2.5, 21_250, bravo.id, 'completed'],
      ['GN3', 2, 17_000, alpha.id, 'completed'],
      ['GN4', 1.5, 12_750, rootAccountId, 'completed'],
    ]);
    expect((await app.get('/admin/orders/999999', admin)).status).toBe(404);
  });

  it('lists commissions of every member, by member and type, with the filtered total', async () => {
    const all = await app.get('/admin/commissions?per_page=100', admin);
    expect(all.status).toBe(200);
    expect(new Set(all.body.data.commissions.map((c: Json) => c.member.id)).size).toBeGreaterThan(3);
    const alphas = await app.get(
      `/admin/commissions?member_id=${alpha.memberId}&commission_type=network`,
      admin,
    );
    const rows = alphas.body.data.commissions;
    expect(rows.length).toBeGreaterThan(0);
    expect(
      rows.every(
        (c: Json) => c.member.id === alpha.id && /^GN\d+$/.test(c.level) && c.status === 'completed',
      ),
    ).toBe(true);
    expect(alphas.body.data.summary).toEqual({
      total_commissions: rows.reduce((n: number, c: Json) => n + c.amount, 0),
      currency: 'UGX',
    });
    const mine = await app.get('/user/commissions?commission_type=network&per_page=100', alpha.token);
    expect(rows.map((c: Json) => c.id)).toEqual(mine.body.data.commissions.map((c: Json) => c.id));
  });

  it('400 naming the bad filters', async () => {
    const orders = await app.get(
      '/admin/orders?member_id=DTEHM20259999&status=Lost&start_date=2025-02-30',
      admin,
    );
    expect(orders.status).toBe(400);
    expect(Object.keys(orders.body.errors).sort()).toEqual(['start_date', 'status']);
    const unknown = await app.get('/admin/orders?member_id=DTEHM20259999', admin);
    expect(unknown.body.errors).toEqual({ member_id: ['The selected member id does not exist.'] });
    const reversed = await app.get(
      '/admin/commissions?start_date=2025-02-01&end_date=2025-01-01&commission_type=x',
      admin,
    );
    expect(Object.keys(reversed.body.errors).sort()).toEqual(['commission_type']);
    const period = await app.get('/admin/commissions?start_date=2025-02-01&end_date=2025-01-01', admin);
    expect(Object.keys(period.body.errors)).toEqual(['end_date']);
  });
});
