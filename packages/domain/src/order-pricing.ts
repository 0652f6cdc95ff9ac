import { type FieldErrors, fieldError, validationError } from './errors.ts';
import { applyRate, type BasisPoints, multiply, sum } from './money.ts';

export interface OrderLineInput {
  unitPrice: number;
  quantity: number;
}

/** What an accepted voucher takes off; the `ok: true` result of evaluateVoucher fits as is. */
export interface OrderVoucherDiscount {
  discountAmount: number;
  shippingDiscount: number;
}

export interface OrderPricingInput {
  lines: readonly OrderLineInput[];
  shippingCost: number;
  voucher?: OrderVoucherDiscount | null;
}

export interface PricedOrderLine {
  unitPrice: number;
  quantity: number;
  subtotal: number;
}

/** Every amount in integer minor units. */
export interface PricedOrder {
  /** Items before any discount. */
  subtotal: number;
  /** Taken off the items; never above subtotal. */
  discount: number;
  shippingCost: number;
  /** Taken off the shipping; never above shippingCost. */
  shippingDiscount: number;
  /** subtotal − discount + shippingCost − shippingDiscount, never negative. */
  total: number;
  lines: PricedOrderLine[];
}

const BAD_MONEY = 'must be a whole, non-negative number of minor units';

const isWholeNonNegative = (value: number) => Number.isSafeInteger(value) && value >= 0;

/** Prices a cart exactly. A discount larger than what it applies to is clamped, never turned into credit. */
export function priceOrder(input: OrderPricingInput): PricedOrder {
  validatePricingInput(input);
  const lines = input.lines.map(({ unitPrice, quantity }) => ({
    unitPrice,
    quantity,
    subtotal: multiply(unitPrice, quantity),
  }));
  const subtotal = sum(lines.map((line) => line.subtotal));
  const { shippingCost } = input;
  const discount = Math.min(input.voucher?.discountAmount ?? 0, subtotal);
  const shippingDiscount = Math.min(input.voucher?.shippingDiscount ?? 0, shippingCost);
  // sum judges only the final total, so a large subtotal offset by its discount still prices exactly.
  const total = sum([subtotal, -discount, shippingCost, -shippingDiscount]);
  return { subtotal, discount, shippingCost, shippingDiscount, total, lines };
}

/** Checks every input at once so a checkout form can show all problems together. */
function validatePricingInput({ lines, shippingCost, voucher }: OrderPricingInput): void {
  const fields: FieldErrors = {};
  if (lines.length === 0) fields.lines = ['must have at least one line'];
  lines.forEach(({ unitPrice, quantity }, i) => {
    if (!isWholeNonNegative(unitPrice)) fields[`lines.${i}.unitPrice`] = [BAD_MONEY];
    // A line of zero items is no line at all; the cart should drop it instead.
    if (!Number.isSafeInteger(quantity) || quantity < 1) {
      fields[`lines.${i}.quantity`] = ['must be a whole number of at least 1'];
    }
  });
  if (!isWholeNonNegative(shippingCost)) fields.shippingCost = [BAD_MONEY];
  if (voucher) {
    if (!isWholeNonNegative(voucher.discountAmount)) fields['voucher.discountAmount'] = [BAD_MONEY];
    if (!isWholeNonNegative(voucher.shippingDiscount)) fields['voucher.shippingDiscount'] = [BAD_MONEY];
  }
  if (Object.keys(fields).length > 0) throw validationError(fields);
}

/** Which amount of an order an affiliate's commission rate applies to. */
export const COMMISSION_BASES = ['pre_discount_total', 'post_discount_total', 'items_pre_discount'] as const;
export type CommissionBase = (typeof COMMISSION_BASES)[number];

/** Per the spec, commission is a % of the order total before discounts (items + shipping). */
export const DEFAULT_COMMISSION_BASE: CommissionBase = 'pre_discount_total';

const BASE_AMOUNTS: Record<CommissionBase, (priced: PricedOrder) => number> = {
  pre_discount_total: (priced) => sum([priced.subtotal, priced.shippingCost]),
  post_discount_total: (priced) => priced.total,
  items_pre_discount: (priced) => priced.subtotal,
};

export function commissionBase(priced: PricedOrder, base: CommissionBase = DEFAULT_COMMISSION_BASE): number {
  // Own-property check: the base may come from stored settings, and 'toString' is not a base.
  if (!Object.hasOwn(BASE_AMOUNTS, base)) {
    throw fieldError('base', `must be one of ${COMMISSION_BASES.join(', ')}`);
  }
  return BASE_AMOUNTS[base](priced);
}

/** floor(base × rate / 10000), like every other commission. */
export function affiliateCommission(base: number, rateBps: BasisPoints): number {
  return applyRate(base, rateBps);
}
