import { createLogger, loadConfig, type ServiceOptions } from '@komisi/api';
import {
  createTestDatabase,
  driftedRunningBalances,
  driftedSavingsRollups,
  ledgerTotal,
  type TestDatabase,
  unbalancedLedgerEntries,
} from '@komisi/api/testing';
import { expect } from 'vitest';
import { type Platform, startPlatform } from '../platform.ts';

export const TEST_ADMIN_PASSWORD = 'admin-password-123';
export const TEST_PASSWORD = 'password123';

export interface JsonResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
  body: any;
}

/** A test's request: a JSON body (or a string as is), a bearer token, other headers. */
export interface JsonRequestInit {
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
}

/**
 * A test's JSON call through `send` (the app in-process, or `fetch` to a listening server): the
 * headers and body built from `init`, the answer read as JSON when it is JSON, else as text.
 */
export function jsonCaller(send: (url: string, init: RequestInit) => Response | Promise<Response>) {
  return async (method: string, url: string, init: JsonRequestInit = {}): Promise<JsonResponse> => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.body !== undefined) headers['content-type'] ??= 'application/json';
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const res = await send(url, {
      method,
      headers,
      ...(init.body !== undefined && {
        body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
      }),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    return { status: res.status, headers: res.headers, body };
  };
}

/** The configuration every test server gets: the test database, fixed secrets, quiet logs; `env` wins. */
export function testConfig(databaseUrl: string, env: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: '25',
    KOMISI_JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    KOMISI_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    PUBLIC_BASE_URL: 'http://komisi.test',
    LOG_LEVEL: 'silent',
    ...env,
  });
}

export interface TestApp extends Platform {
  /** `/t/dtehm/api` + path */
  get(path: string, token?: string): Promise<JsonResponse>;
  post(path: string, body: unknown, token?: string): Promise<JsonResponse>;
  put(path: string, body: unknown, token?: string): Promise<JsonResponse>;
  request(method: string, url: string, init?: JsonRequestInit): Promise<JsonResponse>;
  rootMemberId: string;
  /** checks the double-entry invariant, then drops the database */
  close(): Promise<void>;
}

/** The whole server in-process on a fresh PostgreSQL database, with the dtehm demo tenant seeded. */
export async function startTestApp(
  overrides: {
    services?: Partial<ServiceOptions>;
    env?: Record<string, string>;
    /** a database the test prepared (dropped on close); default: a fresh one */
    database?: TestDatabase;
  } = {},
): Promise<TestApp> {
  const db = overrides.database ?? (await createTestDatabase());
  const config = testConfig(db.url, overrides.env);
  const platform = await startPlatform(
    config,
    createLogger(process.env.KOMISI_TEST_LOG ?? 'silent'),
    overrides,
  );

  const request = jsonCaller((url, init) => platform.app.request(url, init));

  const api = (path: string) => `/t/dtehm/api${path}`;
  return {
    ...platform,
    rootMemberId: platform.seeded.find((t) => t.slug === 'dtehm')?.rootMemberId ?? '',
    request,
    get: (path, token) => request('GET', api(path), token ? { token } : {}),
    post: (path, body, token) => request('POST', api(path), { body, ...(token && { token }) }),
    put: (path, body, token) => request('PUT', api(path), { body, ...(token && { token }) }),
    async close() {
      try {
        expect(await unbalancedLedgerEntries(platform.orm)).toEqual([]);
        expect(await ledgerTotal(platform.orm)).toBe(0);
        expect(await driftedRunningBalances(platform.orm)).toEqual([]);
        // the financial reports' rollups (kept by triggers) agree with the rows they summarise
        expect(await driftedSavingsRollups(platform.orm)).toEqual([]);
      } finally {
        await platform.close();
        await db.drop();
      }
    },
  };
}

let emailCounter = 0;
export const uniqueEmail = (prefix = 'member') => `${prefix}.${Date.now()}.${++emailCounter}@example.com`;

/** Registers a member under `sponsorId` and returns the user and tokens. */
export async function registerMember(
  app: TestApp,
  options: { sponsorId?: string; dtehm?: boolean; dip?: boolean; name?: string; email?: string } = {},
) {
  const res = await app.post('/users/register', {
    email: options.email ?? uniqueEmail(),
    password: TEST_PASSWORD,
    name: options.name ?? 'Test Member',
    phone_number: '+256700000000',
    address: 'Kampala, Uganda',
    sponsor_id: options.sponsorId ?? app.rootMemberId,
    is_dtehm_member: options.dtehm === false ? 'No' : 'Yes',
    is_dip_member: options.dip ? 'Yes' : 'No',
    from_mobile: 'yes',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const user = res.body.data.user;
  return {
    id: user.id as number,
    token: user.token as string,
    refreshToken: user.refresh_token as string,
    user,
  };
}

/** Pays through the sandbox page, as a member's phone would. */
export async function paySandbox(
  app: TestApp,
  paymentUrl: string,
  outcome: 'success' | 'failed' = 'success',
) {
  const path = new URL(paymentUrl).pathname;
  const res = await app.request('POST', path, { body: { outcome } });
  expect(res.status).toBe(200);
}

/** Registers, pays and confirms a membership: returns an active member with their member number. */
export async function activeMember(app: TestApp, options: Parameters<typeof registerMember>[1] = {}) {
  const m = await registerMember(app, options);
  const init = await app.post(
    '/membership/initiate-payment',
    { user_id: m.id, payment_method: 'pesapal' },
    m.token,
  );
  expect(init.status, JSON.stringify(init.body)).toBe(200);
  await paySandbox(app, init.body.data.payment_url);
  const confirm = await app.post(
    '/membership/confirm-payment',
    { payment_id: init.body.data.payment_id },
    m.token,
  );
  expect(confirm.status, JSON.stringify(confirm.body)).toBe(200);
  return {
    ...m,
    memberId: confirm.body.data.dtehm_member_id as string,
    paymentId: init.body.data.payment_id as number,
  };
}

export async function adminToken(app: TestApp): Promise<string> {
  const res = await app.post('/users/login', { email: 'admin@dtehm.demo', password: TEST_ADMIN_PASSWORD });
  expect(res.status).toBe(200);
  return res.body.data.token;
}
