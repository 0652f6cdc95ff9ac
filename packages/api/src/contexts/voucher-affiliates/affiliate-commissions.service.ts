import { affiliateCommission, commissionBase, DomainError, type PricedOrder } from '@komisi/domain';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';
import { LedgerAccounts, type LedgerService } from '../ledger/ledger.service.ts';
import { commissionBaseOf } from './commission-base.ts';

/** Orders that count as sold for an affiliate: paid and not cancelled or refunded. */
export const SOLD_STATUSES = ['paid', 'processing', 'shipped', 'delivered'] as const;

const LEVEL = 'Affiliate';
const postKey = (orderId: number) => `order:${orderId}:affiliate-commission`;
const reversalKey = (orderId: number) => `order:${orderId}:affiliate-commission:reversal`;

interface OrderRow {
  id: number;
  status: string;
  subtotal: string | null;
  discount: string;
  shipping_cost: string;
  shipping_discount: string;
  voucher_code: string | null;
  affiliate_account_id: number | null;
}

interface VoucherRow {
  affiliate_account_id: number | null;
  affiliate_commission_bps: number | null;
}

/**
 * Voucher-code affiliate commissions. The order settlement calls these inside its transaction:
 * `onOrderPaid` posts the commission once (ledger idempotency key + unique commission row),
 * `onOrderReversed` posts it back once when the order is cancelled or refunded.
 */
export class AffiliateCommissionsService {
  readonly #ledger: LedgerService;

  constructor(ledger: LedgerService) {
    this.#ledger = ledger;
  }

  /**
   * The affiliate is `order.affiliate` (set by checkout) or, when that is null, the affiliate of the
   * voucher the order's `voucherCode` names; the rate is that voucher's `affiliateCommissionBps`.
   * Orders not in a paid status, without an affiliate code or earning 0 post nothing.
   */
  async onOrderPaid(tx: Scope, orderId: number): Promise<void> {
    const [order] = await tx.em.execute<OrderRow[]>(
      `select id, status, subtotal::text, discount::text, shipping_cost::text, shipping_discount::text,
              voucher_code, affiliate_account_id
         from customer_order where tenant_id = ? and id = ?`,
      [tx.tenant.id, orderId],
    );
    if (!order) throw new DomainError('NOT_FOUND', `Order ${orderId} not found`);
    if (!(SOLD_STATUSES as readonly string[]).includes(order.status)) return;
    if (!order.voucher_code) return;
    const [voucher] = await tx.em.execute<VoucherRow[]>(
      'select affiliate_account_id, affiliate_commission_bps from voucher where tenant_id = ? and code = ?',
      [tx.tenant.id, order.voucher_code],
    );
    const affiliateId = order.affiliate_account_id ?? voucher?.affiliate_account_id ?? null;
    if (affiliateId === null || !voucher || voucher.affiliate_account_id !== affiliateId) return;
    const rateBps = voucher.affiliate_commission_bps ?? 0;
    if (rateBps <= 0) return;
    if (order.affiliate_account_id === null) {
      // Remember the attribution so reports survive a later change of the voucher's code.
      await tx.em.execute(
        'update customer_order set affiliate_account_id = ? where tenant_id = ? and id = ? and affiliate_account_id is null',
        [affiliateId, tx.tenant.id, orderId],
      );
    }
    const priced = await this.#priced(tx, order);
    const base = commissionBase(priced, commissionBaseOf(tx.tenant.settings));
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
    await tx.em.execute(
      `insert into commission (tenant_id, beneficiary_id, kind, level, rate_bps, amount, description, order_id,
         reference_type, reference_id, ledger_entry_id, created_at)
       values (?, ?, 'affiliate', ?, ?, ?, ?, ?, 'order', ?, ?, ?)
       on conflict (tenant_id, reference_type, reference_id, level) do nothing`,
      [
        tx.tenant.id,
        affiliateId,
        LEVEL,
        rateBps,
        amount,
        `Affiliate Commission from Order #${orderId}`,
        orderId,
        orderId,
        entryId,
        tx.now,
      ],
    );
  }

  /** Posts the order's affiliate commission back and marks it reversed; a no-op when there is none or it already was. */
  async onOrderReversed(tx: Scope, orderId: number): Promise<void> {
    // The row lock makes a concurrent reversal wait, then see reversed_at set and do nothing.
    const [commission] = await tx.em.execute<{ id: number; beneficiary_id: number; amount: string }[]>(
      `select id, beneficiary_id, amount::text from commission
        where tenant_id = ? and kind = 'affiliate' and reference_type = 'order' and reference_id = ? and level = ?
          and reversed_at is null
        for update`,
      [tx.tenant.id, orderId, LEVEL],
    );
    if (!commission) return;
    const amount = toSafeInteger(commission.amount);
    await this.#ledger.post(tx, reversalKey(orderId), `Affiliate commission reversed: Order #${orderId}`, [
      { account: LedgerAccounts.affiliateCommissions(commission.beneficiary_id), amount },
      { account: LedgerAccounts.commissionExpense, amount: -amount },
    ]);
    await tx.em.execute('update commission set reversed_at = ? where id = ? and reversed_at is null', [
      tx.now,
      commission.id,
    ]);
  }

  /** What the company owes the affiliate (ledger balance). */
  balance(scope: Scope, accountId: number): Promise<number> {
    return this.#ledger.balance(scope, LedgerAccounts.affiliateCommissions(accountId));
  }

  async #priced(tx: Scope, order: OrderRow): Promise<PricedOrder> {
    const items = await tx.em.execute<{ unit_price: string; quantity: number; amount: string }[]>(
      'select unit_price::text, quantity, amount::text from order_item where tenant_id = ? and order_id = ? order by id',
      [tx.tenant.id, order.id],
    );
    const lines = items.map((i) => ({
      unitPrice: toSafeInteger(i.unit_price),
      quantity: i.quantity,
      subtotal: toSafeInteger(i.amount),
    }));
    const subtotal =
      order.subtotal === null ? lines.reduce((s, l) => s + l.subtotal, 0) : toSafeInteger(order.subtotal);
    const discount = Math.min(toSafeInteger(order.discount), subtotal);
    const shippingCost = toSafeInteger(order.shipping_cost);
    const shippingDiscount = Math.min(toSafeInteger(order.shipping_discount), shippingCost);
    return {
      subtotal,
      discount,
      shippingCost,
      shippingDiscount,
      total: subtotal - discount + shippingCost - shippingDiscount,
      lines,
    };
  }
}
