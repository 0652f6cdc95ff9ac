// The document's pagination block (§4.2.3, §6.1.1), and the page a list asks for.
import type { PageWindow } from '@komisi/domain';
import { z } from 'zod';
import { boundedInt, pageNumber } from '../shared/request-fields.schemas.ts';
import { countOutput } from '../shared/response-fields.schemas.ts';

export const paginationOutput = z.object({
  current_page: countOutput,
  total_pages: countOutput,
  total_items: countOutput,
  items_per_page: countOutput,
  has_next: z.boolean(),
  has_prev: z.boolean(),
});

/** `page` (default 1) and `limit` (default 20, at most 100). */
export const pageFields = {
  page: pageNumber().default(1),
  limit: boundedInt(1, 100).default(20),
};

export function pagination(w: PageWindow): z.output<typeof paginationOutput> {
  return {
    current_page: w.current_page,
    total_pages: w.last_page,
    total_items: w.total,
    items_per_page: w.per_page,
    has_next: w.current_page < w.last_page,
    has_prev: w.current_page > 1,
  };
}
