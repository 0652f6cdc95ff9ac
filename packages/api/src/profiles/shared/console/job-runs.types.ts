import { z } from 'zod';
import type { JobRunStatus } from '../../../contexts/jobs/job.entity.ts';
import type { Meta } from '../../../kernel/trpc.ts';
import { countOutput, idOutput } from '../response-fields.schemas.ts';
import { pageInput, pagination, timestamp } from './console-fields.schemas.ts';
import { tags } from './tags.ts';

const JOB_RUN_STATUSES = ['running', 'succeeded', 'failed'] as const satisfies readonly JobRunStatus[];

export const jobRunsMeta = {
  openapi: {
    method: 'GET',
    path: '/admin/console/jobs/runs',
    tags,
    summary: "The tenant's background job runs",
    description:
      'Each run of a background job for this tenant (commission release, unpaid-order expiry, monthly interest…), ' +
      'newest first, optionally of one job and one status (running, succeeded, failed): when it started and ' +
      'finished, how many items it handled, and its error. Runs are kept 14 days. `jobs` lists every job this ' +
      'server runs, for the filter.',
  },
} satisfies Meta;

export const jobRunsInput = pageInput.extend({
  name: z.string().trim().min(1).max(100).optional(),
  status: z.enum(JOB_RUN_STATUSES).optional(),
});

export const jobRun = z.object({
  id: idOutput,
  name: z.string(),
  status: z.enum(JOB_RUN_STATUSES),
  startedAt: timestamp,
  finishedAt: timestamp.nullable(),
  /** how long it ran (so far, while running), in milliseconds */
  durationMs: z.int().min(0),
  /** the items it handled: so far while it runs (updated every few seconds), then in all */
  processed: countOutput,
  error: z.string().nullable(),
});

export const jobRunsOutput = z.object({
  jobs: z.array(z.string()),
  runs: z.array(jobRun),
  pagination,
});
