import { DomainError, summarize } from '@komisi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantRecord } from '../../kernel/tenant-record.ts';
import {
  type KoperasiFixture,
  koperasiFixture,
  savingsData,
  type TestMember,
  type TestTransaction,
} from '../../testing/index.ts';
import { EXPORT_LINK_TTL_SECONDS } from './transaction-export.service.ts';
import { type ReportFilter, reportFilter } from './transaction-report.service.ts';

const NOW = new Date('2024-10-02T03:00:00Z');
const SEPTEMBER = reportFilter({ startDate: '2024-09-01', endDate: '2024-09-30' });

let f: KoperasiFixture;
let tenant: TenantRecord;
let ani: TestMember;
let mallory: TestMember;

const tx = (
  category: TestTransaction['category'],
  typeCode: string,
  amount: number,
  status: TestTransaction['status'],
  createdAt: string,
): TestTransaction => ({ product: 'SS', typeCode, category, amount, status, createdAt: new Date(createdAt) });

beforeAll(async () => {
  f = await koperasiFixture();
  tenant = await f.tenant();
  const data = savingsData(f.services, f.scope(tenant, NOW));
  ani = await data.member('Ani Wijaya, S.E.');
  // a name a spreadsheet would run as a formula
  mallory = await data.member('=HYPERLINK("http://evil.example")');
  const rows: [TestMember, TestTransaction][] = [
    // 00:30 on 1 September in Jakarta: in; 00:30 on 1 October: out
    [ani, tx('deposit', 'SS_DEPOSIT', 100_000, 'completed', '2024-08-31T17:30:00Z')],
    [ani, tx('deposit', 'SS_DEPOSIT', 100_000, 'completed', '2024-09-30T17:30:00Z')],
    [ani, tx('withdrawal', 'SS_WITHDRAWAL', 40_000, 'completed', '2024-09-05T03:00:00Z')],
    [mallory, tx('deposit', 'SS_DEPOSIT', 70_000, 'failed', '2024-09-06T03:00:00Z')],
    [mallory, tx('deposit', 'SS_DEPOSIT', 30_000, 'cancelled', '2024-09-07T03:00:00Z')],
    [mallory, tx('deposit', 'SS_DEPOSIT', 20_000, 'processing', '2024-09-08T03:00:00Z')],
    [ani, tx('interest', 'SS_INTEREST', 5_000, 'completed', '2024-09-30T16:59:59Z')],
  ];
  // six made in the same instant: the export's keyset walks past ties by id
  for (let i = 0; i < 6; i++)
    rows.push([
      i % 2 ? ani : mallory,
      tx('deposit', 'SS_DEPOSIT', 10_000 + i, 'pending', '2024-09-15T05:00:00Z'),
    ]);
  for (const [m, t] of rows) await data.transaction(m, t);
});

afterAll(async () => {
  await f?.close();
});

/** The summary recomputed over the transactions themselves (the rollup is what the service reads). */
async function recomputed(filter: ReportFilter) {
  const rows = await f.scope(tenant).em.execute<{ state: 'completed'; n: number; amount: string }[]>(
    `select status as state, count(*)::int as n, sum(amount)::text as amount from savings_transaction
      where tenant_id = ? and (created_at at time zone 'Asia/Jakarta')::date between ?::date and ?::date
        and (?::text is null or category = ?) and (?::text is null or type_code = ?) and (?::text is null or status = ?)
      group by status`,
    [
      tenant.id,
      filter.days.start,
      filter.days.end,
      filter.category ?? null,
      filter.category ?? null,
      filter.typeCode ?? null,
      filter.typeCode ?? null,
      filter.status ?? null,
      filter.status ?? null,
    ],
  );
  return summarize(rows.map((r) => ({ state: r.state, transactions: r.n, amount: Number(r.amount) })));
}

