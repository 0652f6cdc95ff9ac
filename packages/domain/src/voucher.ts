import { DomainError, DomainErrorCode, type FieldErrors, fieldError, validationError } from './errors.ts';
import { applyRate, BASIS_POINTS_PER_WHOLE } from './money.ts';

/**
 * Checkout vouchers. A cart holds at most one voucher (a single code field), so there is no stacking:
 * applying another code replaces the first, and each evaluation looks at one rule alone.
 */
export const VOUCHER_DISCOUNT_TYPES = ['percentage', 'fixed', 'free_shipping'] as const;
export type VoucherDiscountType = (typeof VOUCHER_DISCOUNT_TYPES)[number];

export interface VoucherRule {
  /** Canonical form, see normalizeVoucherCode: 'WELCOME10'. */
  code: string;
  discountType: VoucherDiscountType;
  /**
   * percentage: basis points of the subtotal (1000 = 10%); fixed: minor units off the subtotal;
   * free_shipping: most shipping covered in minor units, 0 for any shipping cost.
   */
  discountValue: number;
  /** Most the voucher takes off, whatever its type; null for no cap. */
  maxDiscountAmount: number | null;
  /** Least item subtotal (before any discount) the voucher needs. */
  minPurchaseAmount: number;
  /** Both ends inclusive; null leaves that side open. */
  startsAt: Date | null;
  endsAt: Date | null;
  /** Uses across all customers; null for no limit. */
  usageLimit: number | null;
  perCustomerLimit: number | null;
  active: boolean;
}

/** A rule that is only its discount: no cap, no minimum, no window, no limits; active. */
export function openVoucherRule(
  code: string,
  discountType: VoucherDiscountType,
  discountValue: number,
): VoucherRule {
  return {
    code,
    discountType,
    discountValue,
    maxDiscountAmount: null,
    minPurchaseAmount: 0,
    startsAt: null,
    endsAt: null,
    usageLimit: null,
    perCustomerLimit: null,
    active: true,
  };
}

/** How often the voucher was already used: by anyone, and by this customer. */
export interface VoucherUsage {
  totalUses: number;
  customerUses: number;
}

export interface VoucherCheckout {
  /** Items before any discount, in minor units. */
  subtotal: number;
  shippingCost: number;
  now: Date;
  usage: VoucherUsage;
}

/** Stable codes clients can branch on; returned, not thrown, so a checkout can show why. */
export const VOUCHER_REJECTIONS = [
  'VOUCHER_INACTIVE',
  'VOUCHER_NOT_STARTED',
  'VOUCHER_EXPIRED',
  'VOUCHER_MIN_PURCHASE',
  'VOUCHER_USAGE_LIMIT',
  'VOUCHER_CUSTOMER_LIMIT',
] as const;
export type VoucherRejection = (typeof VOUCHER_REJECTIONS)[number];

export type VoucherEvaluation =
  | { ok: true; discountAmount: number; shippingDiscount: number }
  | { ok: false; reason: VoucherRejection; message: string };

const CODE_PATTERN = /^[A-Z0-9_-]{1,32}$/;
const BAD_MONEY = 'must be a whole, non-negative number of minor units';
const BAD_COUNT = 'must be a whole, non-negative number';
const BAD_LIMIT = `${BAD_COUNT}, or null for no limit`;
const BAD_DATE = 'must be a valid date or null';

const isWholeNonNegative = (value: number) => Number.isSafeInteger(value) && value >= 0;
const isValidDate = (value: Date) => !Number.isNaN(value.getTime());
const isDiscountType = (value: string): value is VoucherDiscountType =>
  (VOUCHER_DISCOUNT_TYPES as readonly string[]).includes(value);

/** What a shopper typed → the stored form: ' welcome10 ' → 'WELCOME10'. */
export function normalizeVoucherCode(code: string): string {
  return code.trim().toUpperCase();
}

/** The discountValue each type allows, with the message shown when it is outside. */
const DISCOUNT_VALUE_RULES: Record<
  VoucherDiscountType,
  { valid: (value: number) => boolean; message: string }
