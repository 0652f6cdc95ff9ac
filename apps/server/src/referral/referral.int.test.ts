import { randomBytes } from 'node:crypto';
import { createApiContext, createLogger, type TenantRecord } from '@komisi/api';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

const CHROME =
  'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const WHATSAPP = 'WhatsApp/2.23.20.0 A';
const TARGET = 'https://shop.example/qurban?from=link';

let app: TestApp;
let tenant: TenantRecord;
let host: string;
let code: string;
let pendingCode: string;
let affiliateId: number;

const sql = async <T>(text: string, params: unknown[] = []) =>
  (await app.orm.em.fork().getConnection().execute(text, params)) as T[];

async function createAffiliate(status: 'approved' | 'pending', affiliateCode: string) {
  const scope = createApiContext(app.orm, app.services, createLogger('silent'), {
    tenant,
    requestId: 'test',
    ip: '127.0.0.1',
    authorization: undefined,
    baseUrl: '',
  }).scope();
  const account = await app.services.identity.createAccount(scope, {
    email: `aff.${randomBytes(4).toString('hex')}@example.com`,
    password: 'password123',
    name: 'Affiliate',
  });
  await scope.em.flush();
  const [row] = await sql<{ id: number }>(
    `insert into affiliate (tenant_id, account_id, status, code, first_name, last_name, whatsapp, city,
       primary_platform, reason, created_at)
     values (?, ?, ?, ?, 'Dar', 'Mawan', '081200000000', 'Jakarta', 'instagram', 'test', now()) returning id`,
    [tenant.id, account.id, status, affiliateCode],
  );
  return row!.id;
}

const clicksOf = async (id: number) =>
  Number((await sql<{ n: string }>('select total_clicks::text n from affiliate where id = ?', [id]))[0]!.n);

function get(url: string, ua: string | null = CHROME, method = 'GET') {
  return app.app.request(url, { method, headers: ua === null ? {} : { 'user-agent': ua } });
}

beforeAll(async () => {
  app = await startTestApp();
  const suffix = randomBytes(3).toString('hex');
  host = `go-${suffix}.example`;
  await sql(
    `insert into tenant (slug, name, profile, currency, time_zone, hosts, settings, created_at)
     values (?, 'Referral Shop', 'qutab-platform', 'IDR', 'Asia/Jakarta', ?, ?, now())`,
    [
      `reflink-${suffix}`,
      JSON.stringify([host]),
      JSON.stringify({ referralAffiliates: { targetUrl: TARGET, attributionDays: 7 } }),
    ],
  );
  await app.services.tenants.invalidate();
  tenant = (await app.services.tenants.bySlug(`reflink-${suffix}`))!;
  code = `Ref${suffix.slice(0, 4)}`;
  pendingCode = `Pnd${suffix.slice(0, 4)}`;
  affiliateId = await createAffiliate('approved', code);
  await createAffiliate('pending', pendingCode);
});
afterAll(async () => {
  await app.close();
});

