import { randomUUID } from 'node:crypto';
import { DomainError, isDomainError } from '@komisi/domain';
import { type Em, type Orm, systemEm, tenantEm } from '../../kernel/database.ts';
import type { Logger } from '../../kernel/logger.ts';
import type { Scope } from '../../kernel/scope.ts';
import { Tenant } from '../tenancy/tenant.entity.ts';
import { toTenantRecord } from '../tenancy/tenant.service.ts';

/**
 * Tells the runner how many items a run has processed so far (e.g. after each batch): the figure
 * is written to its `job_run` row now and then while it runs, so the console shows progress.
 */
export type JobProgress = (processedSoFar: number) => void;

/** One tenant's share of a run; returns how many items it processed. */
export type TenantJobHandler = (scope: Scope, progress: JobProgress) => Promise<number>;

export interface JobOptions {
  /** ids of the tenants with work at `now`; default every tenant */
  tenants?: (em: Em, now: Date) => Promise<number[]>;
}

export interface JobRunnerOptions {
  /** the runs' `now` (tests pin it) */
  clock?: () => Date;
  /** how long a lease holds without renewal; renewed every third of it while a run lasts */
  leaseMs?: number;
  /** ± share of the interval added at random to each wait, so instances drift apart */
  jitter?: number;
  /** `job_run` rows older than this are deleted after each run */
  retentionDays?: number;
  /** a running run's progress is written at most this often (one small update), default 2 s */
  progressMs?: number;
}

export interface TenantRunResult {
  /** null: the run found no tenant with work */
  tenantId: number | null;
  status: 'succeeded' | 'failed';
  processed: number;
  error: string | null;
}

export interface JobRunResult {
  name: string;
  /** skipped: the job was already running (here or on another instance) */
  status: 'succeeded' | 'failed' | 'skipped';
  processed: number;
  runs: TenantRunResult[];
}

interface Job {
  name: string;
  everyMs: number;
  handler: TenantJobHandler;
  tenants: JobOptions['tenants'];
}

/**
 * Background jobs in the database, on PostgreSQL and PGlite alike (pg-boss does not run on PGlite).
 * Each job runs every `everyMs` (with jitter) or on `runNow`, once per tenant with work, each
 * tenant's run recorded in `job_run`. A `job_lease` row keeps a job to one instance at a time: it is
 * claimed by a conditional upsert (free or expired only), renewed while the run lasts, and a crashed
 * instance's lease expires. After a scheduled run the row stays, idle (no holder), until the period's
 * shortest wait is over: every instance ticks, but the first tick after that wait runs the job and
 * the others skip, so a job runs once per period however many instances there are. After a run
 * asked for now (`runNow`) the row is deleted, and `runNow` may take an idle row. The lease avoids
 * wasted work; correctness never depends on it — handlers claim their own rows (e.g. FOR UPDATE SKIP
 * LOCKED), so two overlapping runs still process each item once.
 */
export class JobRunner {
  readonly #orm: Orm;
  readonly #clock: () => Date;
  readonly #leaseMs: number;
  readonly #jitter: number;
  readonly #retentionMs: number;
  readonly #progressMs: number;
  readonly #instance = randomUUID();
  readonly #jobs = new Map<string, Job>();
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #inFlight = new Map<string, Promise<JobRunResult>>();
  #log: Logger | undefined;
  #started = false;
  #runs = 0;

  constructor(orm: Orm, options: JobRunnerOptions = {}) {
    this.#orm = orm;
    this.#clock = options.clock ?? (() => new Date());
    this.#leaseMs = options.leaseMs ?? 5 * 60_000;
    this.#jitter = options.jitter ?? 0.1;
    this.#retentionMs = (options.retentionDays ?? 14) * 86_400_000;
    this.#progressMs = options.progressMs ?? 2_000;
  }