> = {
  percentage: {
    valid: (bps) => Number.isInteger(bps) && bps >= 1 && bps <= BASIS_POINTS_PER_WHOLE,
    message: `must be a whole number of basis points from 1 to ${BASIS_POINTS_PER_WHOLE}`,
  },
  fixed: {
    valid: (amount) => Number.isSafeInteger(amount) && amount >= 1,
    message: 'must be a whole, positive number of minor units',
  },
  free_shipping: {
    valid: isWholeNonNegative,
    message: `${BAD_MONEY} (0 covers any shipping cost)`,
  },
};

/** Checks every rule at once so a voucher editor can show all problems together; returns the rule. */
export function validateVoucherRule(rule: VoucherRule): VoucherRule {
  const fields: FieldErrors = {};
  const flag = (field: string, message: string) => {
    fields[field] = [message];
  };

  if (!CODE_PATTERN.test(rule.code)) {
    flag('code', 'must be 1 to 32 capital letters, digits, dashes or underscores');
  }
  if (!isDiscountType(rule.discountType)) {
    flag('discountType', `must be one of ${VOUCHER_DISCOUNT_TYPES.join(', ')}`);
  } else {
    // The value's meaning depends on the type, so it can only be judged once the type is known.
    const { valid, message } = DISCOUNT_VALUE_RULES[rule.discountType];
    if (!valid(rule.discountValue)) flag('discountValue', message);
  }
  if (rule.maxDiscountAmount !== null && !isWholeNonNegative(rule.maxDiscountAmount)) {
    flag('maxDiscountAmount', `${BAD_MONEY}, or null for no cap`);
  }
  if (!isWholeNonNegative(rule.minPurchaseAmount)) flag('minPurchaseAmount', BAD_MONEY);

  const startsOk = rule.startsAt === null || isValidDate(rule.startsAt);
  const endsOk = rule.endsAt === null || isValidDate(rule.endsAt);
  if (!startsOk) flag('startsAt', BAD_DATE);
  if (!endsOk) flag('endsAt', BAD_DATE);
  if (startsOk && endsOk && rule.startsAt && rule.endsAt && rule.endsAt < rule.startsAt) {
    flag('endsAt', 'must not be before startsAt');
  }

  if (rule.usageLimit !== null && !isWholeNonNegative(rule.usageLimit)) flag('usageLimit', BAD_LIMIT);
  if (rule.perCustomerLimit !== null && !isWholeNonNegative(rule.perCustomerLimit)) {
    flag('perCustomerLimit', BAD_LIMIT);
  }

  if (Object.keys(fields).length > 0) throw validationError(fields, 'The voucher is invalid.');
  return rule;
}

/**
 * Whether `rule` applies to this checkout and what it takes off. Reasons are checked in a fixed order,
 * the ones a shopper cannot fix first (inactive, window, usage limits), then the minimum purchase, so
 * nobody is told to add items for a voucher that would be refused anyway.
 */
export function evaluateVoucher(rule: VoucherRule, checkout: VoucherCheckout): VoucherEvaluation {
  validateVoucherRule(rule);
  validateCheckout(checkout);
  const { subtotal, shippingCost, now, usage } = checkout;

  if (!rule.active) return reject('VOUCHER_INACTIVE', 'Voucher is not active');
  if (rule.startsAt !== null && now < rule.startsAt) {
    return reject('VOUCHER_NOT_STARTED', 'Voucher is not valid yet');
  }
  if (rule.endsAt !== null && now > rule.endsAt) return reject('VOUCHER_EXPIRED', 'Voucher has expired');
  if (rule.usageLimit !== null && usage.totalUses >= rule.usageLimit) {
    return reject('VOUCHER_USAGE_LIMIT', 'Voucher usage limit has been reached');
  }
  if (rule.perCustomerLimit !== null && usage.customerUses >= rule.perCustomerLimit) {
    return reject(
      'VOUCHER_CUSTOMER_LIMIT',
      'Voucher already used the maximum number of times by this customer',
    );
  }
  if (subtotal < rule.minPurchaseAmount) {
    return reject('VOUCHER_MIN_PURCHASE', `Minimum purchase of ${rule.minPurchaseAmount} not reached`);
  }

  const cap = (amount: number) =>
    rule.maxDiscountAmount === null ? amount : Math.min(amount, rule.maxDiscountAmount);
  switch (rule.discountType) {
    case 'percentage':
      // applyRate floors to the minor unit; a rate of at most 100% never exceeds the subtotal.
      return granted(cap(applyRate(subtotal, rule.discountValue)), 0);
    case 'fixed':
      return granted(cap(Math.min(rule.discountValue, subtotal)), 0);
    case 'free_shipping': {
      const covered = rule.discountValue > 0 ? Math.min(shippingCost, rule.discountValue) : shippingCost;
      return granted(0, cap(covered));
    }
  }
}

