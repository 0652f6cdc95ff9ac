import {
  type Attribution,
  type AttributionInput,
  attributeOrder,
  holdEndsAt,
  isSelfReferral,
  referralCommission,
} from '@komisi/domain';
import { boundRows, sql } from '../../../kernel/bound-sql.ts';
import { type Scope, toSafeInteger } from '../../../kernel/scope.ts';
import { LedgerAccounts, type LedgerService } from '../../ledger/ledger.service.ts';
import { type AffiliateLedgerBalances, affiliateLedgerBalances } from '../payouts/affiliate-balances.ts';
import { tenantReferralProgram } from '../tenant-referral-program.ts';
import { releaseDueCommissions } from './commission-release.ts';

export interface ReferralCustomer {
  accountId: number;
  email?: string | null | undefined;
  phone?: string | null | undefined;
}

export interface PlacedOrder {
  orderId: number;
  customer: ReferralCustomer;
  /** the amount the commission rate applies to, minor units */
  orderValue: number;
  /** `attribute(...)`'s answer; null: the order was not referred */
  attribution: Attribution | null;
}

export type PlacedOutcome =
  | { recorded: true; referralId: number; commission: number }
  | {
      recorded: false;
      reason: 'no_attribution' | 'affiliate_not_approved' | 'self_referral' | 'already_recorded';
    };

export interface ConfirmedReferral {
  referralId: number;
  affiliateId: number;
  commission: number;
  availableAt: Date;
}

/** reversed: it earns nothing now · kept: already withdrawable or paid, left alone · none: nothing to reverse */
export type ReversalOutcome = 'reversed' | 'kept' | 'none';

export interface AffiliateBalance extends AffiliateLedgerBalances {
  /** paid out to the affiliate's bank, in total */
  paidOut: number;
}

const commissionKey = (referralId: number) => `affiliate-referral:${referralId}:commission`;
const reversalKey = (referralId: number) => `affiliate-referral:${referralId}:reversal`;

interface AffiliateRow {
  id: number;
  status: string;
  account_id: number;
  commission_rate_bps: number | null;
  whatsapp: string;
  email: string;
  phone: string | null;
}

/**
 * Referral-link commissions (qutab-platform). The order flow calls `onOrderPlaced`, `onOrderPaid`
 * and `onOrderReversed` inside its own transaction; each acts at most once per order (unique order,
 * updates conditional on the status they move from, ledger idempotency keys). `releaseDue` moves
 * commissions past their hold to available (the `affiliate-commission-release` job).
 *
 * Ledger: paid → debit commission expense, credit the affiliate's on-hold account; released →
 * on-hold to available; reversed while on hold → the paid entry backwards. Balances are ledger sums.
 */
export class ReferralCommissionsService {
  readonly #ledger: LedgerService;

  constructor(ledger: LedgerService) {
    this.#ledger = ledger;
  }

  /** Who an order earns for: the affiliate's coupon, else a click within the tenant's attribution window. */
  attribute(scope: Scope, input: Pick<AttributionInput, 'coupon' | 'click'>): Attribution | null {
    return attributeOrder({
      ...input,
      now: scope.now,
      windowDays: tenantReferralProgram(scope.tenant).attributionDays,
    });
  }

  /**
   * Records the pending referral of an attributed order at the affiliate's rate (or the programme's
   * default). Nothing is recorded for an affiliate that is not approved, or when the customer is the
   * affiliate (same account, email or phone): a self-referral is not a lead.
   */
  async onOrderPlaced(tx: Scope, order: PlacedOrder): Promise<PlacedOutcome> {
    const attribution = order.attribution;
    if (!attribution) return { recorded: false, reason: 'no_attribution' };
    // The affiliate with its account's email and phone (identity's table) in one statement: this runs
    // inside every attributed order's transaction, and only reads.
    const [affiliate] = await tx.em.execute<AffiliateRow[]>(
      `select a.id, a.status, a.account_id, a.commission_rate_bps, a.whatsapp, acc.email, acc.phone
         from affiliate a join account acc on acc.id = a.account_id
        where a.tenant_id = ? and a.id = ?`,
      [tx.tenant.id, attribution.affiliateId],
    );
    if (affiliate?.status !== 'approved') return { recorded: false, reason: 'affiliate_not_approved' };
    const self = [affiliate.phone, affiliate.whatsapp].some((phone) =>
      isSelfReferral({ accountId: affiliate.account_id, email: affiliate.email, phone }, order.customer),
    );
    if (self) return { recorded: false, reason: 'self_referral' };
    const rateBps = affiliate.commission_rate_bps ?? tenantReferralProgram(tx.tenant).defaultRateBps;
    const commission = referralCommission(order.orderValue, rateBps);
    const inserted = await tx.em.execute<{ id: number }[]>(
      `insert into affiliate_referral (tenant_id, affiliate_id, order_id, customer_account_id, source, click_id,
         status, order_value, commission_rate_bps, commission, ordered_at, created_at)
       values (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)
       on conflict (tenant_id, order_id) do nothing returning id`,
      [
        tx.tenant.id,
        affiliate.id,
        order.orderId,
        order.customer.accountId,
        attribution.source,
        attribution.clickId,
        order.orderValue,
        rateBps,
        commission,
        tx.now,
        tx.now,
      ],
    );
    const id = inserted[0]?.id;
    if (id === undefined) return { recorded: false, reason: 'already_recorded' };
    return { recorded: true, referralId: id, commission };
  }

