import { SINOMAN_ADMIN_EMAIL } from '@komisi/api';
import { tenantEm } from '@komisi/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../testing/test-app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});

afterAll(async () => {
  await app?.close();
});

async function sinomanScope() {
  const tenant = await app.services.tenants.bySlug('sinoman');
  if (!tenant) throw new Error('no sinoman tenant');
  return { em: tenantEm(app.orm, tenant.id), tenant, now: new Date() };
}

describe('the sinoman demo tenant', () => {
  it('is a koperasi-sinoman tenant in rupiah and Jakarta time, created through tenant provisioning', async () => {
    const tenant = await app.services.tenants.bySlug('sinoman');
    expect(tenant).toMatchObject({ profile: 'koperasi-sinoman', currency: 'IDR', timeZone: 'Asia/Jakarta' });
    const scope = await sinomanScope();
    const login = await app.services.identity.login(
      scope,
      SINOMAN_ADMIN_EMAIL,
      TEST_ADMIN_PASSWORD,
      '127.0.0.1',
    );
    expect(login.roles).toContain('admin');
    const doc = await app.request('GET', '/t/sinoman/api/openapi.json');
    expect(doc.body.info.title).toBe('Koperasi Sinoman API');
  });

  it('offers the three savings products of the document', async () => {
    const scope = await sinomanScope();
    const products = await app.services.savingsAccounts.products(scope);
    expect(products.map((p) => [p.code, p.minimumAmount, p.isWithdrawable, p.interestRateBp])).toEqual([
      ['SP', 80_000, false, 0],
      ['SW', 10_000, false, 0],
      ['SS', 10_000, true, 600],
    ]);
  });

  it('opens a member one account of each product, numbered by year, once', async () => {
    const scope = await sinomanScope();
    const account = await app.services.identity.createAccount(scope, {
      email: 'saver@example.com',
      password: 'Password123',
      name: 'Saver',
    });
    const opened = await app.services.savingsAccounts.openAccounts(scope, account.id);
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(
      new Date(),
    );
    expect(opened).toHaveLength(3);
    for (const { account: a, balance } of opened) {
      expect(a.accountNumber).toMatch(new RegExp(`^SA-${year}-\\d{6}$`));
      expect(a.virtualAccountNumber).toMatch(/^8801\d{12}$/);
      expect(balance).toBe(0);
    }
    const again = await app.services.savingsAccounts.openAccounts(scope, account.id);
    expect(again.map((o) => o.account.id)).toEqual(opened.map((o) => o.account.id));
  });
});

describe('savings credits', () => {
  it('credits a member once per key, with the balance before and after, on the ledger', async () => {
    const scope = await sinomanScope();
    const account = await app.services.identity.createAccount(scope, {
      email: 'credited@example.com',
      password: 'Password123',
      name: 'Credited',
    });
    await app.services.savingsAccounts.openAccounts(scope, account.id);
    const credit = {
      ownerAccountId: account.id,
      productCode: 'SS' as const,
      typeCode: 'REFERRAL_BONUS',
      category: 'bonus' as const,
      amount: 50_000,
      description: 'Bonus referral',
      idempotencyKey: `referral-bonus:test:${account.id}`,
      from: { code: 'company:referral-bonus-expense', kind: 'expense' as const },
    };
    const first = await app.services.savingsCredits.credit(scope, credit);
    const [again, other] = await Promise.all([
      app.services.savingsCredits.credit(scope, credit),
      app.services.savingsCredits.credit(scope, { ...credit, idempotencyKey: `${credit.idempotencyKey}:2` }),
    ]);
    expect(first).toMatchObject({
      amount: 50_000,
      balanceBefore: 0,
      balanceAfter: 50_000,
      status: 'completed',
    });
    expect(first?.transactionNumber).toMatch(/^TXN-\d{4}-\d{6}$/);
    expect(again).toBeNull();
    expect(other).toMatchObject({ balanceBefore: 50_000, balanceAfter: 100_000 });
    const ss = (await app.services.savingsAccounts.accountsOf(scope, account.id)).find(
      (a) => a.product.code === 'SS',
    );
    expect(ss?.balance).toBe(100_000);
  });
});
