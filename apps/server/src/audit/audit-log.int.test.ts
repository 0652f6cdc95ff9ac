import { createApiContext, createLogger, createRestHandler, PROFILES, type TenantRecord } from '@komisi/api';
import { tenantEm } from '@komisi/api/testing';
import { createQutabClient, memoryTokenStore } from '@komisi/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fund, ledgerBalance, newMember, type TestMember } from '../sinoman/savings-fixtures.ts';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

// The audit log on PostgreSQL, through the server: every admin mutation (REST or tRPC) leaves exactly
// one entry written in its own transaction, a failed one none; each tenant's administrators read
// their own log only.

let app: TestApp;
const PLATFORM = { email: 'platform@audit.test', password: 'platform-password-123' };
const admins: Record<string, { token: string; id: number; email: string }> = {};

async function tenant(slug: string): Promise<TenantRecord> {
  const t = await app.services.tenants.bySlug(slug);
  if (!t) throw new Error(`no tenant ${slug}`);
  return t;
}

function contextOf(t: TenantRecord, authorization?: string) {
  return createApiContext(app.orm, app.services, createLogger('silent'), {
    tenant: t,
    requestId: 'audit-test',
    ip: '127.0.0.1',
    authorization,
    baseUrl: `http://komisi.test/t/${t.slug}`,
  });
}

/** A token of the tenant's account `email` (no login request: no rate budget spent). */
async function tokenOf(slug: string, email: string) {
  const scope = contextOf(await tenant(slug)).scope();
  const id = (await app.services.identity.accountIdByEmail(scope, email))!;
  const account = await app.services.identity.account(scope, id);
  return { token: (await app.services.identity.issueTokens(scope, account)).accessToken, id, email };
}

/** Plain SQL on the test database (the rows named by their tenant). */
const sql = () => tenantEm(app.orm, 0);

async function entryCount(slug: string): Promise<number> {
  const [row] = await sql().execute<{ n: string }[]>(
    'select count(*) as n from audit_entry where tenant_id = ?',
    [(await tenant(slug)).id],
  );
  return Number(row!.n);
}

const api = (slug: string) => ({
  get: (path: string, token?: string, headers: Record<string, string> = {}) =>
    app.request('GET', `/t/${slug}/api${path}`, { ...(token && { token }), headers }),
  put: (path: string, body: unknown, token?: string, headers: Record<string, string> = {}) =>
    app.request('PUT', `/t/${slug}/api${path}`, { body, ...(token && { token }), headers }),
  post: (path: string, body: unknown, token?: string) =>
    app.request('POST', `/t/${slug}/api${path}`, { body, ...(token && { token }) }),
});
const sinoman = () => api('sinoman');
const qutab = () => api('qutab');

function qutabClient(token: string) {
  return createQutabClient({
    baseUrl: 'http://komisi.test',
    tenant: 'qutab',
    tokenStore: memoryTokenStore({ accessToken: token, refreshToken: 'unused' }),
    fetch: (input, init) => app.app.fetch(new Request(input, init)),
  });
}

const BANK = { bank_name: 'Bank BCA', account_number: '1234567890', account_name: 'Budi Santoso' };

