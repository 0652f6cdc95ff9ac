import { affiliateCommission, commissionBase, DomainError } from '@komisi/domain';
import type { Scope } from '../../kernel/scope.ts';
import {
  type AffiliatedOrder,
  affiliatedOrder,
  attributeToAffiliate,
  storedPricing,
} from '../commerce/orders/affiliated-orders.ts';
import type { VouchersService } from '../commerce/vouchers/vouchers.service.ts';
import { LedgerAccounts, type LedgerService } from '../ledger/ledger.service.ts';
import type { CommissionsService } from '../network/commissions.service.ts';
import { commissionBaseOf } from './commission-base.ts';

/** Orders that count as sold for an affiliate: paid and not cancelled or refunded. */
export const SOLD_STATUSES = ['paid', 'processing', 'shipped', 'delivered'] as const;

const LEVEL = 'Affiliate';
const postKey = (orderId: number) => `order:${orderId}:affiliate-commission`;
const reversalKey = (orderId: number) => `order:${orderId}:affiliate-commission:reversal`;

/**
 * Voucher-code affiliate commissions. The order settlement calls these inside its transaction:
 * `onOrderPaid` posts the commission once (ledger idempotency key + unique commission row),
 * `onOrderReversed` posts it back once when the order is cancelled or refunded. The order and the
 * voucher are commerce's, the commission record the network's: each is read and written through them.
 */
export class AffiliateCommissionsService {
  readonly #ledger: LedgerService;
  readonly #commissions: CommissionsService;
  readonly #vouchers: Pick<VouchersService, 'find'>;

  constructor(deps: {
    ledger: LedgerService;
    commissions: CommissionsService;
    vouchers: Pick<VouchersService, 'find'>;
  }) {
    this.#ledger = deps.ledger;
    this.#commissions = deps.commissions;
    this.#vouchers = deps.vouchers;
  }

  /**
   * The affiliate is `order.affiliate` (set by checkout) or, when that is null, the affiliate of the
   * voucher the order's `voucherCode` names; the rate is that voucher's `affiliateCommissionBps`.
   * Orders not in a paid status, without an affiliate code or earning 0 post nothing.
   */
  async onOrderPaid(tx: Scope, orderId: number, paid?: AffiliatedOrder): Promise<void> {
    const order = paid ?? (await affiliatedOrder(tx, orderId));
    if (!order) throw new DomainError('NOT_FOUND', `Order ${orderId} not found`);
    if (!(SOLD_STATUSES as readonly string[]).includes(order.status)) return;
    if (!order.voucherCode) return;
    const voucher = await this.#vouchers.find(tx, order.voucherCode);
    const affiliateId = order.affiliateAccountId ?? voucher?.affiliate ?? null;
    if (affiliateId === null || !voucher || voucher.affiliate !== affiliateId) return;
    const rateBps = voucher.affiliateCommissionBps ?? 0;
    if (rateBps <= 0) return;
    if (order.affiliateAccountId === null) {
      // Remember the attribution so reports survive a later change of the voucher's code.
      await attributeToAffiliate(tx, orderId, affiliateId);
    }
    const base = commissionBase(await storedPricing(tx, order), commissionBaseOf(tx.tenant.settings));
    const amount = affiliateCommission(base, rateBps);
    if (amount <= 0) return;
    const entryId = await this.#ledger.post(
      tx,
      postKey(orderId),
      `Affiliate commission from Order #${orderId}`,
      [
        { account: LedgerAccounts.commissionExpense, amount },
        { account: LedgerAccounts.affiliateCommissions(affiliateId), amount: -amount },
      ],
    );
    if (entryId === null) return; // already posted (a repeat, or a concurrent call that won)
    await this.#commissions.recordOrderCommission(tx, {
      beneficiaryId: affiliateId,
      kind: 'affiliate',
      level: LEVEL,
      rateBps,
      amount,
      description: `Affiliate Commission from Order #${orderId}`,
      orderId,
      ledgerEntryId: entryId,
    });
  }

  /** Posts the order's affiliate commission back and marks it reversed; a no-op when there is none or it already was. */
  async onOrderReversed(tx: Scope, orderId: number): Promise<void> {
    // The row lock makes a concurrent reversal wait, then see it reversed and do nothing.
    const commission = await this.#commissions.lockUnreversed(tx, 'affiliate', orderId, LEVEL);
    if (!commission) return;
    const { amount } = commission;
    await this.#ledger.post(tx, reversalKey(orderId), `Affiliate commission reversed: Order #${orderId}`, [
      { account: LedgerAccounts.affiliateCommissions(commission.beneficiaryId), amount },
      { account: LedgerAccounts.commissionExpense, amount: -amount },
    ]);
    await this.#commissions.markReversed(tx, commission.id);
  }

  /** What the company owes the affiliate (ledger balance). */
  balance(scope: Scope, accountId: number): Promise<number> {
    return this.#ledger.balance(scope, LedgerAccounts.affiliateCommissions(accountId));
  }
}
