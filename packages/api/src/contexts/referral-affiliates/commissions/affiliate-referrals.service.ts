import { maskEmail, maskName, type PageWindow, pageWindow } from '@komisi/domain';
import { type Scope, toSafeInteger } from '../../../kernel/scope.ts';
import { Voucher } from '../../commerce/vouchers/voucher.entity.ts';

/** The document's three referral statuses; `available` (hold over, not paid out) still reads confirmed. */
export const REFERRAL_FILTERS = ['all', 'pending', 'confirmed', 'paid'] as const;
export type ReferralFilter = (typeof REFERRAL_FILTERS)[number];
export type ShownReferralStatus = Exclude<ReferralFilter, 'all'>;

const STORED: Record<ShownReferralStatus, string[]> = {
  pending: ['pending'],
  confirmed: ['confirmed', 'available'],
  paid: ['paid'],
};

export interface ReferralRow {
  id: number;
  customerName: string;
  customerEmail: string;
  productName: string | null;
  orderDate: Date;
  orderValue: number;
  commission: number;
  status: ShownReferralStatus;
}

export interface AffiliateCoupon {
  id: number;
  code: string;
  discountType: 'percentage' | 'fixed' | 'free_shipping';
  /** percent for percentage coupons, rupiah for fixed */
  discountValue: number;
  validFrom: Date | null;
  validUntil: Date | null;
  usageCount: number;
  usageLimit: number | null;
  isActive: boolean;
}

/**
 * What an affiliate reads about their own referred customers and coupons. Customers are masked
 * (`Dar**** Pu***`, `dar***@gmail.com`): the affiliate sees that a sale happened, not who bought.
 * Reversed referrals (refunded or cancelled on hold) are not listed: they earn nothing.
 */
export class AffiliateReferralsService {
  async referrals(
    scope: Scope,
    affiliateId: number,
    q: { status: ReferralFilter; page: number; limit: number },
  ): Promise<{ referrals: ReferralRow[]; window: PageWindow }> {
    pageWindow(0, q.page, q.limit); // validates page and limit before any query
    const statuses =
      q.status === 'all' ? [...STORED.pending, ...STORED.confirmed, ...STORED.paid] : STORED[q.status];
    const where = 'r.tenant_id = ? and r.affiliate_id = ? and r.status in (?)';
    const params = [scope.tenant.id, affiliateId, statuses];
    const [count] = await scope.em.execute<{ total: number }[]>(
      `select count(*)::int as total from affiliate_referral r where ${where}`,
      params,
    );
    const window = pageWindow(count?.total ?? 0, q.page, q.limit);
    // Reads identity's account (the customer's name and email, masked below) and commerce's
    // order_item (the first product) in the same statement: a listing page stays one query.
    const rows = await scope.em.execute<
      {
        id: number;
        name: string;
        email: string;
        product_name: string | null;
        ordered_at: Date;
        order_value: string | number;
        commission: string | number;
        status: string;
      }[]
    >(
      `select r.id, a.name, a.email, r.ordered_at, r.order_value, r.commission, r.status,
         (select i.product_name from order_item i where i.order_id = r.order_id order by i.id limit 1) as product_name
       from affiliate_referral r join account a on a.id = r.customer_account_id
       where ${where}
       order by r.ordered_at desc, r.id desc
       limit ? offset ?`,
      [...params, window.per_page, window.offset],
    );
    return {
      referrals: rows.map((r) => ({
        id: r.id,
        customerName: maskName(r.name),
        customerEmail: maskEmail(r.email),
        productName: r.product_name,
        orderDate: new Date(r.ordered_at),
        orderValue: toSafeInteger(r.order_value),
        commission: toSafeInteger(r.commission),
        status: shownStatus(r.status),
      })),
      window,
    };
  }

  /** The coupons that attribute orders to this affiliate (their own account's vouchers). */
  async coupons(scope: Scope, affiliateAccountId: number): Promise<AffiliateCoupon[]> {
    const vouchers = await scope.em.find(
      Voucher,
      { affiliate: affiliateAccountId },
      { orderBy: { id: 'asc' } },
    );
    return vouchers.map((v) => ({
      id: v.id,
      code: v.code,
      discountType: v.discountType,
      // stored in basis points for percentages
      discountValue: v.discountType === 'percentage' ? v.discountValue / 100 : v.discountValue,
      validFrom: v.startsAt ?? null,
      validUntil: v.endsAt ?? null,
      usageCount: v.usedCount,
      usageLimit: v.usageLimit ?? null,
      isActive:
        v.active &&
        (!v.startsAt || v.startsAt <= scope.now) &&
        (!v.endsAt || v.endsAt > scope.now) &&
        (v.usageLimit === null || v.usageLimit === undefined || v.usedCount < v.usageLimit),
    }));
  }
}

function shownStatus(stored: string): ShownReferralStatus {
  if (stored === 'paid') return 'paid';
  return stored === 'pending' ? 'pending' : 'confirmed';
}
