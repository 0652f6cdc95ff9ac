import { createApiContext, createLogger } from '@komisi/api';
import { type ConsoleClient, createConsoleClient, createDtehmClient, type DtehmClient } from '@komisi/sdk';
import { expect } from 'vitest';
import { type JsonResponse, TEST_ADMIN_PASSWORD, type TestApp } from '../testing/test-app.ts';

/** The demo tenants' administrators and one signed-up account each that is not one. */
export const ADMINS = {
  dtehm: 'admin@dtehm.demo',
  ansania: 'admin@ansania.demo',
  qutab: 'admin@qutab.demo',
  sinoman: 'admin@sinoman.demo',
} as const;
export type DemoTenant = keyof typeof ADMINS;

export const MEMBERS: Record<Exclude<DemoTenant, 'dtehm'>, { email: string; password: string }> = {
  ansania: { email: 'test@example.com', password: 'TestPass123!' },
  qutab: { email: 'customer@qutab.demo', password: 'Customer123!' },
  sinoman: { email: 'anggota@sinoman.demo', password: 'Anggota123!' },
};

/** `/t/{slug}/api/admin/console` + path */
export const consoleUrl = (slug: string, path: string) => `/t/${slug}/api/admin/console${path}`;

/** A console REST call; `token` signs it in. */
export function call(
  app: TestApp,
  method: string,
  slug: string,
  path: string,
  init: { body?: unknown; token?: string | undefined } = {},
): Promise<JsonResponse> {
  return app.request(method, consoleUrl(slug, path), {
    ...(init.body !== undefined && { body: init.body }),
    ...(init.token && { token: init.token }),
  });
}

/** An administrator's access token, signed in through the console's REST sign-in. */
export async function adminSignIn(app: TestApp, slug: DemoTenant): Promise<string> {
  const res = await call(app, 'POST', slug, '/auth/login', {
    body: { email: ADMINS[slug], password: TEST_ADMIN_PASSWORD },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data.accessToken;
}

/** A tenant's request scope, as a procedure gets it. */
export async function scopeOf(app: TestApp, slug: string) {
  const tenant = await app.services.tenants.bySlug(slug);
  if (!tenant) throw new Error(`no tenant ${slug}`);
  return createApiContext(app.orm, app.services, createLogger('silent'), {
    tenant,
    requestId: 'console-test',
    ip: '',
    authorization: undefined,
    baseUrl: '',
  }).scope();
}

/** A fresh session of a demo member (or customer): an account without the admin role. */
export async function memberToken(app: TestApp, slug: Exclude<DemoTenant, 'dtehm'>): Promise<string> {
  const scope = await scopeOf(app, slug);
  const id = await app.services.identity.accountIdByEmail(scope, MEMBERS[slug].email);
  const account = await app.services.identity.account(scope, id!);
  expect(account.roles).not.toContain('admin');
  return (await app.services.identity.issueTokens(scope, account)).accessToken;
}

const fetchOf = (app: TestApp) => (input: string | URL | Request, init?: RequestInit) =>
  app.app.fetch(new Request(input, init));

/** The SDK's console client, on the in-process app. */
export function consoleClient(app: TestApp, slug: string): ConsoleClient {
  return createConsoleClient({
    baseUrl: 'http://komisi.test',
    tenant: slug,
    fetch: fetchOf(app),
    batch: false,
  });
}

/** The SDK's dtehm client (its router adds `console.previewMlmPlan`), sharing a console client's tokens. */
export function dtehmClient(app: TestApp, signedIn: ConsoleClient): DtehmClient {
  return createDtehmClient({
    baseUrl: 'http://komisi.test',
    tenant: 'dtehm',
    fetch: fetchOf(app),
    tokenStore: signedIn.tokenStore,
    batch: false,
  });
}

/** The console's REST operations, in every profile's document (dtehm-mobile's adds the plan preview). */
export const CONSOLE_OPERATIONS: [method: string, path: string][] = [
  ['POST', '/admin/console/auth/login'],
  ['POST', '/admin/console/auth/refresh'],
  ['POST', '/admin/console/auth/logout'],
  ['GET', '/admin/console/me'],
  ['GET', '/admin/console/settings'],
  ['PUT', '/admin/console/settings/{key}'],
  ['GET', '/admin/console/jobs/runs'],
  ['GET', '/admin/console/outbox'],
  ['POST', '/admin/console/outbox/{id}/retry'],
  ['GET', '/admin/console/dashboard'],
];
export const MLM_PREVIEW_OPERATION: [method: string, path: string] = [
  'POST',
  '/admin/console/mlm-plan/preview',
];
