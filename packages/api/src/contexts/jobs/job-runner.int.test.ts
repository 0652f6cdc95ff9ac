import { DomainError } from '@komisi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemEm } from '../../kernel/database.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/index.ts';
import {
  addTenant,
  type ProgrammeWorld,
  programmeWorld,
} from '../../testing/referral-affiliates/affiliate-program.fixtures.ts';
import { JobRun } from './job.entity.ts';
import { JobRunner } from './job-runner.ts';

let db: TestDatabase;
let world: ProgrammeWorld;

beforeAll(async () => {
  db = await createTestDatabase();
  world = await programmeWorld({ databaseUrl: db.url });
});

afterAll(async () => {
  await world?.orm.close();
  await db?.drop();
});

const HOUR = 3_600_000;

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

const runsOf = (name: string) => systemEm(world.orm).find(JobRun, { name }, { orderBy: { id: 'asc' } });

describe('JobRunner', () => {
  it('runs a job once per tenant and records each run', async () => {
    const seen: number[] = [];
    const runner = new JobRunner(world.orm).register('count-tenants', HOUR, async (scope) => {
      seen.push(scope.tenant.id);
      return 2;
    });
    const result = await runner.runNow('count-tenants');
    expect(result.status).toBe('succeeded');
    expect(seen).toContain(world.tenant.id);
    expect(result.processed).toBe(2 * seen.length);
    const runs = await runsOf('count-tenants');
    expect(runs.map((r) => r.tenant)).toEqual(seen);
    expect(runs.every((r) => r.status === 'succeeded' && r.processed === 2 && r.finishedAt)).toBe(true);

    const one = await runner.runNow('count-tenants', { tenantId: world.tenant.id });
    expect(one.runs).toEqual([{ tenantId: world.tenant.id, status: 'succeeded', processed: 2, error: null }]);
    await expect(runner.runNow('count-tenants', { tenantId: 999_999 })).rejects.toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    await expect(runner.runNow('nope')).rejects.toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => runner.register('count-tenants', HOUR, async () => 0)).toThrow(/already registered/);
    expect(() => runner.register('never', 0, async () => 0)).toThrow(/positive/);
  });

  it('records a run with no tenant when no tenant has work', async () => {
    const runner = new JobRunner(world.orm).register('idle', HOUR, async () => 1, {
      tenants: async () => [],
    });
    expect(await runner.runNow('idle')).toEqual({
      name: 'idle',
      status: 'succeeded',
      processed: 0,
      runs: [{ tenantId: null, status: 'succeeded', processed: 0, error: null }],
    });
  });

  it('records a failing tenant and goes on with the others; database errors stay out of the table', async () => {
    const other = await addTenant(world.orm, 'jobs-other');
    const runner = new JobRunner(world.orm)
      .register(
        'fails-for-one',
        HOUR,
        async (scope) => {
          if (scope.tenant.id === world.tenant.id) throw new DomainError('CONFLICT', 'not today');
          return 1;
        },
        { tenants: async () => [world.tenant.id, other.id] },
      )
      .register(
        'sql-error',
        HOUR,
        async (scope) => {
          await scope.em.execute("select 'secret@example.com'::int");
          return 1;
        },
        { tenants: async () => [world.tenant.id] },
      );
    const result = await runner.runNow('fails-for-one');
    expect(result).toEqual({
      name: 'fails-for-one',
      status: 'failed',
      processed: 1,
      runs: [
        { tenantId: world.tenant.id, status: 'failed', processed: 0, error: 'CONFLICT: not today' },
        { tenantId: other.id, status: 'succeeded', processed: 1, error: null },
      ],
    });
    const sql = await runner.runNow('sql-error');
    expect(sql.runs[0]!.error).not.toContain('secret');
    expect(sql.runs[0]!.error).toMatch(/see the server log/);
    expect((await runsOf('sql-error'))[0]).toMatchObject({ status: 'failed' });
  });

  it('writes the progress a running run reports, then its final figure', async () => {
    const g = gate();
    const reported = gate();
    const runner = new JobRunner(world.orm, { progressMs: 20 }).register(
      'long',
      HOUR,
      async (_scope, progress) => {
        progress(150);
        reported.open();
        await g.opened;
        progress(-1); // nonsense is ignored
        return 300;
      },
      { tenants: async () => [world.tenant.id] },
    );
    const run = runner.runNow('long');
    await reported.opened;
    await expect
      .poll(async () => (await runsOf('long'))[0], { timeout: 2_000, interval: 20 })
      .toMatchObject({ status: 'running', processed: 150 });
    g.open();
    expect((await run).processed).toBe(300);
    // the timer is stopped: nothing overwrites the final figure afterwards
    await new Promise((done) => setTimeout(done, 60));
    expect((await runsOf('long'))[0]).toMatchObject({ status: 'succeeded', processed: 300 });
  });

  it('keeps a job to one instance at a time with its lease', async () => {
    const g = gate();
    let runs = 0;
    const handler = async () => {
      runs++;
      await g.opened;
      return 1;
    };
    const options = { tenants: async () => [world.tenant.id] };
    const a = new JobRunner(world.orm).register('exclusive', HOUR, handler, options);
    const b = new JobRunner(world.orm).register('exclusive', HOUR, handler, options);
    const first = a.runNow('exclusive');
    await expect.poll(() => runs).toBe(1);
    expect(await b.runNow('exclusive')).toMatchObject({ status: 'skipped', runs: [] });
    // the same instance does not overlap itself either
    expect(await a.runNow('exclusive')).toMatchObject({ status: 'skipped' });
    g.open();
    expect(await first).toMatchObject({ status: 'succeeded', processed: 1 });
    // released after the run: the other instance may run now
    expect(await b.runNow('exclusive')).toMatchObject({ status: 'succeeded', processed: 1 });
    const [{ n }] = (await systemEm(world.orm).execute<{ n: number }[]>(
      "select count(*)::int as n from job_lease where name = 'exclusive'",
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('takes over an expired lease, not a live one', async () => {
    const runner = new JobRunner(world.orm).register('crashed', HOUR, async () => 1, {
      tenants: async () => [world.tenant.id],
    });
    const sys = systemEm(world.orm);
    await sys.execute(
      `insert into job_lease (name, holder, acquired_at, expires_at)
       values ('crashed', 'other-instance', now(), now() + interval '1 minute')`,
    );
    expect((await runner.runNow('crashed')).status).toBe('skipped');
    await sys.execute(`update job_lease set expires_at = now() - interval '1 second' where name = 'crashed'`);
    expect((await runner.runNow('crashed')).status).toBe('succeeded');
  });

  it('renews its lease while a long run lasts', async () => {
    const g = gate();
    const runner = new JobRunner(world.orm, { leaseMs: 300 }).register(
      'long',
      HOUR,
      async () => {
        await g.opened;
        return 1;
      },
      { tenants: async () => [world.tenant.id] },
    );
    const other = new JobRunner(world.orm, { leaseMs: 300 }).register('long', HOUR, async () => 1);
    const run = runner.runNow('long');
    await new Promise((r) => setTimeout(r, 700)); // past the first lease's expiry
    expect((await other.runNow('long')).status).toBe('skipped');
    g.open();
    expect((await run).status).toBe('succeeded');
  });

  it('deletes runs older than the retention', async () => {
    const sys = systemEm(world.orm);
    await sys.execute(
      `insert into job_run (name, tenant_id, started_at, finished_at, status, processed)
       values ('pruned', null, now() - interval '20 days', now() - interval '20 days', 'succeeded', 0)`,
    );
    const runner = new JobRunner(world.orm).register('pruned', HOUR, async () => 0, {
      tenants: async () => [],
    });
    await runner.runNow('pruned');
    const runs = await runsOf('pruned');
    expect(runs).toHaveLength(1);
    expect(runs[0]!.startedAt.getTime()).toBeGreaterThan(Date.now() - HOUR);
  });

  it('runs jobs on an interval until stopped, waiting for the run in flight', async () => {
    let runs = 0;
    let inFlight = false;
    const runner = new JobRunner(world.orm, { jitter: 0.5 }).register(
      'ticker',
      40,
      async () => {
        inFlight = true;
        await new Promise((r) => setTimeout(r, 20));
        runs++;
        inFlight = false;
        return 1;
      },
      { tenants: async () => [world.tenant.id] },
    );
    runner.start();
    runner.start(); // idempotent
    await expect.poll(() => runs, { timeout: 5_000 }).toBeGreaterThanOrEqual(3);
    await runner.stop();
    expect(inFlight).toBe(false);
    const after = runs;
    await new Promise((r) => setTimeout(r, 200));
    expect(runs).toBe(after);
  });
});
