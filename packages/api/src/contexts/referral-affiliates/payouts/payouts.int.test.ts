import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemEm } from '../../../kernel/database.ts';
import type { TenantRecord } from '../../../kernel/tenant-record.ts';
import {
  driftedRunningBalances,
  ledgerTotal,
  unbalancedLedgerEntries,
} from '../../../testing/ledger-check.ts';
import {
  createAccount,
  createAffiliate,
  createTenant,
  creditAvailable,
  errorOf,
  type Harness,
  scopeOf,
  startHarness,
  verifiedBankAccount,
} from '../../../testing/referral-affiliates/payout.fixtures.ts';
import { LedgerAccounts } from '../../ledger/ledger.service.ts';

let h: Harness;
let tenant: TenantRecord;
let adminId: number;

beforeAll(async () => {
  h = await startHarness();
  tenant = await createTenant(h, { referralAffiliates: { minimumPayout: 100_000 } });
  adminId = await createAccount(h, tenant, ['admin']);
});

afterAll(async () => {
  try {
    expect(await unbalancedLedgerEntries(h.orm)).toEqual([]);
    expect(await driftedRunningBalances(h.orm)).toEqual([]);
    expect(await ledgerTotal(h.orm)).toBe(0);
  } finally {
    await h.close();
  }
});

const balances = async (accountId: number) => {
  const scope = scopeOf(h, tenant);
  return {
    available: await h.ledger.balance(scope, LedgerAccounts.affiliateAvailable(accountId)),
    pending: await h.ledger.balance(scope, LedgerAccounts.affiliatePayoutsPending(accountId)),
  };
};

/** An approved affiliate with a verified bank account and `balance` available. */
async function readyAffiliate(balance: number, accountNumber = '1234567890') {
  const a = await createAffiliate(h, tenant);
  await verifiedBankAccount(h, tenant, a.accountId, adminId, accountNumber);
  if (balance > 0) await creditAvailable(h, tenant, a.accountId, balance);
  return a;
}

