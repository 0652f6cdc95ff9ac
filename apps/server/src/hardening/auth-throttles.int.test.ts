import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../ansania/shop-fixtures.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

// Throttles and budgets count every call, however the calls arrive (parallel requests, tRPC
// batches), and an access token is only as good as its session, its tenant and its expiry.
let app: TestApp;
const JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

beforeAll(async () => {
  // addresses come from X-Forwarded-For, so each test spends its own address's budget
  app = await startTestApp({ env: { KOMISI_TRUST_PROXY: 'true' } });
});
afterAll(async () => {
  await app.close();
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** An HS256 token signed with the server's own secret: only its claims are hostile. */
function signed(claims: Record<string, unknown>): string {
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${head}.${createHmac('sha256', JWT_SECRET).update(head).digest('base64url')}`;
}
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());

async function qutabCustomer() {
  const email = `batch.${Date.now()}.${Math.random().toString(36).slice(2)}@example.com`;
  const res = await app.request('POST', '/t/qutab/api/auth/register', {
    body: { name: 'Siti Aminah', email, phone: '081234567890', password: 'Rahasia123!' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return {
    email,
    token: res.body.data.access_token as string,
    refresh: res.body.data.refresh_token as string,
  };
}

/** A batch of mutations (POST) or, with `query`, of queries (GET, inputs in the URL). */
function trpcBatch(
  tenant: string,
  paths: string[],
  inputs: unknown[],
  options: { query?: boolean; headers?: Record<string, string> } = {},
) {
  const input = JSON.stringify(Object.fromEntries(inputs.map((json, i) => [i, { json }])));
  const url = `/t/${tenant}/trpc/${paths.join(',')}?batch=1`;
  if (options.query)
    return app.app.request(`${url}&input=${encodeURIComponent(input)}`, { headers: options.headers ?? {} });
  return app.app.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...options.headers },
    body: input,
  });
}

describe('login throttles', () => {
  it('refuses a tRPC batch of logins without checking a single password', async () => {
    const { email } = await qutabCustomer();
    const res = await trpcBatch(
      'qutab',
      Array(60).fill('auth.login'),
      Array(60).fill({ email, password: 'wrong-password' }),
    );
    expect(res.status).toBe(400);
    const [row] = await sql(app, 'select failures from login_throttle where key = ?', [`account:${email}`]);
    expect(row).toBeUndefined();
    // the right password still works: nothing was counted or locked
    const ok = await app.request('POST', '/t/qutab/api/auth/login', {
      body: { email, password: 'Rahasia123!' },
    });
    expect(ok.status).toBe(200);
  });

  it('refuses a batch that carries a login beside another call', async () => {
    const res = await trpcBatch(
      'qutab',
      ['auth.register', 'auth.login'],
      [
        { name: 'A', email: 'a@b.c', phone: '081234567890', password: 'Rahasia123!' },
        { email: 'x@y.z', password: 'x' },
      ],
    );
    expect(res.status).toBe(400);
    const [row] = await sql(app, "select id from account where email = 'a@b.c'");
    expect(row).toBeUndefined();
  });

  it('checks no more passwords than the account limit when 60 attempts arrive at once', async () => {
    const { email } = await qutabCustomer();
    const attempts = await Promise.all(
      Array.from({ length: 60 }, () =>
        app.request('POST', '/t/qutab/api/auth/login', {
          body: { email, password: 'wrong-password' },
          headers: { 'x-forwarded-for': '203.0.113.9' },
        }),
      ),
    );
    const statuses = attempts.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(55);
    const right = await app.request('POST', '/t/qutab/api/auth/login', {
      body: { email, password: 'Rahasia123!' },
    });
    expect(right.status).toBe(429);
  });
});

describe('tRPC batches', () => {
  it('refuses a batch of more than 20 calls', async () => {
    const res = await trpcBatch('qutab', Array(21).fill('products.list'), Array(21).fill({}), {
      query: true,
    });
    expect(res.status).toBe(400);
  });

  it("spends the tenant's documented request budget per call, REST and tRPC alike", async () => {
    const headers = { 'x-forwarded-for': '198.51.100.77' };
    // ansania: 100 anonymous requests per 15 minutes per address
    for (let i = 0; i < 9; i++) {
      const res = await trpcBatch('ansania', Array(10).fill('products.list'), Array(10).fill({}), {
        query: true,
        headers,
      });
      expect(res.status).toBe(200);
    }
    const straddling = await trpcBatch('ansania', Array(20).fill('products.list'), Array(20).fill({}), {
      query: true,
      headers,
    });
    const calls = (await straddling.json()) as { error?: { json: { data: { httpStatus: number } } } }[];
    expect(calls.filter((c) => !c.error)).toHaveLength(10);
    expect(calls.filter((c) => c.error?.json.data.httpStatus === 429)).toHaveLength(10);
    expect(straddling.headers.get('x-ratelimit-remaining')).toBe('0');
    const rest = await app.request('GET', '/t/ansania/api/products', { headers });
    expect(rest.status).toBe(429);
  });
});

describe('access tokens', () => {
  it('refuses a validly signed token without exp', async () => {
    const { token } = await qutabCustomer();
    const { exp: _exp, ...claims } = claimsOf(token);
    const res = await app.request('GET', '/t/qutab/api/profile', { token: signed(claims) });
    expect(res.status).toBe(401);
  });

  it("refuses another tenant's session even while it is cached", async () => {
    const { token } = await qutabCustomer();
    expect((await app.request('GET', '/t/qutab/api/profile', { token })).status).toBe(200); // cached now
    const [ansania] = await sql<{ id: number }>(app, "select id from tenant where slug = 'ansania'");
    const forged = signed({ ...claimsOf(token), aud: `tenant:${ansania!.id}`, tid: ansania!.id });
    const res = await app.request('GET', '/t/ansania/api/user/profile', { token: forged });
    expect(res.status).toBe(401);
  });

  it('a replayed refresh token ends the racing session at once (qutab)', async () => {
    const profile = (token: string) => app.request('GET', '/t/qutab/api/profile', { token });
    for (let round = 0; round < 15; round++) {
      const { refresh } = await qutabCustomer();
      // two refreshes race with one token: one mints a session, the other revokes the family; the
      // minted token is used without pause while the revocation commits
      let settled = false;
      const hammering: Promise<unknown>[] = [];
      const minted: string[] = [];
      const race = () =>
        app.request('POST', '/t/qutab/api/auth/refresh', { body: { refresh_token: refresh } }).then((r) => {
          if (r.status !== 200) return r;
          minted.push(r.body.data.access_token);
          const hammer = async () => {
            while (!settled) await profile(r.body.data.access_token);
          };
          hammering.push(hammer(), hammer(), hammer());
          return r;
        });
      const answers = await Promise.all([race(), race()]);
      settled = true;
      await Promise.all(hammering);
      // the replay is refused; the rotation it raced is either answered or, once revoked, refused too
      const statuses = answers.map((a) => a.status).sort();
      expect([
        [200, 401],
        [401, 401],
      ]).toContainEqual(statuses);
      for (const token of minted) expect((await profile(token)).status).toBe(401);
    }
  });
});
