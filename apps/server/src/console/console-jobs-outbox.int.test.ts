import { createLogger, OutboxDispatcher } from '@komisi/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../testing/test-app.ts';
import { ADMINS, adminSignIn, call, consoleClient, memberToken, scopeOf } from './console.fixtures.ts';

// Job runs and the notification outbox as a tenant's administrators see them: their tenant's only,
// paginated and filtered on the server; a failed message sent again, once however often asked.
let app: TestApp;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  app = await startTestApp();
  for (const slug of ['qutab', 'sinoman'] as const) tokens[slug] = await adminSignIn(app, slug);
});
afterAll(async () => {
  await app.close();
});

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies
type Json = any;

const sql = (text: string, params: unknown[] = []) =>
  app.orm.em.fork().getConnection().execute(text, params) as Promise<Json[]>;
const tenantId = async (slug: string) => (await app.services.tenants.bySlug(slug))!.id;

describe('job runs', () => {
  beforeAll(async () => {
    const qutab = await tenantId('qutab');
    await app.services.jobs.runNow('shop-order-expiry', { tenantId: qutab });
    await app.services.jobs.runNow('affiliate-commission-release', { tenantId: qutab });
    await app.services.jobs.runNow('shop-order-expiry', { tenantId: await tenantId('sinoman') });
    // a run that failed (the runner writes the error it may show: a code and a sentence)
    await sql(
      `insert into job_run (name, tenant_id, started_at, finished_at, status, processed, error)
       values ('affiliate-commission-release', ?, now() - interval '1 hour', now() - interval '59 minutes',
               'failed', 0, 'INTERNAL_ERROR: The tenant setting referralAffiliates.holdDays is invalid')`,
      [qutab],
    );
  });

  it("lists the tenant's runs, newest first, with the jobs there are", async () => {
    const res = await call(app, 'GET', 'qutab', '/jobs/runs', { token: tokens.qutab });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { jobs, runs, pagination } = res.body.data;
    expect(jobs).toEqual(['affiliate-commission-release', 'savings-monthly-interest', 'shop-order-expiry']);
    expect(runs.map((r: Json) => [r.name, r.status])).toEqual([
      ['affiliate-commission-release', 'succeeded'],
      ['shop-order-expiry', 'succeeded'],
      ['affiliate-commission-release', 'failed'],
    ]);
    expect(runs[0]).toEqual({
      id: expect.any(Number),
      name: 'affiliate-commission-release',
      status: 'succeeded',
      startedAt: expect.any(String),
      finishedAt: expect.any(String),
      durationMs: expect.any(Number),
      processed: 0,
      error: null,
    });
    expect(runs[2].error).toContain('INTERNAL_ERROR');
    expect(pagination).toEqual({ page: 1, perPage: 20, total: 3, lastPage: 1 });
  });

  it('filters by job and status and pages on the server', async () => {
    const failed = await call(app, 'GET', 'qutab', '/jobs/runs?status=failed', { token: tokens.qutab });
    expect(failed.body.data.runs.map((r: Json) => r.status)).toEqual(['failed']);
    const expiry = await call(app, 'GET', 'qutab', '/jobs/runs?name=shop-order-expiry', {
      token: tokens.qutab,
    });
    expect(expiry.body.data.runs).toHaveLength(1);
    const page2 = await call(app, 'GET', 'qutab', '/jobs/runs?perPage=2&page=2', { token: tokens.qutab });
    expect(page2.body.data.runs).toHaveLength(1);
    expect(page2.body.data.pagination).toEqual({ page: 2, perPage: 2, total: 3, lastPage: 2 });
    const sinoman = await call(app, 'GET', 'sinoman', '/jobs/runs', { token: tokens.sinoman });
    expect(sinoman.body.data.runs.map((r: Json) => r.name)).toEqual(['shop-order-expiry']);
  });

  it('validates its filters, naming the field, and is the administrators only', async () => {
    const res = await call(app, 'GET', 'qutab', '/jobs/runs?perPage=1000&status=exploded', {
      token: tokens.qutab,
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.details).sort()).toEqual(['perPage', 'status']);
    const member = await call(app, 'GET', 'qutab', '/jobs/runs', { token: await memberToken(app, 'qutab') });
    expect(member.status).toBe(403);
  });
});

