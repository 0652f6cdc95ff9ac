import {
  canRequestPayout,
  checkPayoutRequest,
  DomainError,
  fieldError,
  type PageWindow,
  pageWindow,
} from '@komisi/domain';
import { inTransaction, type Scope, toSafeInteger } from '../../kernel/scope.ts';
import type { FileCipher } from '../files/file-cipher.ts';
import { Account } from '../identity/account.entity.ts';
import { LedgerAccounts, type LedgerService } from '../ledger/ledger.service.ts';
import type { OutboxService } from '../notifications/outbox.service.ts';
import { Affiliate } from './affiliate.entity.ts';
import { affiliateOf } from './affiliate-lookup.ts';
import { BankAccount } from './bank-account.entity.ts';
import { bankNumberContext } from './bank-account.service.ts';
import { AffiliatePayout, type PayoutStatus } from './payout.entity.ts';
import { referralProgramSettings } from './referral-program.ts';

/** A payout as the affiliate sees it: the destination account masked. */
export interface PayoutView {
  id: number;
  amount: number;
  status: PayoutStatus;
  requestedAt: Date;
  /** when it was paid or failed */
  processedAt: Date | null;
  bankName: string;
  accountNumberMasked: string;
  accountHolderName: string;
  notes: string | null;
  transferReference: string | null;
}

/** What the admin making the transfer sees: the full number of the account verified at request time. */
export interface AdminPayoutView extends PayoutView {
  affiliateId: number;
  accountId: number;
  affiliateName: string;
  accountNumber: string;
  reviewedBy: number | null;
}

export interface PayoutBalance {
  /** withdrawable now */
  available: number;
  /** commission still in its holding period */
  onHold: number;
  /** requested, not yet paid or failed */
  pendingPayouts: number;
  minimumPayout: number;
  /** the spec's can_request_payout: available reaches the minimum (the bank account is checked on request) */
  canRequestPayout: boolean;
  bankAccountVerified: boolean;
}

const OPEN: readonly PayoutStatus[] = ['pending', 'processing'];

/**
 * Payouts of referral-link affiliates. Requesting one moves the amount from the affiliate's available
 * ledger account to payouts-pending in the transaction that records it, with the available account's
 * row locked first, so concurrent requests queue there and each sees the balance the previous one
 * left: the balance can never be paid out twice. Admin moves are conditional updates on the status
 * (each happens once whatever runs concurrently), each posting its ledger entry in the same
 * transaction under a per-payout idempotency key.
 */
export class PayoutsService {
  readonly #ledger: LedgerService;
  readonly #cipher: FileCipher;
  readonly #outbox: OutboxService;

  constructor(deps: { ledger: LedgerService; cipher: FileCipher; outbox: OutboxService }) {
    this.#ledger = deps.ledger;
    this.#cipher = deps.cipher;
    this.#outbox = deps.outbox;
  }

  /** The tenant's minimum payout (`settings.referralProgram.minimumPayout`, default 100000). */
  minimumPayout(scope: Scope): number {
    return referralProgramSettings(scope.tenant).minimumPayout;
  }

