import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, loadConfig } from '@komisi/api';
import { ledgerTotal, unbalancedLedgerEntries } from '@komisi/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, startPlatform } from './platform.ts';

// The embedded default: same entities, same migrations, one full order flow on PGlite.
let platform: Platform;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'komisi-pglite-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    KOMISI_DATA_DIR: dataDir,
    KOMISI_ADMIN_PASSWORD: 'admin-password-123',
    PUBLIC_BASE_URL: 'http://komisi.test',
    LOG_LEVEL: 'silent',
  });
  platform = await startPlatform(config, createLogger('silent'));
});

afterAll(async () => {
  await platform?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(method: string, path: string, body?: unknown, token?: string) {
  const res = await platform.app.request(path, {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: test reads JSON
  return { status: res.status, body: (await res.json()) as any };
}

describe('storage on PGlite', () => {
  it('has the schema the migrations describe (no pending diff)', async () => {
    expect(await platform.orm.schema.getUpdateSchemaSQL()).toBe('');
  });

  it('runs a membership and an order flow with commissions posted once', async () => {
    const root = platform.seeded.find((t) => t.slug === 'dtehm')!.rootMemberId;
    const reg = await call('POST', '/t/dtehm/api/users/register', {
      email: 'pglite@example.com',
      password: 'password123',
      name: 'Embedded Member',
      phone_number: '+256700000009',
      sponsor_id: root,
      is_dtehm_member: 'Yes',
      is_dip_member: 'No',
      from_mobile: 'yes',
    });
    expect(reg.status).toBe(200);
    const token = reg.body.data.user.token as string;
    const init = await call(
      'POST',
      '/t/dtehm/api/membership/initiate-payment',
      { user_id: reg.body.data.user.id },
      token,
    );
    await call('POST', new URL(init.body.data.payment_url).pathname, { outcome: 'success' });
    const confirmed = await call(
      'POST',
      '/t/dtehm/api/membership/confirm-payment',
      { payment_id: init.body.data.payment_id },
      token,
    );
    expect(confirmed.body.data.membership_status).toBe('Active');

    const order = await call(
      'POST',
      '/t/dtehm/api/orders/create',
      { product_id: 1, quantity: 2, sponsor_id: root, stockist_id: root },
      token,
    );
    expect(order.status).toBe(200);
    await call('POST', new URL(order.body.data.payment_url).pathname, { outcome: 'success' });
    const paid = await call(
      'POST',
      '/t/dtehm/api/orders/confirm-payment',
      { order_id: order.body.data.order_id },
      token,
    );
    expect(paid.status).toBe(200);
    expect(paid.body.data).toMatchObject({ status: 'Paid', commissions_created: 2 });
    const again = await call(
      'POST',
      '/t/dtehm/api/orders/confirm-payment',
      { order_id: order.body.data.order_id },
      token,
    );
    expect(again.body.data.commissions_created).toBe(2);

    expect(await unbalancedLedgerEntries(platform.orm)).toEqual([]);
    expect(await ledgerTotal(platform.orm)).toBe(0);
  });

  it('suspends a member: their sign-in (a share lock on the member row) is refused until reactivated', async () => {
    const admin = await call('POST', '/t/dtehm/api/users/login', {
      email: 'admin@dtehm.demo',
      password: 'admin-password-123',
    });
    const token = admin.body.data.token as string;
    const found = await call(
      'GET',
      '/t/dtehm/api/admin/members?search=pglite%40example.com',
      undefined,
      token,
    );
    const id = found.body.data.members[0].id as number;
    const credentials = { email: 'pglite@example.com', password: 'password123' };
    expect(
      (await call('POST', `/t/dtehm/api/admin/members/${id}/suspend`, { reason: 'x' }, token)).status,
    ).toBe(200);
    expect((await call('POST', '/t/dtehm/api/users/login', credentials)).status).toBe(403);
    expect((await call('POST', `/t/dtehm/api/admin/members/${id}/reactivate`, {}, token)).status).toBe(200);
    expect((await call('POST', '/t/dtehm/api/users/login', credentials)).status).toBe(200);
  });
});
