import {
  canRequestPayout,
  checkPayoutRequest,
  DomainError,
  type PageWindow,
  pageWindow,
} from '@komisi/domain';
import { inTransaction, type Scope } from '../../../kernel/scope.ts';
import { LedgerAccounts, type LedgerService } from '../../ledger/ledger.service.ts';
import { affiliateOf } from '../affiliate-lookup.ts';
import { BankAccount } from '../bank-accounts/bank-account.entity.ts';
import { findPage } from '../paged-find.ts';
import { tenantReferralProgram } from '../tenant-referral-program.ts';
import { affiliateLedgerBalances } from './affiliate-balances.ts';
import { AffiliatePayout } from './payout.entity.ts';
import { payoutNotFound } from './payout-claims.ts';
import { type PayoutView, payoutView } from './payout-views.ts';

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

/**
 * Payouts as a referral-link affiliate asks for them: the balance against the payout minimum, the
 * request, the history. Requesting one moves the amount from the affiliate's available ledger
 * account to payouts-pending in the transaction that records it, with the available account's row
 * locked first, so concurrent requests queue there and each sees the balance the previous one left:
 * the balance can never be paid out twice. Admins move requests along in `PayoutProcessingService`.
 */
export class PayoutsService {
  readonly #ledger: LedgerService;

  constructor(deps: { ledger: LedgerService }) {
    this.#ledger = deps.ledger;
  }

  /** The tenant's payout minimum (`REFERRAL_PROGRAM_DEFAULTS.minimumPayout` unless the tenant sets its own). */
  minimumPayout(scope: Scope): number {
    return tenantReferralProgram(scope.tenant).minimumPayout;
  }

  async balance(scope: Scope, accountId: number): Promise<PayoutBalance> {
    const affiliate = await affiliateOf(scope, accountId);
    const [{ available, onHold, payoutsPending }, verified] = await Promise.all([
      affiliateLedgerBalances(this.#ledger, scope, accountId),
      scope.em.count(BankAccount, { affiliate: affiliate.id, verificationStatus: 'verified' }),
    ]);
    const minimumPayout = this.minimumPayout(scope);
    return {
      available,
      onHold,
      pendingPayouts: payoutsPending,
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
      await this.#ledger.lockAccounts(tx, [availableAccount]);
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
      return payoutView(payout);
    });
  }

  /** The affiliate's payouts, newest first. */
  async history(
    scope: Scope,
    accountId: number,
    q: { page: number; limit: number },
  ): Promise<{ items: PayoutView[]; window: PageWindow }> {
    pageWindow(0, q.page, q.limit); // validates page and limit before the affiliate is looked up
    await affiliateOf(scope, accountId);
    const { rows, window } = await findPage(scope, AffiliatePayout, { account: accountId }, q, {
      orderBy: { requestedAt: 'desc', id: 'desc' },
      refresh: true,
    });
    return { items: rows.map(payoutView), window };
  }

  /** One of the affiliate's own payouts; another affiliate's is 404. */
  async get(scope: Scope, accountId: number, payoutId: number): Promise<PayoutView> {
    const payout = await scope.em.findOne(
      AffiliatePayout,
      { id: payoutId, account: accountId },
      { refresh: true },
    );
    if (!payout) throw payoutNotFound();
    return payoutView(payout);
  }
}