  async balance(scope: Scope, accountId: number): Promise<PayoutBalance> {
    const affiliate = await affiliateOf(scope, accountId);
    const [[available = 0, onHold = 0, pendingPayouts = 0], verified] = await Promise.all([
      this.#ledger.balances(scope, [
        LedgerAccounts.affiliateAvailable(accountId),
        LedgerAccounts.affiliateOnHold(accountId),
        LedgerAccounts.affiliatePayoutsPending(accountId),
      ]),
      scope.em.count(BankAccount, { affiliate: affiliate.id, verificationStatus: 'verified' }),
    ]);
    const minimumPayout = this.minimumPayout(scope);
    return {
      available,
      onHold,
      pendingPayouts,
      minimumPayout,
      canRequestPayout: canRequestPayout(available, minimumPayout),
      bankAccountVerified: verified > 0,
    };
  }

  /**
   * Requests a payout of `amount` (minor units) to the affiliate's verified bank account.
   * Errors: VALIDATION_ERROR (amount not a positive whole number), NOT_FOUND (not an affiliate),
   * FORBIDDEN (application not approved), BANK_ACCOUNT_NOT_VERIFIED, BELOW_MINIMUM_PAYOUT,
   * INSUFFICIENT_BALANCE (checked after the lock, against the balance that is really there).
   */
  async request(scope: Scope, accountId: number, amount: number): Promise<PayoutView> {
    const minimum = this.minimumPayout(scope);
    // the amount's shape and the minimum are the request's own business: refuse before any lock
    checkPayoutRequest({ amount, available: Number.MAX_SAFE_INTEGER, minimum });
    return inTransaction(scope, async (tx) => {
      const affiliate = await affiliateOf(tx, accountId);
      if (affiliate.status !== 'approved') {
        throw new DomainError('FORBIDDEN', 'Only approved affiliates can request payouts');
      }
      const bank = await tx.em.findOne(BankAccount, { affiliate: affiliate.id }, { refresh: true });
      if (bank?.verificationStatus !== 'verified') {
        throw new DomainError(
          'BANK_ACCOUNT_NOT_VERIFIED',
          'A verified bank account is required to request a payout',
          {
            details: { verification_status: bank?.verificationStatus ?? null },
          },
        );
      }
      const availableAccount = LedgerAccounts.affiliateAvailable(accountId);
      // Concurrent requests of this affiliate queue on this row lock; each then reads the balance
      // (a new statement: it sees what the one before committed) and posts before releasing it.
      await tx.em.execute('select id from ledger_account where tenant_id = ? and code = ? for update', [
        tx.tenant.id,
        availableAccount.code,
      ]);
      const available = await this.#ledger.balance(tx, availableAccount);
      checkPayoutRequest({ amount, available, minimum });

      const payout = tx.em.create(AffiliatePayout, {
        tenant: tx.tenant.id,
        affiliate: affiliate.id,
        account: accountId,
        amount,
        status: 'pending',
        bankName: bank.bankName,
        accountNumberMasked: bank.accountNumberMasked,
        // the same owner-bound context as the bank account: the sealed number is copied as it is
        accountNumberSealed: bank.accountNumberSealed,
        accountHolderName: bank.accountHolderName,
        requestedAt: tx.now,
        updatedAt: tx.now,
      });
      await tx.em.flush();
      await this.#ledger.post(
        tx,
        `affiliate-payout:${payout.id}:requested`,
        `Payout ${payout.id} requested`,
        [
          { account: availableAccount, amount },
          { account: LedgerAccounts.affiliatePayoutsPending(accountId), amount: -amount },
        ],
      );
      return viewOf(payout);
    });
  }

  /** The affiliate's payouts, newest first. */
  async history(
    scope: Scope,
    accountId: number,
    q: { page: number; limit: number },
  ): Promise<{ items: PayoutView[]; window: PageWindow }> {
    pageWindow(0, q.page, q.limit);
    await affiliateOf(scope, accountId);
    const where = { account: accountId };
    const window = pageWindow(await scope.em.count(AffiliatePayout, where), q.page, q.limit);
    const payouts = await scope.em.find(AffiliatePayout, where, {
      orderBy: { requestedAt: 'desc', id: 'desc' },
      limit: window.limit,
      offset: window.offset,
      refresh: true,
    });
    return { items: payouts.map(viewOf), window };
  }

  /** One of the affiliate's own payouts; another affiliate's is 404. */
  async get(scope: Scope, accountId: number, payoutId: number): Promise<PayoutView> {
    const payout = await scope.em.findOne(
      AffiliatePayout,
      { id: payoutId, account: accountId },
      { refresh: true },
    );
    if (!payout) throw notFound();
    return viewOf(payout);
  }

  /** Admin: every affiliate's payouts, oldest first (the queue to work through), optionally by status. */
  async list(
    scope: Scope,
    q: { page: number; limit: number; status?: PayoutStatus | undefined },
  ): Promise<{ items: AdminPayoutView[]; window: PageWindow }> {
    pageWindow(0, q.page, q.limit);
    const where = q.status ? { status: q.status } : {};
    const window = pageWindow(await scope.em.count(AffiliatePayout, where), q.page, q.limit);
    const payouts = await scope.em.find(AffiliatePayout, where, {
      orderBy: { requestedAt: 'asc', id: 'asc' },
      limit: window.limit,
      offset: window.offset,
      refresh: true,
    });
    return { items: await this.#adminViews(scope, payouts), window };
  }

  async adminGet(scope: Scope, payoutId: number): Promise<AdminPayoutView> {
    const payout = await scope.em.findOne(AffiliatePayout, { id: payoutId }, { refresh: true });
    if (!payout) throw notFound();
    const [view] = await this.#adminViews(scope, [payout]);
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
      await this.#claim(tx, payoutId, ['pending'], 'processing', {
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
      const payout = await this.#claim(tx, payoutId, OPEN, 'paid', {
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
      await markReferralsPaid(tx, payout.affiliate);
      await this.#notify(tx, payout, 'paid');
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
      const payout = await this.#claim(tx, payoutId, OPEN, 'failed', {
        processedAt: tx.now,
        notes,
        reviewedBy: adminId,
      });
      await this.#ledger.post(tx, `affiliate-payout:${payout.id}:failed`, `Payout ${payout.id} failed`, [
        { account: LedgerAccounts.affiliatePayoutsPending(payout.account), amount: payout.amount },
        { account: LedgerAccounts.affiliateAvailable(payout.account), amount: -payout.amount },
      ]);
      await this.#notify(tx, payout, 'failed');
    });
    return this.adminGet(scope, payoutId);
  }

  /**
   * The status change as a conditional update: of concurrent moves of one payout exactly one finds
   * it still in `from`; the others get 409 (or 404 when there is no such payout).
   */
  async #claim(
    tx: Scope,
    payoutId: number,
    from: readonly PayoutStatus[],
    to: PayoutStatus,
    changes: Partial<Pick<AffiliatePayout, 'processedAt' | 'transferReference' | 'notes' | 'reviewedBy'>>,
  ): Promise<AffiliatePayout> {
    const changed = await tx.em.nativeUpdate(
      AffiliatePayout,
      { id: payoutId, tenant: tx.tenant.id, status: { $in: [...from] } },
      { status: to, updatedAt: tx.now, ...changes },
    );
    const payout = await tx.em.findOne(AffiliatePayout, { id: payoutId }, { refresh: true });
    if (!payout) throw notFound();
    if (changed !== 1) {
      throw new DomainError('INVALID_STATE', `A payout that is ${payout.status} cannot become ${to}`, {
        details: { status: payout.status },
      });
    }
    return payout;
  }

  async #notify(tx: Scope, payout: AffiliatePayout, outcome: 'paid' | 'failed') {
    const account = await tx.em.findOne(Account, { id: payout.account });
    if (!account) return;
    const where = `${payout.bankName} ${payout.accountNumberMasked}`;
    await this.#outbox.enqueue(tx, {
      channel: 'email',
      recipient: account.email,
      ...(outcome === 'paid'
        ? {
            subject: `${tx.tenant.name}: your payout has been sent`,
            body: `Hello ${account.name},\n\nYour payout of ${payout.amount} ${tx.tenant.currency} has been transferred to ${where} (reference ${payout.transferReference}).`,
          }
        : {
            subject: `${tx.tenant.name}: your payout could not be made`,
            body: `Hello ${account.name},\n\nYour payout of ${payout.amount} ${tx.tenant.currency} to ${where} could not be made: ${payout.notes}\n\nThe amount is back in your available balance.`,
          }),
    });
  }

  async #adminViews(scope: Scope, payouts: AffiliatePayout[]): Promise<AdminPayoutView[]> {
    if (!payouts.length) return [];
    const affiliates = await scope.em.find(Affiliate, {
      id: { $in: [...new Set(payouts.map((p) => p.affiliate))] },
    });
    const byId = new Map(affiliates.map((a) => [a.id, a]));
    return payouts.map((p) => {
      const affiliate = byId.get(p.affiliate);
      return {
        ...viewOf(p),
        affiliateId: p.affiliate,
        accountId: p.account,
        affiliateName: affiliate ? `${affiliate.firstName} ${affiliate.lastName}`.trim() : '',
        accountNumber: this.#cipher.openText(
          p.accountNumberSealed,
          bankNumberContext(scope.tenant.id, p.account),
        ),
        reviewedBy: p.reviewedBy ?? null,
      };
    });
  }
}

