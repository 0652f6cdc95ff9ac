import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerTotal, unbalancedLedgerEntries } from '../../testing/ledger-check.ts';
import {
  at,
  errorOf,
  type ProgrammeFixture,
  programmeFixture,
  registrationFor,
} from '../../testing/programmes/programme-fixtures.ts';
import { LedgerAccounts } from '../ledger/ledger.service.ts';
import { ProgrammeParticipant } from './programme-participant.entity.ts';

let f: ProgrammeFixture;

beforeAll(async () => {
  f = await programmeFixture();
});

afterAll(async () => {
  try {
    expect(await unbalancedLedgerEntries(f.orm)).toEqual([]);
    expect(await ledgerTotal(f.orm)).toBe(0);
  } finally {
    await f.close();
  }
});

const register = (batchId: string, accountId: number, now: Date) =>
  f.services.programmeRegistrations.register(f.scope(now), accountId, registrationFor(batchId));

describe('the registration window and the fee', () => {
  it('is open from the first to the last registration day (Jakarta time), both inclusive', async () => {
    const batch = await f.batch();
    const early = await errorOf(register(batch, await f.member(), at('2024-09-19', '23:59:59')));
    expect(early).toMatchObject({ code: 'RULE_VIOLATION', details: { code: 'REGISTRATION_CLOSED' } });
    // 17:30 UTC on the 10th is already the 11th in Jakarta
    const late = await errorOf(register(batch, await f.member(), new Date('2024-10-10T17:30:00Z')));
    expect(late.details?.code).toBe('REGISTRATION_CLOSED');
    const first = await register(batch, await f.member(), at('2024-09-20', '00:00:00'));
    const last = await register(batch, await f.member(), at('2024-10-10', '23:59:59'));
    expect([first.participant.participationStatus, last.participant.participationStatus]).toEqual([
      'active',
      'active',
    ]);
  });

  it('charges the early-bird fee up to its deadline, due a week later by 23:59:59 local', async () => {
    const batch = await f.batch();
    const early = await register(batch, await f.member(), new Date('2024-09-29T16:00:00Z'));
    expect(early.participant.participantNumber).toMatch(/^FCP-2024-\d{6}$/);
    expect(early.participant.amountDue).toBe(500_000);
    expect(early.payment).toMatchObject({ amount: 500_000, purpose: 'programme', status: 'pending' });
    expect(early.participant.paymentDueAt?.toISOString()).toBe('2024-10-06T16:59:59.000Z');
    const onDeadline = await register(batch, await f.member(), at('2024-10-01', '23:00:00'));
    expect(onDeadline.participant.amountDue).toBe(500_000);
    const after = await register(batch, await f.member(), at('2024-10-02', '00:00:01'));
    expect(after.participant.amountDue).toBe(600_000);
    // a week after the 9th is past the start: due the day before it
    const lastDays = await register(batch, await f.member(), at('2024-10-09'));
    expect(lastDays.participant.paymentDueAt?.toISOString()).toBe('2024-10-14T16:59:59.000Z');
  });

  it('is closed for a batch not open, and a draft is not found', async () => {
    const draft = await f.batch({ status: 'draft' });
    expect((await errorOf(register(draft, await f.member(), at('2024-09-25')))).code).toBe('NOT_FOUND');
    await f.services.programmeBatches.open(f.scope(at('2024-09-25')), draft);
    const opened = await register(draft, await f.member(), at('2024-09-25'));
    expect(opened.participant.participationStatus).toBe('active');
    expect((await errorOf(f.services.programmeBatches.open(f.scope(at('2024-09-25')), draft))).code).toBe(
      'INVALID_STATE',
    );
  });
});

