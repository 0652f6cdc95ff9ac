// Field kinds the console's operations share. The console's wire is Komisi's own (no spec to follow):
// camelCase as the platform API's, times as ISO 8601 strings, money in minor units.
import { MAX_PER_PAGE } from '@komisi/domain';
import { z } from 'zod';
import { boundedInt, pageNumber } from '../request-fields.schemas.ts';
import { countOutput } from '../response-fields.schemas.ts';

export const timestamp = z.iso.datetime({ offset: true });

/** A list's page: `page` from 1, `perPage` 1–100 (20 unless sent). */
export const pageInput = z.object({
  page: pageNumber().default(1),
  perPage: boundedInt(1, MAX_PER_PAGE).default(20),
});

export const pagination = z.object({
  page: countOutput,
  perPage: countOutput,
  total: countOutput,
  lastPage: countOutput,
});