describe('requesting a payout', () => {
  it('needs a verified bank account', async () => {
    const a = await createAffiliate(h, tenant);
    await creditAvailable(h, tenant, a.accountId, 500_000);
    const none = await errorOf(h.payouts.request(scopeOf(h, tenant), a.accountId, 200_000));
    expect(none.code).toBe('BANK_ACCOUNT_NOT_VERIFIED');

    await h.bankAccounts.save(scopeOf(h, tenant), a.accountId, {
      bankName: 'BNI',
      accountNumber: '0987654321',
      accountHolderName: 'Darmawan Putra',
    });
    const pending = await errorOf(h.payouts.request(scopeOf(h, tenant), a.accountId, 200_000));
    expect(pending.code).toBe('BANK_ACCOUNT_NOT_VERIFIED');
    expect(await balances(a.accountId)).toEqual({ available: 500_000, pending: 0 });
  });

  it('refuses amounts under the minimum, over the balance, or not whole and positive', async () => {
    const a = await readyAffiliate(150_000);
    const scope = () => scopeOf(h, tenant);
    expect((await errorOf(h.payouts.request(scope(), a.accountId, 99_999))).code).toBe(
      'BELOW_MINIMUM_PAYOUT',
    );
    expect((await errorOf(h.payouts.request(scope(), a.accountId, 150_001))).code).toBe(
      'INSUFFICIENT_BALANCE',
    );
    for (const bad of [0, -5, 100_000.5, Number.NaN]) {
      expect((await errorOf(h.payouts.request(scope(), a.accountId, bad))).code).toBe('VALIDATION_ERROR');
    }
    expect(await balances(a.accountId)).toEqual({ available: 150_000, pending: 0 });
  });

  it('uses the tenant minimum, 100000 by default', async () => {
    const other = await createTenant(h, { referralAffiliates: { minimumPayout: 50_000 } });
    expect(h.payouts.minimumPayout(scopeOf(h, other))).toBe(50_000);
    const plain = await createTenant(h);
    expect(h.payouts.minimumPayout(scopeOf(h, plain))).toBe(100_000);
  });

  it('is refused to applicants not approved, and 404 for accounts that are no affiliate', async () => {
    const pending = await createAffiliate(h, tenant, 'pending');
    expect((await errorOf(h.payouts.request(scopeOf(h, tenant), pending.accountId, 100_000))).code).toBe(
      'FORBIDDEN',
    );
    const stranger = await createAccount(h, tenant, ['member']);
    expect((await errorOf(h.payouts.request(scopeOf(h, tenant), stranger, 100_000))).code).toBe('NOT_FOUND');
  });

  it('moves the amount from available to payouts-pending and snapshots the bank account, masked', async () => {
    const a = await readyAffiliate(300_000, '5550001234');
    const payout = await h.payouts.request(scopeOf(h, tenant), a.accountId, 120_000);
    expect(payout).toMatchObject({
      amount: 120_000,
      status: 'pending',
      bankName: 'Bank Central Asia',
      accountNumberMasked: '******1234',
      accountHolderName: 'Darmawan Putra',
      processedAt: null,
    });
    expect(await balances(a.accountId)).toEqual({ available: 180_000, pending: 120_000 });
    const balance = await h.payouts.balance(scopeOf(h, tenant), a.accountId);
    expect(balance).toMatchObject({
      available: 180_000,
      pendingPayouts: 120_000,
      minimumPayout: 100_000,
      canRequestPayout: true,
      bankAccountVerified: true,
    });
    // the number is not stored in clear anywhere
    const [row] = await systemEm(h.orm).execute<{ account_number_sealed: string }[]>(
      'select account_number_sealed from affiliate_payout where id = ?',
      [payout.id],
    );
    expect(row!.account_number_sealed).not.toContain('5550001234');
    expect(Buffer.from(row!.account_number_sealed, 'base64').includes('5550001234')).toBe(false);
    // the admin sees the full number to transfer to
    expect((await h.payoutProcessing.adminGet(scopeOf(h, tenant), payout.id)).accountNumber).toBe(
      '5550001234',
    );
  });

  it('keeps the snapshot when the bank account changes after the request', async () => {
    const a = await readyAffiliate(200_000, '1111222233');
    const payout = await h.payouts.request(scopeOf(h, tenant), a.accountId, 100_000);
    await h.bankAccounts.save(scopeOf(h, tenant), a.accountId, {
      bankName: 'Mandiri',
      accountNumber: '9999888877',
      accountHolderName: 'Someone Else',
    });
    const admin = await h.payoutProcessing.adminGet(scopeOf(h, tenant), payout.id);
    expect(admin).toMatchObject({ bankName: 'Bank Central Asia', accountNumber: '1111222233' });
    // and the changed account (pending again) cannot be paid out to until verified
    expect((await errorOf(h.payouts.request(scopeOf(h, tenant), a.accountId, 100_000))).code).toBe(
      'BANK_ACCOUNT_NOT_VERIFIED',
    );
  });

  it('never pays out more than the balance: 200 concurrent requests', async () => {
    const a = await readyAffiliate(1_050_000);
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () => h.payouts.request(scopeOf(h, tenant), a.accountId, 100_000)),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(10);
    expect(new Set(refused.map((r) => (r.reason as { code?: string }).code))).toEqual(
      new Set(['INSUFFICIENT_BALANCE']),
    );
    expect(ok.length * 100_000).toBeLessThanOrEqual(1_050_000);
    expect(await balances(a.accountId)).toEqual({ available: 50_000, pending: 1_000_000 });
    const [count] = await systemEm(h.orm).execute<{ n: string }[]>(
      'select count(*)::text as n from affiliate_payout where account_id = ?',
      [a.accountId],
    );
    expect(count!.n).toBe('10');
    expect(await unbalancedLedgerEntries(h.orm)).toEqual([]);
    expect(await driftedRunningBalances(h.orm)).toEqual([]);
  });

  it('never overdraws with concurrent requests of different amounts either', async () => {
    const a = await readyAffiliate(1_000_000);
    const amounts = Array.from({ length: 60 }, (_, i) => 100_000 + ((i * 37_003) % 250_000));
    const results = await Promise.allSettled(
      amounts.map((amount) => h.payouts.request(scopeOf(h, tenant), a.accountId, amount)),
    );
    const paid = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.amount] : []));
    const total = paid.reduce((s, x) => s + x, 0);
    expect(total).toBeLessThanOrEqual(1_000_000);
    expect(await balances(a.accountId)).toEqual({ available: 1_000_000 - total, pending: total });
  });
});

