import { fieldError, type PageWindow } from '@komisi/domain';
import { inTransaction, type Scope } from '../../../kernel/scope.ts';
import type { FileCipher } from '../../files/file-cipher.ts';
import { LedgerAccounts, type LedgerService } from '../../ledger/ledger.service.ts';
import type { OutboxService } from '../../notifications/outbox.service.ts';
import { findPage } from '../paged-find.ts';
import { markReferralsPaid } from './paid-referrals.ts';
import { AffiliatePayout, type PayoutStatus } from './payout.entity.ts';
import { claimPayout, optionalNote, payoutNotFound } from './payout-claims.ts';
import { notifyPayoutOutcome } from './payout-notices.ts';
import { type AdminPayoutView, adminPayoutViews } from './payout-views.ts';

const OPEN: readonly PayoutStatus[] = ['pending', 'processing'];

/**
 * Admins working through the affiliates' payout requests: the queue, and each payout moved along
 * (processing, paid, failed). Each move is a conditional update on the status (it happens once
 * whatever runs concurrently) and posts its ledger entry in the same transaction under a per-payout
 * idempotency key; the affiliate is told of the outcome through the outbox.
 */
export class PayoutProcessingService {
  readonly #ledger: LedgerService;
  readonly #cipher: FileCipher;
  readonly #outbox: OutboxService;

  constructor(deps: { ledger: LedgerService; cipher: FileCipher; outbox: OutboxService }) {
    this.#ledger = deps.ledger;
    this.#cipher = deps.cipher;
    this.#outbox = deps.outbox;
  }

  /** Admin: every affiliate's payouts, oldest first (the queue to work through), optionally by status. */
  async list(
    scope: Scope,
    q: { page: number; limit: number; status?: PayoutStatus | undefined },
  ): Promise<{ items: AdminPayoutView[]; window: PageWindow }> {
    const where = q.status ? { status: q.status } : {};
    const { rows, window } = await findPage(scope, AffiliatePayout, where, q, {
      orderBy: { requestedAt: 'asc', id: 'asc' },
      refresh: true,
    });
    return { items: await adminPayoutViews(scope, this.#cipher, rows), window };
  }

  async adminGet(scope: Scope, payoutId: number): Promise<AdminPayoutView> {
    const payout = await scope.em.findOne(AffiliatePayout, { id: payoutId }, { refresh: true });
    if (!payout) throw payoutNotFound();
    const [view] = await adminPayoutViews(scope, this.#cipher, [payout]);
    return view!;
  }

  /** Admin: pending → processing (the transfer is being made). */
  async markProcessing(
    scope: Scope,
    payoutId: number,
    adminId: number,
    note?: string | null,
  ): Promise<AdminPayoutView> {
    const notes = optionalNote(note);
    await inTransaction(scope, async (tx) => {
      await claimPayout(tx, payoutId, ['pending'], 'processing', {
        reviewedBy: adminId,
        ...(notes !== null && { notes }),
      });
    });
    return this.adminGet(scope, payoutId);
  }

  /**
   * Admin: the money was transferred (from pending or processing). Moves it from payouts-pending to
   * the payout clearing account and marks the affiliate's available referrals paid, oldest first, as
   * far as everything paid out so far covers them in full.
   */
  async markPaid(
    scope: Scope,
    payoutId: number,
    adminId: number,
    transferReference: string,
    note?: string | null,
  ): Promise<AdminPayoutView> {
    const reference = (transferReference ?? '').trim();
    if (reference.length < 1 || reference.length > 100) {
      throw fieldError('transfer_reference', 'must be 1 to 100 characters');
    }
    const notes = optionalNote(note);
    await inTransaction(scope, async (tx) => {
      const payout = await claimPayout(tx, payoutId, OPEN, 'paid', {
        processedAt: tx.now,
        transferReference: reference,
        reviewedBy: adminId,
        ...(notes !== null && { notes }),
      });
      await this.#ledger.post(
        tx,
        `affiliate-payout:${payout.id}:paid`,
        `Payout ${payout.id} paid (${reference})`,
        [
          { account: LedgerAccounts.affiliatePayoutsPending(payout.account), amount: payout.amount },
          { account: LedgerAccounts.payoutClearing, amount: -payout.amount },
        ],
      );
      await markReferralsPaid(tx, this.#ledger, { id: payout.affiliate, accountId: payout.account });
      await notifyPayoutOutcome(this.#outbox, tx, payout, 'paid');
    });
    return this.adminGet(scope, payoutId);
  }

  /**
   * Admin: rejected, or the transfer failed (from pending or processing). The amount goes back to the
   * affiliate's available balance; `reason` becomes the payout's notes.
   */
  async markFailed(
    scope: Scope,
    payoutId: number,
    adminId: number,
    reason: string,
  ): Promise<AdminPayoutView> {
    const notes = (reason ?? '').trim();
    if (notes.length < 1 || notes.length > 500) throw fieldError('reason', 'must be 1 to 500 characters');
    await inTransaction(scope, async (tx) => {
      const payout = await claimPayout(tx, payoutId, OPEN, 'failed', {
        processedAt: tx.now,
        notes,
        reviewedBy: adminId,
      });
      await this.#ledger.post(tx, `affiliate-payout:${payout.id}:failed`, `Payout ${payout.id} failed`, [
        { account: LedgerAccounts.affiliatePayoutsPending(payout.account), amount: payout.amount },
        { account: LedgerAccounts.affiliateAvailable(payout.account), amount: -payout.amount },
      ]);
      await notifyPayoutOutcome(this.#outbox, tx, payout, 'failed');
    });
    return this.adminGet(scope, payoutId);
  }
}
