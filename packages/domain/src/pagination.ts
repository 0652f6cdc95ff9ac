import { type FieldErrors, fieldError, validationError } from './errors.ts';

/** Laravel-style page metadata plus the offset/limit to query with. */
export interface PageWindow {
  total: number;
  per_page: number;
  current_page: number;
  /** Never below 1, even for an empty list. */
  last_page: number;
  /** 1-based position of the first item on this page; null when the page is empty. */
  from: number | null;
  /** 1-based position of the last item on this page; null when the page is empty. */
  to: number | null;
  offset: number;
  limit: number;
}

export const MAX_PER_PAGE = 100;

export function pageWindow(total: number, page: number, perPage: number): PageWindow {
  if (!Number.isSafeInteger(total) || total < 0)
    throw fieldError('total', 'must be a whole, non-negative number');

  const fields: FieldErrors = {};
  if (!Number.isSafeInteger(page) || page < 1) fields.page = ['must be a whole number of at least 1'];
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
    fields.per_page = [`must be a whole number from 1 to ${MAX_PER_PAGE}`];
  }
  if (Object.keys(fields).length > 0) throw validationError(fields);

  const offset = (page - 1) * perPage;
  // A page far past the end would give an offset the database cannot be asked for exactly.
  if (!Number.isSafeInteger(offset)) throw fieldError('page', 'is too large');

  // Integer arithmetic instead of Math.ceil(total / perPage), which can round wrongly for huge totals.
  const remainder = total % perPage;
  const lastPage = Math.max(1, (total - remainder) / perPage + (remainder > 0 ? 1 : 0));
  const isEmpty = offset >= total;
  return {
    total,
    per_page: perPage,
    current_page: page,
    last_page: lastPage,
    from: isEmpty ? null : offset + 1,
    to: isEmpty ? null : Math.min(offset + perPage, total),
    offset,
    limit: perPage,
  };
}