describe('the transaction report', () => {
  it.each([
    ['everything', {}],
    ['a type code', { transactionType: 'ss_deposit' }],
    ['a category', { transactionType: 'Withdrawal' }],
    ['a status', { status: 'failed' as const }],
    ['days around a whole month', { startDate: '2024-08-31', endDate: '2024-10-01' }],
    ['days within a month', { startDate: '2024-09-06', endDate: '2024-09-15', transactionType: 'deposit' }],
  ])('summarises %s as the transactions add up', async (_, extra) => {
    const filter = reportFilter({ startDate: '2024-09-01', endDate: '2024-09-30', ...extra });
    const summary = await f.services.transactionReport.summary(f.scope(tenant, NOW), filter);
    expect(summary).toEqual(await recomputed(filter));
  });

  it('counts the local days of the range and folds the states', async () => {
    expect(await f.services.transactionReport.summary(f.scope(tenant, NOW), SEPTEMBER)).toEqual({
      totalTransactions: 12,
      totalAmount: 100_000 + 40_000 + 70_000 + 30_000 + 20_000 + 5_000 + 60_015,
      successful: 3,
      failed: 2,
      pending: 7,
      successRate: 25,
    });
  });

  it('lists rows oldest first with the member joined, a page at a time', async () => {
    const scope = f.scope(tenant, NOW);
    const first = await f.services.transactionReport.page(scope, SEPTEMBER, 0, 3);
    expect(first.map((r) => [r.typeCode, r.amount, r.status, r.memberNumber, r.memberName])).toEqual([
      ['SS_DEPOSIT', 100_000, 'completed', ani.memberNumber, 'Ani Wijaya, S.E.'],
      ['SS_WITHDRAWAL', 40_000, 'completed', ani.memberNumber, 'Ani Wijaya, S.E.'],
      ['SS_DEPOSIT', 70_000, 'failed', mallory.memberNumber, mallory.name],
    ]);
    expect(first[0]!.createdAt.toISOString()).toBe('2024-08-31T17:30:00.000Z');
    expect(first[0]!.processedAt?.toISOString()).toBe('2024-08-31T17:30:00.000Z');
    const last = await f.services.transactionReport.page(scope, SEPTEMBER, 11, 3);
    expect(last.map((r) => r.typeCode)).toEqual(['SS_INTEREST']);
  });

  it('streams every row once, in order, past rows made in the same instant', async () => {
    const scope = f.scope(tenant, NOW);
    const all = await f.services.transactionReport.page(scope, SEPTEMBER, 0, 100);
    const streamed = [];
    for await (const batch of f.services.transactionReport.batches(scope, SEPTEMBER, 4)) {
      expect(batch.length).toBeLessThanOrEqual(4);
      streamed.push(...batch);
    }
    expect(streamed.map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect(new Set(streamed.map((r) => r.id)).size).toBe(12);
  });

  it('refuses a range it cannot report, naming the field', () => {
    expect(() => reportFilter({ startDate: '2024-09-30', endDate: '2024-09-01' })).toThrow(
      expect.objectContaining({ fields: { end_date: ['must be on or after start_date'] } }),
    );
    expect(() => reportFilter({ startDate: '2023-01-01', endDate: '2024-01-02' })).toThrow(DomainError);
  });
});

describe('report exports', () => {
  const request = async (format: 'csv' | 'pdf', filter = SEPTEMBER) => {
    const scope = f.scope(tenant, NOW);
    const summary = await f.services.transactionReport.summary(scope, filter);
    return f.services.transactionExport.export(scope, {
      format,
      filter,
      summary,
      requesterAccountId: ani.accountId,
      baseUrl: 'https://api.sinoman.test',
    });
  };
  const open = (url: string, now = NOW) => {
    const u = new URL(url);
    return f.services.files.openSigned(f.scope(tenant, now), u.pathname.split('/').at(-1)!, {
      v: u.searchParams.get('v') ?? undefined,
      exp: u.searchParams.get('exp') ?? undefined,
      sig: u.searchParams.get('sig') ?? undefined,
    });
  };

  it('writes every row as CSV, formulas disarmed, behind a link that expires', async () => {
    const url = await request('csv');
    expect(url).toMatch(/^https:\/\/api\.sinoman\.test\/files\/\d+\?v=\d+&exp=\d+&sig=/);
    const opened = await open(url);
    if (!opened.ok) throw new Error(`not served: ${opened.status}`);
    expect(opened.file.contentType).toBe('text/csv; charset=utf-8');
    const text = opened.file.bytes.toString('utf8');
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'transaction_number,member_number,member_name,transaction_type,amount,status,created_at,processed_at',
    );
    expect(lines).toHaveLength(1 + 12 + 1);
    expect(lines[1]).toMatch(
      /^TXN-\d{4}-\d{6},SIN-[^,]+,"Ani Wijaya, S.E.",SS_DEPOSIT,100000,completed,2024-08-31T17:30:00.000Z,2024-08-31T17:30:00.000Z$/,
    );
    expect(lines.find((l) => l.includes('HYPERLINK'))).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    const later = new Date(NOW.getTime() + (EXPORT_LINK_TTL_SECONDS + 1) * 1000);
    expect(await open(url, later)).toEqual({ ok: false, status: 403 });
  });

  it('writes a PDF of the report', async () => {
    const opened = await open(await request('pdf'));
    if (!opened.ok) throw new Error(`not served: ${opened.status}`);
    expect(opened.file.contentType).toBe('application/pdf');
    expect(opened.file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses an export past the row limit, naming export_format', async () => {
    const scope = f.scope(tenant, NOW);
    const summary = {
      ...(await f.services.transactionReport.summary(scope, SEPTEMBER)),
      totalTransactions: 5_001,
    };
    await expect(
      f.services.transactionExport.export(scope, {
        format: 'pdf',
        filter: SEPTEMBER,
        summary,
        requesterAccountId: ani.accountId,
        baseUrl: 'https://api.sinoman.test',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      fields: { export_format: [expect.stringContaining('at most 5000')] },
    });
  });

  it('removes exports older than a day when the next one is made', async () => {
    const scope = f.scope(tenant, NOW);
    const count = async () =>
      (
        await scope.em.execute<{ n: number }[]>(
          `select count(*)::int as n from file_object where tenant_id = ? and purpose = 'report'`,
          [tenant.id],
        )
      )[0]!.n;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await scope.em.execute(
      `update file_object set created_at = created_at - interval '2 days' where tenant_id = ?`,
      [tenant.id],
    );
    await request('csv');
    expect(await count()).toBe(1);
  });
});