describe('one registration per member and batch', () => {
  it('refuses a second one', async () => {
    const batch = await f.batch();
    const member = await f.member();
    await register(batch, member, at('2024-09-25'));
    const again = await errorOf(register(batch, member, at('2024-09-26')));
    expect(again).toMatchObject({ code: 'RULE_VIOLATION', details: { code: 'DUPLICATE_REGISTRATION' } });
  });

  it('holds under a concurrent double submit', async () => {
    const batch = await f.batch();
    const member = await f.member();
    const results = await Promise.allSettled([
      register(batch, member, at('2024-09-25')),
      register(batch, member, at('2024-09-25')),
      register(batch, member, at('2024-09-25')),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason.details.code).toBe('DUPLICATE_REGISTRATION');
    expect(await f.scope(new Date()).em.count(ProgrammeParticipant, { account: member })).toBe(1);
  });
});

describe('places and the waitlist', () => {
  it('never gives more places than the batch has, under 20 concurrent registrations for 5', async () => {
    const batch = await f.batch({ maxParticipants: 5, waitlistLimit: 0 });
    const members = await Promise.all(Array.from({ length: 20 }, () => f.member()));
    const results = await Promise.allSettled(members.map((m) => register(batch, m, at('2024-09-25'))));
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(refused.map((r) => r.reason.details.code)).toEqual(Array(15).fill('BATCH_FULL'));
    const detail = await f.services.programmeBatches.detail(f.scope(at('2024-09-25')), batch);
    expect(detail).toMatchObject({ occupancy: { holdingPlaces: 5, waitlisted: 0 }, availableSlots: 0 });
  });

  it('puts latecomers on the waitlist while it has room, without a payment', async () => {
    const batch = await f.batch({ maxParticipants: 2, waitlistLimit: 1 });
    const now = at('2024-09-25');
    await register(batch, await f.member(), now);
    await register(batch, await f.member(), now);
    const waiting = await register(batch, await f.member(), now);
    expect(waiting.participant).toMatchObject({ participationStatus: 'waitlist', paymentDueAt: null });
    expect(waiting.payment).toBeNull();
    expect((await errorOf(register(batch, await f.member(), now))).details?.code).toBe('BATCH_FULL');
    const detail = await f.services.programmeBatches.detail(f.scope(now), batch);
    expect(detail).toMatchObject({ occupancy: { holdingPlaces: 2, waitlisted: 1 }, availableSlots: 0 });
  });
});

describe('paying the fee', () => {
  it('marks the registration paid when the sandbox payment completes, once', async () => {
    const batch = await f.batch();
    const member = await f.member();
    const { participant, payment } = await register(batch, member, at('2024-09-29'));
    const scope = f.scope(at('2024-09-30'));
    const revenueBefore = await f.services.ledger.balance(scope, LedgerAccounts.programmeRevenue);
    await f.settle(payment!.id, 'success', at('2024-09-30'));
    await f.services.payments.settle(f.scope(at('2024-09-30')), payment!.id);
    const [mine] = await f.services.programmeRegistrations.mine(f.scope(at('2024-09-30')), member);
    expect(mine?.participant).toMatchObject({
      id: participant.id,
      paymentStatus: 'completed',
      amountPaid: 500_000,
      participationStatus: 'active',
    });
    expect(mine?.standing).toMatchObject({
      currentWeek: 0,
      completionPercentage: 0,
      nextCheckInDate: '2024-10-22',
    });
    const revenueAfter = await f.services.ledger.balance(
      f.scope(new Date()),
      LedgerAccounts.programmeRevenue,
    );
    expect(revenueAfter - revenueBefore).toBe(500_000);
  });

  it('drops a registration whose payment fails and hands its place to the first on the waitlist', async () => {
    const batch = await f.batch({ maxParticipants: 1, waitlistLimit: 2 });
    const [payer, first, second] = [await f.member(), await f.member(), await f.member()];
    const taken = await register(batch, payer, at('2024-09-25', '10:00:00'));
    await register(batch, first, at('2024-09-25', '11:00:00'));
    await register(batch, second, at('2024-09-25', '12:00:00'));
    await f.settle(taken.payment!.id, 'failed', at('2024-09-26'));
    const status = async (m: number) =>
      (await f.services.programmeRegistrations.mine(f.scope(at('2024-09-26')), m))[0]!.participant;
    expect(await status(payer)).toMatchObject({
      paymentStatus: 'failed',
      participationStatus: 'dropped_out',
    });
    expect(await status(first)).toMatchObject({ participationStatus: 'active', paymentId: null });
    expect((await status(first)).paymentDueAt?.toISOString()).toBe('2024-10-03T16:59:59.000Z');
    expect(await status(second)).toMatchObject({ participationStatus: 'waitlist' });
    // the promoted member registers again to get the payment; the dropped one finds the batch full
    const promoted = await register(batch, first, at('2024-09-27'));
    expect(promoted.payment).toMatchObject({ status: 'pending', amount: 500_000 });
    expect((await errorOf(register(batch, first, at('2024-09-27')))).details?.code).toBe(
      'DUPLICATE_REGISTRATION',
    );
    const back = await register(batch, payer, at('2024-09-27'));
    expect(back.participant).toMatchObject({ participationStatus: 'waitlist', paymentStatus: 'pending' });
  });
});

describe('a member’s registrations', () => {
  it('are none before registering', async () => {
    expect(await f.services.programmeRegistrations.mine(f.scope(new Date()), await f.member())).toEqual([]);
  });
});

describe('listing batches', () => {
  it('never shows drafts, and filters by status as members see it and by upcoming', async () => {
    const draft = await f.batch({ status: 'draft' });
    const next = await f.batch({ name: 'Next', startDate: '2024-11-01', endDate: '2024-12-27' });
    const scope = f.scope(at('2024-10-20'));
    const all = await f.services.programmeBatches.list(scope);
    const ids = all.map((v) => v.batch.publicId);
    expect(ids).not.toContain(draft);
    expect(ids).toContain(next);
    const active = await f.services.programmeBatches.list(scope, { status: 'active' });
    expect(active.length).toBeGreaterThan(0);
    expect(active.every((v) => v.status === 'active')).toBe(true);
    const upcoming = await f.services.programmeBatches.list(scope, { upcoming: true });
    expect(upcoming.map((v) => v.batch.publicId)).toEqual([next]);
  });
});
