import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AccessTokens } from '../../../../packages/api/src/kernel/auth/access-token.ts';
import {
  type JsonResponse,
  registerMember,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
} from '../testing/test-app.ts';

// startTestApp's secret: lets the tests forge tokens the server would accept but for one detail.
const JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

let app: TestApp;
let tenantId: number;
beforeAll(async () => {
  app = await startTestApp();
  tenantId = (await app.services.tenants.bySlug('dtehm'))!.id;
});
afterAll(async () => {
  await app.close();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const trpc = (procedure: string, input?: unknown, token?: string) =>
  app.request('POST', `/t/dtehm/trpc/${procedure}`, {
    body: input === undefined ? {} : { json: input },
    ...(token && { token }),
  });

const refresh = (refresh_token: string) => trpc('auth.refresh', { refresh_token });
const logout = (token: string) => trpc('auth.logout', undefined, token);
const balance = (token: string) => app.get('/user/balance', token);

function expectTrpcError(res: JsonResponse, status: number, domainCode: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.json).toMatchObject({
    message: expect.any(String),
    data: { httpStatus: status, domainCode },
  });
}

async function login(email: string) {
  const res = await app.post('/users/login', { email, password: TEST_PASSWORD });
  expect(res.status).toBe(200);
  return { token: res.body.data.token as string, refreshToken: res.body.data.refresh_token as string };
}

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());

describe('auth.refresh', () => {
  it('rotates: the new refresh token works, the old one is refused', async () => {
    const m = await registerMember(app);
    const res = await refresh(m.refreshToken);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      result: {
        data: {
          json: { token: expect.stringMatching(/^eyJ/), refresh_token: expect.any(String), expires_in: 900 },
        },
      },
    });
    const next = res.body.result.data.json;
    expect(next.refresh_token).not.toBe(m.refreshToken);
    expect(claimsOf(next.token).sub).toBe(String(m.id));
    expect((await balance(next.token)).status).toBe(200);

    const again = await refresh(next.refresh_token);
    expect(again.status).toBe(200);
    expect(again.body.result.data.json.refresh_token).not.toBe(next.refresh_token);
  });

  it('revokes the whole family when a rotated token is presented again', async () => {
    const m = await registerMember(app);
    const first = (await refresh(m.refreshToken)).body.result.data.json;
    const second = (await refresh(first.refresh_token)).body.result.data.json;
    expect((await balance(second.token)).status).toBe(200);

    // the stolen (already rotated) token comes back
    const replay = await refresh(m.refreshToken);
    expectTrpcError(replay, 401, 'UNAUTHORIZED');

    // the newest refresh token of the family is dead too, and so are its access tokens
    expectTrpcError(await refresh(second.refresh_token), 401, 'UNAUTHORIZED');
    for (const token of [m.token, first.token, second.token]) {
      const res = await balance(token);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: 0, message: expect.any(String), errors: {} });
    }

    // another login of the same account (another family) is untouched
    const other = await login(m.user.email);
    expect((await balance(other.token)).status).toBe(200);
    expect((await refresh(other.refreshToken)).status).toBe(200);
  });

  it('lets only one of two concurrent uses of a refresh token win', async () => {
    const m = await registerMember(app);
    const results = await Promise.all([refresh(m.refreshToken), refresh(m.refreshToken)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    // the loser presented a rotated token: that is reuse, so the winner's new tokens are revoked too
    // (clients must not refresh twice at once; the SDK single-flights its refresh)
    const winner = results.find((r) => r.status === 200)!.body.result.data.json;
    expectTrpcError(await refresh(winner.refresh_token), 401, 'UNAUTHORIZED');
    expect((await balance(winner.token)).status).toBe(401);
  });

  it('refuses unknown, malformed, expired and missing refresh tokens', async () => {
    expectTrpcError(await refresh('nope'), 401, 'UNAUTHORIZED');
    expectTrpcError(await refresh(`${randomUUID()}.${'a'.repeat(43)}`), 401, 'UNAUTHORIZED');
    expectTrpcError(await trpc('auth.refresh', {}), 400, 'VALIDATION_ERROR');
    expectTrpcError(await trpc('auth.refresh', { refresh_token: 'x'.repeat(501) }), 400, 'VALIDATION_ERROR');

    const m = await registerMember(app);
    await app.orm.em
      .fork()
      .getConnection()
      .execute(`update session set expires_at = now() - interval '1 second' where account_id = ?`, [m.id]);
    expectTrpcError(await refresh(m.refreshToken), 401, 'UNAUTHORIZED');
  });

  it('is not exposed on the REST surface', async () => {
    const m = await registerMember(app);
    const res = await app.post('/auth/refresh', { refresh_token: m.refreshToken });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe(0);
  });
});

