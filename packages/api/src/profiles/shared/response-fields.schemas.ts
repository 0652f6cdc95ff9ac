// The integers responses carry, by kind, with the bounds they really have (the documents used to show
// every integer as ±9007199254740991). Responses are checked against them like every output.
import { z } from 'zod';
import { INT4_MAX, INT32, INT64 } from './request-fields.schemas.ts';

const LARGEST_EXACT = Number.MAX_SAFE_INTEGER;

/** A row's id: every id is an int4 `serial`, from 1. */
export const idOutput = z.number().int().min(1).max(INT4_MAX).meta(INT32);
/**
 * How many of something one int4 column or one count of rows holds: a quantity, stock, a count of
 * rows (no table holds more rows than its int4 ids number), a page, a position.
 */
export const countOutput = z.number().int().min(0).max(INT4_MAX).meta(INT32);
/** A sum of counts (clicks, items sold): from 0 to the largest exact integer. */
export const totalOutput = z.number().int().min(0).max(LARGEST_EXACT).meta(INT64);
/** An amount of money that is never negative (minor units; the domain keeps amounts exact). */
export const amountOutput = z.number().int().min(0).max(LARGEST_EXACT).meta(INT64);
/** A balance: the sum of ledger postings, which a reversal may take below zero. */
export const signedAmountOutput = z.number().int().min(-LARGEST_EXACT).max(LARGEST_EXACT).meta(INT64);