/**
 * Referral status follows the money: available referrals become paid, oldest available first, while
 * the commission of all referrals marked paid stays within the total of the affiliate's paid payouts
 * (a referral is marked only when it is covered in full; the first that is not stops the run). The
 * affiliate's paid payouts are serialised on their payouts-pending ledger account row.
 */
async function markReferralsPaid(tx: Scope, affiliateId: number): Promise<void> {
  const [affiliate] = await tx.em.execute<{ account_id: number }[]>(
    'select account_id from affiliate where tenant_id = ? and id = ?',
    [tx.tenant.id, affiliateId],
  );
  if (!affiliate) return;
  await tx.em.execute('select id from ledger_account where tenant_id = ? and code = ? for update', [
    tx.tenant.id,
    LedgerAccounts.affiliatePayoutsPending(affiliate.account_id).code,
  ]);
  const [totals] = await tx.em.execute<{ paid_out: string; marked: string }[]>(
    `select
       (select coalesce(sum(amount), 0) from affiliate_payout
         where tenant_id = ? and affiliate_id = ? and status = 'paid')::text as paid_out,
       (select coalesce(sum(commission), 0) from affiliate_referral
         where tenant_id = ? and affiliate_id = ? and status = 'paid')::text as marked`,
    [tx.tenant.id, affiliateId, tx.tenant.id, affiliateId],
  );
  const budget = toSafeInteger(totals?.paid_out) - toSafeInteger(totals?.marked);
  if (budget <= 0) return;
  await tx.em.execute(
    `with queue as (
       select id, sum(commission) over (order by available_at nulls first, id) as running
       from affiliate_referral
       where tenant_id = ? and affiliate_id = ? and status = 'available'
     )
     update affiliate_referral r set status = 'paid', paid_at = ?
     from queue
     where r.id = queue.id and queue.running <= ? and r.status = 'available'`,
    [tx.tenant.id, affiliateId, tx.now, budget],
  );
}

function viewOf(p: AffiliatePayout): PayoutView {
  return {
    id: p.id,
    amount: p.amount,
    status: p.status,
    requestedAt: p.requestedAt,
    processedAt: p.processedAt ?? null,
    bankName: p.bankName,
    accountNumberMasked: p.accountNumberMasked,
    accountHolderName: p.accountHolderName,
    notes: p.notes ?? null,
    transferReference: p.transferReference ?? null,
  };
}

function optionalNote(note: string | null | undefined): string | null {
  const text = (note ?? '').trim();
  if (text.length > 500) throw fieldError('notes', 'must be at most 500 characters');
  return text || null;
}

const notFound = () => new DomainError('NOT_FOUND', 'Payout not found');
