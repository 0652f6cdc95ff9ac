import { SINOMAN_ADMIN_EMAIL } from '@komisi/api';
import { savingsData, type TestMember, type TestTransaction, tenantEm } from '@komisi/api/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../testing/test-app.ts';

// The admins' financial reports (§6.2), through the REST paths the document gives, checked against a
// recomputation in SQL over the same rows (the service reads rollups; this reads the sources).

const API = '/t/sinoman/api';
const TZ = 'Asia/Jakarta';
const DAY = 86_400_000;
const jakartaDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** `YYYY-MM-DD` of the moment in Jakarta */
const localDate = (date: Date) => jakartaDay.format(date);

let app: TestApp;
let adminToken: string;
let memberToken: string;
let tenantId: number;
let members: TestMember[];

async function sinomanScope(now = new Date()) {
  const tenant = await app.services.tenants.bySlug('sinoman');
  if (!tenant) throw new Error('no sinoman tenant');
  return { em: tenantEm(app.orm, tenant.id), tenant, now };
}

const sql = async <T>(query: string, params: unknown[] = []) =>
  (await sinomanScope()).em.execute<T[]>(query, params);

beforeAll(async () => {
  app = await startTestApp();
  const scope = await sinomanScope();
  tenantId = scope.tenant.id;
  const admin = await app.services.identity.login(
    scope,
    SINOMAN_ADMIN_EMAIL,
    TEST_ADMIN_PASSWORD,
    '127.0.0.1',
  );
  adminToken = (await app.services.identity.issueTokens(scope, admin)).accessToken;

  const data = savingsData(app.services, scope);
  const now = Date.now();
  members = [
    await data.member('Dewi Lestari', { joinedAt: new Date(now - 40 * DAY) }),
    await data.member('Eko Prasetyo', { joinedAt: new Date(now - 2 * DAY) }),
    await data.member('Fajar, "the saver"', { joinedAt: new Date(now), status: 'pending' }),
  ];
  memberToken = (
    await app.services.identity.issueTokens(scope, { id: members[0]!.accountId, roles: ['member'] })
  ).accessToken;
  const t = (
    product: 'SP' | 'SW' | 'SS',
    category: TestTransaction['category'],
    amount: number,
    status: TestTransaction['status'],
    daysAgo: number,
  ): TestTransaction => ({
    product,
    typeCode: category === 'withdrawal' ? 'SS_WITHDRAWAL' : `${product}_DEPOSIT`,
    category,
    amount,
    status,
    createdAt: new Date(now - daysAgo * DAY - 60_000),
  });
  const plan: [number, TestTransaction][] = [
    [0, t('SP', 'deposit', 80_000, 'completed', 40)],
    [0, t('SW', 'deposit', 10_000, 'completed', 35)],
    [0, t('SS', 'deposit', 1_500_000, 'completed', 20)],
    [0, t('SS', 'withdrawal', 250_000, 'completed', 3)],
    [1, t('SP', 'deposit', 80_000, 'completed', 2)],
    [1, t('SS', 'deposit', 400_000, 'completed', 0)],
    [1, t('SS', 'withdrawal', 50_000, 'completed', 0)],
    [1, t('SS', 'deposit', 100_000, 'pending', 0)],
    [2, t('SP', 'deposit', 80_000, 'failed', 0)],
    [2, t('SP', 'deposit', 80_000, 'pending', 0)],
  ];
  for (const [who, tx] of plan) await data.transaction(members[who]!, tx);
});

afterAll(async () => {
  // close() also checks that every rollup agrees with the rows it summarises
  await app?.close();
});

