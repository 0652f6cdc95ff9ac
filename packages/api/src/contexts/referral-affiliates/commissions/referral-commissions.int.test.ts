import { describe, expect, it } from 'vitest';
import { tenantEm } from '../../../kernel/database.ts';
import { inTransaction } from '../../../kernel/scope.ts';
import {
  addTenant,
  approvedAffiliate,
  type ProgrammeWorld,
  quickAccount,
  quickOrders,
  uniqueEmail,
} from '../../../testing/referral-affiliates/affiliate-program.fixtures.ts';
import { useProgrammeWorld } from '../../../testing/referral-affiliates/programme-world-hooks.ts';
import { JobRun } from '../../jobs/job.entity.ts';
import { JobRunner } from '../../jobs/job-runner.ts';
import { Affiliate } from '../affiliate.entity.ts';
import { AffiliateReferral } from './affiliate-referral.entity.ts';
import { AFFILIATE_COMMISSION_RELEASE_JOB, registerAffiliateProgramJobs } from './commission-release.job.ts';

const world = useProgrammeWorld({ on: 'postgres', checkLedger: true });

const DAY = 86_400_000;
const T0 = new Date('2026-04-01T00:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const commissions = () => world.services.referralCommissions;

const link = (affiliateId: number) => ({ affiliateId, source: 'link' as const, clickId: 'click-1' });

/** The same services on a tenant of its own (release runs see every due commission of a tenant). */
async function ownTenant(slug: string): Promise<ProgrammeWorld> {
  const tenant = await addTenant(world.orm, slug);
  return {
    ...world,
    tenant,
    scope: (now = new Date()) => ({ em: tenantEm(world.orm, tenant.id), tenant, now }),
  };
}

/** A customer's order referred by `affiliateId`, placed at T0. */
async function referredOrder(affiliateId: number, total = 1_500_000, w = world) {
  const scope = w.scope(T0);
  const customer = await quickAccount(scope);
  const [orderId] = await quickOrders(scope, customer.id, total);
  const outcome = await inTransaction(scope, (tx) =>
    commissions().onOrderPlaced(tx, {
      orderId: orderId!,
      customer: { accountId: customer.id, email: customer.email },
      orderValue: total,
      attribution: link(affiliateId),
    }),
  );
  return { orderId: orderId!, customer, outcome };
}

const paid = (orderId: number, now = T0, w = world) =>
  inTransaction(w.scope(now), (tx) => commissions().onOrderPaid(tx, orderId));
const reversed = (orderId: number, now: Date, w = world) =>
  inTransaction(w.scope(now), (tx) => commissions().onOrderReversed(tx, orderId));
const referralOf = (orderId: number, w = world) =>
  w.scope().em.findOneOrFail(AffiliateReferral, { order: orderId }, { refresh: true });
const affiliateRow = (id: number, w = world) =>
  w.scope().em.findOneOrFail(Affiliate, { id }, { refresh: true });
const balance = (accountId: number, w = world) => commissions().balance(w.scope(), accountId);
const entriesLike = async (pattern: string) =>
  (
    await world
      .scope()
      .em.execute<{ n: number }[]>(
        'select count(*)::int as n from ledger_entry where tenant_id = ? and idempotency_key like ?',
        [world.tenant.id, pattern],
      )
  )[0]!.n;

describe('placing a referred order', () => {
  it('records a pending referral at the programme’s default rate, rounded down', async () => {
    const affiliate = await approvedAffiliate(world);
    const { orderId, customer, outcome } = await referredOrder(affiliate.id, 1_234_567);
    expect(outcome).toEqual({ recorded: true, referralId: expect.any(Number), commission: 123_456 });
    expect(await referralOf(orderId)).toMatchObject({
      affiliate: affiliate.id,
      customer: customer.id,
      source: 'link',
      clickId: 'click-1',
      status: 'pending',
      orderValue: 1_234_567,
      commissionRateBps: 1000,
      commission: 123_456,
      orderedAt: T0,
      confirmedAt: null,
    });
    // a replay of the same order records nothing new
    const again = await inTransaction(world.scope(T0), (tx) =>
      commissions().onOrderPlaced(tx, {
        orderId,
        customer: { accountId: customer.id },
        orderValue: 1_234_567,
        attribution: link(affiliate.id),
      }),
    );
    expect(again).toEqual({ recorded: false, reason: 'already_recorded' });
  });

  it('uses the affiliate’s own rate', async () => {
    const affiliate = await approvedAffiliate(world, { commissionRateBps: 250 });
    const { outcome } = await referredOrder(affiliate.id, 1_000_001);
    expect(outcome).toMatchObject({ recorded: true, commission: 25_000 });
  });

  it('records nothing for a self-referral (same account, email or phone)', async () => {
    const affiliate = await approvedAffiliate(world, { whatsapp: '0812-7777-1234' });
    const scope = world.scope(T0);
    const stranger = await quickAccount(scope);
    const [orderId] = await quickOrders(scope, stranger.id, 1_000_000);
    const customers = [
      { accountId: affiliate.accountId },
      { accountId: stranger.id, email: ` ${affiliate.email.toUpperCase()}` },
      { accountId: stranger.id, phone: '+62 812 7777 1234' },
    ];
    for (const customer of customers) {
      const outcome = await inTransaction(scope, (tx) =>
        commissions().onOrderPlaced(tx, {
          orderId: orderId!,
          customer,
          orderValue: 1_000_000,
          attribution: { affiliateId: affiliate.id, source: 'coupon', clickId: null },
        }),
      );
      expect(outcome).toEqual({ recorded: false, reason: 'self_referral' });
    }
    expect(await world.scope().em.count(AffiliateReferral, { order: orderId! })).toBe(0);
    expect(await paid(orderId!)).toBeNull();
    expect((await affiliateRow(affiliate.id)).totalConversions).toBe(0);
  });

  it('records nothing without an attribution or for an affiliate that is not approved', async () => {
    const scope = world.scope(T0);
    const customer = await quickAccount(scope);
    const [orderId] = await quickOrders(scope, customer.id, 1_000_000);
    const pending = await world.services.affiliateApplications.apply(scope, {
      firstName: 'Not',
      lastName: 'Yet',
      email: uniqueEmail('pending'),
      password: 'password123',
      whatsapp: '0811000000',
      city: 'Jakarta',
      primaryPlatform: 'tiktok',
      reason: 'Soon',
    });
    const place = (
      attribution: Parameters<ReturnType<typeof commissions>['onOrderPlaced']>[1]['attribution'],
    ) =>
      inTransaction(scope, (tx) =>
        commissions().onOrderPlaced(tx, {
          orderId: orderId!,
          customer: { accountId: customer.id },
          orderValue: 1_000_000,
          attribution,
        }),
      );
    expect(await place(null)).toEqual({ recorded: false, reason: 'no_attribution' });
    expect(await place(link(pending.affiliate.id))).toEqual({
      recorded: false,
      reason: 'affiliate_not_approved',
    });
    expect(await place(link(999_999))).toEqual({ recorded: false, reason: 'affiliate_not_approved' });
  });

  it('attributes by the tenant’s window: a coupon beats a link, an old click counts for nothing', () => {
    const scope = world.scope(T0);
    const click = (days: number) => ({ affiliateId: 7, clickedAt: at(-days), clickId: 'c' });
    expect(commissions().attribute(scope, { click: click(30) })).toEqual({
      affiliateId: 7,
      source: 'link',
      clickId: 'c',
    });
    expect(commissions().attribute(scope, { click: click(31) })).toBeNull();
    expect(commissions().attribute(scope, { coupon: { affiliateId: 8 }, click: click(1) })).toMatchObject({
      affiliateId: 8,
      source: 'coupon',
    });
  });
});

describe('payment, reversal and balances', () => {
  it('confirms once: the commission goes on hold for 30 days and counts in the totals', async () => {
    const affiliate = await approvedAffiliate(world);
    const { orderId } = await referredOrder(affiliate.id, 1_500_000);
    const confirmed = await paid(orderId, at(1));
    expect(confirmed).toEqual({
      referralId: expect.any(Number),
      affiliateId: affiliate.id,
      commission: 150_000,
      availableAt: at(31),
    });
    expect(await paid(orderId, at(2))).toBeNull();
    expect(await referralOf(orderId)).toMatchObject({
      status: 'confirmed',
      confirmedAt: at(1),
      availableAt: at(31),
    });
    expect(await affiliateRow(affiliate.id)).toMatchObject({ totalConversions: 1, totalCommission: 150_000 });
    expect(await balance(affiliate.accountId)).toEqual({
      available: 0,
      onHold: 150_000,
      payoutsPending: 0,
      paidOut: 0,
    });
    expect(await entriesLike(`affiliate-referral:${confirmed!.referralId}:%`)).toBe(1);
  });

  it('posts once when ten payment confirmations race', async () => {
    const affiliate = await approvedAffiliate(world);
    const { orderId } = await referredOrder(affiliate.id, 2_000_000);
    const results = await Promise.all(Array.from({ length: 10 }, () => paid(orderId, at(1))));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await affiliateRow(affiliate.id)).toMatchObject({ totalConversions: 1, totalCommission: 200_000 });
    expect((await balance(affiliate.accountId)).onHold).toBe(200_000);
    const { id } = await referralOf(orderId);
    expect(await entriesLike(`affiliate-referral:${id}:%`)).toBe(1);
  });

  it('reverses a commission on hold: the entry backwards, the totals back', async () => {
    const affiliate = await approvedAffiliate(world);
    const kept = await referredOrder(affiliate.id, 1_000_000);
    const refunded = await referredOrder(affiliate.id, 3_000_000);
    await paid(kept.orderId, at(1));
    await paid(refunded.orderId, at(1));
    expect(await reversed(refunded.orderId, at(5))).toBe('reversed');
    expect(await reversed(refunded.orderId, at(6))).toBe('none');
    expect(await referralOf(refunded.orderId)).toMatchObject({ status: 'reversed', reversedAt: at(5) });
    expect(await affiliateRow(affiliate.id)).toMatchObject({ totalConversions: 1, totalCommission: 100_000 });
    expect(await balance(affiliate.accountId)).toMatchObject({ onHold: 100_000, available: 0 });
    // once reversed, a late payment confirmation earns nothing
    expect(await paid(refunded.orderId, at(7))).toBeNull();
  });

  it('reverses an unpaid order’s referral without touching the ledger', async () => {
    const affiliate = await approvedAffiliate(world);
    const { orderId } = await referredOrder(affiliate.id);
    expect(await reversed(orderId, at(1))).toBe('reversed');
    expect(await paid(orderId, at(2))).toBeNull();
    const { id } = await referralOf(orderId);
    expect(await entriesLike(`affiliate-referral:${id}:%`)).toBe(0);
    expect(await affiliateRow(affiliate.id)).toMatchObject({ totalConversions: 0, totalCommission: 0 });
  });

  it('has nothing to reverse for an order without a referral', async () => {
    const scope = world.scope(T0);
    const [orderId] = await quickOrders(scope, (await quickAccount(scope)).id, 1000);
    expect(await reversed(orderId!, at(1))).toBe('none');
  });
});

