import { savingsData, type TestMember, type TestTransaction, tenantEm } from '@komisi/api/testing';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from './test-app.ts';

// A koperasi-sinoman tenant of its own (the demo tenant has a year of seeded history) with members and
// savings transactions of the last 40 days, for the admins' financial reports (§6.2): the black-box
// tests check the answers against SQL over the same rows.

const SLUG = 'kop-reports';
const ADMIN_EMAIL = 'admin@kop-reports.test';
export const SINOMAN_API = `/t/${SLUG}/api`;
export const JAKARTA = 'Asia/Jakarta';
export const DAY_MS = 86_400_000;
const jakartaDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: JAKARTA,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** `YYYY-MM-DD` of the moment in Jakarta */
export const localDate = (date: Date) => jakartaDay.format(date);

export interface FinancialReportsApp {
  app: TestApp;
  adminToken: string;
  /** a member's token: not an admin */
  memberToken: string;
  tenantId: number;
  /** Dewi (the largest saver), Eko, and Fajar (pending, a name with a comma and quotes) */
  members: TestMember[];
  /** a query on the tenant's rows */
  sql<T>(query: string, params?: unknown[]): Promise<T[]>;
}

export async function startFinancialReportsApp(): Promise<FinancialReportsApp> {
  const app = await startTestApp();
  const { tenant } = await app.services.tenantProvisioning.create({
    profile: 'koperasi-sinoman',
    slug: SLUG,
    name: 'Koperasi Laporan',
    admin: { email: ADMIN_EMAIL, name: 'Admin Laporan', password: TEST_ADMIN_PASSWORD },
  });
  const scope = { em: tenantEm(app.orm, tenant.id), tenant, now: new Date() };
  const admin = await app.services.identity.login(scope, ADMIN_EMAIL, TEST_ADMIN_PASSWORD, '127.0.0.1');
  const adminToken = (await app.services.identity.issueTokens(scope, admin)).accessToken;

  const data = savingsData(app.services, scope);
  const now = Date.now();
  const members = [
    await data.member('Dewi Lestari', { joinedAt: new Date(now - 40 * DAY_MS) }),
    await data.member('Eko Prasetyo', { joinedAt: new Date(now - 2 * DAY_MS) }),
    await data.member('Fajar, "the saver"', { joinedAt: new Date(now), status: 'pending' }),
  ];
  const memberToken = (
    await app.services.identity.issueTokens(scope, { id: members[0]!.accountId, roles: ['member'] })
  ).accessToken;
  const t = (
    product: 'SP' | 'SW' | 'SS',
    category: TestTransaction['category'],
    amount: number,
    status: TestTransaction['status'],
    daysAgo: number,
  ): TestTransaction => ({
    product,
    typeCode: category === 'withdrawal' ? 'SS_WITHDRAWAL' : `${product}_DEPOSIT`,
    category,
    amount,
    status,
    createdAt: new Date(now - daysAgo * DAY_MS - 60_000),
  });
  const plan: [number, TestTransaction][] = [
    [0, t('SP', 'deposit', 80_000, 'completed', 40)],
    [0, t('SW', 'deposit', 10_000, 'completed', 35)],
    [0, t('SS', 'deposit', 1_500_000, 'completed', 20)],
    [0, t('SS', 'withdrawal', 250_000, 'completed', 3)],
    [1, t('SP', 'deposit', 80_000, 'completed', 2)],
    [1, t('SS', 'deposit', 400_000, 'completed', 0)],
    [1, t('SS', 'withdrawal', 50_000, 'completed', 0)],
    [1, t('SS', 'deposit', 100_000, 'pending', 0)],
    [2, t('SP', 'deposit', 80_000, 'failed', 0)],
    [2, t('SP', 'deposit', 80_000, 'pending', 0)],
  ];
  for (const [who, tx] of plan) await data.transaction(members[who]!, tx);
  return {
    app,
    adminToken,
    memberToken,
    tenantId: tenant.id,
    members,
    sql: <T>(query: string, params: unknown[] = []) => scope.em.execute<T[]>(query, params),
  };
}
