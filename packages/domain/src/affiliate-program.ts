import { DomainError, DomainErrorCode, fieldError } from './errors.ts';
import { applyRate, BASIS_POINTS_PER_WHOLE, type BasisPoints } from './money.ts';

// Referral-link affiliate programme (qutab-platform): commission, holding period, attribution,
// self-referral, masking of customers' data, referral codes and payout requests. Pure: data in,
// data out, `now` passed in.

const DAY_MS = 86_400_000;

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

/** Emails compare trimmed and in lower case. */
export function normalizeEmailAddress(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * An Indonesian phone number in its national significant form: spaces, dashes, dots and brackets
 * ignored, then the `+62`, `62` or trunk `0` prefix dropped (`+62 812-3456-789`, `628123456789` and
 * `0812 3456 789` are all `8123456789`).
 */
export function normalizeIndonesianPhone(phone: string): string {
  const compact = phone.replace(/[\s\-.()]/g, '');
  const match = /^(?:\+62|62|0)(.*)$/.exec(compact);
  return match ? match[1]! : compact;
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

/** How many leading characters a masked word or email shows: a third, rounded up, at most 3. */
function shown(length: number): number {
  return Math.min(3, Math.ceil(length / 3));
}

/**
 * A customer's name as an affiliate sees it: each word keeps its first third (rounded up, at most
 * 3 letters), the rest becomes stars, at most 4 so long words do not give their length away.
 * `Darmawan Putra` → `Dar**** Pu***`.
 */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => {
      const letters = Array.from(word);
      const keep = shown(letters.length);
      return letters.slice(0, keep).join('') + '*'.repeat(Math.min(4, letters.length - keep));
    })
    .join(' ');
}

/**
 * A customer's email as an affiliate sees it: the first third of the part before `@` (rounded up,
 * at most 3 characters), then always `***`, then the domain. `darmawan@gmail.com` → `dar***@gmail.com`.
 */
export function maskEmail(email: string): string {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf('@');
  const local = Array.from(at < 0 ? trimmed : trimmed.slice(0, at));
  const domain = at < 0 ? '' : trimmed.slice(at);
  return `${local.slice(0, shown(local.length)).join('')}***${domain}`;
}

/**
 * A bank account number with only its last 4 digits visible (`1234567890` → `******7890`); spaces
 * and dashes are dropped first. Numbers of 4 characters or fewer are shown as stars only.
 */
export function maskAccountNumber(accountNumber: string): string {
  const compact = accountNumber.replace(/[\s-]/g, '');
  if (compact.length <= 4) return '*'.repeat(compact.length);
  return '*'.repeat(compact.length - 4) + compact.slice(-4);
}

export const REFERRAL_CODE_LENGTH = 7;
export const REFERRAL_CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Random bytes to hand `referralCode`: enough that running out is practically impossible (< 1e-30). */
export const REFERRAL_CODE_RANDOM_BYTES = 32;
// The largest multiple of 62 below 256: bytes from 248 up are skipped, so every character is equally likely.
const UNBIASED_LIMIT = 256 - (256 % REFERRAL_CODE_ALPHABET.length);

/**
 * A 7-character referral code (e.g. `XK7mP2q`) from random bytes, by rejection sampling: a byte
 * below 248 picks `byte % 62`, larger bytes are skipped (no modulo bias). Null when the bytes ran
 * out first; the caller draws again. Codes are case-sensitive.
 */
export function referralCode(randomBytes: Uint8Array): string | null {
  let code = '';
  for (const byte of randomBytes) {
    if (byte >= UNBIASED_LIMIT) continue;
    code += REFERRAL_CODE_ALPHABET[byte % REFERRAL_CODE_ALPHABET.length];
    if (code.length === REFERRAL_CODE_LENGTH) return code;
  }
  return null;
}

export function isReferralCode(value: string): boolean {
  return /^[A-Za-z0-9]{7}$/.test(value);
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
