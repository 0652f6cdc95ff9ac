import { DomainError } from '@komisi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemEm } from '../../../kernel/database.ts';
import type { TenantRecord } from '../../../kernel/tenant-record.ts';
import {
  type ReferralFixture,
  referralFixture,
} from '../../../testing/referral-affiliates/referral-fixtures.ts';
import { LedgerAccounts } from '../../ledger/ledger.service.ts';
import { createClickSink } from '../clicks/click-sink.ts';
import { newClickId } from '../clicks/referral-cookie.ts';

// 10:00 on 23 November in Jakarta (UTC+7)
const NOW = new Date('2026-11-23T03:00:00Z');

let f: ReferralFixture;
let tenant: TenantRecord;
let other: TenantRecord;
let affiliate: { id: number; accountId: number };
let quiet: { id: number; accountId: number };
let pendingOrderId: number;

beforeAll(async () => {
  f = await referralFixture();
  tenant = await f.tenant({ timeZone: 'Asia/Jakarta' });
  other = await f.tenant({ timeZone: 'Asia/Jakarta' });
  affiliate = await f.affiliate(tenant);
  quiet = await f.affiliate(tenant);
  const clicksAt = [
    '2026-11-23T02:00:00Z',
    '2026-11-23T02:01:00Z',
    '2026-11-23T02:02:00Z',
    '2026-11-20T05:00:00Z',
    '2026-11-20T06:00:00Z',
    ...Array.from({ length: 5 }, () => '2026-10-20T05:00:00Z'),
  ];
  await createClickSink(f.orm)(
    clicksAt.map((at) =>
      f.services.referralLinks.clickRecord(tenant, {
        affiliateId: affiliate.id,
        clickId: newClickId(new Date(at)),
        clickedAt: new Date(at),
        ip: '198.51.100.1',
        userAgent: 'Mozilla/5.0',
        referer: 'https://www.instagram.com/p/abc',
        query: new URLSearchParams(),
      }),
    ),
  );
  const ref = (
    status: 'pending' | 'confirmed' | 'available' | 'paid' | 'reversed',
    commission: number,
    orderedAt: string,
    confirmedAt: string | null,
  ) =>
    f.referral(tenant, affiliate.id, {
      status,
      commission,
      orderedAt: new Date(orderedAt),
      confirmedAt: confirmedAt ? new Date(confirmedAt) : null,
    });
  // 00:30 on the 23rd in Jakarta (still the 22nd in UTC)
  await ref('confirmed', 100, '2026-11-22T17:00:00Z', '2026-11-22T17:30:00Z');
  // 23:30 on the 22nd in Jakarta
  await ref('available', 200, '2026-11-22T16:00:00Z', '2026-11-22T16:30:00Z');
  await ref('reversed', 999, '2026-11-21T03:00:00Z', '2026-11-21T04:00:00Z');
  pendingOrderId = (await ref('pending', 70, '2026-11-23T02:30:00Z', null)).orderId;
  await ref('paid', 50, '2026-10-01T04:00:00Z', '2026-10-01T05:00:00Z');
  await systemEm(f.orm).execute(
    'update affiliate set total_conversions = 3, total_commission = 350 where id = ?',
    [affiliate.id],
  );

  // ledger as the commission service and the payout flow leave it
  const s = f.scope(tenant, NOW);
  const onHold = LedgerAccounts.affiliateOnHold(affiliate.accountId);
  const available = LedgerAccounts.affiliateAvailable(affiliate.accountId);
  const expense = LedgerAccounts.commissionExpense;
  const post = (key: string, from: typeof onHold, to: typeof onHold, amount: number) =>
    f.services.ledger.post(s, key, key, [
      { account: from, amount },
      { account: to, amount: -amount },
    ]);
  await post('r1:commission', expense, onHold, 100);
  await post('r2:commission', expense, onHold, 200);
  await post('r2:release', onHold, available, 200);
  await post('r5:commission', expense, onHold, 50);
  await post('r5:release', onHold, available, 50);
  await post('payout:1', available, LedgerAccounts.affiliatePayoutsPending(affiliate.accountId), 50);
  await systemEm(f.orm).execute(
    `insert into affiliate_payout (tenant_id, affiliate_id, account_id, amount, status, bank_name,
       account_number_masked, account_number_sealed, account_holder_name, requested_at, updated_at)
     values (?, ?, ?, 50, 'pending', 'BCA', '******7890', 'sealed', 'Dar Mawan', ?, ?)`,
    [tenant.id, affiliate.id, affiliate.accountId, new Date('2026-11-23T01:00:00Z'), NOW],
  );
});
afterAll(async () => {
  await f.close();
});

const stats = () => f.services.affiliateStats;