describe('admin moves', () => {
  it('pays once: concurrent markPaid calls, one wins, one ledger entry', async () => {
    const a = await readyAffiliate(400_000);
    const payout = await h.payouts.request(scopeOf(h, tenant), a.accountId, 250_000);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        h.payoutProcessing.markPaid(scopeOf(h, tenant), payout.id, adminId, `TRF-${i}`),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect((r.reason as { code?: string }).code).toBe('INVALID_STATE');
    }
    const view = await h.payouts.get(scopeOf(h, tenant), a.accountId, payout.id);
    expect(view.status).toBe('paid');
    expect(view.transferReference).toMatch(/^TRF-\d+$/);
    expect(view.processedAt).toBeInstanceOf(Date);
    expect(await balances(a.accountId)).toEqual({ available: 150_000, pending: 0 });
    const entries = await systemEm(h.orm).execute<{ n: string }[]>(
      'select count(*)::text as n from ledger_entry where tenant_id = ? and idempotency_key like ?',
      [tenant.id, `affiliate-payout:${payout.id}:%`],
    );
    expect(entries[0]!.n).toBe('2'); // requested + paid
  });

  it('lets exactly one of a concurrent paid and failed through', async () => {
    const a = await readyAffiliate(300_000);
    const payout = await h.payouts.request(scopeOf(h, tenant), a.accountId, 200_000);
    const [paid, failed] = await Promise.allSettled([
      h.payoutProcessing.markPaid(scopeOf(h, tenant), payout.id, adminId, 'TRF-X'),
      h.payoutProcessing.markFailed(scopeOf(h, tenant), payout.id, adminId, 'Account closed'),
    ]);
    expect([paid.status, failed.status].filter((s) => s === 'fulfilled')).toHaveLength(1);
    const status = (await h.payouts.get(scopeOf(h, tenant), a.accountId, payout.id)).status;
    expect(await balances(a.accountId)).toEqual(
      status === 'paid' ? { available: 100_000, pending: 0 } : { available: 300_000, pending: 0 },
    );
  });

  it('processing then failed returns the money to available, with the reason as notes', async () => {
    const a = await readyAffiliate(300_000);
    const payout = await h.payouts.request(scopeOf(h, tenant), a.accountId, 300_000);
    const processing = await h.payoutProcessing.markProcessing(scopeOf(h, tenant), payout.id, adminId);
    expect(processing).toMatchObject({ status: 'processing', reviewedBy: adminId });
    expect(
      (await errorOf(h.payoutProcessing.markProcessing(scopeOf(h, tenant), payout.id, adminId))).code,
    ).toBe('INVALID_STATE');
    const failed = await h.payoutProcessing.markFailed(
      scopeOf(h, tenant),
      payout.id,
      adminId,
      'Name does not match',
    );
    expect(failed).toMatchObject({ status: 'failed', notes: 'Name does not match' });
    expect(await balances(a.accountId)).toEqual({ available: 300_000, pending: 0 });
    expect(
      (await errorOf(h.payoutProcessing.markPaid(scopeOf(h, tenant), payout.id, adminId, 'TRF'))).code,
    ).toBe('INVALID_STATE');
    expect(
      (await errorOf(h.payoutProcessing.markFailed(scopeOf(h, tenant), payout.id, adminId, 'again'))).code,
    ).toBe('INVALID_STATE');
    // notified through the outbox
    const mails = await systemEm(h.orm).execute<{ subject: string }[]>(
      `select subject from notification_outbox where tenant_id = ? and subject like '%payout could not be made'`,
      [tenant.id],
    );
    expect(mails.length).toBeGreaterThan(0);
  });

  it('validates the transfer reference and reason; unknown payouts are 404', async () => {
    const scope = () => scopeOf(h, tenant);
    expect((await errorOf(h.payoutProcessing.markPaid(scope(), 1, adminId, '  '))).fields).toEqual({
      transfer_reference: ['must be 1 to 100 characters'],
    });
    expect((await errorOf(h.payoutProcessing.markFailed(scope(), 1, adminId, ''))).fields).toEqual({
      reason: ['must be 1 to 500 characters'],
    });
    expect((await errorOf(h.payoutProcessing.markPaid(scope(), 999_999, adminId, 'TRF'))).code).toBe(
      'NOT_FOUND',
    );
    expect((await errorOf(h.payoutProcessing.adminGet(scope(), 999_999))).code).toBe('NOT_FOUND');
  });

  it('marks available referrals paid oldest first, as far as paid payouts cover them in full', async () => {
    const a = await readyAffiliate(0);
    const customer = await createAccount(h, tenant, ['member']);
    const sys = systemEm(h.orm);
    const day = (d: number) => new Date(Date.UTC(2026, 0, d));
    const referralIds: number[] = [];
    for (const [i, commission] of [60_000, 50_000, 70_000, 40_000].entries()) {
      const [order] = await sys.execute<{ id: number }[]>(
        `insert into customer_order (tenant_id, account_id, status, total_amount, currency, payment_method, customer_name, created_at)
         values (?, ?, 'paid', ?, 'IDR', 'test', 'Customer', now()) returning id`,
        [tenant.id, customer, commission * 10],
      );
      const [ref] = await sys.execute<{ id: number }[]>(
        `insert into affiliate_referral (tenant_id, affiliate_id, order_id, customer_account_id, source, status,
           order_value, commission_rate_bps, commission, ordered_at, confirmed_at, available_at, created_at)
         values (?, ?, ?, ?, 'link', 'available', ?, 1000, ?, ?, ?, ?, now()) returning id`,
        [
          tenant.id,
          a.affiliateId,
          order!.id,
          customer,
          commission * 10,
          commission,
          day(1 + i),
          day(1 + i),
          day(10 + i),
        ],
      );
      referralIds.push(ref!.id);
    }
    await creditAvailable(h, tenant, a.accountId, 230_000);
    const statuses = async () =>
      (
        await sys.execute<{ id: number; status: string }[]>(
          'select id, status from affiliate_referral where affiliate_id = ? order by id',
          [a.affiliateId],
        )
      ).map((r) => r.status);

    // 130000 paid: covers 60000 + 50000 (110000); the third (70000) would need 180000
    const first = await h.payouts.request(scopeOf(h, tenant), a.accountId, 130_000);
    expect(await statuses()).toEqual(['available', 'available', 'available', 'available']);
    await h.payoutProcessing.markPaid(scopeOf(h, tenant), first.id, adminId, 'TRF-1');
    expect(await statuses()).toEqual(['paid', 'paid', 'available', 'available']);

    // 100000 more (230000 in all): covers 70000 (180000) and 40000 (220000)
    const second = await h.payouts.request(scopeOf(h, tenant), a.accountId, 100_000);
    await h.payoutProcessing.markPaid(scopeOf(h, tenant), second.id, adminId, 'TRF-2');
    expect(await statuses()).toEqual(['paid', 'paid', 'paid', 'paid']);
  });
});

