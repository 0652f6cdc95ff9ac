// Members of the sinoman demo tenant with their three savings accounts, set up through the services
// (the registration endpoints are another area's), and money put on their savings.
import { randomUUID } from 'node:crypto';
import type { Scope } from '@komisi/api';
import { tenantEm } from '@komisi/api/testing';
import { expect } from 'vitest';
import { TEST_PASSWORD, type TestApp } from '../testing/test-app.ts';

export const SINOMAN = '/t/sinoman/api';

export async function sinomanScope(app: TestApp, now = new Date()): Promise<Scope> {
  const tenant = await app.services.tenants.bySlug('sinoman');
  if (!tenant) throw new Error('no sinoman tenant');
  return { em: tenantEm(app.orm, tenant.id), tenant, now };
}

export interface TestMember {
  accountId: number;
  token: string;
  memberId: string;
  memberNumber: string;
  /** each product's savings account public id */
  accounts: { SP: string; SW: string; SS: string };
  /** each product's savings account row id */
  rows: { SP: number; SW: number; SS: number };
}

let counter = 0;

/** A cooperative member (with a member card) signed in, their SP, SW and SS accounts open. */
export async function newMember(app: TestApp, name = 'Budi Santoso'): Promise<TestMember> {
  const scope = await sinomanScope(app);
  const n = ++counter;
  const account = await app.services.identity.createAccount(scope, {
    email: `saver.${n}.${randomUUID().slice(0, 8)}@example.com`,
    password: TEST_PASSWORD,
    name,
  });
  const opened = await app.services.savingsAccounts.openAccounts(scope, account.id);
  const memberId = randomUUID();
  const memberNumber = `SIN-2026-${String(900_000 + n).padStart(6, '0')}`;
  await scope.em.execute(
    `insert into cooperative_member (tenant_id, public_id, account_id, member_number, nik_sealed, nik_digest,
       nik_masked, date_of_birth, gender, address, referral_code, join_date, created_at, updated_at)
     values (?, ?, ?, ?, 'sealed', ?, '350201******0001', '1990-01-01', 'male', 'Jl. Merdeka 1', ?, now(), now(), now())`,
    [
      scope.tenant.id,
      memberId,
      account.id,
      memberNumber,
      randomUUID().replaceAll('-', ''),
      `REF${n}${Date.now() % 1e6}`,
    ],
  );
  const tokens = await app.services.identity.issueTokens(scope, account);
  const byCode = Object.fromEntries(opened.map((o) => [o.product.code, o.account]));
  return {
    accountId: account.id,
    token: tokens.accessToken,
    memberId,
    memberNumber,
    accounts: { SP: byCode.SP!.publicId, SW: byCode.SW!.publicId, SS: byCode.SS!.publicId },
    rows: { SP: byCode.SP!.id, SW: byCode.SW!.id, SS: byCode.SS!.id },
  };
}

/** Puts `amount` on the member's account of `product` as a deposit taken in cash. */
export async function fund(
  app: TestApp,
  member: TestMember,
  amount: number,
  product: 'SP' | 'SW' | 'SS' = 'SS',
  now = new Date(),
) {
  const scope = await sinomanScope(app, now);
  const credited = await app.services.savingsCredits.credit(scope, {
    ownerAccountId: member.accountId,
    productCode: product,
    typeCode: `${product}_DEPOSIT`,
    category: 'deposit',
    amount,
    description: 'Setoran tunai',
    idempotencyKey: `test-fund:${randomUUID()}`,
    from: { code: 'company:cash', kind: 'asset' },
    paymentMethod: 'cash',
  });
  expect(credited).not.toBeNull();
  return credited!;
}

/** The sinoman administrator's token. */
export async function sinomanAdminToken(app: TestApp): Promise<string> {
  const scope = await sinomanScope(app);
  const id = await app.services.identity.accountIdByEmail(scope, 'admin@sinoman.demo');
  const admin = await app.services.identity.account(scope, id!);
  return (await app.services.identity.issueTokens(scope, admin)).accessToken;
}

/** A ledger account's balance as its holder sees it (a liability: credits minus debits). */
export async function ledgerBalance(
  app: TestApp,
  code: string,
  kind: 'liability' | 'revenue' | 'asset' = 'liability',
) {
  return app.services.ledger.balance(await sinomanScope(app), { code, kind });
}

export const api = (app: TestApp) => ({
  get: (path: string, token?: string) => app.request('GET', `${SINOMAN}${path}`, token ? { token } : {}),
  post: (path: string, body: unknown, token?: string) =>
    app.request('POST', `${SINOMAN}${path}`, { body, ...(token && { token }) }),
  put: (path: string, body: unknown, token?: string) =>
    app.request('PUT', `${SINOMAN}${path}`, { body, ...(token && { token }) }),
});
