import { createHash } from 'node:crypto';
import { checkDepositSettlements } from './checks.ts';
import type { KoperasiFixture } from './generate-koperasi.ts';
import type { PendingDeposit } from './generate-koperasi-deposits.ts';
import type { KoperasiSaver } from './generate-koperasi-savers.ts';
import type { Call, Scenario } from './scenarios.ts';
import { settings } from './settings.ts';

/** The bench cooperative (the larger generated one) with its savers and pending deposits. */
export interface BenchCooperative extends KoperasiFixture {
  savers: KoperasiSaver[];
  /** awaiting their Midtrans payment, oldest first; deposit-settlement consumes them from the front */
  deposits: PendingDeposit[];
}

const JAKARTA_MS = 7 * 3_600_000;
/** A local day of the cooperative (Asia/Jakarta), `offset` days from today. */
const localDay = (offset: number) =>
  new Date(Date.now() + JAKARTA_MS + offset * 86_400_000).toISOString().slice(0, 10);
/** Midtrans' clock: Jakarta time, `2024-09-29 15:30:00`. */
const jakartaTime = (at: Date) =>
  new Date(at.getTime() + JAKARTA_MS).toISOString().slice(0, 19).replace('T', ' ');

const SEARCHES = ['siti', 'budi santoso', 'dewi', 'sin 0001', 'rina wijaya', 'agus'];

/** The i-th administrator's view of the member list: filters, a search, a sort, a page. */
function memberListQuery(i: number): string {
  const q = new URLSearchParams();
  const page = String(1 + ((i >> 3) % 5));
  switch (i % 8) {
    case 0:
      q.set('page', page);
      break;
    case 1:
      q.set('status', 'active');
      q.set('sort_by', 'full_name');
      q.set('sort_order', 'asc');
      q.set('page', page);
      break;
    case 2:
      q.set('kyc_status', 'pending');
      q.set('sort_by', 'created_at');
      q.set('sort_order', 'asc');
      break;
    case 3:
      q.set('search', SEARCHES[(i >> 3) % SEARCHES.length]!);
      break;
    case 4:
      q.set('search', SEARCHES[(i >> 3) % SEARCHES.length]!);
      q.set('status', 'active');
      q.set('sort_by', 'member_number');
      q.set('limit', '50');
      break;
    case 5:
      q.set('status', 'pending');
      q.set('kyc_status', 'rejected');
      break;
    case 6:
      q.set('sort_by', 'member_number');
      q.set('sort_order', 'desc');
      q.set('limit', '100');
      q.set('page', page);
      break;
    default:
      q.set('status', 'suspended');
      q.set('sort_by', 'full_name');
      q.set('page', page);
  }
  return q.toString();
}

/** The i-th filtered history: an account, a type, a status, a date range, alone or together. */
function historyQuery(saver: KoperasiSaver, i: number): string {
  const q = new URLSearchParams();
  switch (i % 5) {
    case 0:
      q.set('account_id', saver.savingsAccounts.SS);
      q.set('type', 'deposit');
      break;
    case 1:
      q.set('type', 'withdrawal');
      q.set('status', 'completed');
      break;
    case 2:
      q.set('account_id', saver.savingsAccounts.SW);
      q.set('start_date', localDay(-180));
      q.set('end_date', localDay(0));
      break;
    case 3:
      q.set('status', 'completed');
      q.set('start_date', localDay(-365));
      q.set('end_date', localDay(-90));
      q.set('type', 'deposit');
      break;
    default:
      q.set('account_id', saver.savingsAccounts.SS);
      q.set('status', 'completed');
      q.set('start_date', localDay(-90));
      q.set('end_date', localDay(0));
  }
  return q.toString();
}

/** Midtrans' HTTP notification that the deposit's payment settled, signed with the server key. */
export function settlementNotification(d: PendingDeposit, serverKey: string): string {
  const grossAmount = d.grossAmount.toFixed(2);
  const signature = createHash('sha512')
    .update(`${d.orderId}200${grossAmount}${serverKey}`, 'utf8')
    .digest('hex');
  return JSON.stringify({
    transaction_time: jakartaTime(d.createdAt),
    transaction_status: 'settlement',
    transaction_id: d.transactionId,
    status_message: 'midtrans payment notification',
    status_code: '200',
    signature_key: signature,
    settlement_time: jakartaTime(new Date(d.createdAt.getTime() + 60_000)),
    payment_type: 'bank_transfer',
    order_id: d.orderId,
    merchant_id: 'G123456789',
    gross_amount: grossAmount,
    fraud_status: 'accept',
    currency: 'IDR',
    va_numbers: [{ bank: 'bca', va_number: d.vaNumber }],
  });
}

/** admin-members, member-transactions(-filtered) and deposit-settlement on the bench cooperative. */
export function koperasiScenarios(k: BenchCooperative): Scenario[] {
  const api = `/t/${k.slug}/api`;
  const savers = k.savers;
  const saverOf = (i: number) => savers[i % savers.length]!;
  let nextDeposit = 0;
  let depositsOut = false;
  const handedOut: string[] = [];
  const history = (saver: KoperasiSaver, query: string): Call => ({
    method: 'GET',
    path: `${api}/savings/transactions${query ? `?${query}` : ''}`,
    headers: { authorization: `Bearer ${saver.token}` },
  });
  const historyTitle = `${savers.length} members with ${settings.koperasiSaverTransactions} transactions each, in turn`;
  return [
    {
      name: 'admin-members',
      title: `GET koperasi /admin/members (status, KYC, search, sort, pages; ${k.members.toLocaleString('en')} members, ${k.transactions.toLocaleString('en')} savings transactions)`,
      sameBody: true,
      call: (i) => ({
        method: 'GET',
        path: `${api}/admin/members?${memberListQuery(i)}`,
        headers: { authorization: `Bearer ${k.adminTokens[i % k.adminTokens.length]}` },
      }),
    },
    {
      name: 'member-transactions',
      title: `GET koperasi /savings/transactions (first page, 20 a page; ${historyTitle})`,
      sameBody: true,
      call: (i) => history(saverOf(i), ''),
    },
    {
      name: 'member-transactions-filtered',
      title: `GET koperasi /savings/transactions (account, type, status, date range; ${historyTitle})`,
      sameBody: true,
      call: (i) => history(saverOf(i), historyQuery(saverOf(i), Math.floor(i / savers.length) + i)),
    },
    {
      name: 'deposit-settlement',
      title: `POST koperasi /webhooks/midtrans (settlement of a pending Simpanan Sukarela deposit, signed; status asked of a fake Midtrans; ${k.deposits.length.toLocaleString('en')} deposits ready)`,
      sameBody: true,
      limit: true,
      consumption: () => ({ used: handedOut.length, exhausted: depositsOut }),
      check: () => checkDepositSettlements(k.tenantId, handedOut),
      call: () => {
        // every request settles a deposit nobody settled before; once they run out, the first again (a duplicate)
        const deposit = k.deposits[nextDeposit++];
        if (deposit) handedOut.push(deposit.orderId);
        else depositsOut = true;
        return {
          method: 'POST',
          path: `${api}/webhooks/midtrans`,
          headers: { 'content-type': 'application/json' },
          body: settlementNotification(deposit ?? k.deposits[0]!, settings.midtransServerKey),
        };
      },
    },
  ];
}
