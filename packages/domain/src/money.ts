import { fieldError } from './errors.ts';

/**
 * Money is an integer count of minor units held in a JS number. It must stay a safe integer so every
 * amount is exact; floats never represent money here.
 */
export type CurrencyCode = 'UGX' | 'IDR' | 'USD';

/** Digits after the decimal point in each currency's major unit. */
export const CURRENCY_MINOR_DIGITS: Record<CurrencyCode, number> = Object.freeze({ UGX: 0, IDR: 0, USD: 2 });

/** A rate in hundredths of a percent: 1% = 100 bps, 100% = 10000 bps. */
export type BasisPoints = number;

export const BASIS_POINTS_PER_WHOLE = 10_000;

const TOO_LARGE = 'exceeds the largest exact amount';
const BAD_NON_NEGATIVE_AMOUNT = 'must be a whole, non-negative number of minor units';
const BAD_BPS = 'must be a whole, non-negative number of basis points';

export function isCurrencyCode(value: unknown): value is CurrencyCode {
  // Own-property check so names like 'toString' are not mistaken for currencies.
  return typeof value === 'string' && Object.hasOwn(CURRENCY_MINOR_DIGITS, value);
}

export function assertMinorUnits(amount: number, field = 'amount'): number {
  if (!Number.isSafeInteger(amount)) throw fieldError(field, 'must be a whole number of minor units');
  return amount;
}

/** For amounts that may not go below zero: prices, commission bases. */
export function assertNonNegativeMinorUnits(amount: number, field = 'amount'): number {
  if (!Number.isSafeInteger(amount) || amount < 0) throw fieldError(field, BAD_NON_NEGATIVE_AMOUNT);
  return amount;
}

function assertBasisPoints(bps: number, field: string): number {
  if (!Number.isSafeInteger(bps) || bps < 0) throw fieldError(field, BAD_BPS);
  return bps;
}

function toSafeNumber(value: bigint, field: string, message = TOO_LARGE): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw fieldError(field, message);
  }
  return Number(value);
}

/** floor(amount × rateBps / 10000), exact for every safe-integer amount because it works in BigInt. */
export function applyRate(amount: number, rateBps: BasisPoints): number {
  assertNonNegativeMinorUnits(amount);
  assertBasisPoints(rateBps, 'rateBps');
  // BigInt division truncates, which is floor for the non-negative operands guarded above.
  return toSafeNumber((BigInt(amount) * BigInt(rateBps)) / BigInt(BASIS_POINTS_PER_WHOLE), 'amount');
}

export function multiply(unitPrice: number, quantity: number): number {
  assertNonNegativeMinorUnits(unitPrice, 'unitPrice');
  if (!Number.isSafeInteger(quantity) || quantity < 0) {
    throw fieldError('quantity', 'must be a whole, non-negative number');
  }
  return toSafeNumber(BigInt(unitPrice) * BigInt(quantity), 'amount');
}

/** Exact total; only the final total must fit, so refunds may offset large intermediate sums. */
export function sum(amounts: readonly number[]): number {
  let total = 0n;
  amounts.forEach((amount, i) => {
    total += BigInt(assertMinorUnits(amount, `amounts.${i}`));
  });
  return toSafeNumber(total, 'amounts', `total ${TOO_LARGE}`);
}

/** 250 → 2.5. Dividing an integer by 100 yields the double nearest the exact decimal. */
export function bpsToPercent(bps: BasisPoints): number {
  return assertBasisPoints(bps, 'bps') / 100;
}

/** 2.5 → 250. Rejects anything that is not a whole number of basis points, e.g. 2.555. */
export function percentToBps(percent: number): BasisPoints {
  // `+ 0` turns -0 into 0 so callers never see a negative zero.
  const bps = Math.round(percent * 100) + 0;
  // The round trip proves `percent` is exactly the value written with at most two decimals.
  if (!Number.isSafeInteger(bps) || bps < 0 || bps / 100 !== percent) {
    throw fieldError('percent', 'must be a non-negative percentage with at most two decimals');
  }
  return bps;
}

function minorUnitsPerMajor(currency: CurrencyCode): number {
  if (!isCurrencyCode(currency)) throw fieldError('currency', 'is not supported');
  return 10 ** CURRENCY_MINOR_DIGITS[currency];
}

/** 125050 USD cents → 1250.5. For display and provider payloads only; never compute with the result. */
export function toMajorUnits(amount: number, currency: CurrencyCode): number {
  const perMajor = minorUnitsPerMajor(currency);
  return assertMinorUnits(amount) / perMajor;
}

/** 1250.5 USD → 125050. Rounds nothing: more decimals than the currency has is an error. */
export function fromMajorUnits(value: number, currency: CurrencyCode): number {
  const perMajor = minorUnitsPerMajor(currency);
  // `+ 0` turns -0 into 0 so callers never see a negative zero.
  const minor = Math.round(value * perMajor) + 0;
  // The round trip proves `value` had no more decimals than the currency allows.
  if (minor / perMajor !== value) throw fieldError('amount', `has more decimals than ${currency} allows`);
  if (!Number.isSafeInteger(minor)) throw fieldError('amount', TOO_LARGE);
  return minor;
}

/**
 * part / whole × 100, rounded half away from zero (PHP round()) to `decimals` places; 0 when whole is 0.
 * Works on exact rationals in BigInt so halves such as 1.005 round up instead of drifting down.
 */
export function ratioPercent(part: number, whole: number, decimals = 2): number {
  if (!Number.isSafeInteger(part)) throw fieldError('part', 'must be a whole number');
  if (!Number.isSafeInteger(whole)) throw fieldError('whole', 'must be a whole number');
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 10) {
    throw fieldError('decimals', 'must be a whole number from 0 to 10');
  }
  if (whole === 0) return 0;

  const scale = 10n ** BigInt(decimals);
  const numerator = abs(BigInt(part)) * 100n * scale;
  const denominator = abs(BigInt(whole));
  // floor(n / d + 1/2) == floor((2n + d) / 2d): half-up on the magnitude.
  const magnitude = (2n * numerator + denominator) / (2n * denominator);
  const negative = part < 0 !== whole < 0;
  // BigInt has no negative zero, so a zero result stays +0.
  return Number(negative ? -magnitude : magnitude) / Number(scale);
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}
