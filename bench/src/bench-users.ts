import type { Platform } from '@komisi/server';
import { settings } from './settings.ts';

export const NETWORK_ROOT_EMAIL = 'network-root@bench.komisi.test';
export const buyerEmail = (n: number) => `buyer${n}@bench.komisi.test`;

type App = Platform['app'];

async function call(app: App, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await app.request(`/t/${settings.tenantSlug}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { code?: number; data?: Record<string, unknown> };
  if (res.status !== 200 || json.code !== 1 || !json.data) {
    throw new Error(`POST ${path} failed: ${res.status} ${JSON.stringify(json)}`);
  }
  return json.data;
}

/** Registers through the real endpoint (argon2 hash, membership join with closure rows). */
export async function registerMember(
  app: App,
  input: { email: string; name: string; phone: string; sponsorMemberId?: string },
): Promise<number> {
  const data = await call(app, '/users/register', {
    email: input.email,
    password: settings.password,
    name: input.name,
    phone_number: input.phone,
    is_dtehm_member: 'Yes',
    ...(input.sponsorMemberId && { sponsor_id: input.sponsorMemberId }),
  });
  return (data.user as { id: number }).id;
}

/** An access token through the real login endpoint (valid for a day: see serverEnv). */
export async function login(app: App, email: string): Promise<string> {
  const data = await call(app, '/users/login', { email, password: settings.password });
  return data.token as string;
}
