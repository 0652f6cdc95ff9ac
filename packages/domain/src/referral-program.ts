import { normalizeEmailAddress, normalizeIndonesianPhone } from './contact-details.ts';
import { DomainError, DomainErrorCode, fieldError } from './errors.ts';
import { applyRate, BASIS_POINTS_PER_WHOLE, type BasisPoints } from './money.ts';

// The referral-link affiliate programme (qutab-platform): its rules and their defaults, all here.
// Pure: data in, data out, `now` passed in.
//
//   holding period      holdDays, 30            holdEndsAt: when a confirmed commission is withdrawable
//   attribution window  attributionDays, 30     attributeOrder; also the referral cookie's lifetime
//   attribution rules   a coupon beats a link   attributeOrder
//   commission rate     defaultRateBps, 10%     referralCommission (an affiliate's own rate comes first)
//   payout minimum      minimumPayout, 100,000  canRequestPayout, checkPayoutRequest
//   self-referral       earns nothing           isSelfReferral
//
// A tenant changes any setting through its overrides (tenant setting `referralAffiliates`), laid on
// the defaults by `referralProgramSettings`.

const DAY_MS = 86_400_000;

/** The programme's settings, every one filled in. */
export interface ReferralProgramSettings {
  /** the holding period: days a confirmed commission stays on hold before it is withdrawable */
  holdDays: number;
  /** the attribution window: days a referral-link click keeps attributing the customer's orders */
  attributionDays: number;
  /** commission rate of affiliates without their own rate, basis points (1000 = 10%) */
  defaultRateBps: number;
  /** the payout minimum: smallest payout an affiliate may request, minor units */
  minimumPayout: number;
  /** where a referral link sends the visitor; null: the tenant's site root */
  targetUrl: string | null;
  /** base of the links handed out (`https://qutab.id/r`, the code is appended); null: the server's own `/t/{tenant}/r` */
  referralBaseUrl: string | null;
}

export const REFERRAL_PROGRAM_DEFAULTS: ReferralProgramSettings = Object.freeze({
  holdDays: 30,
  attributionDays: 30,
  defaultRateBps: 1000,
  minimumPayout: 100_000,
  targetUrl: null,
  referralBaseUrl: null,
});

/** A tenant's changes to the defaults: any of the settings; an absent or null one keeps the default. */
export type ReferralProgramOverrides = {
  [K in keyof ReferralProgramSettings]?: ReferralProgramSettings[K] | null;
};

/**
 * The settings with each layer of overrides laid on the defaults in turn: a key a later layer sets
 * wins over the same key of an earlier one; a key no layer sets (or sets to null) keeps its default.
 */
export function referralProgramSettings(
  ...layers: (ReferralProgramOverrides | null | undefined)[]
): ReferralProgramSettings {
  const pick = <K extends keyof ReferralProgramSettings>(key: K): ReferralProgramSettings[K] => {
    for (let i = layers.length - 1; i >= 0; i--) {
      const value = layers[i]?.[key];
      if (value != null) return value;
    }
    return REFERRAL_PROGRAM_DEFAULTS[key];
  };
  return {
    holdDays: pick('holdDays'),
    attributionDays: pick('attributionDays'),
    defaultRateBps: pick('defaultRateBps'),
    minimumPayout: pick('minimumPayout'),
    targetUrl: pick('targetUrl'),
    referralBaseUrl: pick('referralBaseUrl'),
  };
}

/**
 * Commission on an order: floor(orderValue × rateBps / 10000), in minor units. Rounding down keeps
 * the remainder with the business, as every other commission here does (never pays a fraction the
 * order did not earn); the rate may not exceed 100%.
 */
export function referralCommission(orderValue: number, rateBps: BasisPoints): number {
  if (!Number.isSafeInteger(rateBps) || rateBps < 0 || rateBps > BASIS_POINTS_PER_WHOLE) {
    throw fieldError('rateBps', 'must be a whole number of basis points from 0 to 10000');
  }
  return applyRate(orderValue, rateBps);
}