describe('GET /t/{tenant}/r/{code}', () => {
  it('redirects a person to the target, keeps utm_* and drops ref, sets the signed attribution cookie', async () => {
    const res = await get(`/t/${tenant.slug}/r/${code}?utm_source=instagram&ref=${code}&x=1`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://shop.example/qurban?from=link&utm_source=instagram');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^komisi_ref=[A-Za-z0-9._-]+; /);
    expect(cookie).toContain(`Path=/t/${tenant.slug}`);
    expect(cookie).toContain('Max-Age=604800'); // attributionDays: 7
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure'); // plain http

    // the cookie proves the click to the order flow, for this tenant only
    const header = cookie.split(';')[0]!;
    const scope = { em: app.orm.em.fork(), tenant, now: new Date() } as never;
    const ref = app.services.referralLinks.attribution(scope, header);
    expect(ref?.affiliateId).toBe(affiliateId);
    const elsewhere = (await app.services.tenants.bySlug('dtehm'))!;
    expect(
      app.services.referralLinks.attribution({ ...(scope as object), tenant: elsewhere } as never, header),
    ).toBeNull();

    // the click is written a moment later, with the same id
    await expect
      .poll(() => sql('select 1 from referral_click where id = ?', [ref!.clickId]), { timeout: 5_000 })
      .toHaveLength(1);
  });

  it('on the tenant host: /r/{code}, the cookie for the whole site, Secure over https', async () => {
    const res = await get(`https://${host}/r/${code}`);
    expect(res.status).toBe(302);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toContain('Path=/;');
    expect(cookie).toContain('Secure');
  });

  it('redirects bots, HEAD, unknown and unapproved codes without a cookie and counts none of them', async () => {
    await expect.poll(() => app.referralClicks.buffered).toBe(0);
    const before = await clicksOf(affiliateId);
    const quiet = [
      await get(`/t/${tenant.slug}/r/${code}`, WHATSAPP),
      await get(`/t/${tenant.slug}/r/${code}`, 'facebookexternalhit/1.1'),
      await get(`/t/${tenant.slug}/r/${code}`, null),
      await get(`/t/${tenant.slug}/r/${code}`, CHROME, 'HEAD'),
      await get(`/t/${tenant.slug}/r/NoSuch1`),
      await get(`/t/${tenant.slug}/r/not-a-code`),
      await get(`/t/${tenant.slug}/r/${pendingCode}`),
    ];
    for (const res of quiet) {
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe(TARGET);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect((await get(`/t/${tenant.slug}/r/${code}`)).headers.get('set-cookie')).not.toBeNull();
    await expect.poll(() => clicksOf(affiliateId), { timeout: 5_000 }).toBe(before + 1);
  });

  it('without a configured target sends visitors to the tenant base, as the referral-link endpoint reports', async () => {
    const res = await get('/t/dtehm/r/NoSuch1');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('http://localhost/t/dtehm/');
  });

  it('answers 404 for an unknown tenant or an unmapped host', async () => {
    expect((await get(`/t/no-such-tenant/r/${code}`)).status).toBe(404);
    expect((await get(`https://unmapped.example/r/${code}`)).status).toBe(404);
  });

  it("carries every header the app's middlewares give an API answer (it is answered ahead of them)", async () => {
    // an affiliate of its own: the other tests count theirs' clicks
    const ownCode = `Hdr${randomBytes(2).toString('hex')}`;
    const own = await createAffiliate('approved', ownCode);
    // the same kind of answer through the middlewares: a JSON 404 under the tenant's API
    const viaMiddlewares = await get(`/t/${tenant.slug}/api/no-such-route`);
    const common = (res: Response) =>
      Object.fromEntries(
        [...res.headers].filter(
          ([name]) => !['location', 'set-cookie', 'cache-control', 'content-type', 'vary'].includes(name),
        ),
      );
    const expected = {
      ...common(viaMiddlewares),
      'x-request-id': expect.stringMatching(/^[0-9a-f-]{36}$/),
      'x-response-time': expect.stringMatching(/^\d+\.\dms$/),
    };
    const counted = await get(`/t/${tenant.slug}/r/${ownCode}`);
    expect(counted.headers.get('set-cookie')).not.toBeNull();
    expect(common(counted)).toEqual(expected);
    expect(common(await get(`/t/${tenant.slug}/r/NoSuch1`))).toEqual(expected);
    const unknownTenant = await get(`/t/no-such-tenant/r/${code}`);
    expect(common(unknownTenant)).toEqual(expected);
    expect(unknownTenant.headers.get('content-type')).toBe('application/json');
    expect(await unknownTenant.json()).toEqual({ error: 'Unknown tenant no-such-tenant' });
    // over https: HSTS, as on every answer; the caller's request id kept
    const secure = await app.app.request(`https://${host}/r/${ownCode}`, {
      headers: { 'user-agent': CHROME, 'x-request-id': 'trace-42' },
    });
    expect(secure.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
    expect(secure.headers.get('x-request-id')).toBe('trace-42');
    // both clicks counted, and written before the next test locks the table
    await expect.poll(() => clicksOf(own), { timeout: 5_000 }).toBe(2);
  });

  it('never waits for the database: redirects go on while the click table is locked', async () => {
    await expect.poll(() => app.referralClicks.buffered).toBe(0);
    const before = await clicksOf(affiliateId);
    const locker = new pg.Client({ connectionString: app.orm.config.get('clientUrl') as string });
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('lock table referral_click in access exclusive mode');
      await get(`/t/${tenant.slug}/r/${code}`);
      await new Promise((r) => setTimeout(r, 400)); // the writer's insert is now waiting on the lock
      const started = performance.now();
      const answers = await Promise.all(
        Array.from({ length: 600 }, () => get(`/t/${tenant.slug}/r/${code}`)),
      );
      const elapsed = performance.now() - started;
      expect(answers.every((r) => r.status === 302 && r.headers.get('set-cookie'))).toBe(true);
      expect(elapsed).toBeLessThan(5_000);
      expect(app.referralClicks.buffered).toBe(600); // still in memory: the first batch is stuck
      expect(await clicksOf(affiliateId)).toBe(before);
    } finally {
      await locker.query('commit');
      await locker.end();
    }
    await expect.poll(() => clicksOf(affiliateId), { timeout: 10_000 }).toBe(before + 601);
  });
});