  /**
   * The order's payment is confirmed: its pending referral becomes confirmed, on hold until
   * `holdDays` from now; the commission is posted to the affiliate's on-hold account and counted in
   * the affiliate's totals. Once: the update is conditional on `pending` (a concurrent call waits on
   * the row, then finds it confirmed) and the ledger key is per referral. Null when there was nothing
   * pending (no referral, or already confirmed).
   */
  async onOrderPaid(tx: Scope, orderId: number): Promise<ConfirmedReferral | null> {
    const availableAt = holdEndsAt(tx.now, tenantReferralProgram(tx.tenant).holdDays);
    const [referral] = await boundRows<{ id: number; affiliate_id: number; commission: string }>(
      tx,
      sql`update affiliate_referral set status = 'confirmed', confirmed_at = ${tx.now}, available_at = ${availableAt}
          where tenant_id = ${tx.tenant.id} and order_id = ${orderId} and status = 'pending'
          returning id, affiliate_id, commission::text`,
    );
    if (!referral) return null;
    const commission = toSafeInteger(referral.commission);
    const [affiliate] = await tx.em.execute<{ account_id: number }[]>(
      `update affiliate set total_conversions = total_conversions + 1, total_commission = total_commission + ?
        where tenant_id = ? and id = ? returning account_id`,
      [commission, tx.tenant.id, referral.affiliate_id],
    );
    if (commission > 0) {
      await this.#ledger.post(tx, commissionKey(referral.id), `Referral commission: order #${orderId}`, [
        { account: LedgerAccounts.commissionExpense, amount: commission },
        { account: LedgerAccounts.affiliateOnHold(affiliate!.account_id), amount: -commission },
      ]);
    }
    return { referralId: referral.id, affiliateId: referral.affiliate_id, commission, availableAt };
  }

  /**
   * The order was refunded or cancelled. A pending referral (never paid) is marked reversed; a
   * confirmed one (on hold) is reversed with its ledger entry posted backwards and the affiliate's
   * totals reduced. A commission already available or paid out is kept: the hold exists so that
   * refunds land inside it, and a late refund is recovered by the business outside this ledger.
   */
  async onOrderReversed(tx: Scope, orderId: number): Promise<ReversalOutcome> {
    // The row lock queues a concurrent reversal, payment or release behind this one.
    const [referral] = await tx.em.execute<
      { id: number; affiliate_id: number; status: string; commission: string }[]
    >(
      `select id, affiliate_id, status, commission::text from affiliate_referral
        where tenant_id = ? and order_id = ? for update`,
      [tx.tenant.id, orderId],
    );
    if (!referral || referral.status === 'reversed') return 'none';
    if (referral.status !== 'pending' && referral.status !== 'confirmed') return 'kept';
    await tx.em.execute(
      `update affiliate_referral set status = 'reversed', reversed_at = ? where id = ? and status = ?`,
      [tx.now, referral.id, referral.status],
    );
    if (referral.status === 'pending') return 'reversed';
    const commission = toSafeInteger(referral.commission);
    const [affiliate] = await tx.em.execute<{ account_id: number }[]>(
      `update affiliate set total_conversions = total_conversions - 1, total_commission = total_commission - ?
        where tenant_id = ? and id = ? returning account_id`,
      [commission, tx.tenant.id, referral.affiliate_id],
    );
    if (commission > 0) {
      await this.#ledger.post(
        tx,
        reversalKey(referral.id),
        `Referral commission reversed: order #${orderId}`,
        [
          { account: LedgerAccounts.affiliateOnHold(affiliate!.account_id), amount: commission },
          { account: LedgerAccounts.commissionExpense, amount: -commission },
        ],
      );
    }
    return 'reversed';
  }

  /**
   * Makes confirmed commissions whose hold ended by `now` available (the `affiliate-commission-release`
   * job); returns how many this call released. See `releaseDueCommissions`.
   */
  releaseDue(
    scope: Scope,
    now: Date,
    options: { batchSize?: number; progress?: (releasedSoFar: number) => void } = {},
  ): Promise<number> {
    return releaseDueCommissions(this.#ledger, scope, now, options);
  }

  /**
   * The tenant's holding period changed: commissions still on hold become available at their
   * confirmation plus the period now in force (a shorter one releases them at the job's next run).
   * Returns how many were re-dated.
   */
  async applyHoldingPeriod(scope: Scope): Promise<number> {
    const seconds = tenantReferralProgram(scope.tenant).holdDays * 86_400;
    const rows = await scope.em.execute<{ id: number }[]>(
      `update affiliate_referral set available_at = confirmed_at + make_interval(secs => ?)
        where tenant_id = ? and status = 'confirmed' and confirmed_at is not null
          and available_at is distinct from confirmed_at + make_interval(secs => ?)
        returning id`,
      [seconds, scope.tenant.id, seconds],
    );
    return rows.length;
  }

  /**
   * The affiliate's money: available, on hold and requested from the ledger's running balances;
   * `paidOut` from the payouts marked paid (each moved its amount from payouts-pending to clearing).
   */
  async balance(scope: Scope, affiliateAccountId: number): Promise<AffiliateBalance> {
    // three running balances (one row each) and the paid payouts (their business record)
    const [ledger, paid] = await Promise.all([
      affiliateLedgerBalances(this.#ledger, scope, affiliateAccountId),
      scope.em.execute<{ total: string }[]>(
        `select coalesce(sum(amount), 0)::text as total from affiliate_payout
         where tenant_id = ? and account_id = ? and status = 'paid'`,
        [scope.tenant.id, affiliateAccountId],
      ),
    ]);
    return { ...ledger, paidOut: toSafeInteger(paid[0]?.total ?? 0) };
  }
}
