import { commissionBase } from '@komisi/domain';
import type { Scope } from '../../../kernel/scope.ts';
import type { WrittenOrder } from '../../commerce/checkout/order-writer.ts';
import { Account } from '../../identity/account.entity.ts';
import { commissionBaseOf } from '../../voucher-affiliates/commission-base.ts';
import type { ReferralLinksService } from '../clicks/referral-links.service.ts';
import type { PlacedOutcome, ReferralCommissionsService } from './referral-commissions.service.ts';

/**
 * Who a new order earns for, decided inside the order's transaction: the affiliate whose coupon it
 * used, else the referral link the customer's signed cookie proves (within the attribution window;
 * the domain's `attributeOrder` keeps "a coupon beats a link"). The commission applies to the
 * programme's base amount (tenant setting `voucherAffiliates.commissionBase`, the same shared rule as
 * the voucher-code affiliates: by default the total before discounts).
 */
export class OrderAttribution {
  readonly #commissions: ReferralCommissionsService;
  readonly #links: Pick<ReferralLinksService, 'attribution'>;

  constructor(commissions: ReferralCommissionsService, links: Pick<ReferralLinksService, 'attribution'>) {
    this.#commissions = commissions;
    this.#links = links;
  }

  async record(tx: Scope, order: WrittenOrder, cookieHeader: string | undefined): Promise<PlacedOutcome> {
    const couponAffiliate = order.voucherCode ? await this.#couponAffiliate(tx, order.voucherCode) : null;
    const click = this.#links.attribution(tx, cookieHeader);
    const attribution = this.#commissions.attribute(tx, {
      coupon: couponAffiliate === null ? null : { affiliateId: couponAffiliate },
      click,
    });
    const customer = await tx.em.findOneOrFail(Account, { id: order.account });
    const subtotal = order.subtotal ?? order.totalAmount;
    const orderValue = commissionBase(
      {
        subtotal,
        discount: order.discount,
        shippingCost: order.shippingCost,
        shippingDiscount: order.shippingDiscount,
        total: order.totalAmount,
        lines: [],
      },
      commissionBaseOf(tx.tenant.settings),
    );
    return this.#commissions.onOrderPlaced(tx, {
      orderId: order.id,
      customer: { accountId: customer.id, email: customer.email, phone: customer.phone ?? null },
      orderValue,
      attribution,
    });
  }

  /** The referral-link affiliate owning the coupon `code`, if any (and approved or not: the service checks). */
  async #couponAffiliate(tx: Scope, code: string): Promise<number | null> {
    // Reads commerce's voucher joined to the affiliate in one statement, inside the order's transaction.
    const [row] = await tx.em.execute<{ id: number }[]>(
      `select a.id from voucher v join affiliate a on a.account_id = v.affiliate_account_id and a.tenant_id = v.tenant_id
       where v.tenant_id = ? and v.code = ?`,
      [tx.tenant.id, code],
    );
    return row?.id ?? null;
  }
}
