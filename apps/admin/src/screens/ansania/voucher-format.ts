import type { AnsaniaOutputs } from '@komisi/sdk';

/** A voucher as the admin list answers it. */
export type AdminVoucher = AnsaniaOutputs['adminVouchers']['list']['vouchers'][number];

/** What a voucher takes off, as the list shows it: 15%, Rp 100.000, free shipping (up to Rp 20.000). */
export function discountText(
  v: Pick<AdminVoucher, 'discount_type' | 'discount_value' | 'max_discount_amount'>,
  typeLabel: (type: string) => string,
  money: (amount: number) => string,
): string {
  if (v.discount_type === 'percentage') {
    const cap = v.max_discount_amount === null ? '' : ` (≤ ${money(v.max_discount_amount)})`;
    return `${v.discount_value}%${cap}`;
  }
  if (v.discount_type === 'fixed') return money(v.discount_value);
  return v.discount_value > 0
    ? `${typeLabel(v.discount_type)} (≤ ${money(v.discount_value)})`
    : typeLabel(v.discount_type);
}
