import { adminProcedure } from '../../../kernel/trpc.ts';
import { iso, isoOrNull, paginationOf } from './console.presenters.ts';
import { jobRunsInput, jobRunsMeta, jobRunsOutput } from './job-runs.types.ts';

export const jobRunsProcedure = adminProcedure
  .meta(jobRunsMeta)
  .input(jobRunsInput)
  .output(jobRunsOutput)
  .query(async ({ ctx, input }) => {
    const scope = ctx.scope();
    const { runs, page } = await ctx.services.jobRuns.list(scope, input);
    return {
      jobs: ctx.services.jobs.names().sort(),
      runs: runs.map((run) => ({
        id: run.id,
        name: run.name,
        status: run.status,
        startedAt: iso(run.startedAt),
        finishedAt: isoOrNull(run.finishedAt),
        durationMs: Math.max(0, (run.finishedAt ?? scope.now).getTime() - run.startedAt.getTime()),
        processed: run.processed,
        error: run.error,
      })),
      pagination: paginationOf(page),
    };
  });
