import { BASIS_POINTS_PER_WHOLE } from '@komisi/domain';
import type { CartContents } from '../../contexts/commerce/cart/cart-contents.ts';
import type { Voucher } from '../../contexts/commerce/vouchers/voucher.entity.ts';
import type { AppliedVoucher, AvailableVoucher } from '../../contexts/commerce/vouchers/vouchers.service.ts';

/** The spec's units: a percentage as percent (1000 bps → 10), fixed and free-shipping amounts in IDR. */
export const discountValue = (v: Pick<Voucher, 'discountType' | 'discountValue'>) =>
  v.discountType === 'percentage' ? (v.discountValue * 100) / BASIS_POINTS_PER_WHOLE : v.discountValue;

/** `2026-02-01T00:00:00Z`, as the spec writes dates. */
export const isoSeconds = (d: Date | null | undefined) =>
  d ? d.toISOString().replace(/\.\d{3}Z$/, 'Z') : null;

export const presentVoucherDiscount = (a: AppliedVoucher) => ({
  code: a.voucher.code,
  discount_type: a.voucher.discountType,
  discount_value: discountValue(a.voucher),
  discount_amount: a.discountAmount + a.shippingDiscount,
});

export const presentCart = (c: CartContents) => ({
  id: c.id,
  items: c.lines.map((l) => ({
    id: l.id,
    product: { id: l.product.id, name: l.product.name, slug: l.product.slug, image: l.product.image },
    variant: {
      id: l.variant.id,
      sku: l.variant.sku,
      color: l.variant.color,
      finishing: l.variant.finishing,
      size: l.variant.size,
    },
    quantity: l.quantity,
    price: l.unitPrice,
    subtotal: l.subtotal,
    stock_available: l.variant.stock,
  })),
  subtotal: c.subtotal,
  discount_amount: c.discount,
  voucher: c.voucher && presentVoucherDiscount(c.voucher),
  total: c.total,
  voucher_issue: c.voucherIssue && {
    voucher_code: c.voucherIssue.voucherCode,
    code: c.voucherIssue.code,
    message: c.voucherIssue.message,
  },
});

export const presentAvailableVoucher = ({ voucher: v, usageRemaining }: AvailableVoucher) => ({
  code: v.code,
  name: v.name,
  description: v.description ?? null,
  discount_type: v.discountType,
  discount_value: discountValue(v),
  max_discount_amount: v.maxDiscountAmount ?? null,
  min_purchase_amount: v.minPurchaseAmount,
  start_date: isoSeconds(v.startsAt),
  end_date: isoSeconds(v.endsAt),
  usage_remaining: usageRemaining,
});