describe('history', () => {
  it('shows the affiliate their own payouts only, newest first, paginated and masked', async () => {
    const a = await readyAffiliate(600_000, '777766665555');
    const b = await readyAffiliate(300_000);
    const ids: number[] = [];
    for (const amount of [100_000, 150_000, 200_000]) {
      ids.push((await h.payouts.request(scopeOf(h, tenant), a.accountId, amount)).id);
    }
    const bPayout = await h.payouts.request(scopeOf(h, tenant), b.accountId, 100_000);

    const page1 = await h.payouts.history(scopeOf(h, tenant), a.accountId, { page: 1, limit: 2 });
    expect(page1.window).toMatchObject({ total: 3, last_page: 2, current_page: 1 });
    expect(page1.items.map((p) => p.amount)).toEqual([200_000, 150_000]);
    expect(page1.items[0]!.accountNumberMasked).toBe('********5555');
    expect(JSON.stringify(page1)).not.toContain('777766665555');
    const page2 = await h.payouts.history(scopeOf(h, tenant), a.accountId, { page: 2, limit: 2 });
    expect(page2.items.map((p) => p.id)).toEqual([ids[0]]);

    // another affiliate's payout is not found, not forbidden
    expect((await errorOf(h.payouts.get(scopeOf(h, tenant), a.accountId, bPayout.id))).code).toBe(
      'NOT_FOUND',
    );
    const bHistory = await h.payouts.history(scopeOf(h, tenant), b.accountId, { page: 1, limit: 10 });
    expect(bHistory.items.map((p) => p.id)).toEqual([bPayout.id]);

    // admin queue: oldest first, by status
    const queue = await h.payoutProcessing.list(scopeOf(h, tenant), {
      page: 1,
      limit: 100,
      status: 'pending',
    });
    const queued = queue.items.map((p) => p.id);
    expect(queued).toEqual(expect.arrayContaining([...ids, bPayout.id]));
    expect(queued.indexOf(ids[0]!)).toBeLessThan(queued.indexOf(bPayout.id));
    expect(queue.items.find((p) => p.id === ids[0])?.accountNumber).toBe('777766665555');
  });

  it('does not cross tenants', async () => {
    const a = await readyAffiliate(200_000);
    const payout = await h.payouts.request(scopeOf(h, tenant), a.accountId, 100_000);
    const other = await createTenant(h);
    expect((await errorOf(h.payoutProcessing.adminGet(scopeOf(h, other), payout.id))).code).toBe('NOT_FOUND');
    expect(
      (await errorOf(h.payoutProcessing.markPaid(scopeOf(h, other), payout.id, adminId, 'TRF'))).code,
    ).toBe('NOT_FOUND');
    expect((await h.payoutProcessing.list(scopeOf(h, other), { page: 1, limit: 10 })).items).toEqual([]);
  });
});
