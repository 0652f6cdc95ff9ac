import { validationError } from './errors.ts';

/**
 * Yearly document numbers as the koperasi-sinoman document writes them: a prefix, the year and a
 * zero-padded sequence, e.g. `SIN-2026-000001` (members), `SA-2026-000001` (savings accounts),
 * `TXN-2026-000001` (transactions), `FC-2026-003` (programme batches).
 */
export function formatYearNumber(prefix: string, year: number, sequence: number, digits: number): string {
  if (!/^[A-Z]{2,5}$/.test(prefix)) throw validationError({ prefix: ['must be 2 to 5 capital letters'] });
  if (!Number.isInteger(year) || year < 2000 || year > 9999)
    throw validationError({ year: ['must be a whole number from 2000 to 9999'] });
  if (!Number.isSafeInteger(sequence) || sequence < 1)
    throw validationError({ sequence: ['must be a whole number of at least 1'] });
  return `${prefix}-${year}-${String(sequence).padStart(digits, '0')}`;
}

/** The counter a yearly number draws from: one per prefix and year, so each year starts at 1. */
export const yearCounterName = (prefix: string, year: number) => `${prefix.toLowerCase()}-${year}`;
