import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from '../../../../packages/api/src/contexts/identity/account.entity.ts';
import { Payment } from '../../../../packages/api/src/contexts/payments/payment.entity.ts';
import { Tenant } from '../../../../packages/api/src/contexts/tenancy/tenant.entity.ts';
import {
  activeMember,
  paySandbox,
  registerMember,
  startTestApp,
  TEST_ADMIN_PASSWORD,
  TEST_PASSWORD,
  type TestApp,
  uniqueEmail,
} from '../testing/test-app.ts';

let app: TestApp;
let otherTenantId: number;
beforeAll(async () => {
  app = await startTestApp();
  const em = app.orm.em.fork();
  const other = em.create(Tenant, {
    slug: 'other',
    name: 'Other Co',
    profile: 'dtehm-mobile',
    currency: 'UGX',
    timeZone: 'Africa/Kampala',
  });
  await em.flush();
  otherTenantId = other.id;
  await app.services.tenants.invalidate();
});
afterAll(async () => {
  await app.close();
});

const other = (path: string) => `/t/other/api${path}`;

/** Registers a member of the other tenant (it has no members yet, so nobody can sponsor them). */
async function registerOther(email = uniqueEmail('other')) {
  const res = await app.request('POST', other('/users/register'), {
    body: {
      email,
      password: TEST_PASSWORD,
      name: 'Other Member',
      phone_number: '+256700000009',
      is_dtehm_member: 'Yes',
      is_dip_member: 'No',
      from_mobile: 'no',
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { id: res.body.data.user.id as number, token: res.body.data.user.token as string, email };
}

describe('tenant isolation', () => {
  it("does not show one tenant's catalog to another", async () => {
    const mine = await app.get('/products/list');
    expect(mine.status).toBe(200);
    expect(mine.body.data.products).toHaveLength(8);

    const theirs = await app.request('GET', other('/products/list'));
    expect(theirs.status).toBe(200);
    expect(theirs.body.data.products).toEqual([]);
    expect(theirs.body.data.pagination.total).toBe(0);
    const categories = await app.request('GET', other('/products/categories'));
    expect(categories.body).toEqual({ code: 1, data: [] });
    const detail = await app.request('GET', other(`/products/detail/${mine.body.data.products[0].id}`));
    expect(detail.status).toBe(404);
  });

  it('does not log a dtehm account in at the other tenant', async () => {
    for (const [email, password] of [
      ['root@dtehm.demo', TEST_ADMIN_PASSWORD],
      ['admin@dtehm.demo', TEST_ADMIN_PASSWORD],
    ]) {
      const res = await app.request('POST', other('/users/login'), { body: { email, password } });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ code: 0, message: 'Invalid email or password', errors: {} });
    }
  });

  it('refuses a dtehm token at the other tenant, and the other way round', async () => {
    const m = await registerMember(app);
    expect((await app.get('/user/balance', m.token)).status).toBe(200);
    const res = await app.request('GET', other('/user/balance'), { token: m.token });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe(0);
    const trpc = await app.request('POST', '/t/other/trpc/auth.logout', { token: m.token, body: {} });
    expect(trpc.status).toBe(401);
    // and the token still works at home (the refused call revoked nothing)
    expect((await app.get('/user/balance', m.token)).status).toBe(200);

    const o = await registerOther();
    expect((await app.request('GET', other('/user/balance'), { token: o.token })).status).toBe(200);
    expect((await app.get('/user/balance', o.token)).status).toBe(401);
  });

  it('lets the same email register in both tenants, as separate accounts', async () => {
    const email = uniqueEmail('both');
    const home = await registerMember(app, { email });
    const away = await registerOther(email);
    expect(away.id).not.toBe(home.id);
    const login = await app.request('POST', other('/users/login'), {
      body: { email, password: TEST_PASSWORD },
    });
    expect(login.status).toBe(200);
    expect(login.body.data.user.id).toBe(away.id);
  });

  it('does not accept a dtehm member number as sponsor at the other tenant', async () => {
    const res = await app.request('POST', other('/users/register'), {
      body: {
        email: uniqueEmail('cross'),
        password: TEST_PASSWORD,
        name: 'Cross Sponsor',
        phone_number: '+256700000009',
        sponsor_id: app.rootMemberId,
        is_dtehm_member: 'Yes',
        from_mobile: 'yes',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual({ sponsor_id: ['The selected sponsor id does not exist.'] });
  });

  it("hides one tenant's payments and users from the other", async () => {
    const m = await registerMember(app);
    const init = await app.post('/membership/initiate-payment', { user_id: m.id }, m.token);
    expect(init.status).toBe(200);
    const paymentId = init.body.data.payment_id;

    const o = await registerOther();
    const status = await app.request('GET', other(`/membership/payment-status/${paymentId}`), {
      token: o.token,
    });
    expect(status.status).toBe(404);
    const confirm = await app.request('POST', other('/membership/confirm-payment'), {
      body: { payment_id: paymentId },
      token: o.token,
    });
    expect(confirm.status).toBe(404);
    const initiate = await app.request('POST', other('/membership/initiate-payment'), {
      body: { user_id: m.id },
      token: o.token,
    });
    expect(initiate.status).toBe(404);
    // the home tenant's token is no key to the other tenant at all
    const foreignToken = await app.request('GET', other(`/membership/payment-status/${paymentId}`), {
      token: m.token,
    });
    expect(foreignToken.status).toBe(401);
  });

  it('numbers members per tenant and pays settlements into the right tenant', async () => {
    const o = await registerOther();
    const init = await app.request('POST', other('/membership/initiate-payment'), {
      body: { user_id: o.id },
      token: o.token,
    });
    expect(init.status).toBe(200);
    await paySandbox(app, init.body.data.payment_url);
    const confirm = await app.request('POST', other('/membership/confirm-payment'), {
      body: { payment_id: init.body.data.payment_id },
      token: o.token,
    });
    expect(confirm.status, JSON.stringify(confirm.body)).toBe(200);
    // the other tenant's first member: its own counter starts at 1
    expect(confirm.body.data.dtehm_member_id).toMatch(/^DTEHM\d{4}0001$/);
    expect(confirm.body.data.dtehm_member_id).toBe(app.rootMemberId);

    // the same number names a different member in each tenant
    const home = await activeMember(app, { sponsorId: app.rootMemberId });
    expect(home.user.sponsor_id).toBe(app.rootMemberId);
    const rows = await app.orm.em
      .fork()
      .getConnection()
      .execute('select tenant_id from payment where id = ?', [init.body.data.payment_id]);
    expect(rows[0].tenant_id).toBe(otherTenantId);
  });

  it('answers 404 for an unknown tenant', async () => {
    const res = await app.request('GET', '/t/nope/api/products/list');
    expect(res.status).toBe(404);
    const login = await app.request('POST', '/t/nope/api/users/login', {
      body: { email: 'root@dtehm.demo', password: TEST_ADMIN_PASSWORD },
    });
    expect(login.status).toBe(404);
    const trpc = await app.request('POST', '/t/nope/trpc/auth.refresh', {
      body: { json: { refresh_token: 'x' } },
    });
    expect(trpc.status).toBe(404);
  });

  it('refuses an ORM query on tenant-owned rows that does not name a tenant', async () => {
    await expect(app.orm.em.fork().find(Account, {})).rejects.toThrow(/tenant/i);
    await expect(app.orm.em.fork().count(Payment, {})).rejects.toThrow(/tenant/i);
    // with the parameter set, it sees only that tenant's rows
    const em = app.orm.em.fork();
    em.setFilterParams('tenant', { tenantId: otherTenantId });
    const accounts = await em.find(Account, {});
    expect(accounts.length).toBeGreaterThan(0);
    expect(accounts.every((a) => a.tenant === otherTenantId)).toBe(true);
    expect(accounts.some((a) => a.email === 'root@dtehm.demo')).toBe(false);
  });
});
