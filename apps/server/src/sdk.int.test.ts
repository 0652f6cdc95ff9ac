import { createDtehmClient, isKomisiError, type KomisiClientError, memoryTokenStore } from '@komisi/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type TestApp, uniqueEmail } from './testing/test-app.ts';

/** A client talking to the in-process app; counts the HTTP requests per procedure path. */
function clientFor(app: TestApp, options: { batch?: boolean } = {}) {
  const calls: string[] = [];
  const tokenStore = memoryTokenStore();
  const dtehm = createDtehmClient({
    baseUrl: 'http://komisi.test',
    tenant: 'dtehm',
    tokenStore,
    ...options,
    fetch: (input, init) => {
      const request = new Request(input, init);
      calls.push(decodeURIComponent(new URL(request.url).pathname.split('/trpc/')[1] ?? ''));
      return app.app.fetch(request);
    },
  });
  return {
    dtehm,
    tokenStore,
    calls,
    refreshes: () => calls.filter((c) => c.includes('auth.refresh')).length,
  };
}

const registration = (app: TestApp) => ({
  email: uniqueEmail('sdk'),
  password: TEST_PASSWORD,
  name: 'SDK Member',
  phone_number: '+256700000000',
  sponsor_id: app.rootMemberId,
  is_dtehm_member: 'Yes' as const,
  from_mobile: 'yes' as const,
});