describe('summary', () => {
  it('reads the totals from the affiliate row and the balances from the ledger', async () => {
    expect(await stats().summary(f.scope(tenant, NOW), affiliate.id)).toEqual({
      total_clicks: 10,
      total_conversions: 3,
      conversion_rate: 30,
      total_commission: 350,
      available_balance: 200,
      pending_commission: 100,
    });
  });

  it('has a 0% conversion rate and zero balances before the first click', async () => {
    expect(await stats().summary(f.scope(tenant, NOW), quiet.id)).toEqual({
      total_clicks: 0,
      total_conversions: 0,
      conversion_rate: 0,
      total_commission: 0,
      available_balance: 0,
      pending_commission: 0,
    });
  });

  it("does not find another tenant's affiliate", async () => {
    await expect(stats().summary(f.scope(other, NOW), affiliate.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('statistics', () => {
  it('today: the local day, conversions bucketed by local confirmation time', async () => {
    expect(await stats().statistics(f.scope(tenant, NOW), affiliate.id, { period: 'today' })).toEqual({
      total_clicks: 3,
      total_conversions: 1,
      total_commission: 100,
      chart_data: [{ date: '2026-11-23', clicks: 3, conversions: 1, commission: 100 }],
    });
  });

  it('7days: one entry per day, zero days included, reversed referrals left out', async () => {
    const r = await stats().statistics(f.scope(tenant, NOW), affiliate.id, { period: '7days' });
    expect(r.chart_data.map((d) => d.date)).toEqual([
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
    ]);
    expect(r.chart_data.filter((d) => d.clicks || d.conversions)).toEqual([
      { date: '2026-11-20', clicks: 2, conversions: 0, commission: 0 },
      { date: '2026-11-22', clicks: 0, conversions: 1, commission: 200 },
      { date: '2026-11-23', clicks: 3, conversions: 1, commission: 100 },
    ]);
    expect(r.chart_data.find((d) => d.date === '2026-11-21')).toEqual({
      date: '2026-11-21',
      clicks: 0,
      conversions: 0,
      commission: 0,
    });
    expect([r.total_clicks, r.total_conversions, r.total_commission]).toEqual([5, 2, 300]);
  });

  it('30days and this_month end today', async () => {
    const d30 = await stats().statistics(f.scope(tenant, NOW), affiliate.id, { period: '30days' });
    expect(d30.chart_data).toHaveLength(30);
    expect(d30.chart_data[0]!.date).toBe('2026-10-25');
    expect(d30.total_clicks).toBe(5);
    const month = await stats().statistics(f.scope(tenant, NOW), affiliate.id, { period: 'this_month' });
    expect(month.chart_data).toHaveLength(23);
    expect([month.total_clicks, month.total_conversions, month.total_commission]).toEqual([5, 2, 300]);
  });

  it('custom: both dates inclusive', async () => {
    const r = await stats().statistics(f.scope(tenant, NOW), affiliate.id, {
      period: 'custom',
      startDate: '2026-10-01',
      endDate: '2026-10-31',
    });
    expect(r.chart_data).toHaveLength(31);
    expect([r.total_clicks, r.total_conversions, r.total_commission]).toEqual([5, 1, 50]);
    expect(r.chart_data[0]).toEqual({ date: '2026-10-01', clicks: 0, conversions: 1, commission: 50 });
  });

  it('custom without an end date is a VALIDATION_ERROR naming end_date', async () => {
    const err = await stats()
      .statistics(f.scope(tenant, NOW), affiliate.id, { period: 'custom', startDate: '2026-10-01' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('VALIDATION_ERROR');
    expect((err as DomainError).fields).toHaveProperty('end_date');
  });

  it("does not find another tenant's affiliate", async () => {
    await expect(
      stats().statistics(f.scope(other, NOW), affiliate.id, { period: '30days' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('by the signed-in account (the dashboard procedures)', () => {
  it('reads the summary and the statistics with the affiliate status, in one statement each', async () => {
    const summary = await stats().summaryOfAccount(f.scope(tenant, NOW), affiliate.accountId);
    expect(summary).toEqual({
      status: 'approved',
      summary: await stats().summary(f.scope(tenant, NOW), affiliate.id),
    });
    const week = await stats().statisticsOfAccount(f.scope(tenant, NOW), affiliate.accountId, {
      period: '7days',
    });
    expect(week).toEqual({
      status: 'approved',
      statistics: await stats().statistics(f.scope(tenant, NOW), affiliate.id, { period: '7days' }),
    });
  });

  it('gives a pending application its status and no days', async () => {
    const pending = await f.affiliate(tenant, { status: 'pending', code: null });
    expect((await stats().summaryOfAccount(f.scope(tenant, NOW), pending.accountId))?.status).toBe('pending');
    expect(
      await stats().statisticsOfAccount(f.scope(tenant, NOW), pending.accountId, { period: '30days' }),
    ).toEqual({
      status: 'pending',
      statistics: { total_clicks: 0, total_conversions: 0, total_commission: 0, chart_data: [] },
    });
  });

  it("is null for an account without an application, and for another tenant's", async () => {
    expect(await stats().summaryOfAccount(f.scope(other, NOW), affiliate.accountId)).toBeNull();
    expect(
      await stats().statisticsOfAccount(f.scope(other, NOW), affiliate.accountId, { period: 'today' }),
    ).toBeNull();
  });
});

describe('activity', () => {
  it('merges clicks, sales and payouts, newest first', async () => {
    const items = await stats().activity(f.scope(tenant, NOW), affiliate.id, 5);
    expect(items).toEqual([
      {
        type: 'sale',
        description: `Sale from order #${pendingOrderId} (awaiting payment)`,
        amount: 70,
        created_at: new Date('2026-11-23T02:30:00Z'),
      },
      ...['02:02', '02:01', '02:00'].map((t) => ({
        type: 'click',
        description: 'Referral link clicked from instagram.com',
        amount: 0,
        created_at: new Date(`2026-11-23T${t}:00Z`),
      })),
      {
        type: 'payout',
        description: 'Payout to BCA ******7890 (pending)',
        amount: 50,
        created_at: new Date('2026-11-23T01:00:00Z'),
      },
    ]);
  });

  it('refuses a limit outside 1..100 naming it', async () => {
    await expect(stats().activity(f.scope(tenant, NOW), affiliate.id, 0)).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      fields: { limit: [expect.any(String)] },
    });
  });
});