function assertWholeDays(days: number, field: string): number {
  if (!Number.isSafeInteger(days) || days < 0)
    throw fieldError(field, 'must be a whole, non-negative number of days');
  return days;
}

/** End of a commission's holding period: `holdDays` periods of 24 hours after the payment was confirmed. */
export function holdEndsAt(confirmedAt: Date, holdDays: number): Date {
  return new Date(confirmedAt.getTime() + assertWholeDays(holdDays, 'holdDays') * DAY_MS);
}

export type AttributionSource = 'coupon' | 'link';

export interface AttributionInput {
  /** the affiliate whose coupon the order used */
  coupon?: { affiliateId: number } | null | undefined;
  /** the customer's latest referral-link click */
  click?: { affiliateId: number; clickedAt: Date; clickId: string } | null | undefined;
  now: Date;
  /** how long a click keeps attributing orders */
  windowDays: number;
}

export interface Attribution {
  affiliateId: number;
  source: AttributionSource;
  /** the click that attributed the order (link source only) */
  clickId: string | null;
}

/**
 * Which affiliate an order earns for. A coupon is an explicit choice at checkout, so it beats a
 * link; a link counts only when clicked no later than the order and at most `windowDays` before it
 * (both ends inclusive).
 */
export function attributeOrder(input: AttributionInput): Attribution | null {
  const windowMs = assertWholeDays(input.windowDays, 'windowDays') * DAY_MS;
  if (input.coupon) return { affiliateId: input.coupon.affiliateId, source: 'coupon', clickId: null };
  const click = input.click;
  if (!click) return null;
  const age = input.now.getTime() - click.clickedAt.getTime();
  if (age < 0 || age > windowMs) return null;
  return { affiliateId: click.affiliateId, source: 'link', clickId: click.clickId };
}

export interface Party {
  accountId?: number | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
}

function same(a: string | null | undefined, b: string | null | undefined, normalize: (s: string) => string) {
  if (!a || !b) return false;
  const left = normalize(a);
  return left !== '' && left === normalize(b);
}

/** The customer is the affiliate: the same account, email or phone number. Such orders earn nothing. */
export function isSelfReferral(affiliate: Party, customer: Party): boolean {
  if (affiliate.accountId != null && affiliate.accountId === customer.accountId) return true;
  return (
    same(affiliate.email, customer.email, normalizeEmailAddress) ||
    same(affiliate.phone, customer.phone, normalizeIndonesianPhone)
  );
}

export interface PayoutRequestCheck {
  /** requested, minor units */
  amount: number;
  /** the affiliate's available balance */
  available: number;
  /** the programme's minimum payout */
  minimum: number;
}

/** The spec's `can_request_payout`: the available balance reaches the minimum payout. */
export function canRequestPayout(available: number, minimum: number): boolean {
  return available > 0 && available >= minimum;
}

/**
 * Refuses a payout request: a non-positive or fractional amount (VALIDATION_ERROR naming `amount`),
 * an amount under the minimum (BELOW_MINIMUM_PAYOUT), more than is available (INSUFFICIENT_BALANCE).
 * The balance check is advisory: the service re-checks it under a lock when it moves the money.
 */
export function checkPayoutRequest({ amount, available, minimum }: PayoutRequestCheck): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw fieldError('amount', 'must be a whole, positive number of minor units');
  }
  if (amount < minimum) {
    throw new DomainError(DomainErrorCode.BELOW_MINIMUM_PAYOUT, `The minimum payout is ${minimum}`, {
      fields: { amount: [`must be at least ${minimum}`] },
      details: { minimum },
    });
  }
  if (amount > available) {
    throw new DomainError(DomainErrorCode.INSUFFICIENT_BALANCE, 'Insufficient balance for this payout', {
      fields: { amount: [`must not exceed the available balance of ${available}`] },
      details: { available },
    });
  }
}
