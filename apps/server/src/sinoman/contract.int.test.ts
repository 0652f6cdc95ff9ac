import { createSinomanClient, isKomisiError } from '@komisi/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

// The koperasi-sinoman document's 33 endpoints (../shared/specs/endpoints.tsv), each in the OpenAPI
// document at its documented method and path, and reachable through the typed SDK.
const DOCUMENTED = `
POST /api/auth/register
POST /api/auth/login
POST /api/auth/otp/request
POST /api/auth/otp/verify
POST /api/auth/refresh
POST /api/auth/logout
GET /api/members/profile
PUT /api/members/profile
POST /api/members/profile/picture
POST /api/members/kyc/documents
GET /api/members/kyc/documents
GET /api/members/referrals
GET /api/savings/accounts
GET /api/savings/accounts/{account_id}
POST /api/savings/transactions
POST /api/savings/withdrawals
GET /api/savings/transactions
GET /api/savings/transactions/{transaction_id}
GET /api/savings/summary
GET /api/fit-challenge/batches
GET /api/fit-challenge/batches/{batch_id}
POST /api/fit-challenge/register
GET /api/fit-challenge/registration
POST /api/fit-challenge/progress
GET /api/fit-challenge/progress/{participant_id}
GET /api/admin/members
PUT /api/admin/members/{member_id}/status
GET /api/admin/financial/dashboard
GET /api/admin/financial/transactions
POST /api/admin/fit-challenge/batches
GET /api/admin/fit-challenge/analytics
POST /api/webhooks/midtrans
POST /api/webhooks/whatsapp`
  .trim()
  .split('\n')
  .map((line) => {
    const [method, path] = line.split(' ') as [string, string];
    return { method: method.toLowerCase(), path: path.replace(/^\/api/, '') };
  });

const MEMBER = { identifier: 'anggota@sinoman.demo', password: 'Anggota123!' };

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

async function memberToken(): Promise<string> {
  return (await app.request('POST', '/t/sinoman/api/auth/login', { body: MEMBER })).body.data.access_token;
}

describe('koperasi-sinoman contract', () => {
  it('documents all 33 endpoints, each with the koperasi error envelope', async () => {
    expect(DOCUMENTED).toHaveLength(33);
    const doc = (await app.request('GET', '/t/sinoman/api/openapi.json')).body;
    for (const { method, path } of DOCUMENTED) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method.toUpperCase()} ${path}`).toBeDefined();
      const errors = Object.keys(op.responses).filter((status) => Number(status) >= 400);
      for (const status of errors) {
        const schema = op.responses[status].content?.['application/json']?.schema;
        if (schema) expect(schema).toEqual({ $ref: '#/components/schemas/ErrorResponse' });
      }
    }
    expect(doc.components.schemas.ErrorResponse.properties.error.required).toEqual(
      expect.arrayContaining(['code', 'message', 'timestamp', 'request_id']),
    );
    // uploads are documented as multipart with binary files
    const kyc = doc.paths['/members/kyc/documents'].post.requestBody.content['multipart/form-data'];
    expect(kyc.schema.properties.file).toMatchObject({ type: 'string', format: 'binary' });
  });

  it('answers every documented GET (no 404 or 5xx) for a signed-in member, and the admin ones for an admin', async () => {
    const member = await memberToken();
    for (const { method, path } of DOCUMENTED) {
      if (method !== 'get' || path.includes('{')) continue;
      const query =
        path === '/admin/financial/transactions' ? '?start_date=2026-01-01&end_date=2026-01-31' : '';
      const url = `/t/sinoman/api${path}${query}`;
      const res = await app.request('GET', url, { token: member });
      expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
      expect(res.status, url).not.toBe(404);
      if (path.startsWith('/admin/')) expect(res.status, url).toBe(403);
      else expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(200);
    }
  });

  it('serves the same procedures through the typed SDK, with typed errors', async () => {
    const fetch = (input: RequestInfo | URL, init?: RequestInit) => app.app.request(String(input), init);
    const sdk = createSinomanClient({ baseUrl: 'http://komisi.test', tenant: 'sinoman', fetch });
    const login = await sdk.login(MEMBER.identifier, MEMBER.password);
    expect(login.member?.member_number).toMatch(/^SIN-\d{4}-\d{6}$/);
    const { accounts, total_balance } = await sdk.savings.accounts.query();
    expect(accounts.map((a) => a.savings_type.code)).toEqual(['SP', 'SW', 'SS']);
    expect(total_balance).toBe(accounts.reduce((sum, a) => sum + a.balance, 0));
    const ss = accounts.find((a) => a.savings_type.code === 'SS')!;
    const deposit = await sdk.savings.createDeposit.mutate({
      savings_account_id: ss.id,
      transaction_type: 'SS_DEPOSIT',
      amount: 100_000,
      description: 'Setoran simpanan sukarela',
      payment_method: 'bank_transfer',
    });
    expect(deposit.transaction.status).toBe('pending');
    expect(deposit.transaction.payment_instructions.total_amount).toBe(
      100_000 + Number(deposit.transaction.payment_instructions.unique_code),
    );
    const { batches } = await sdk.fitChallenge.batches.query({});
    expect(batches.length).toBeGreaterThan(0);

    const denied = await sdk.adminMembers.listMembers.query({}).catch((e: unknown) => e);
    expect(isKomisiError(denied) && denied.domainCode).toBe('FORBIDDEN');
    await sdk.logout();
    const after = await sdk.savings.accounts.query().catch((e: unknown) => e);
    expect(isKomisiError(after) && after.domainCode).toBe('UNAUTHORIZED');
  });
});
