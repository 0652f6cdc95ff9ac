import { voucherState } from '@komisi/domain';
import type { Voucher } from '../../contexts/commerce/vouchers/voucher.entity.ts';
import type { VoucherReport } from '../../contexts/commerce/vouchers/voucher-admin.service.ts';
import { toVoucherRule } from '../../contexts/commerce/vouchers/vouchers.service.ts';
import { discountValue, isoSeconds } from './cart.presenters.ts';

/** A voucher as the admin lists show it, its state judged at `now`. */
export const presentAdminVoucher = (v: Voucher, now: Date) => ({
  id: v.id,
  code: v.code,
  name: v.name,
  description: v.description ?? null,
  discount_type: v.discountType,
  discount_value: discountValue(v),
  max_discount_amount: v.maxDiscountAmount ?? null,
  min_purchase_amount: v.minPurchaseAmount,
  start_date: isoSeconds(v.startsAt),
  end_date: isoSeconds(v.endsAt),
  usage_limit: v.usageLimit ?? null,
  per_customer_limit: v.perCustomerLimit ?? null,
  used_count: v.usedCount,
  usage_remaining: v.usageLimit == null ? null : Math.max(0, v.usageLimit - v.usedCount),
  is_active: v.active,
  is_public: v.isPublic,
  state: voucherState(toVoucherRule(v), v.usedCount, now),
  affiliate_id: v.affiliate ?? null,
  created_at: isoSeconds(v.createdAt)!,
});

export const presentVoucherReport = (r: VoucherReport, now: Date) => ({
  voucher: {
    ...presentAdminVoucher(r.voucher, now),
    usage: {
      used_count: r.usage.activeUses,
      voided_count: r.usage.voidedUses,
      paid_orders: r.usage.paidOrders,
      total_discount: r.usage.totalDiscount,
    },
    recent_orders: r.recentOrders.map((o) => ({
      order_number: o.orderNumber,
      status: o.status,
      total_amount: o.totalAmount,
      discount_amount: o.discount,
      redemption_status: o.redemption,
      customer: o.customer,
      created_at: isoSeconds(o.createdAt)!,
    })),
  },
});