  register(name: string, everyMs: number, handler: TenantJobHandler, options: JobOptions = {}): this {
    if (this.#jobs.has(name)) throw new Error(`job ${name} is already registered`);
    if (!(everyMs > 0)) throw new Error(`job ${name}: everyMs must be positive`);
    const job: Job = { name, everyMs, handler, tenants: options.tenants };
    this.#jobs.set(name, job);
    if (this.#started) this.#schedule(job, true);
    return this;
  }

  names(): string[] {
    return [...this.#jobs.keys()];
  }

  /**
   * Runs a job now (`POST /api/admin/jobs/{name}/run`), for one tenant when `tenantId` is given.
   * Unknown job or tenant: 404. Already running: `skipped`.
   */
  async runNow(name: string, options: { tenantId?: number } = {}): Promise<JobRunResult> {
    const job = this.#jobs.get(name);
    if (!job) throw new DomainError('NOT_FOUND', `Unknown job ${name}`);
    return this.#run(job, options.tenantId);
  }

  /** Starts the interval loop: each job first runs after a random part of its interval. */
  start(log?: Logger): void {
    if (this.#started) return;
    this.#log = log;
    this.#started = true;
    for (const job of this.#jobs.values()) this.#schedule(job, true);
  }

  /** Stops the loop and waits for runs in flight (graceful shutdown). */
  async stop(): Promise<void> {
    this.#started = false;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    await Promise.allSettled([...this.#inFlight.values()]);
  }

  #schedule(job: Job, first: boolean): void {
    const spread = first ? Math.random() : 1 - this.#jitter + 2 * this.#jitter * Math.random();
    const timer = setTimeout(
      () => {
        this.#timers.delete(job.name);
        this.#run(job, undefined, true)
          .then((result) => {
            if (result.status === 'failed')
              this.#log?.warn({ job: job.name, runs: result.runs }, 'job failed');
          })
          .catch((err) => this.#log?.error({ err, job: job.name }, 'job runner failed'))
          .finally(() => {
            if (this.#started) this.#schedule(job, false);
          });
      },
      Math.round(job.everyMs * spread),
    );
    timer.unref();
    this.#timers.set(job.name, timer);
  }

  /**
   * One run of a job at a time in this process; other instances are kept out by the lease. A
   * scheduled run also skips while the period of the last scheduled run (on any instance) lasts.
   */
  #run(job: Job, tenantId?: number, scheduled = false): Promise<JobRunResult> {
    if (this.#inFlight.has(job.name)) return Promise.resolve(skipped(job.name));
    const run = this.#runLeased(job, tenantId, scheduled).finally(() => this.#inFlight.delete(job.name));
    this.#inFlight.set(job.name, run);
    return run;
  }

  async #runLeased(job: Job, tenantId: number | undefined, scheduled: boolean): Promise<JobRunResult> {
    const holder = `${this.#instance}:${++this.#runs}`;
    if (!(await this.#acquire(job.name, holder, scheduled))) return skipped(job.name);
    const heartbeat = setInterval(() => {
      this.#renew(job.name, holder).catch((err) =>
        this.#log?.warn({ err, job: job.name }, 'job lease renewal failed'),
      );
    }, this.#leaseMs / 3);
    heartbeat.unref();
    try {
      return await this.#runTenants(job, tenantId);
    } finally {
      clearInterval(heartbeat);
      const idleMs = scheduled ? Math.round(job.everyMs * (1 - this.#jitter)) : 0;
      await this.#release(job.name, holder, idleMs).catch((err) =>
        this.#log?.warn({ err, job: job.name }, 'job lease release failed: it will expire'),
      );
    }
  }

  async #runTenants(job: Job, onlyTenant: number | undefined): Promise<JobRunResult> {
    const now = this.#clock();
    const em = systemEm(this.#orm);
    // tenancy's table read system-wide: the runner works before any tenant scope exists
    const ids =
      onlyTenant !== undefined
        ? [onlyTenant]
        : job.tenants
          ? await job.tenants(em, now)
          : (await em.execute<{ id: number }[]>('select id from tenant')).map((r) => r.id);
    const tenants = ids.length ? await em.find(Tenant, { id: { $in: ids } }, { orderBy: { id: 'asc' } }) : [];
    if (onlyTenant !== undefined && tenants.length === 0) {
      throw new DomainError('NOT_FOUND', `Unknown tenant ${onlyTenant}`);
    }
    const runs: TenantRunResult[] = [];
    if (tenants.length === 0) runs.push(await this.#record(job.name, null, now, async () => 0));
    for (const t of tenants) {
      const tenant = toTenantRecord(t);
      runs.push(
        await this.#record(job.name, tenant.id, now, (progress) =>
          job.handler({ em: tenantEm(this.#orm, tenant.id), tenant, now }, progress),
        ),
      );
    }
    await em.execute('delete from job_run where name = ? and started_at < ?', [
      job.name,
      new Date(now.getTime() - this.#retentionMs),
    ]);
    return {
      name: job.name,
      status: runs.some((r) => r.status === 'failed') ? 'failed' : 'succeeded',
      processed: runs.reduce((sum, r) => sum + r.processed, 0),
      runs,
    };
  }

  async #record(
    name: string,
    tenantId: number | null,
    now: Date,
    work: (progress: JobProgress) => Promise<number>,
  ): Promise<TenantRunResult> {
    const em = systemEm(this.#orm);
    const [row] = await em.execute<{ id: number }[]>(
      `insert into job_run (name, tenant_id, started_at, status, processed) values (?, ?, ?, 'running', 0) returning id`,
      [name, tenantId, now],
    );
    // progress reported by the handler, written on a timer (never more than one write per tick,
    // none when nothing changed); only while the row is still running, so a late write cannot
    // overwrite the final figure
    let reported = 0;
    let written = 0;
    const progressTimer = setInterval(() => {
      if (reported === written) return;
      const value = reported;
      written = value;
      em.execute(`update job_run set processed = ? where id = ? and status = 'running'`, [
        value,
        row!.id,
      ]).catch((err) => this.#log?.warn({ err, job: name }, 'job progress not recorded'));
    }, this.#progressMs);
    progressTimer.unref();
    let result: TenantRunResult;
    try {
      const processed = await work((n) => {
        if (Number.isSafeInteger(n) && n >= 0) reported = n;
      });
      result = { tenantId, status: 'succeeded', processed, error: null };
    } catch (err) {
      this.#log?.error({ err, job: name, tenantId }, 'job run failed');
      // Database errors carry statements and their values: those stay in the (redacting) log.
      const error = isDomainError(err)
        ? `${err.code}: ${err.message}`
        : `${(err as Error)?.name ?? 'Error'} (see the server log)`;
      result = { tenantId, status: 'failed', processed: 0, error: error.slice(0, 1000) };
    } finally {
      clearInterval(progressTimer);
    }
    await em.execute(
      'update job_run set status = ?, processed = ?, error = ?, finished_at = ? where id = ?',
      [result.status, result.processed, result.error, this.#clock(), row!.id],
    );
    return result;
  }

  /**
   * Claims the job's lease if it is free or expired (database clock, so instances' clocks may
   * differ); a run asked for now may also take a lease left idle by the last scheduled run.
   */
  async #acquire(name: string, holder: string, scheduled: boolean): Promise<boolean> {
    const rows = await systemEm(this.#orm).execute<{ holder: string }[]>(
      `insert into job_lease (name, holder, acquired_at, expires_at)
       values (?, ?, clock_timestamp(), clock_timestamp() + ?::int * interval '1 millisecond')
       on conflict (name) do update
         set holder = excluded.holder, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
         where job_lease.expires_at < excluded.acquired_at or (?::boolean and job_lease.holder = '')
       returning holder`,
      [name, holder, this.#leaseMs, !scheduled],
    );
    return rows.length === 1;
  }

  async #renew(name: string, holder: string): Promise<void> {
    await systemEm(this.#orm).execute(
      `update job_lease set expires_at = clock_timestamp() + ?::int * interval '1 millisecond'
        where name = ? and holder = ?`,
      [this.#leaseMs, name, holder],
    );
  }

  /**
   * Lets the lease go: deleted, or (`idleMs` > 0, after a scheduled run) kept without a holder until
   * `idleMs` after the run began, so other instances' ticks in this period skip.
   */
  async #release(name: string, holder: string, idleMs: number): Promise<void> {
    const em = systemEm(this.#orm);
    if (idleMs <= 0) {
      await em.execute('delete from job_lease where name = ? and holder = ?', [name, holder]);
      return;
    }
    await em.execute(
      `update job_lease set holder = '', expires_at = acquired_at + ?::int * interval '1 millisecond'
        where name = ? and holder = ?`,
      [idleMs, name, holder],
    );
  }
}

function skipped(name: string): JobRunResult {
  return { name, status: 'skipped', processed: 0, runs: [] };
}
