import { type PageWindow, pageWindow } from '@komisi/domain';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';
import type { JobRunStatus } from './job.entity.ts';

/** One run of a job for the tenant, as its administrators read it. */
export interface JobRunView {
  id: number;
  name: string;
  status: JobRunStatus;
  startedAt: Date;
  /** null while it runs */
  finishedAt: Date | null;
  /** the items it handled (written when the run ends) */
  processed: number;
  error: string | null;
}

export interface JobRunQuery {
  name?: string | undefined;
  status?: JobRunStatus | undefined;
  page: number;
  perPage: number;
}

interface RunRow {
  id: number;
  name: string;
  status: JobRunStatus;
  started_at: Date;
  finished_at: Date | null;
  processed: number;
  error: string | null;
}

/**
 * A tenant's job runs, newest first. `job_run` rows are the platform's (the tenant filter does not
 * apply), so every statement names the tenant; runs that found no tenant with work are nobody's.
 */
export class JobRunsService {
  async list(scope: Scope, query: JobRunQuery): Promise<{ runs: JobRunView[]; page: PageWindow }> {
    const where = ['tenant_id = ?'];
    const params: unknown[] = [scope.tenant.id];
    if (query.name !== undefined) {
      where.push('name = ?');
      params.push(query.name);
    }
    if (query.status !== undefined) {
      where.push('status = ?');
      params.push(query.status);
    }
    const condition = where.join(' and ');
    const [count] = await scope.em.execute<{ n: string }[]>(
      `select count(*)::text as n from job_run where ${condition}`,
      params,
    );
    const page = pageWindow(toSafeInteger(count?.n), query.page, query.perPage);
    const rows = await scope.em.execute<RunRow[]>(
      `select id, name, status, started_at, finished_at, processed, error from job_run
        where ${condition} order by started_at desc, id desc limit ? offset ?`,
      [...params, page.limit, page.offset],
    );
    return {
      page,
      runs: rows.map((r) => ({
        id: r.id,
        name: r.name,
        status: r.status,
        startedAt: new Date(r.started_at),
        finishedAt: r.finished_at ? new Date(r.finished_at) : null,
        processed: r.processed,
        error: r.error,
      })),
    };
  }
}