/**
 * What a voucher is right now, in the order an administrator reads it: switched off, then past its end,
 * then not started, then out of uses; otherwise usable (a customer's own limit and the minimum purchase
 * are a checkout's business, not the voucher's state).
 */
export const VOUCHER_STATES = ['active', 'inactive', 'expired', 'scheduled', 'used_up'] as const;
export type VoucherState = (typeof VOUCHER_STATES)[number];

export function voucherState(
  rule: Pick<VoucherRule, 'active' | 'startsAt' | 'endsAt' | 'usageLimit'>,
  totalUses: number,
  now: Date,
): VoucherState {
  if (!rule.active) return 'inactive';
  if (rule.endsAt !== null && now > rule.endsAt) return 'expired';
  if (rule.startsAt !== null && now < rule.startsAt) return 'scheduled';
  if (rule.usageLimit !== null && totalUses >= rule.usageLimit) return 'used_up';
  return 'active';
}

/**
 * A voucher's terms: what it is called and what it takes off. Once an order has redeemed it they stay as
 * they were, so every order under a code got the same discount and its usage report adds like with like;
 * an administrator who wants other terms makes a new voucher. Caps, minimums, dates and limits may still
 * change: they only decide future checkouts.
 */
export const VOUCHER_TERMS = ['code', 'discountType', 'discountValue'] as const;

/** Checks an edit of a voucher: the changed rule (validated) and, once redeemed, no change of its terms. */
export function checkVoucherEdit(
  current: VoucherRule,
  changes: Partial<VoucherRule>,
  state: { redeemed: boolean; totalUses: number },
): VoucherRule {
  const next = validateVoucherRule({ ...current, ...changes });
  if (next.usageLimit !== null && next.usageLimit < state.totalUses && changes.usageLimit !== undefined) {
    throw fieldError('usageLimit', `must not be below the ${state.totalUses} uses already made`);
  }
  if (state.redeemed) {
    const changed = VOUCHER_TERMS.filter((term) => next[term] !== current[term]);
    if (changed.length > 0) {
      const message = 'cannot change once an order has used the voucher; create a new voucher instead';
      throw new DomainError(DomainErrorCode.CONFLICT, 'The voucher has been used: its terms are fixed.', {
        fields: Object.fromEntries(changed.map((term) => [term, [message]])),
      });
    }
  }
  return next;
}

/**
 * A rejection as a thrown error, for endpoints that apply a code and must refuse it. `details.code`
 * carries the rejection so the wire can answer with it (`VOUCHER_EXPIRED`) instead of the generic code.
 */
export function voucherError(rejection: VoucherRejection, message: string): DomainError {
  return new DomainError(DomainErrorCode.VALIDATION_ERROR, message, {
    fields: { code: [message] },
    details: { code: rejection },
  });
}

function validateCheckout({ subtotal, shippingCost, now, usage }: VoucherCheckout): void {
  const fields: FieldErrors = {};
  if (!isWholeNonNegative(subtotal)) fields.subtotal = [BAD_MONEY];
  if (!isWholeNonNegative(shippingCost)) fields.shippingCost = [BAD_MONEY];
  if (!isValidDate(now)) fields.now = ['must be a valid date'];
  if (!isWholeNonNegative(usage.totalUses)) fields['usage.totalUses'] = [BAD_COUNT];
  if (!isWholeNonNegative(usage.customerUses)) fields['usage.customerUses'] = [BAD_COUNT];
  if (Object.keys(fields).length > 0) throw validationError(fields);
}

const reject = (reason: VoucherRejection, message: string): VoucherEvaluation => ({
  ok: false,
  reason,
  message,
});

const granted = (discountAmount: number, shippingDiscount: number): VoucherEvaluation => ({
  ok: true,
  discountAmount,
  shippingDiscount,
});
