import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SINOMAN_API as API,
  type FinancialReportsApp,
  localDate,
  startFinancialReportsApp,
  JAKARTA as TZ,
} from '../testing/sinoman-financial.ts';

// The admins' financial dashboard (§6.2), through the document's REST path, checked against a recomputation in SQL over the
// same rows (the service reads rollups; this reads the sources).

let f: FinancialReportsApp;

beforeAll(async () => {
  f = await startFinancialReportsApp();
});

afterAll(async () => {
  // close() also checks that every rollup agrees with the rows it summarises
  await f?.app.close();
});

describe('GET /admin/financial/dashboard', () => {
  it('is for admins only', async () => {
    expect((await f.app.request('GET', `${API}/admin/financial/dashboard`)).status).toBe(401);
    const member = await f.app.request('GET', `${API}/admin/financial/dashboard`, { token: f.memberToken });
    expect(member.status).toBe(403);
    expect(member.body.error.code).toBe('AUTH_INSUFFICIENT_PERMISSIONS');
  });

  it('answers the figures a recomputation over the transactions, members and postings gives', async () => {
    const res = await f.app.request('GET', `${API}/admin/financial/dashboard?period=quarter`, {
      token: f.adminToken,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.success).toBe(true);
    const d = res.body.data;
    const today = localDate(new Date());

    const held = await f.sql<{ code: string; total: string }>(
      `select p.code, coalesce(sum(0 - lp.amount), 0)::text as total
         from savings_account a join savings_product p on p.id = a.product_id
         left join ledger_account l on l.tenant_id = a.tenant_id and l.code = 'savings:' || a.id
         left join ledger_posting lp on lp.ledger_account_id = l.id
        where a.tenant_id = ? group by p.code`,
      [f.tenantId],
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

    const [flow] = await f.sql<{ deposits: string; withdrawals: string; active: number; open: number }>(
      `select coalesce(sum(amount) filter (where category = 'deposit'), 0)::text as deposits,
              coalesce(sum(amount) filter (where category = 'withdrawal'), 0)::text as withdrawals,
              (select count(*)::int from cooperative_member where tenant_id = ? and membership_status = 'active') as active,
              (select count(*)::int from savings_transaction where tenant_id = ? and status in ('pending', 'processing')) as open
         from savings_transaction
        where tenant_id = ? and status = 'completed' and (created_at at time zone ?)::date = ?::date`,
      [f.tenantId, f.tenantId, f.tenantId, TZ, today],
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
    const months = await f.sql<{ month: string; deposits: string; withdrawals: string }>(
      `select to_char((created_at at time zone ?)::date, 'YYYY-MM') as month,
              coalesce(sum(amount) filter (where category = 'deposit'), 0)::text as deposits,
              coalesce(sum(amount) filter (where category = 'withdrawal'), 0)::text as withdrawals
         from savings_transaction
        where tenant_id = ? and status = 'completed' and (created_at at time zone ?)::date between ?::date and ?::date
        group by 1`,
      [TZ, f.tenantId, TZ, quarterStart, today],
    );
    const joined = await f.sql<{ month: string; n: number }>(
      `select to_char((join_date at time zone ?)::date, 'YYYY-MM') as month, count(*)::int as n
         from cooperative_member where tenant_id = ? and (join_date at time zone ?)::date between ?::date and ?::date
        group by 1`,
      [TZ, f.tenantId, TZ, quarterStart, today],
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

    const savers = await f.sql<{ member_number: string; name: string; total: string }>(
      `select m.member_number, ac.name, sum(0 - lp.amount)::text as total
         from savings_account a
         join ledger_account l on l.tenant_id = a.tenant_id and l.code = 'savings:' || a.id
         join ledger_posting lp on lp.ledger_account_id = l.id
         join cooperative_member m on m.tenant_id = a.tenant_id and m.account_id = a.owner_account_id
         join account ac on ac.id = a.owner_account_id
        where a.tenant_id = ? group by a.owner_account_id, m.member_number, ac.name
       having sum(lp.amount) < 0 order by sum(0 - lp.amount) desc, a.owner_account_id limit 10`,
      [f.tenantId],
    );
    expect(d.top_savers).toEqual(
      savers.map((s) => ({
        member_number: s.member_number,
        full_name: s.name,
        total_savings: Number(s.total),
      })),
    );
    expect(d.top_savers[0]).toEqual({
      member_number: f.members[0]!.memberNumber,
      full_name: 'Dewi Lestari',
      total_savings: 80_000 + 10_000 + 1_500_000 - 250_000,
    });
  });

  it('defaults to this month and refuses an unknown period, naming it', async () => {
    const res = await f.app.request('GET', `${API}/admin/financial/dashboard`, { token: f.adminToken });
    expect(res.body.data.monthly_trends.map((m: { month: string }) => m.month)).toEqual([
      localDate(new Date()).slice(0, 7),
    ]);
    const bad = await f.app.request('GET', `${API}/admin/financial/dashboard?period=decade`, {
      token: f.adminToken,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'period' });
  });
});
