import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.ts';
import { startTestCluster, TEST_REDIS_URL, type TestCluster } from '../testing/cluster.ts';

// What three instances behind a round-robin proxy share besides the database: rate-limit budgets
// (Redis), the job schedule (the lease in the database) and tenant settings (announced over Redis
// pub/sub, the directory's 30 s cache time as the bound).

const PLATFORM = { email: 'platform@komisi.test', password: 'platform-password-123' };
let app: TestCluster;
let platformToken: string;

beforeAll(async () => {
  app = await startTestCluster({
    count: 3,
    env: { KOMISI_PLATFORM_ADMIN_EMAIL: PLATFORM.email, KOMISI_PLATFORM_ADMIN_PASSWORD: PLATFORM.password },
  });
  const login = await app.on(0)('POST', '/platform/api/auth/login', { body: PLATFORM });
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  platformToken = login.body.token;
}, 120_000);
afterAll(async () => {
  const failures = app?.proxy.failures ?? [];
  await app?.close();
  // no request was lost between the proxy and an instance
  expect(failures).toEqual([]);
});

describe('rate limits', () => {
  it('120 anonymous requests spread over three instances meet the one budget of 100', async () => {
    const before = [...app.proxy.counts];
    const answers = await Promise.all(
      Array.from({ length: 120 }, () => app.request('GET', '/t/ansania/api/user/profile')),
    );
    expect(app.proxy.counts.map((n, i) => n - before[i]!)).toEqual([40, 40, 40]);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(20);
    expect(answers.filter((r) => r.status === 401)).toHaveLength(100);
    const remaining = answers
      .map((r) => Number(r.headers.get('x-ratelimit-remaining')))
      .filter((n) => n > 0)
      .sort((a, b) => a - b);
    // each remaining figure handed out once: one counter, not one per instance
    expect(new Set(remaining).size).toBe(remaining.length);
    // and every instance now refuses this address
    for (const i of [0, 1, 2])
      expect((await app.on(i)('GET', '/t/ansania/api/user/profile')).status).toBe(429);
  });
});

describe('scheduled jobs', () => {
  it('a job ticking on three instances runs once per period', async () => {
    const EVERY = 500;
    const JITTER = 0.1;
    const { id: tenantId } = (await app.services.tenants.bySlug('dtehm'))!;
    const starts: { instance: number; at: number }[] = [];
    app.instances.forEach((p, instance) => {
      p.services.jobs.register(
        'multi-instance-tick',
        EVERY,
        async () => {
          starts.push({ instance, at: Date.now() });
          return 1;
        },
        { tenants: async () => [tenantId] },
      );
    });
    // the production runner, as each instance's `pnpm start` starts it (jitter 10 %)
    for (const p of app.instances) p.services.jobs.start();
    const WINDOW = 6_000;
    await new Promise((r) => setTimeout(r, WINDOW));
    await Promise.all(app.instances.map((p) => p.services.jobs.stop()));

    const rows = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>("select count(*)::int as n from job_run where name = 'multi-instance-tick'");
    expect(rows[0]!.n).toBe(starts.length);
    // every instance ticks ~12 times in the window (36 ticks in all), yet about one run per period
    const floor = EVERY * (1 - JITTER);
    expect(starts.length).toBeLessThanOrEqual(Math.ceil(WINDOW / floor) + 1);
    expect(starts.length).toBeGreaterThanOrEqual(Math.floor(WINDOW / (EVERY * (1 + JITTER) * 2)));
    const gaps = starts.slice(1).map((s, i) => s.at - starts[i]!.at);
    // a run starts no sooner than the period's shortest wait after the last (some ms of clocks aside)
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(floor - 50);
    // (which instance wins a period is not fixed: the first to tick after the lease frees, often the
    // same one, since the instances tick in step)
    // a run asked for now still runs at once, whatever the schedule
    const now = await app.instances[1]!.services.jobs.runNow('multi-instance-tick');
    expect(now.status).toBe('succeeded');
  });
});

describe('tenant settings', () => {
  const platform = (instance: number, method: string, path: string, body?: unknown) =>
    app.on(instance)(method, `/platform/api${path}`, {
      ...(body !== undefined && { body }),
      token: platformToken,
    });

  /** Polls until `check` holds on the instance; answers how long that took. */
  async function seenWithin(
    instance: number,
    check: () => Promise<boolean>,
    limitMs = 5_000,
  ): Promise<number> {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > limitMs)
        throw new Error(`instance ${instance} did not see the change in ${limitMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return Date.now() - started;
  }

  const preflight = (instance: number, origin: string) =>
    app.on(instance)('OPTIONS', '/t/ansania/api/products', {
      headers: { origin, 'access-control-request-method': 'POST' },
    });

  it('allowed origins changed on one instance are served by the others within a second', async () => {
    const origin = 'https://shop-multi.example';
    for (const i of [0, 1, 2]) expect((await preflight(i, origin)).status).toBe(403);
    const changed = await platform(0, 'PATCH', '/tenants/ansania/settings', {
      settings: { allowedOrigins: [origin] },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    // instance 0 serves it at once
    expect((await preflight(0, origin)).status).toBe(204);
    const delays = await Promise.all(
      [1, 2].map((i) => seenWithin(i, async () => (await preflight(i, origin)).status === 204)),
    );
    for (const d of delays) expect(d).toBeLessThan(1_000);
    // and removed again the same way
    await platform(2, 'PATCH', '/tenants/ansania/settings', { settings: { allowedOrigins: null } });
    for (const i of [0, 1])
      expect(await seenWithin(i, async () => (await preflight(i, origin)).status === 403)).toBeLessThan(
        1_000,
      );
  });

  it('a holding period changed on one instance is the one the others read', async () => {
    const changed = await platform(1, 'PATCH', '/tenants/qutab/settings', {
      settings: { referralAffiliates: { holdDays: 3 } },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    for (const i of [0, 2]) {
      const directory = app.instances[i]!.services.tenants;
      const holdDays = async () => (await directory.bySlug('qutab'))?.settings.referralAffiliates?.holdDays;
      expect(await seenWithin(i, async () => (await holdDays()) === 3)).toBeLessThan(1_000);
    }
  });

  it('a change made with the CLI (on the database, not through a server) is served by every instance', async () => {
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: app.databaseUrl,
      LOG_LEVEL: 'silent',
      KOMISI_JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: app.redisKeyPrefix,
    };
    const err: string[] = [];
    const code = await runCli(['tenants', 'settings', 'ansania', '--set', 'orderPaymentTtlMinutes=61'], {
      env,
      out: () => {},
      err: (t) => err.push(t),
    });
    expect(code, err.join('\n')).toBe(0);
    for (const i of [0, 1, 2]) {
      const directory = app.instances[i]!.services.tenants;
      const ttl = async () => (await directory.bySlug('ansania'))?.settings.orderPaymentTtlMinutes;
      expect(await seenWithin(i, async () => (await ttl()) === 61)).toBeLessThan(1_000);
    }
  });

  it('a tenant created on one instance is served by the others', async () => {
    const created = await platform(2, 'POST', '/tenants', {
      profile: 'ansania-ecommerce',
      slug: 'multishop',
      name: 'Multi Shop',
      admin: { email: 'owner@multishop.test' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    for (const i of [0, 1]) {
      const delay = await seenWithin(i, async () => {
        const res = await app.on(i)('GET', '/t/multishop/api/openapi.json');
        return res.status === 200;
      });
      expect(delay).toBeLessThan(1_000);
    }
  });
});