describe('GET /admin/financial/dashboard', () => {
  it('is for admins only', async () => {
    expect((await app.request('GET', `${API}/admin/financial/dashboard`)).status).toBe(401);
    const member = await app.request('GET', `${API}/admin/financial/dashboard`, { token: memberToken });
    expect(member.status).toBe(403);
    expect(member.body.error.code).toBe('AUTH_INSUFFICIENT_PERMISSIONS');
  });

  it('answers the figures a recomputation over the transactions, members and postings gives', async () => {
    const res = await app.request('GET', `${API}/admin/financial/dashboard?period=quarter`, {
      token: adminToken,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.success).toBe(true);
    const d = res.body.data;
    const today = localDate(new Date());

    const held = await sql<{ code: string; total: string }>(
      `select p.code, coalesce(sum(0 - lp.amount), 0)::text as total
         from savings_account a join savings_product p on p.id = a.product_id
         left join ledger_account l on l.tenant_id = a.tenant_id and l.code = 'savings:' || a.id
         left join ledger_posting lp on lp.ledger_account_id = l.id
        where a.tenant_id = ? group by p.code`,
      [tenantId],
    );
    const byCode = Object.fromEntries(held.map((h) => [h.code, Number(h.total)]));
    const total = (byCode.SP ?? 0) + (byCode.SW ?? 0) + (byCode.SS ?? 0);
    expect(d.savings_breakdown).toEqual({
      simpanan_pokok: byCode.SP ?? 0,
      simpanan_wajib: byCode.SW ?? 0,
      simpanan_sukarela: byCode.SS ?? 0,
      total,
    });
    expect(d.overview.total_savings).toBe(total);

    const [flow] = await sql<{ deposits: string; withdrawals: string; active: number; open: number }>(
      `select coalesce(sum(amount) filter (where category = 'deposit'), 0)::text as deposits,
              coalesce(sum(amount) filter (where category = 'withdrawal'), 0)::text as withdrawals,
              (select count(*)::int from cooperative_member where tenant_id = ? and membership_status = 'active') as active,
              (select count(*)::int from savings_transaction where tenant_id = ? and status in ('pending', 'processing')) as open
         from savings_transaction
        where tenant_id = ? and status = 'completed' and (created_at at time zone ?)::date = ?::date`,
      [tenantId, tenantId, tenantId, TZ, today],
    );
    expect(d.overview).toMatchObject({
      total_deposits_today: Number(flow!.deposits),
      total_withdrawals_today: Number(flow!.withdrawals),
      net_flow_today: Number(flow!.deposits) - Number(flow!.withdrawals),
      active_members: flow!.active,
      pending_transactions: flow!.open,
    });
    expect(d.overview.total_deposits_today).toBeGreaterThanOrEqual(400_000);
    expect(d.overview.pending_transactions).toBeGreaterThanOrEqual(2);

    const quarterStart = `${today.slice(0, 5)}${String(Number(today.slice(5, 7)) - ((Number(today.slice(5, 7)) - 1) % 3)).padStart(2, '0')}-01`;
    const months = await sql<{ month: string; deposits: string; withdrawals: string }>(
      `select to_char((created_at at time zone ?)::date, 'YYYY-MM') as month,
              coalesce(sum(amount) filter (where category = 'deposit'), 0)::text as deposits,
              coalesce(sum(amount) filter (where category = 'withdrawal'), 0)::text as withdrawals
         from savings_transaction
        where tenant_id = ? and status = 'completed' and (created_at at time zone ?)::date between ?::date and ?::date
        group by 1`,
      [TZ, tenantId, TZ, quarterStart, today],
    );
    const joined = await sql<{ month: string; n: number }>(
      `select to_char((join_date at time zone ?)::date, 'YYYY-MM') as month, count(*)::int as n
         from cooperative_member where tenant_id = ? and (join_date at time zone ?)::date between ?::date and ?::date
        group by 1`,
      [TZ, tenantId, TZ, quarterStart, today],
    );
    for (const trend of d.monthly_trends) {
      const m = months.find((x) => x.month === trend.month);
      expect(trend).toEqual({
        month: trend.month,
        deposits: Number(m?.deposits ?? 0),
        withdrawals: Number(m?.withdrawals ?? 0),
        net_savings: Number(m?.deposits ?? 0) - Number(m?.withdrawals ?? 0),
        new_members: joined.find((x) => x.month === trend.month)?.n ?? 0,
      });
    }
    expect(d.monthly_trends[0].month).toBe(today.slice(0, 7));
    expect(d.monthly_trends.map((m: { month: string }) => m.month)).toEqual(
      [...d.monthly_trends.map((m: { month: string }) => m.month)].sort().reverse(),
    );

    const savers = await sql<{ member_number: string; name: string; total: string }>(
      `select m.member_number, ac.name, sum(0 - lp.amount)::text as total
         from savings_account a
         join ledger_account l on l.tenant_id = a.tenant_id and l.code = 'savings:' || a.id
         join ledger_posting lp on lp.ledger_account_id = l.id
         join cooperative_member m on m.tenant_id = a.tenant_id and m.account_id = a.owner_account_id
         join account ac on ac.id = a.owner_account_id
        where a.tenant_id = ? group by a.owner_account_id, m.member_number, ac.name
       having sum(lp.amount) < 0 order by sum(0 - lp.amount) desc, a.owner_account_id limit 10`,
      [tenantId],
    );
    expect(d.top_savers).toEqual(
      savers.map((s) => ({
        member_number: s.member_number,
        full_name: s.name,
        total_savings: Number(s.total),
      })),
    );
    expect(d.top_savers[0]).toEqual({
      member_number: members[0]!.memberNumber,
      full_name: 'Dewi Lestari',
      total_savings: 80_000 + 10_000 + 1_500_000 - 250_000,
    });
  });

  it('defaults to this month and refuses an unknown period, naming it', async () => {
    const res = await app.request('GET', `${API}/admin/financial/dashboard`, { token: adminToken });
    expect(res.body.data.monthly_trends.map((m: { month: string }) => m.month)).toEqual([
      localDate(new Date()).slice(0, 7),
    ]);
    const bad = await app.request('GET', `${API}/admin/financial/dashboard?period=decade`, {
      token: adminToken,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'period' });
  });
});

describe('GET /admin/financial/transactions', () => {
  const report = (query: string, token = adminToken) =>
    app.request('GET', `${API}/admin/financial/transactions?${query}`, { token });
  const lastDays = (n: number) => {
    const end = localDate(new Date());
    const start = localDate(new Date(Date.now() - n * DAY));
    return `start_date=${start}&end_date=${end}`;
  };

  it('is for admins only', async () => {
    expect((await report(lastDays(7), memberToken)).status).toBe(403);
  });

  it('summarises and lists the range, oldest first, as the transactions add up', async () => {
    const res = await report(`${lastDays(60)}&limit=4`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [counts] = await sql<{ n: number; amount: string; ok: number; failed: number; open: number }>(
      `select count(*)::int as n, coalesce(sum(amount), 0)::text as amount,
              count(*) filter (where status = 'completed')::int as ok,
              count(*) filter (where status in ('failed', 'cancelled'))::int as failed,
              count(*) filter (where status in ('pending', 'processing'))::int as open
         from savings_transaction
        where tenant_id = ? and (created_at at time zone ?)::date between ?::date and ?::date`,
      [tenantId, TZ, localDate(new Date(Date.now() - 60 * DAY)), localDate(new Date())],
    );
    const { summary, transactions, pagination, export_url } = res.body.data;
    expect(summary).toEqual({
      total_transactions: counts!.n,
      total_amount: Number(counts!.amount),
      successful_transactions: counts!.ok,
      failed_transactions: counts!.failed,
      pending_transactions: counts!.open,
      success_rate: Math.round((counts!.ok * 1000) / counts!.n) / 10,
    });
    expect(export_url).toBeNull();
    expect(transactions).toHaveLength(4);
    expect(transactions[0]).toMatchObject({
      member_number: members[0]!.memberNumber,
      member_name: 'Dewi Lestari',
      transaction_type: 'SP_DEPOSIT',
      amount: 80_000,
      status: 'completed',
    });
    expect(transactions[0].transaction_number).toMatch(/^TXN-\d{4}-\d{6}$/);
    expect(pagination).toEqual({
      current_page: 1,
      total_pages: Math.ceil(counts!.n / 4),
      total_items: counts!.n,
      items_per_page: 4,
      has_next: true,
      has_prev: false,
    });
  });

  it('filters by type code, category and status', async () => {
    const byType = await report(`${lastDays(60)}&transaction_type=SP_DEPOSIT&status=failed`);
    expect(byType.body.data.transactions.map((r: { amount: number }) => r.amount)).toEqual([80_000]);
    const withdrawals = await report(`${lastDays(60)}&transaction_type=withdrawal`);
    expect(withdrawals.body.data.summary).toMatchObject({ total_transactions: 2, total_amount: 300_000 });
  });

  it.each([
    ['', 'start_date'],
    ['start_date=2024-09-01', 'end_date'],
    ['start_date=2024-09-30&end_date=2024-09-01', 'end_date'],
    ['start_date=2023-01-01&end_date=2024-01-02', 'end_date'],
    ['start_date=2024-02-30&end_date=2024-03-01', 'start_date'],
    ['start_date=2024-09-01&end_date=2024-09-30&status=done', 'status'],
    ['start_date=2024-09-01&end_date=2024-09-30&export_format=xlsx', 'export_format'],
    ['start_date=2024-09-01&end_date=2024-09-30&transaction_type=DROP%20TABLE', 'transaction_type'],
  ])('refuses %s with a 422 naming %s', async (query, field) => {
    const res = await report(query);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });

  it('exports CSV behind a signed link that a tampered copy cannot use and that expires', async () => {
    const res = await report(`${lastDays(60)}&export_format=csv`);
    expect(res.status).toBe(200);
    const url = new URL(res.body.data.export_url);
    expect(url.pathname).toMatch(/^\/t\/sinoman\/files\/\d+$/);
    const file = await app.app.request(url.pathname + url.search);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await file.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(1 + res.body.data.summary.total_transactions);
    expect(lines.some((l) => l.includes('"Fajar, ""the saver"""'))).toBe(true);

    const tampered = new URL(url);
    tampered.searchParams.set('exp', String(Number(url.searchParams.get('exp')) + 60));
    expect((await app.app.request(tampered.pathname + tampered.search)).status).toBe(403);
    const otherFile = `${url.pathname.replace(/\d+$/, (id) => String(Number(id) + 1))}${url.search}`;
    expect((await app.app.request(otherFile)).status).toBe(403);

    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 16 * 60_000);
      expect((await app.app.request(url.pathname + url.search)).status).toBe(403);
    } finally {
      vi.useRealTimers();
    }
  });

  it('exports a PDF', async () => {
    const res = await report(`${lastDays(60)}&export_format=pdf&transaction_type=deposit`);
    const url = new URL(res.body.data.export_url);
    const file = await app.app.request(url.pathname + url.search);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });
});
