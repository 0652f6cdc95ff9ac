import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../testing/test-app.ts';
import { ADMINS, adminSignIn, call, consoleClient, dtehmClient, memberToken } from './console.fixtures.ts';

// A tenant's administrator edits the settings the tenant's apps read, through the platform's own
// editor: the same schemas, secrets sealed and masked the same way, the change served at once.
let app: TestApp;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  app = await startTestApp();
  for (const slug of ['dtehm', 'qutab', 'sinoman'] as const) tokens[slug] = await adminSignIn(app, slug);
});
afterAll(async () => {
  await app.close();
});

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
type Json = any;

const put = (slug: string, key: string, value: unknown, token = tokens[slug]) =>
  call(app, 'PUT', slug, `/settings/${key}`, { body: { value }, token });

async function storedSettings(slug: string): Promise<Json> {
  const [row] = await app.orm.em
    .fork()
    .getConnection()
    .execute('select settings from tenant where slug = ?', [slug]);
  return row.settings;
}

describe('reading the settings', () => {
  it('lists every key the tenant reads, each with a labelled JSON Schema form and its value', async () => {
    const res = await call(app, 'GET', 'qutab', '/settings', { token: tokens.qutab });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const settings: Json[] = res.body.data.settings;
    expect(settings.map((s) => s.key)).toEqual([
      'payments',
      'allowedOrigins',
      'extraProfiles',
      'referralAffiliates',
      'voucherAffiliates',
      'orderPaymentTtlMinutes',
      'affiliateSupport',
    ]);
    const referral = settings.find((s) => s.key === 'referralAffiliates');
    expect(referral).toMatchObject({
      title: 'Referral-link affiliate programme',
      description: expect.stringContaining('holdDays'),
      editable: true,
      holdsSecrets: false,
      schema: {
        type: 'object',
        title: 'Referral-link affiliate programme',
        properties: { holdDays: { title: 'Holding period (days)', description: 'default 30' } },
        additionalProperties: false,
      },
    });
    expect(settings.find((s) => s.key === 'extraProfiles')).toMatchObject({ editable: false, value: null });
    const payments = settings.find((s) => s.key === 'payments');
    expect(payments).toMatchObject({ holdsSecrets: true, value: { provider: 'sandbox' } });
    expect(payments.schema.properties.xendit.properties.secretKey).toMatchObject({
      writeOnly: true,
      'x-secret': true,
    });
  });

  it("is each tenant's own: a cooperative reads other keys", async () => {
    const res = await call(app, 'GET', 'sinoman', '/settings', { token: tokens.sinoman });
    expect(res.body.data.settings.map((s: Json) => s.key)).toEqual([
      'payments',
      'allowedOrigins',
      'extraProfiles',
      'whatsapp',
      'savings',
      'cooperative',
    ]);
  });

  it("is the administrators' only", async () => {
    const res = await call(app, 'GET', 'qutab', '/settings', { token: await memberToken(app, 'qutab') });
    expect(res.status).toBe(403);
    expect((await put('qutab', 'orderPaymentTtlMinutes', 5, await memberToken(app, 'qutab'))).status).toBe(
      403,
    );
    expect((await storedSettings('qutab')).orderPaymentTtlMinutes).toBeUndefined();
  });
});