async function rejection(promise: Promise<unknown>): Promise<KomisiClientError> {
  const error = await promise.then(
    () => expect.fail('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(isKomisiError(error), String(error)).toBe(true);
  return error as KomisiClientError;
}

/**
 * The ledger answers -0 for a liability account without postings (`-sum`): REST's JSON.stringify
 * hides it, superjson keeps it. `x + 0` turns -0 into 0 until the ledger is fixed.
 */
const noNegativeZero = <T extends { balance: number }>(b: T): T => ({ ...b, balance: b.balance + 0 });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('dtehm SDK', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('returns procedure data without the REST envelope', async () => {
    const { dtehm } = clientFor(app);
    const list = await dtehm.products.list.query({ per_page: 5 });
    expect(list).not.toHaveProperty('code');
    expect(list.pagination.per_page).toBe(5);
    expect(list.products.length).toBeGreaterThan(0);
    const categories = await dtehm.products.categories.query();
    expect(Array.isArray(categories)).toBe(true);
  });

  it('keeps the tokens of a registration and sends them', async () => {
    const { dtehm, tokenStore } = clientFor(app);
    const r = await dtehm.register(registration(app));
    expect(r.membership_payment.status).toBe('pending');
    expect(await tokenStore.get()).toEqual({ accessToken: r.user.token, refreshToken: r.user.refresh_token });
    expect(noNegativeZero(await dtehm.user.balance.query())).toEqual({ balance: 0, currency: 'UGX' });
  });

  it('login keeps the tokens; a wrong password surfaces UNAUTHORIZED without a refresh', async () => {
    const { dtehm, tokenStore, refreshes } = clientFor(app);
    const input = registration(app);
    await createDtehmClient({
      baseUrl: 'http://komisi.test',
      tenant: 'dtehm',
      fetch: (i, init) => app.app.fetch(new Request(i, init)),
    }).register(input);
    const r = await dtehm.login(input.email, TEST_PASSWORD);
    expect(r.token_type).toBe('Bearer');
    expect((await tokenStore.get())?.accessToken).toBe(r.token);

    const e = await rejection(dtehm.login(input.email, 'wrong-password'));
    expect(e).toMatchObject({ domainCode: 'UNAUTHORIZED', httpStatus: 401 });
    expect(refreshes()).toBe(0);
    expect((await tokenStore.get())?.accessToken).toBe(r.token);
  });

  it('types validation errors with the domain code and the invalid fields', async () => {
    const { dtehm } = clientFor(app);
    const e = await rejection(
      dtehm.users.register.mutate({ ...registration(app), email: 'not-an-email', password: 'short' }),
    );
    expect(e.domainCode).toBe('VALIDATION_ERROR');
    expect(e.httpStatus).toBe(400);
    expect(e.data?.code).toBe('BAD_REQUEST');
    expect(Object.keys(e.fields ?? {})).toEqual(expect.arrayContaining(['email', 'password']));
    expect(e.fields?.email?.[0]).toEqual(expect.any(String));
    // a sentence to show, not zod's issue list as JSON: the fields carry the details
    expect(e.message).toBe('The given data was invalid.');
    // a wrong type caught by the input schema itself reads the same
    const wrongType = await rejection(dtehm.products.detail.query({ id: 'seven' as unknown as number }));
    expect(wrongType).toMatchObject({
      domainCode: 'VALIDATION_ERROR',
      message: 'The given data was invalid.',
    });
    expect(Object.keys(wrongType.fields ?? {})).toEqual(['id']);
  });

  it('types not found and unauthenticated errors', async () => {
    const { dtehm, refreshes } = clientFor(app);
    const missing = await rejection(dtehm.products.detail.query({ id: 999_999 }));
    expect(missing).toMatchObject({ domainCode: 'NOT_FOUND', httpStatus: 404, fields: null });
    const anonymous = await rejection(dtehm.user.balance.query());
    expect(anonymous).toMatchObject({ domainCode: 'UNAUTHORIZED', httpStatus: 401 });
    expect(refreshes()).toBe(0);
  });

  it('reports an unreachable server as NETWORK_ERROR', async () => {
    const dtehm = createDtehmClient({
      baseUrl: 'http://komisi.test',
      tenant: 'dtehm',
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    const e = await rejection(dtehm.products.categories.query());
    expect(e).toMatchObject({ domainCode: 'NETWORK_ERROR', httpStatus: 0 });
  });

  it('logout revokes the session server-side and clears the store', async () => {
    const { dtehm, tokenStore } = clientFor(app);
    await dtehm.register(registration(app));
    const old = (await tokenStore.get())!;
    expect((await app.get('/user/balance', old.accessToken)).status).toBe(200);

    await dtehm.logout();
    expect(await tokenStore.get()).toBeNull();
    const after = await app.get('/user/balance', old.accessToken);
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ code: 0 });
    // the refresh token died with the session
    const refresh = await rejection(
      createDtehmClient({
        baseUrl: 'http://komisi.test',
        tenant: 'dtehm',
        fetch: (i, init) => app.app.fetch(new Request(i, init)),
      }).auth.refresh.mutate({ refresh_token: old.refreshToken }),
    );
    expect(refresh.httpStatus).toBe(401);
    await dtehm.logout(); // without a session: nothing to call, no error
  });
});

// The tests only wait for expiry and use their own members: run them side by side.
describe.concurrent('dtehm SDK token refresh', () => {
  // Tokens are signed with whole-second times: a 2 s TTL leaves a fresh token at least 1 s of life.
  const TTL_SECONDS = 2;
  const expire = () => sleep(TTL_SECONDS * 1000 + 100);
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ services: { accessTokenTtlSeconds: TTL_SECONDS } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refreshes an expired access token once and retries the call', async () => {
    const { dtehm, tokenStore, refreshes } = clientFor(app);
    await dtehm.register(registration(app));
    const first = (await tokenStore.get())!;
    await expire();
    expect((await app.get('/user/balance', first.accessToken)).status).toBe(401);

    expect(noNegativeZero(await dtehm.user.balance.query())).toEqual({ balance: 0, currency: 'UGX' });
    expect(refreshes()).toBe(1);
    const second = (await tokenStore.get())!;
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
  });

  it.each([
    { batch: true, label: 'batched' },
    { batch: false, label: 'separate requests' },
  ])('concurrent calls share one refresh ($label)', async ({ batch }) => {
    const { dtehm, tokenStore, refreshes } = clientFor(app, { batch });
    await dtehm.register(registration(app));
    await expire();
    const [balance, commissions, network, orders] = await Promise.all([
      dtehm.user.balance.query(),
      dtehm.user.commissions.query({}),
      dtehm.user.network.query({}),
      dtehm.orders.myOrders.query({}),
    ]);
    expect(noNegativeZero(balance).balance).toBe(0);
    expect(commissions.commissions).toEqual([]);
    expect(network.network).toEqual([]);
    expect(orders.orders).toEqual([]);
    expect(refreshes()).toBe(1);
    // the rotated refresh token still works (a second, concurrent rotation would have revoked it)
    await expire();
    expect((await dtehm.user.balance.query()).currency).toBe('UGX');
    expect(refreshes()).toBe(2);
    expect(await tokenStore.get()).not.toBeNull();
  });

  it('clears the store and surfaces the error when the refresh is refused', async () => {
    const { dtehm, tokenStore, refreshes } = clientFor(app);
    await dtehm.register(registration(app));
    const { accessToken } = (await tokenStore.get())!;
    await tokenStore.set({ accessToken, refreshToken: 'not-a-refresh-token' });
    await expire();
    const e = await rejection(dtehm.user.balance.query());
    expect(e).toMatchObject({ domainCode: 'TOKEN_EXPIRED', httpStatus: 401 });
    expect(refreshes()).toBe(1);
    expect(await tokenStore.get()).toBeNull();
  });

  it('logout with an expired access token refreshes, then revokes', async () => {
    const { dtehm, tokenStore, refreshes } = clientFor(app);
    await dtehm.register(registration(app));
    await expire();
    await dtehm.logout();
    expect(refreshes()).toBe(1);
    expect(await tokenStore.get()).toBeNull();
  });
});
