// Request field builders every profile shares. Each keeps zod's run-time rules and gives the field the
// input type a client sends: a bare `z.preprocess` or `z.coerce` types its input `unknown`, which let
// the typed SDK accept `product_id: 'not-a-number'`. REST hands query strings, path parameters and form
// fields over as text, so numbers are still coerced at run time; the type says what an SDK caller sends.
import { z } from 'zod';

/** The largest PostgreSQL `integer` (int4): every row id is a `serial`, every count column an int4. */
export const INT4_MAX = 2_147_483_647;
/**
 * The largest amount of money a request may name: 10 trillion minor units (the columns are bigint; the
 * domain keeps every amount a safe integer, and no price, order or payout comes near this).
 */
export const MONEY_MAX = 10_000_000_000_000;
/** OpenAPI's integer formats, shown beside the bounds. */
export const INT32 = { format: 'int32' } as const;
export const INT64 = { format: 'int64' } as const;

const trimString = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

/**
 * `schema` after trimming a string (mobile keyboards add spaces); any other value reaches `schema` as
 * sent, so its own type error names the field. Typed as `schema`'s input.
 */
export function trimmed<S extends z.ZodType>(schema: S) {
  return z.preprocess<unknown, S, z.input<S>>(trimString, schema);
}

type NumberParams = string | z.core.$ZodNumberParams;

/**
 * A number REST may send as text (a query string, a path parameter, a form field): coerced at run time,
 * typed as `T` (a number unless a profile also hands its ids out as digit strings).
 */
export function coercedNumber<T = number>(params?: NumberParams) {
  return z.coerce.number<T>(params);
}

/** A row id: a whole number from 1 to the int4 maximum. */
export function rowId<T = number>(params?: NumberParams) {
  return coercedNumber<T>(params).int().positive().max(INT4_MAX).meta(INT32);
}

/** A page number from 1 (a page past the end is empty, not an error). */
export function pageNumber(params?: NumberParams) {
  return coercedNumber(params).int().min(1).max(INT4_MAX).meta(INT32);
}

/** A whole number from `min` to `max` (page sizes, quantities, months). */
export function boundedInt(min: number, max: number, params?: NumberParams) {
  return coercedNumber(params).int().min(min).max(max).meta(INT32);
}

/** An id as a number, or as the digit string a profile's responses give it (qutab writes ids so). */
export type DigitsId = number | `${number}`;

/** A real calendar date written YYYY-MM-DD (2025-02-30 and 2025-13-01 are refused). */
export const isoDate = z
  .string()
  .trim()
  .refine((v) => {
    // Years below 1000 are refused: Date.UTC reads years 0..99 as 1900..1999.
    if (!/^[1-9]\d{3}-\d{2}-\d{2}$/.test(v)) return false;
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'must be a valid date in YYYY-MM-DD format');