describe('changing a setting', () => {
  it('replaces the value, checked by its schema, and this server applies it at once', async () => {
    const res = await put('qutab', 'referralAffiliates', { holdDays: 0, minimumPayout: 50_000 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toMatchObject({
      key: 'referralAffiliates',
      value: { holdDays: 0, minimumPayout: 50_000 },
    });
    const tenant = await app.services.tenants.bySlug('qutab');
    expect(tenant!.settings.referralAffiliates).toEqual({ holdDays: 0, minimumPayout: 50_000 });
    // the other tenants are untouched
    expect((await storedSettings('sinoman')).referralAffiliates).toBeUndefined();
    // null removes it: the defaults apply again
    const removed = await put('qutab', 'referralAffiliates', null);
    expect(removed.body.data.value).toBeNull();
    expect((await storedSettings('qutab')).referralAffiliates).toBeUndefined();
  });

  it('refuses an invalid value naming each field, and changes nothing', async () => {
    const before = await storedSettings('qutab');
    const res = await put('qutab', 'referralAffiliates', { holdDays: -1, minimumPayout: 1.5, nope: true });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.details).sort()).toEqual([
      'referralAffiliates',
      'referralAffiliates.holdDays',
      'referralAffiliates.minimumPayout',
    ]);
    const origins = await put('qutab', 'allowedOrigins', ['https://shop.example.com/path']);
    expect(origins.status).toBe(422);
    expect(origins.body.error.field).toBe('allowedOrigins.0');
    expect(await storedSettings('qutab')).toEqual(before);
  });

  it('refuses a key the tenant does not read (naming `key`) and a platform-only key (403)', async () => {
    const foreign = await put('qutab', 'mlm', { stockistRateBps: 900 });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.field).toBe('key');
    const unknown = await put('qutab', 'noSuchSetting', 1);
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.field).toBe('key');
    const platformOnly = await put('qutab', 'extraProfiles', ['affiliate-marketer']);
    expect(platformOnly.status).toBe(403);
    expect(platformOnly.body.error.message).toContain('platform administrator');
    expect((await storedSettings('qutab')).extraProfiles).toBeUndefined();
    const missing = await call(app, 'PUT', 'qutab', '/settings/orderPaymentTtlMinutes', {
      body: {},
      token: tokens.qutab,
    });
    expect(missing.status).toBe(422);
    expect(missing.body.error.field).toBe('value');
  });

  it('masks gateway secrets, and keeps each one that is sent back masked', async () => {
    const secretKey = 'xnd_development_secret_1234';
    const callbackToken = 'callback-token-abcdefgh';
    const set = await put('qutab', 'payments', {
      provider: 'sandbox',
      xendit: { baseUrl: 'https://api.xendit.co', secretKey, callbackToken },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const masked = set.body.data.value;
    expect(masked).toEqual({
      provider: 'sandbox',
      xendit: {
        baseUrl: 'https://api.xendit.co',
        secretKey: { set: true, last4: '1234' },
        callbackToken: { set: true, last4: 'efgh' },
      },
    });
    expect(JSON.stringify(set.body)).not.toContain(secretKey);
    const sealed = (await storedSettings('qutab')).payments.xendit;
    expect(sealed.secretKey).toEqual({ sealed: expect.any(String) });

    // the form read back, one field changed: the secrets stay as they were
    const read = await call(app, 'GET', 'qutab', '/settings', { token: tokens.qutab });
    const value = read.body.data.settings.find((s: Json) => s.key === 'payments').value;
    expect(value).toEqual(masked);
    const again = await put('qutab', 'payments', {
      ...value,
      xendit: { ...value.xendit, baseUrl: 'https://api.xendit.co/v2' },
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    const after = (await storedSettings('qutab')).payments.xendit;
    expect(after).toEqual({ ...sealed, baseUrl: 'https://api.xendit.co/v2' });
    const tenantId = (await app.services.tenants.bySlug('qutab'))!.id;
    expect(app.services.paymentSecrets.open(tenantId, 'xendit', 'secretKey', after.secretKey)).toBe(
      secretKey,
    );

    // a masked secret with nothing stored behind it names the field
    const none = await put('qutab', 'payments', {
      provider: 'sandbox',
      midtrans: { serverKey: { set: true } },
    });
    expect(none.status).toBe(422);
    expect(none.body.error.field).toBe('payments.midtrans.serverKey');
  });

  it('is the same over tRPC (the SDK) as over REST', async () => {
    const client = consoleClient(app, 'sinoman');
    await client.signIn(ADMINS.sinoman, TEST_ADMIN_PASSWORD);
    const entry = await client.console.updateSetting.mutate({
      key: 'cooperative',
      value: { referralBonus: 25_000 },
    });
    expect(entry.value).toEqual({ referralBonus: 25_000 });
    const rest = await call(app, 'GET', 'sinoman', '/settings', { token: tokens.sinoman });
    expect((await client.console.settings.query()).settings).toEqual(rest.body.data.settings);
    const refused = await client.console.updateSetting
      .mutate({ key: 'cooperative', value: { referralBonus: -5 } })
      .catch((e) => e);
    expect(refused.httpStatus).toBe(400);
    expect(refused.data.fields).toEqual({ 'cooperative.referralBonus': [expect.any(String)] });
  });
});

describe("dtehm's plan: what-if preview", () => {
  const draft = { stockistRateBps: 1000, generationRatesBps: [300, 250, 200] };

  it('splits a sale with the draft and with the plan in force, writing nothing', async () => {
    const before = await storedSettings('dtehm');
    const res = await call(app, 'POST', 'dtehm', '/mlm-plan/preview', {
      body: { plan: draft, amount: 100_000, uplines: 2 },
      token: tokens.dtehm,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.currency).toBe('UGX');
    expect(res.body.data.draft).toEqual({
      lines: [
        { level: 'Stockist', kind: 'stockist', generation: 0, rateBps: 1000, amount: 10_000 },
        { level: 'GN1', kind: 'network', generation: 1, rateBps: 300, amount: 3000 },
        { level: 'GN2', kind: 'network', generation: 2, rateBps: 250, amount: 2500 },
      ],
      stockistAmount: 10_000,
      networkAmount: 5500,
      totalAmount: 15_500,
      retainedAmount: 84_500,
    });
    expect(res.body.data.current.stockistAmount).toBe(8000);
    expect(await storedSettings('dtehm')).toEqual(before);

    // every generation filled unless told: the default plan's ten levels
    const client = consoleClient(app, 'dtehm');
    await client.signIn(ADMINS.dtehm, TEST_ADMIN_PASSWORD);
    const full = await dtehmClient(app, client).console.previewMlmPlan.mutate({
      plan: {},
      amount: 1_000_000,
    });
    expect(full.draft.lines).toHaveLength(11);
    expect(full.draft).toEqual(full.current);
    expect(full.draft.totalAmount).toBe(205_000);
  });

  it('names each invalid field of the draft, and is not on tenants without a plan', async () => {
    const res = await call(app, 'POST', 'dtehm', '/mlm-plan/preview', {
      body: { plan: { stockistRateBps: 9000, generationRatesBps: [2000, -1] }, amount: -5 },
      token: tokens.dtehm,
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['amount', 'plan.generationRatesBps.1']);
    const total = await call(app, 'POST', 'dtehm', '/mlm-plan/preview', {
      body: { plan: { stockistRateBps: 9000, generationRatesBps: [2000] }, amount: 5 },
      token: tokens.dtehm,
    });
    expect(total.status).toBe(400);
    expect(Object.keys(total.body.errors)).toEqual(['plan.totalRateBps']);
    const qutab = await call(app, 'POST', 'qutab', '/mlm-plan/preview', {
      body: { plan: {}, amount: 5 },
      token: tokens.qutab,
    });
    expect(qutab.status).toBe(404);
  });
});