describe('auth.logout', () => {
  it('ends the session: the same access token and its refresh token are refused', async () => {
    const m = await registerMember(app);
    const other = await login(m.user.email);
    expect((await balance(m.token)).status).toBe(200);
    const res = await logout(m.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ result: { data: { json: { ok: true } } } });

    const after = await balance(m.token);
    expect(after.status).toBe(401);
    expect(after.body).toEqual({ code: 0, message: 'Session has ended', errors: {} });
    expectTrpcError(await refresh(m.refreshToken), 401, 'UNAUTHORIZED');
    expectTrpcError(await logout(m.token), 401, 'UNAUTHORIZED');

    // logging out one device leaves the others signed in
    expect((await balance(other.token)).status).toBe(200);
  });

  it('needs a token', async () => {
    expectTrpcError(await logout(''), 401, 'UNAUTHORIZED');
    expectTrpcError(await trpc('auth.logout'), 401, 'UNAUTHORIZED');
  });

  it('reaches every server: a session revoked elsewhere is refused once the cache expires', async () => {
    const m = await registerMember(app);
    expect((await balance(m.token)).status).toBe(200); // cached as active
    // another instance revokes the session in the database (this process's cache does not know)
    await app.orm.em
      .fork()
      .getConnection()
      .execute('update session set revoked_at = now() where account_id = ?', [m.id]);
    // within the cache window the token is still accepted (by design: at most 5 s)
    expect((await balance(m.token)).status).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 6_000);
    expect((await balance(m.token)).status).toBe(401);
  });
});