async function pendingWithdrawal(member: TestMember, amount: number): Promise<string> {
  const res = await sinoman().post(
    '/savings/withdrawals',
    { savings_account_id: member.accounts.SS, amount, description: 'Keperluan', bank_account: BANK },
    member.token,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.transaction.id;
}

beforeAll(async () => {
  app = await startTestApp({
    env: { KOMISI_PLATFORM_ADMIN_EMAIL: PLATFORM.email, KOMISI_PLATFORM_ADMIN_PASSWORD: PLATFORM.password },
  });
  admins.sinoman = await tokenOf('sinoman', 'admin@sinoman.demo');
  admins.qutab = await tokenOf('qutab', 'admin@qutab.demo');
});

afterAll(async () => {
  await app?.close();
});

describe('an admin action', () => {
  it('writes exactly one entry: who, what, the request id, and the record before and after', async () => {
    const member = await newMember(app);
    await fund(app, member, 300_000);
    const id = await pendingWithdrawal(member, 100_000);
    const before = await entryCount('sinoman');

    const res = await sinoman().put(
      `/admin/savings/withdrawals/${id}`,
      { status: 'completed', notes: 'Ditransfer' },
      admins.sinoman!.token,
      { 'x-request-id': 'req-audit-complete-1' },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await entryCount('sinoman')).toBe(before + 1);

    const list = await sinoman().get('/admin/audit-log?limit=1', admins.sinoman!.token);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.success).toBe(true);
    const [entry] = list.body.data.entries;
    expect(entry).toEqual({
      id: expect.any(Number),
      occurredAt: expect.any(String),
      action: 'adminSavings.decideWithdrawal',
      actor: { role: 'admin', id: admins.sinoman!.id, email: 'admin@sinoman.demo', name: 'Sinoman Admin' },
      subject: { type: 'savings_transaction', id },
      input: { transaction_id: id, status: 'completed', notes: 'Ditransfer' },
      before: expect.objectContaining({ status: 'pending', amount: 100_000, processed_at: null }),
      after: expect.objectContaining({ status: 'completed', amount: 100_000, notes: 'Ditransfer' }),
      requestId: 'req-audit-complete-1',
      ip: expect.any(String),
    });
    const one = await sinoman().get(`/admin/audit-log/${entry.id}`, admins.sinoman!.token);
    expect(one.status).toBe(200);
    expect(one.body.data.entry).toEqual(entry);
  });

  it('that fails writes nothing and changes nothing', async () => {
    const member = await newMember(app);
    await fund(app, member, 300_000);
    const id = await pendingWithdrawal(member, 100_000);
    const admin = admins.sinoman!.token;
    expect(
      (await sinoman().put(`/admin/savings/withdrawals/${id}`, { status: 'rejected' }, admin)).status,
    ).toBe(200);
    const before = await entryCount('sinoman');
    const again = await sinoman().put(`/admin/savings/withdrawals/${id}`, { status: 'completed' }, admin);
    expect(again.status).toBe(409);
    const missing = await sinoman().put(
      '/admin/savings/withdrawals/0b3f4c1e-8d2e-4c47-9d59-3b1f0f6f2a11',
      { status: 'completed' },
      admin,
    );
    expect(missing.status).toBe(404);
    expect(await entryCount('sinoman')).toBe(before);
    expect(await ledgerBalance(app, `savings:${member.rows.SS}`)).toBe(300_000);
  });

  it('is rolled back when its entry cannot be written: the entry shares its transaction', async () => {
    const member = await newMember(app);
    await fund(app, member, 300_000);
    const id = await pendingWithdrawal(member, 100_000);
    const before = await entryCount('sinoman');
    const rest = createRestHandler(PROFILES['koperasi-sinoman']!);
    const ctx = {
      ...contextOf(await tenant('sinoman'), `Bearer ${admins.sinoman!.token}`),
      auditTrail: {
        append: async () => {
          throw new Error('the audit log is unavailable');
        },
      },
    };
    const path = `/admin/savings/withdrawals/${id}`;
    const req = new Request(`http://komisi.test/t/sinoman/api${path}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'completed' }),
    });
    const res = await rest.handle(req, path, ctx);
    expect(res.status).toBe(500);
    expect(await entryCount('sinoman')).toBe(before);
    // still pending: the hold is where the request put it, and an administrator can still decide it
    expect(await ledgerBalance(app, `savings:${member.rows.SS}:withdrawal-hold`)).toBe(100_000);
    const decided = await sinoman().put(path, { status: 'completed' }, admins.sinoman!.token);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  });

  it('keeps no secret or personal data: passwords, tokens, NIK, email, phone and gateway keys are redacted', async () => {
    const login = await app.request('POST', '/platform/api/auth/login', { body: PLATFORM });
    const created = await app.request('POST', '/platform/api/tenants', {
      token: login.body.token,
      body: {
        profile: 'qutab-platform',
        slug: 'audited-shop',
        name: 'Audited Shop',
        admin: { email: 'owner@audited.example' },
        settings: {
          payments: {
            provider: 'xendit',
            xendit: {
              baseUrl: 'https://api.xendit.co',
              secretKey: 'xnd_secret_1234',
              callbackToken: 'cb-5678',
            },
          },
        },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const owner = await tokenOf('audited-shop', 'owner@audited.example');
    const list = await api('audited-shop').get('/admin/audit-log', owner.token);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const [entry] = list.body.data.entries;
    const platformAdmin = await sql().execute<{ id: number }[]>(
      'select id from platform_admin where email = ?',
      [PLATFORM.email],
    );
    expect(entry).toMatchObject({
      action: 'platform.createTenant',
      actor: { role: 'platform-admin', id: platformAdmin[0]!.id, email: PLATFORM.email, name: null },
      subject: { type: 'tenant', id: 'audited-shop' },
      input: {
        slug: 'audited-shop',
        admin: { email: '[redacted]' },
        settings: {
          payments: {
            provider: 'xendit',
            xendit: {
              baseUrl: 'https://api.xendit.co',
              secretKey: '[redacted]',
              callbackToken: '[redacted]',
            },
          },
        },
      },
    });
    expect(entry.after['tenant:audited-shop']).toMatchObject({
      slug: 'audited-shop',
      profile: 'qutab-platform',
    });
    expect(entry.after['tenant_settings:audited-shop'].payments.xendit).toEqual({
      baseUrl: 'https://api.xendit.co',
      secretKey: '[redacted]',
      callbackToken: '[redacted]',
    });
    const text = JSON.stringify(list.body);
    // the generated password the answer carried once is not kept either
    const password = created.body.admin.password as string;
    for (const secret of ['xnd_secret_1234', 'cb-5678', password, 'owner@audited.example'])
      expect(text).not.toContain(secret);

    // a platform change of the tenant's settings lands in its log too, the masked secret kept
    const changed = await app.request('PATCH', '/platform/api/tenants/audited-shop/settings', {
      token: login.body.token,
      body: { settings: { orderPaymentTtlMinutes: 45 } },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const latest = (await api('audited-shop').get('/admin/audit-log?limit=1', owner.token)).body.data
      .entries[0];
    expect(latest).toMatchObject({
      action: 'platform.updateSettings',
      subject: { type: 'tenant_settings', id: 'audited-shop' },
      before: { orderPaymentTtlMinutes: null },
      after: { orderPaymentTtlMinutes: 45 },
    });
  });
});

describe('the read API', () => {
  it('is for administrators: 401 without a token, 403 for a member, on REST and tRPC', async () => {
    const member = await newMember(app);
    expect((await sinoman().get('/admin/audit-log')).status).toBe(401);
    const forbidden = await sinoman().get('/admin/audit-log', member.token);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('AUTH_INSUFFICIENT_PERMISSIONS');
    expect((await sinoman().get('/admin/audit-log/1', member.token)).status).toBe(403);
    const trpc = await app.request('GET', '/t/sinoman/trpc/auditLog.list', { token: member.token });
    expect(trpc.status).toBe(403);
  });

  it("shows a tenant's administrators their own tenant's entries only", async () => {
    const member = await newMember(app);
    await fund(app, member, 100_000);
    const id = await pendingWithdrawal(member, 50_000);
    await sinoman().put(`/admin/savings/withdrawals/${id}`, { status: 'rejected' }, admins.sinoman!.token);
    const sinomanEntry = (await sinoman().get('/admin/audit-log?limit=1', admins.sinoman!.token)).body.data
      .entries[0];

    const qutabLog = await qutab().get('/admin/audit-log?limit=100', admins.qutab!.token);
    expect(qutabLog.status).toBe(200);
    expect(qutabLog.body.data.entries.map((e: { id: number }) => e.id)).not.toContain(sinomanEntry.id);
    expect(JSON.stringify(qutabLog.body)).not.toContain(id);
    const foreign = await qutab().get(`/admin/audit-log/${sinomanEntry.id}`, admins.qutab!.token);
    expect(foreign.status).toBe(404);
    // and a tenant's token is refused on another tenant's log
    expect((await qutab().get('/admin/audit-log', admins.sinoman!.token)).status).toBe(401);
  });

  it('answers the same on REST and tRPC, for actions taken through either', async () => {
    const admin = admins.qutab!;
    const client = qutabClient(admin.token);
    await client.admin.setSupportContact.mutate({
      whatsapp: '081234567890',
      email: 'help@qutab.example',
      response_time: '1 hari kerja',
    });
    const viaRest = await qutab().put(
      '/admin/support-contact',
      { whatsapp: '081298765432', email: 'cs@qutab.example', response_time: '2 jam' },
      admin.token,
    );
    expect(viaRest.status, JSON.stringify(viaRest.body)).toBe(200);

    const rest = (await qutab().get('/admin/audit-log?limit=2', admin.token)).body.data;
    const trpc = await client.auditLog.list.query({ limit: 2 });
    expect(trpc).toEqual(rest);
    expect(await client.auditLog.get.query({ id: rest.entries[0].id })).toEqual({ entry: rest.entries[0] });
    const [byRest, byTrpc] = rest.entries;
    for (const entry of [byRest, byTrpc]) {
      expect(entry).toMatchObject({
        action: 'admin.setSupportContact',
        actor: { role: 'admin', id: admin.id, email: admin.email },
        subject: { type: 'tenant_settings', id: 'qutab' },
      });
    }
    expect(byTrpc.after).toEqual({
      affiliateSupport: { whatsapp: '081234567890', email: '[redacted]', responseTime: '1 hari kerja' },
    });
    expect(byRest.before).toEqual(byTrpc.after);
    expect(byRest.after.affiliateSupport.responseTime).toBe('2 jam');
    // the change is served at once (the directory reloaded after the commit)
    expect((await tenant('qutab')).settings.affiliateSupport?.responseTime).toBe('2 jam');
  });

  it('runs each call of a tRPC batch in its own transaction, each with its entry', async () => {
    const admin = admins.qutab!;
    const before = await entryCount('qutab');
    const body = JSON.stringify({
      0: { json: { whatsapp: '0811111111', email: 'a@qutab.example', response_time: 'Satu' } },
      1: { json: { whatsapp: '0822222222', email: 'b@qutab.example', response_time: 'Dua' } },
    });
    const res = await app.app.request(
      '/t/qutab/trpc/admin.setSupportContact,admin.setSupportContact?batch=1',
      {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
        body,
      },
    );
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await entryCount('qutab')).toBe(before + 2);
  });

  it('pages newest first with a cursor, filters, and refuses what it cannot read with a 4xx', async () => {
    const admin = admins.qutab!.token;
    const all = (await qutab().get('/admin/audit-log?limit=100', admin)).body.data.entries;
    expect(all.length).toBeGreaterThanOrEqual(4);
    const times = all.map((e: { occurredAt: string }) => e.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);

    const first = (await qutab().get('/admin/audit-log?limit=2', admin)).body.data;
    expect(first.entries).toEqual(all.slice(0, 2));
    const second = (await qutab().get(`/admin/audit-log?limit=2&cursor=${first.nextCursor}`, admin)).body
      .data;
    expect(second.entries).toEqual(all.slice(2, 4));

    const bySubject = (
      await qutab().get('/admin/audit-log?subjectType=tenant_settings&subjectId=qutab&limit=100', admin)
    ).body.data.entries;
    expect(bySubject.length).toBe(all.filter((e: { subject: unknown }) => e.subject !== null).length);
    const byAction = (await qutab().get('/admin/audit-log?action=admin.approvePayout', admin)).body.data;
    expect(byAction).toEqual({ entries: [], nextCursor: null });
    const byActor = (await qutab().get(`/admin/audit-log?actorId=${admins.qutab!.id}&limit=100`, admin)).body
      .data.entries;
    expect(byActor.length).toBe(all.length);
    // days are the tenant's (Asia/Jakarta): after 17:00 UTC its today is UTC's tomorrow
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    const future = (await qutab().get('/admin/audit-log?from=2999-01-01', admin)).body.data.entries;
    expect(future).toEqual([]);
    const upToToday = (await qutab().get(`/admin/audit-log?to=${today}&from=2020-01-01&limit=100`, admin))
      .body.data.entries;
    expect(upToToday.length).toBeGreaterThan(0);

    const badCursor = await qutab().get('/admin/audit-log?cursor=not-a-cursor', admin);
    expect(badCursor.status).toBe(422);
    expect(badCursor.body.error.field).toBe('cursor');
    expect((await qutab().get('/admin/audit-log?limit=101', admin)).status).toBe(422);
    const backwards = await qutab().get('/admin/audit-log?from=2026-03-02&to=2026-03-01', admin);
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.field).toBe('to');
    expect((await qutab().get('/admin/audit-log/999999999', admin)).status).toBe(404);
  });

  it('records a job run once it succeeded (it commits its own work)', async () => {
    const admin = admins.qutab!.token;
    const res = await qutab().post('/admin/jobs/affiliate-commission-release/run', {}, admin);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [entry] = (await qutab().get('/admin/audit-log?limit=1', admin)).body.data.entries;
    expect(entry).toMatchObject({
      action: 'admin.runJob',
      subject: null,
      before: null,
      after: { name: 'affiliate-commission-release', status: 'succeeded' },
    });
  });
});

describe('the admin console', () => {
  it('has its setting changes audited, each with the key before and after; a plan preview is no action', async () => {
    const admin = admins.qutab!.token;
    const res = await qutab().put('/admin/console/settings/orderPaymentTtlMinutes', { value: 45 }, admin);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [entry] = (await qutab().get('/admin/audit-log?limit=1', admin)).body.data.entries;
    expect(entry).toMatchObject({
      action: 'console.updateSetting',
      subject: { type: 'tenant_settings', id: 'qutab' },
      input: { key: 'orderPaymentTtlMinutes', value: 45 },
      before: { orderPaymentTtlMinutes: null },
      after: { orderPaymentTtlMinutes: 45 },
    });
    // served at once: the directory reloaded once the change committed
    expect((await tenant('qutab')).settings.orderPaymentTtlMinutes).toBe(45);

    const dtehm = await tokenOf('dtehm', 'admin@dtehm.demo');
    const before = await entryCount('dtehm');
    const preview = await api('dtehm').post(
      '/admin/console/mlm-plan/preview',
      { plan: { stockistRateBps: 900 }, amount: 100_000 },
      dtehm.token,
    );
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(await entryCount('dtehm')).toBe(before);
  });
});
