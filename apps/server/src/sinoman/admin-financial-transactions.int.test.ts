import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  SINOMAN_API as API,
  DAY_MS as DAY,
  type FinancialReportsApp,
  localDate,
  startFinancialReportsApp,
  JAKARTA as TZ,
} from '../testing/sinoman-financial.ts';

// The admins' transaction report and its exports (§6.2), through the document's REST path, checked against a recomputation in SQL over the
// same rows (the service reads rollups; this reads the sources).

let f: FinancialReportsApp;

beforeAll(async () => {
  f = await startFinancialReportsApp();
});

afterAll(async () => {
  // close() also checks that every rollup agrees with the rows it summarises
  await f?.app.close();
});

describe('GET /admin/financial/transactions', () => {
  const report = (query: string, token = f.adminToken) =>
    f.app.request('GET', `${API}/admin/financial/transactions?${query}`, { token });
  const lastDays = (n: number) => {
    const end = localDate(new Date());
    const start = localDate(new Date(Date.now() - n * DAY));
    return `start_date=${start}&end_date=${end}`;
  };

  it('is for admins only', async () => {
    expect((await report(lastDays(7), f.memberToken)).status).toBe(403);
  });

  it('summarises and lists the range, oldest first, as the transactions add up', async () => {
    const res = await report(`${lastDays(60)}&limit=4`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [counts] = await f.sql<{ n: number; amount: string; ok: number; failed: number; open: number }>(
      `select count(*)::int as n, coalesce(sum(amount), 0)::text as amount,
              count(*) filter (where status = 'completed')::int as ok,
              count(*) filter (where status in ('failed', 'cancelled'))::int as failed,
              count(*) filter (where status in ('pending', 'processing'))::int as open
         from savings_transaction
        where tenant_id = ? and (created_at at time zone ?)::date between ?::date and ?::date`,
      [f.tenantId, TZ, localDate(new Date(Date.now() - 60 * DAY)), localDate(new Date())],
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
      member_number: f.members[0]!.memberNumber,
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
    expect(url.pathname).toMatch(/^\/t\/kop-reports\/files\/\d+$/);
    const file = await f.app.app.request(url.pathname + url.search);
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
    expect((await f.app.app.request(tampered.pathname + tampered.search)).status).toBe(403);
    const otherFile = `${url.pathname.replace(/\d+$/, (id) => String(Number(id) + 1))}${url.search}`;
    expect((await f.app.app.request(otherFile)).status).toBe(403);

    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 16 * 60_000);
      expect((await f.app.app.request(url.pathname + url.search)).status).toBe(403);
    } finally {
      vi.useRealTimers();
    }
  });

  it('exports a PDF', async () => {
    const res = await report(`${lastDays(60)}&export_format=pdf&transaction_type=deposit`);
    const url = new URL(res.body.data.export_url);
    const file = await f.app.app.request(url.pathname + url.search);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });
});