describe('access tokens', () => {
  it('refuses a token whose signature was changed', async () => {
    const m = await registerMember(app);
    const [h, p, s] = m.token.split('.') as [string, string, string];
    const flipped = `${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
    for (const token of [`${h}.${p}.${flipped}`, `${h}.${p}.`, `${h}.${p}`, `${h}.${p}.${s}x`]) {
      const res = await balance(token);
      expect(res.status, token).toBe(401);
      expect(res.body).toEqual({ code: 0, message: 'Invalid token', errors: {} });
    }
  });

  it('refuses a payload changed under a valid signature', async () => {
    const m = await registerMember(app);
    const [h, , s] = m.token.split('.') as [string, string, string];
    const claims = { ...claimsOf(m.token), sub: '1', roles: ['admin'] };
    expect((await balance(`${h}.${b64url(claims)}.${s}`)).status).toBe(401);
  });

  it("refuses an unsigned token (alg 'none')", async () => {
    const m = await registerMember(app);
    const payload = b64url(claimsOf(m.token));
    for (const alg of ['none', 'None', 'NONE']) {
      const token = `${b64url({ alg, typ: 'JWT' })}.${payload}.`;
      expect((await balance(token)).status).toBe(401);
      expect((await app.post('/admin/categories', { name: 'x' }, token)).status).toBe(401);
    }
  });

  it('refuses a token signed with another key, expired, or for a session that does not exist', async () => {
    const m = await registerMember(app);
    const claims = claimsOf(m.token);
    const base = { accountId: m.id, tenantId, sessionId: claims.sid as string, roles: ['member'] };

    const otherKey = await new AccessTokens('another-secret-another-secret-another-0123', 900).sign(
      base,
      new Date(),
    );
    expect((await balance(otherKey)).status).toBe(401);

    const tokens = new AccessTokens(JWT_SECRET, 900);
    const expired = await tokens.sign(base, new Date(Date.now() - 3_600_000));
    const res = await balance(expired);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 0, message: 'Token has expired', errors: {} });

    const ghost = await tokens.sign({ ...base, sessionId: randomUUID() }, new Date());
    expect((await balance(ghost)).status).toBe(401);

    // the control: the same key and claims with a real session are accepted
    expect((await balance(await tokens.sign(base, new Date()))).status).toBe(200);
  });

  it('answers 401 without a token, with a malformed header, or with a non-Bearer scheme', async () => {
    const m = await registerMember(app);
    for (const authorization of [
      undefined,
      'Bearer',
      'Bearer ',
      `Basic ${m.token}`,
      m.token,
      'Bearer a.b.c',
    ]) {
      const res = await app.request('GET', '/t/dtehm/api/user/balance', {
        ...(authorization !== undefined && { headers: { authorization } }),
      });
      expect(res.status, String(authorization)).toBe(401);
      expect(res.body).toMatchObject({ code: 0, errors: {} });
    }
    const lower = await app.request('GET', '/t/dtehm/api/user/balance', {
      headers: { authorization: `bearer ${m.token}` },
    });
    expect(lower.status).toBe(200);
  });
});

describe('request metadata and error bodies', () => {
  it('echoes a well-formed X-Request-ID and generates one otherwise', async () => {
    const echoed = await app.request('GET', '/t/dtehm/api/products/categories', {
      headers: { 'x-request-id': 'client-req-42' },
    });
    expect(echoed.headers.get('x-request-id')).toBe('client-req-42');

    const generated = await app.request('GET', '/t/dtehm/api/products/categories');
    const id = generated.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const second = await app.request('GET', '/t/dtehm/api/products/categories');
    expect(second.headers.get('x-request-id')).not.toBe(id);

    // header injection and oversized ids are replaced, not echoed
    for (const bad of ['has spaces', 'x'.repeat(200), '<script>']) {
      const res = await app.request('GET', '/t/dtehm/api/products/categories', {
        headers: { 'x-request-id': bad },
      });
      expect(res.headers.get('x-request-id')).not.toBe(bad);
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('sets X-Request-ID and X-Response-Time on every kind of response', async () => {
    const responses = [
      await app.request('GET', '/t/dtehm/api/products/list'),
      await app.request('GET', '/t/dtehm/api/user/balance'),
      await app.request('GET', '/t/dtehm/api/no/such/route'),
      await app.request('GET', '/t/nope/api/products/list'),
      await app.request('POST', '/t/dtehm/trpc/auth.refresh', { body: { json: { refresh_token: 'x' } } }),
      await app.request('GET', '/health'),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 401, 404, 404, 401, 200]);
    for (const res of responses) {
      expect(res.headers.get('x-request-id')).toBeTruthy();
      expect(res.headers.get('x-response-time')).toMatch(/^\d+(\.\d+)?ms$/);
    }
  });

  it('never leaks a stack trace or SQL, in REST or tRPC', async () => {
    const internal = new Error(
      'insert into "account" ("email", "password_hash") values ($1, $2) - duplicate key value violates unique constraint',
    );
    vi.spyOn(app.services.catalog, 'list').mockRejectedValue(internal);

    const rest = await app.request('GET', '/t/dtehm/api/products/list', {
      headers: { 'x-request-id': 'boom-1' },
    });
    expect(rest.status).toBe(500);
    expect(rest.body).toEqual({ code: 0, message: 'Internal server error', errors: {} });
    expect(rest.headers.get('x-request-id')).toBe('boom-1');

    const rpc = await app.request('GET', '/t/dtehm/trpc/products.list?input=%7B%22json%22%3A%7B%7D%7D');
    expect(rpc.status).toBe(500);
    expect(rpc.body.error.json.message).toBe('Internal server error');

    for (const res of [rest, rpc]) {
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/insert into|password_hash|duplicate key|\bat .*\.ts:\d+|stack/i);
    }
  });

  it('keeps 4xx bodies free of internals too', async () => {
    const m = await registerMember(app);
    const responses = [
      await app.post('/users/login', { email: 'nobody@example.com', password: 'x' }),
      await app.request('POST', '/t/dtehm/api/users/register', { body: '{"email":' }),
      await app.get('/membership/payment-status/999999', m.token),
      await app.get('/user/balance', 'garbage'),
      await refresh('nope'),
      await trpc('users.register', { email: 'bad' }),
      await app.request('POST', '/t/dtehm/trpc/auth.refresh', { body: '{"json":' }),
    ];
    for (const res of responses) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(JSON.stringify(res.body)).not.toMatch(
        /\bselect\b|\binsert\b|\bat .*\.ts:\d+|"stack"|node_modules/i,
      );
    }
  });
});