describe('the notification outbox', () => {
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const qutab = await scopeOf(app, 'qutab');
    const enqueue = async (
      scope: typeof qutab,
      name: string,
      channel: 'email' | 'whatsapp',
      recipient: string,
    ) => {
      await app.services.outbox.enqueue(scope, {
        channel,
        recipient,
        subject: `console test ${name}`,
        body: 'code 123456',
      });
      const [row] = await sql('select max(id) as id from notification_outbox where subject = ?', [
        `console test ${name}`,
      ]);
      ids[name] = row.id;
    };
    await enqueue(qutab, 'bounced', 'email', 'siti.aminah@example.com');
    await enqueue(qutab, 'queued', 'whatsapp', '+6281234567890');
    await enqueue(await scopeOf(app, 'sinoman'), 'elsewhere', 'email', 'anggota@example.com');
    // a transport that is down: five attempts and the dispatcher gives up on everything queued
    const down = {
      name: 'down',
      send: async () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.7:587')),
    };
    const dispatcher = new OutboxDispatcher(app.orm, down, createLogger('silent'), { retryDelayMs: () => 0 });
    for (let attempt = 0; attempt < 5; attempt++) await dispatcher.runOnce(500);
    // the WhatsApp message is still waiting its turn
    await sql(`update notification_outbox set status = 'pending', attempts = 1 where id = ?`, [ids.queued]);
  });

  it("lists the tenant's messages, newest first, recipients masked and bodies never shown", async () => {
    const res = await call(app, 'GET', 'qutab', '/outbox?perPage=100', { token: tokens.qutab });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const messages: Json[] = res.body.data.messages;
    const ours = messages.filter((m) => m.subject.startsWith('console test'));
    expect(ours.map((m) => m.id)).toEqual([ids.queued, ids.bounced]);
    expect(ours[1]).toEqual({
      id: ids.bounced,
      channel: 'email',
      recipient: 'sit***@example.com',
      subject: 'console test bounced',
      status: 'failed',
      attempts: 5,
      lastError: 'connect ECONNREFUSED 10.0.0.7:587',
      nextAttemptAt: expect.any(String),
      createdAt: expect.any(String),
      sentAt: null,
      deliveryStatus: null,
    });
    expect(ours[0].recipient).toBe('**********7890');
    expect(JSON.stringify(res.body)).not.toContain('123456');
    expect(messages.map((m) => m.subject)).not.toContain('console test elsewhere');
  });

  it('filters by status and channel', async () => {
    const failed = await call(app, 'GET', 'qutab', '/outbox?status=failed&channel=email', {
      token: tokens.qutab,
    });
    expect(failed.body.data.messages.every((m: Json) => m.status === 'failed' && m.channel === 'email')).toBe(
      true,
    );
    expect(failed.body.data.messages.map((m: Json) => m.id)).toContain(ids.bounced);
    const whatsapp = await call(app, 'GET', 'qutab', '/outbox?channel=whatsapp', { token: tokens.qutab });
    expect(whatsapp.body.data.messages.map((m: Json) => m.id)).toEqual([ids.queued]);
    const bad = await call(app, 'GET', 'qutab', '/outbox?channel=pigeon', { token: tokens.qutab });
    expect(bad.status).toBe(422);
    expect(bad.body.error.field).toBe('channel');
  });

  it('sends a failed message again: attempts reset, once however often asked, then the dispatcher sends it', async () => {
    const retry = () =>
      call(app, 'POST', 'qutab', `/outbox/${ids.bounced}/retry`, { token: tokens.qutab, body: {} });
    const [first, second] = await Promise.all([retry(), retry()]);
    for (const res of [first, second]) {
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.data).toMatchObject({
        id: ids.bounced,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: null,
      });
    }
    const [row] = await sql('select status, attempts from notification_outbox where id = ?', [ids.bounced]);
    expect(row).toEqual({ status: 'pending', attempts: 0 });

    const up = { name: 'up', send: async () => undefined };
    await new OutboxDispatcher(app.orm, up, createLogger('silent')).runOnce(500);
    const sent = await retry();
    expect(sent.status).toBe(409);
    const [after] = await sql('select status, attempts from notification_outbox where id = ?', [ids.bounced]);
    expect(after).toEqual({ status: 'sent', attempts: 1 });
  });

  it("finds no other tenant's message, refuses a member, and answers tRPC as REST", async () => {
    const foreign = await call(app, 'POST', 'qutab', `/outbox/${ids.elsewhere}/retry`, {
      token: tokens.qutab,
      body: {},
    });
    expect(foreign.status).toBe(404);
    // failed like the others, and left so
    const [row] = await sql('select status from notification_outbox where id = ?', [ids.elsewhere]);
    expect(row.status).toBe('failed');
    const member = await call(app, 'POST', 'qutab', `/outbox/${ids.bounced}/retry`, {
      token: await memberToken(app, 'qutab'),
      body: {},
    });
    expect(member.status).toBe(403);

    const client = consoleClient(app, 'qutab');
    await client.signIn(ADMINS.qutab, TEST_ADMIN_PASSWORD);
    const rest = await call(app, 'GET', 'qutab', '/outbox?status=pending', { token: tokens.qutab });
    expect(await client.console.outbox.query({ status: 'pending' })).toEqual(rest.body.data);
  });
});
