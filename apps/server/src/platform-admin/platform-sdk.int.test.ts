import { createPlatformClient, isKomisiError, type KomisiClientError } from '@komisi/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

// The SDK's platform client does what the platform API and `pnpm komisi` do, with the same checks.
let app: TestApp;
const PLATFORM = { email: 'platform@komisi.test', password: 'platform-password-123' };
const client = () =>
  createPlatformClient({
    baseUrl: 'http://komisi.test',
    fetch: (input, init) => app.app.fetch(new Request(input, init)),
  });

async function rejection(promise: Promise<unknown>): Promise<KomisiClientError> {
  const error = await promise.then(
    () => expect.fail('expected the call to fail'),
    (e: unknown) => e,
  );
  if (!isKomisiError(error)) throw error;
  return error;
}

beforeAll(async () => {
  app = await startTestApp({
    env: { KOMISI_PLATFORM_ADMIN_EMAIL: PLATFORM.email, KOMISI_PLATFORM_ADMIN_PASSWORD: PLATFORM.password },
  });
});
afterAll(async () => {
  await app.close();
});

describe('the platform client', () => {
  it('signs in, creates a tenant, changes its settings (validated, naming the field) and signs out', async () => {
    const platform = client();
    await platform.login(PLATFORM.email, PLATFORM.password);
    const { profiles } = await platform.profiles.query();
    expect(profiles.map((p) => p.id)).toContain('qutab-platform');

    const created = await platform.createTenant.mutate({
      profile: 'qutab-platform',
      slug: 'sdk-shop',
      name: 'SDK Shop',
      admin: { email: 'owner@sdk-shop.example' },
    });
    expect(created.tenant.slug).toBe('sdk-shop');
    expect(created.admin.password.length).toBeGreaterThanOrEqual(12);

    const bad = await rejection(
      platform.updateSettings.mutate({
        slug: 'sdk-shop',
        settings: { referralAffiliates: { holdDays: -1 } },
      }),
    );
    expect(bad.domainCode).toBe('VALIDATION_ERROR');
    expect(Object.keys(bad.fields ?? {})).toEqual(['referralAffiliates.holdDays']);

    const changed = await platform.updateSettings.mutate({
      slug: 'sdk-shop',
      settings: { referralAffiliates: { holdDays: 0 } },
    });
    expect(changed.settings).toMatchObject({ referralAffiliates: { holdDays: 0 } });

    await platform.logout();
    expect(await platform.tokenStore.get()).toBeNull();
    expect((await rejection(platform.tenants.query())).domainCode).toBe('UNAUTHORIZED');
  });

  it('refuses a wrong password without keeping anything', async () => {
    const platform = client();
    const e = await rejection(platform.login(PLATFORM.email, 'not-the-password'));
    expect(e.domainCode).toBe('UNAUTHORIZED');
    expect(await platform.tokenStore.get()).toBeNull();
  });
});
