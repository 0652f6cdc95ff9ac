import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../../kernel/scope.ts';
import {
  driftedRunningBalances,
  ledgerTotal,
  unbalancedLedgerEntries,
} from '../../../testing/ledger-check.ts';
import {
  approvedAffiliate,
  quickAccount,
  quickOrders,
} from '../../../testing/referral-affiliates/affiliate-program.fixtures.ts';
import { useProgrammeWorld } from '../../../testing/referral-affiliates/programme-world-hooks.ts';
import { JobRunner } from '../../jobs/job-runner.ts';
import { AffiliateReferral } from './affiliate-referral.entity.ts';
import { AFFILIATE_COMMISSION_RELEASE_JOB, registerAffiliateProgramJobs } from './commission-release.job.ts';

// The job runner and the commission release on the embedded database: the lease upsert, the
// SKIP LOCKED claim and the ledger work on PGlite as on PostgreSQL.
const world = useProgrammeWorld({ on: 'pglite' });

const DAY = 86_400_000;
const T0 = new Date('2026-04-01T00:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);

describe('affiliate-commission-release on PGlite', () => {
  it('releases each due commission once, with two instances running the job at the same time', async () => {
    const commissions = world.services.referralCommissions;
    const affiliates = [await approvedAffiliate(world), await approvedAffiliate(world)];
    const scope = world.scope(T0);
    const customer = await quickAccount(scope);
    const orderIds = await quickOrders(scope, customer.id, 1_000_000, 60);
    const expected = new Map(affiliates.map((a) => [a.accountId, 0]));
    await inTransaction(scope, async (tx) => {
      for (const [i, orderId] of orderIds.entries()) {
        const affiliate = affiliates[i % 2]!;
        await commissions.onOrderPlaced(tx, {
          orderId,
          customer: { accountId: customer.id },
          orderValue: 200_000 + i * 999,
          attribution: { affiliateId: affiliate.id, source: 'link', clickId: `click-${i}` },
        });
        const confirmed = await commissions.onOrderPaid(tx, orderId);
        expected.set(affiliate.accountId, expected.get(affiliate.accountId)! + confirmed!.commission);
      }
    });

    const instances = [1, 2].map(() => {
      const runner = new JobRunner(world.orm, { clock: () => at(31) });
      registerAffiliateProgramJobs(runner, commissions, { batchSize: 7 });
      return runner;
    });
    const results = await Promise.all(instances.map((r) => r.runNow(AFFILIATE_COMMISSION_RELEASE_JOB)));
    expect(results.reduce((sum, r) => sum + r.processed, 0)).toBe(60);
    expect(results.map((r) => r.status).sort()).toEqual(
      results.some((r) => r.status === 'skipped') ? ['skipped', 'succeeded'] : ['succeeded', 'succeeded'],
    );
    // and the service's own claim holds when two releases overlap without the lease
    expect(
      (
        await Promise.all([
          commissions.releaseDue(world.scope(at(32)), at(32)),
          commissions.releaseDue(world.scope(at(32)), at(32)),
        ])
      ).reduce((a, b) => a + b, 0),
    ).toBe(0);

    expect(await world.scope().em.count(AffiliateReferral, { status: 'available' })).toBe(60);
    for (const a of affiliates) {
      expect(await commissions.balance(world.scope(), a.accountId)).toEqual({
        available: expected.get(a.accountId),
        onHold: 0,
        payoutsPending: 0,
        paidOut: 0,
      });
    }
    expect(await unbalancedLedgerEntries(world.orm)).toEqual([]);
    expect(await driftedRunningBalances(world.orm)).toEqual([]);
    expect(await ledgerTotal(world.orm)).toBe(0);
  });

  it('runs on its interval and stops cleanly', async () => {
    let runs = 0;
    const runner = new JobRunner(world.orm).register(
      'tick',
      30,
      async () => {
        runs++;
        return 0;
      },
      { tenants: async () => [world.tenant.id] },
    );
    runner.start();
    await expect.poll(() => runs, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await runner.stop();
  });
});
