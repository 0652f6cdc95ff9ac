import { fieldError } from './errors.ts';
import { BASIS_POINTS_PER_WHOLE } from './money.ts';

/**
 * Interest on savings by the daily-balance method (saldo harian): a month earns
 * Σ over its days of (end-of-day balance × yearly rate ÷ days in the year), rounded down to whole
 * rupiah once, at the end of the month. Months are local calendar months written `YYYY-MM`.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function parts(month: string): [number, number] {
  const match = MONTH.exec(month);
  if (!match) throw fieldError('month', 'must be a month written YYYY-MM');
  return [Number(match[1]), Number(match[2])];
}

/** The month `count` months after (negative: before) `month`. */
export function addMonths(month: string, count: number): string {
  const [year, m] = parts(month);
  const index = year * 12 + (m - 1) + count;
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const previousMonth = (month: string): string => addMonths(month, -1);

/** Whole months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  return ty * 12 + tm - (fy * 12 + fm);
}

export function daysInMonth(month: string): number {
  const [year, m] = parts(month);
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

export function daysInYear(year: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? 366 : 365;
}

/**
 * The balance at the end of each day of a month: the opening balance (at the month's first
 * midnight), then each day's net movement added (`movements[d]`: day d + 1's, credits positive).
 */
export function endOfDayBalances(
  opening: number,
  movements: ReadonlyMap<number, number>,
  days: number,
): number[] {
  const balances: number[] = [];
  let balance = opening;
  for (let day = 0; day < days; day++) {
    balance += movements.get(day) ?? 0;
    balances.push(balance);
  }
  return balances;
}

/**
 * A month's interest from its end-of-day balances at a yearly rate (basis points) in a year of
 * `yearDays` days: exact in BigInt, rounded down once; a day that ends below zero earns nothing.
 */
export function monthlyInterest(balances: readonly number[], rateBp: number, yearDays: number): number {
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > BASIS_POINTS_PER_WHOLE)
    throw fieldError('rateBp', 'must be a whole number of basis points from 0 to 10000');
  if (yearDays !== 365 && yearDays !== 366) throw fieldError('yearDays', 'must be 365 or 366');
  let total = 0n;
  for (const balance of balances) {
    if (!Number.isSafeInteger(balance)) throw fieldError('balances', 'must be whole rupiah');
    if (balance > 0) total += BigInt(balance);
  }
  return Number((total * BigInt(rateBp)) / (BigInt(BASIS_POINTS_PER_WHOLE) * BigInt(yearDays)));
}

/** The interest of `month` on these end-of-day balances (one per day of the month). */
export function interestForMonth(month: string, balances: readonly number[], rateBp: number): number {
  if (balances.length !== daysInMonth(month)) throw fieldError('balances', 'must hold one balance per day');
  return monthlyInterest(balances, rateBp, daysInYear(parts(month)[0]));
}
