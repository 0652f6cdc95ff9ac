import type { PageWindow } from '@komisi/domain';

/** The domain's page window as the console's lists give it. */
export const paginationOf = (w: PageWindow) => ({
  page: w.current_page,
  perPage: w.per_page,
  total: w.total,
  lastPage: w.last_page,
});

/** A time as the console's wire carries it (ISO 8601, UTC). */
export const iso = (date: Date) => date.toISOString();
export const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
