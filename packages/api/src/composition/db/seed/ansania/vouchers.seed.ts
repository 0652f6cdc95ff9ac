import { type VoucherRule, validateVoucherRule } from '@komisi/domain';
import { Voucher } from '../../../../contexts/commerce/vouchers/voucher.entity.ts';
import type { Scope } from '../../../../kernel/scope.ts';

const DAY = 86_400_000;

/** No window, no limits, active: what a voucher is unless it says otherwise. */
const UNLIMITED = { startsAt: null, endsAt: null, usageLimit: null, perCustomerLimit: null, active: true };

/** The ansania furniture store's demo vouchers (IDR). */
export const ANSANIA_DEMO_VOUCHERS: readonly VoucherRule[] = Object.freeze([
  Object.freeze({
    code: 'WELCOME10',
    discountType: 'percentage',
    discountValue: 1000,
    maxDiscountAmount: 100_000,
    minPurchaseAmount: 500_000,
    ...UNLIMITED,
  }),
  Object.freeze({
    code: 'FREESHIP',
    discountType: 'free_shipping',
    discountValue: 0,
    maxDiscountAmount: null,
    minPurchaseAmount: 0,
    ...UNLIMITED,
  }),
]);

/**
 * The spec's test vouchers `WELCOME10` (10% off, at most 100,000, from 500,000, once per customer) and
 * `FREESHIP` (free shipping), valid from a month before seeding to a year after; and `EXPIRED5`, an
 * expired 5% voucher to try the refusal with.
 */
export async function seedAnsaniaVouchers(scope: Scope): Promise<void> {
  const now = scope.now.getTime();
  const window = { startsAt: new Date(now - 30 * DAY), endsAt: new Date(now + 365 * DAY) };
  const demo = (code: string) => ANSANIA_DEMO_VOUCHERS.find((v) => v.code === code)!;
  const vouchers: (VoucherRule & { name: string; description: string })[] = [
    {
      ...demo('WELCOME10'),
      ...window,
      perCustomerLimit: 1,
      name: 'Welcome Discount 10%',
      description: 'Get 10% off for your first order',
    },
    {
      ...demo('FREESHIP'),
      ...window,
      name: 'Free Shipping',
      description: 'Free shipping on any order',
    },
    {
      code: 'EXPIRED5',
      discountType: 'percentage',
      discountValue: 500,
      maxDiscountAmount: 50_000,
      minPurchaseAmount: 0,
      ...UNLIMITED,
      startsAt: new Date(now - 60 * DAY),
      endsAt: new Date(now - 30 * DAY),
      name: 'Expired 5%',
      description: 'An expired voucher, for trying the refusal',
    },
  ];
  for (const { name, description, ...rule } of vouchers) {
    validateVoucherRule(rule);
    scope.em.create(Voucher, {
      tenant: scope.tenant.id,
      ...rule,
      name,
      description,
      usedCount: 0,
      isPublic: true,
      createdAt: scope.now,
    });
  }
  await scope.em.flush();
}