describe('releasing commissions after the hold', () => {
  it('releases each of 500 due commissions once when two runs overlap; later refunds keep them', async () => {
    const w = await ownTenant('release');
    const affiliates = [await approvedAffiliate(w), await approvedAffiliate(w), await approvedAffiliate(w)];
    const scope = w.scope(T0);
    const customer = await quickAccount(scope);
    const orderIds = await quickOrders(scope, customer.id, 1_000_000, 500);
    const values = orderIds.map((_, i) => 100_000 + i * 1_003);
    const expected = new Map(affiliates.map((a) => [a.accountId, 0]));
    await inTransaction(scope, async (tx) => {
      for (const [i, orderId] of orderIds.entries()) {
        const affiliate = affiliates[i % 3]!;
        await commissions().onOrderPlaced(tx, {
          orderId,
          customer: { accountId: customer.id },
          orderValue: values[i]!,
          attribution: link(affiliate.id),
        });
        const confirmed = await commissions().onOrderPaid(tx, orderId);
        expected.set(affiliate.accountId, expected.get(affiliate.accountId)! + confirmed!.commission);
      }
    });
    // not due yet: a run a day early releases nothing
    expect(await commissions().releaseDue(w.scope(at(29)), at(29))).toBe(0);

    const runs = await Promise.all([
      commissions().releaseDue(w.scope(at(31)), at(31), { batchSize: 50 }),
      commissions().releaseDue(w.scope(at(31)), at(31), { batchSize: 50 }),
    ]);
    expect(runs[0]! + runs[1]!).toBe(500);
    expect(runs[0]).toBeGreaterThan(0);
    expect(runs[1]).toBeGreaterThan(0);
    expect(await commissions().releaseDue(w.scope(at(32)), at(32))).toBe(0);

    const statuses = await w
      .scope()
      .em.execute<{ status: string; n: number }[]>(
        'select status, count(*)::int as n from affiliate_referral where order_id in (?) group by status',
        [orderIds],
      );
    expect(statuses).toEqual([{ status: 'available', n: 500 }]);
    const releases = await w.scope().em.execute<{ n: number; distinct_keys: number }[]>(
      `select count(*)::int as n, count(distinct idempotency_key)::int as distinct_keys from ledger_entry
          where tenant_id = ? and idempotency_key like 'affiliate-referral:%:release'`,
      [w.tenant.id],
    );
    expect(releases[0]).toEqual({ n: 500, distinct_keys: 500 });
    for (const a of affiliates) {
      expect(await balance(a.accountId, w)).toEqual({
        available: expected.get(a.accountId),
        onHold: 0,
        payoutsPending: 0,
        paidOut: 0,
      });
    }

    // a refund after the commission became available leaves it alone
    const first = affiliates[0]!;
    expect(await reversed(orderIds[0]!, at(40), w)).toBe('kept');
    expect(await referralOf(orderIds[0]!, w)).toMatchObject({ status: 'available', reversedAt: null });
    expect((await balance(first.accountId, w)).available).toBe(expected.get(first.accountId));
    expect((await affiliateRow(first.id, w)).totalConversions).toBe(167);
  });

  it('runs as the affiliate-commission-release job, for the tenants with due commissions', async () => {
    const w = await ownTenant('release-job');
    const affiliate = await approvedAffiliate(w);
    const early = await referredOrder(affiliate.id, 500_000, w);
    const late = await referredOrder(affiliate.id, 700_000, w);
    await paid(early.orderId, at(100), w);
    await paid(late.orderId, at(110), w);
    expect(world.services.jobs.names()).toContain(AFFILIATE_COMMISSION_RELEASE_JOB);
    await expect(world.services.jobs.runNow('no-such-job')).rejects.toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );

    const jobs = new JobRunner(world.orm, { clock: () => at(135) });
    registerAffiliateProgramJobs(jobs, commissions());
    const result = await jobs.runNow(AFFILIATE_COMMISSION_RELEASE_JOB);
    expect(result.status).toBe('succeeded');
    // only tenants with due commissions are visited: this one and the first tests' (not the release
    // test's tenant, whose commissions are all available)
    expect(result.runs.map((r) => r.tenantId)).toEqual([world.tenant.id, w.tenant.id]);
    expect(result.runs[1]).toEqual({ tenantId: w.tenant.id, status: 'succeeded', processed: 1, error: null });
    expect((await referralOf(early.orderId, w)).status).toBe('available');
    expect((await referralOf(late.orderId, w)).status).toBe('confirmed');
    expect(await balance(affiliate.accountId, w)).toMatchObject({ available: 50_000, onHold: 70_000 });
    const runs = await w
      .scope()
      .em.find(JobRun, { tenant: w.tenant.id, name: AFFILIATE_COMMISSION_RELEASE_JOB });
    expect(runs).toEqual([
      expect.objectContaining({ status: 'succeeded', processed: 1, startedAt: at(135), finishedAt: at(135) }),
    ]);
  });
});
