import { createFakeMidtrans, tenantEm } from '@komisi/api/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';

// A savings deposit paid into a Midtrans virtual account (§4.2.1, §8.1), against the faithful fake:
// the notification settles it once however often and however concurrently it arrives, a wrong
// signature changes nothing, and a late `pending` never undoes a `settlement`.
const SERVER_KEY = 'SB-Mid-server-GwUP_WGbJPXsDzsNEBRs8IYA';
const fake = createFakeMidtrans({ serverKey: SERVER_KEY });
const API = '/t/sinoman/api';
let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await startTestApp({
    services: { midtransFetch: (input, init) => fake.fetch(new Request(input, init)) },
  });
  const sinoman = (await app.services.tenants.bySlug('sinoman'))!;
  await app.services.tenants.updateSetting(sinoman.id, 'payments', {
    provider: 'midtrans',
    midtrans: { baseUrl: 'https://api.sandbox.midtrans.com', serverKey: SERVER_KEY, bank: 'bca' },
  });
  const login = await app.request('POST', `${API}/auth/login`, {
    body: { identifier: 'anggota@sinoman.demo', password: 'Anggota123!' },
  });
  token = login.body.data.access_token;
});

afterAll(async () => {
  await app?.close();
});

async function ssAccount() {
  const { accounts } = (await app.request('GET', `${API}/savings/accounts`, { token })).body.data;
  return accounts.find((a: { savings_type: { code: string } }) => a.savings_type.code === 'SS');
}

async function deposit(amount: number) {
  const account = await ssAccount();
  const res = await app.request('POST', `${API}/savings/transactions`, {
    token,
    body: {
      savings_account_id: account.id,
      transaction_type: 'SS_DEPOSIT',
      amount,
      description: 'Setoran simpanan sukarela',
      payment_method: 'bank_transfer',
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.transaction;
}

const notify = (notification: { headers: Record<string, string>; body: unknown }) =>
  app.request('POST', `${API}/webhooks/midtrans`, { headers: notification.headers, body: notification.body });

/** Ledger postings on the member's SS savings account (the balance moves only through them). */
async function postingsOnSs(): Promise<number> {
  const tenant = (await app.services.tenants.bySlug('sinoman'))!;
  const em = tenantEm(app.orm, tenant.id);
  const account = await ssAccount();
  const [row] = await em.execute<{ n: string }[]>(
    `select count(*) as n from ledger_posting p join ledger_account a on a.id = p.ledger_account_id
     join savings_account s on a.code = 'savings:' || s.id where s.public_id = ?`,
    [account.id],
  );
  return Number(row!.n);
}

describe('a savings deposit through Midtrans', () => {
  it('hands out the virtual account for amount + unique code, the transaction number as the order id', async () => {
    const transaction = await deposit(100_000);
    const charged = fake.find(transaction.transaction_number)!;
    const instructions = transaction.payment_instructions;
    expect(charged).toMatchObject({ grossAmount: instructions.total_amount, bank: 'bca' });
    expect(instructions).toMatchObject({ account_number: charged.vaNumber, amount: 100_000 });
    expect(instructions.total_amount).toBe(100_000 + Number(instructions.unique_code));
  });

  it('credits exactly the amount once when the settlement arrives 10× at once; a wrong signature changes nothing', async () => {
    const before = await ssAccount();
    const postings = await postingsOnSs();
    const transaction = await deposit(250_000);
    fake.pay(transaction.transaction_number);

    const forged = fake.notification(transaction.transaction_number, { signature_key: 'f'.repeat(128) });
    expect((await notify(forged)).status).toBe(401);
    expect((await ssAccount()).balance).toBe(before.balance);

    const notification = fake.notification(transaction.transaction_number);
    const answers = await Promise.all(Array.from({ length: 10 }, () => notify(notification)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect((await ssAccount()).balance).toBe(before.balance + 250_000);
    expect(await postingsOnSs()).toBe(postings + 1);

    const detail = await app.request('GET', `${API}/savings/transactions/${transaction.id}`, { token });
    expect(detail.body.data.transaction).toMatchObject({
      status: 'completed',
      amount: 250_000,
      payment_gateway_response: { transaction_status: 'settlement' },
    });
  });

  it('credits deposits settled at once on the same account each once, with balances before and after that chain', async () => {
    const before = (await ssAccount()).balance;
    const amounts = [10_000, 20_000, 30_000, 40_000, 50_000];
    const transactions = [];
    for (const amount of amounts) transactions.push(await deposit(amount));
    for (const t of transactions) fake.pay(t.transaction_number);
    const answers = await Promise.all(
      transactions.flatMap((t) => [t, t]).map((t) => notify(fake.notification(t.transaction_number))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
    expect((await ssAccount()).balance).toBe(before + 150_000);

    const details = await Promise.all(
      transactions.map(
        async (t) =>
          (await app.request('GET', `${API}/savings/transactions/${t.id}`, { token })).body.data.transaction,
      ),
    );
    // each moved its balance by its amount, and one after the other: from the balance before to the last
    const steps = details
      .map((d) => ({ from: d.balance_before, to: d.balance_after, amount: d.amount, status: d.status }))
      .sort((a, b) => a.from - b.from);
    for (const step of steps)
      expect(step).toMatchObject({ to: step.from + step.amount, status: 'completed' });
    expect(steps[0]!.from).toBe(before);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.from).toBe(steps[i - 1]!.to);
  });

  it('keeps a settled deposit settled when a late pending notification arrives', async () => {
    const transaction = await deposit(50_000);
    fake.pay(transaction.transaction_number);
    expect((await notify(fake.notification(transaction.transaction_number))).status).toBe(200);
    const settled = (await ssAccount()).balance;

    const late = fake.notification(transaction.transaction_number, { transaction_status: 'pending' });
    expect((await notify(late)).status).toBe(200);
    expect((await ssAccount()).balance).toBe(settled);
    const detail = await app.request('GET', `${API}/savings/transactions/${transaction.id}`, { token });
    expect(detail.body.data.transaction.status).toBe('completed');
  });
});
