import { DomainError } from '@komisi/domain';
import { boundRow, sql } from '../../kernel/bound-sql.ts';
import { type Scope, toSafeInteger } from '../../kernel/scope.ts';
import { LedgerAccounts } from '../ledger/ledger.service.ts';
import type { Payment } from '../payments/payment.entity.ts';
import { SavingsCompanyAccounts } from './savings-ledger.ts';

/** The deposit the statement credited (or found credited before: `credited` false). */
export interface CreditedDeposit {
  transactionNumber: string;
  credited: boolean;
}

interface CreditRow {
  transaction_number: string;
  amount: string | number;
  unique_code: number;
  ready: boolean;
  entry_id: number | null;
}

/**
 * Credits the deposit a settled payment names, in one statement, with the effects `LedgerService.post`
 * and three more statements would have (the savings account's row lock, the entry, the ledger
 * accounts, the postings, the running balance, the completed transaction with its balances):
 *
 * - the deposit is read in the CTE that locks its savings account's row (`lockSavingsAccount`), and
 *   every later CTE depends on it, so the balance moves only under that lock;
 * - the entry is posted once under `savings-deposit:{id}:credited`, and only when the payment pays
 *   exactly amount + unique code (the caller refuses the rest);
 * - deposits-received gives the payment's amount, the savings account takes the deposit's amount,
 *   the unique code goes to other income; the savings ledger account's running balance moves in an
 *   upsert (made on its first posting) that returns the balance it leaves: the member's balance
 *   after, exact under the lock, and before = after − amount;
 * - a counterpart account a concurrent first posting created is not in this statement's snapshot:
 *   then nothing is posted (`ready` false) and the statement runs once more, when it is visible.
 */
export async function creditDeposit(
  tx: Scope,
  payment: Payment,
  gatewayResponse: Record<string, unknown>,
): Promise<CreditedDeposit> {
  const tenantId = tx.tenant.id;
  const received = LedgerAccounts.depositsReceived;
  const income = SavingsCompanyAccounts.uniqueCodeIncome;
  const statement = sql`
    with deposit as (
      select t.id, t.transaction_number, t.savings_account_id, t.owner_account_id, t.amount, t.unique_code,
             ${payment.amount}::bigint = t.amount + t.unique_code as matches
        from savings_transaction t
        join savings_account a on a.tenant_id = t.tenant_id and a.id = t.savings_account_id
       where t.tenant_id = ${tenantId} and t.id = ${payment.subjectId}
      for update of a
    ), line as (
      select ${received.code}::text as code, ${received.kind}::text as kind, ${payment.amount}::bigint as amount
        from deposit
      union all
      select ${income.code}::text, ${income.kind}::text, -deposit.unique_code::bigint from deposit
    ), created as (
      insert into ledger_account (tenant_id, code, kind, currency, owner_account_id, running_balance, created_at)
      select ${tenantId}::int, code, kind, ${tx.tenant.currency}::text, null::int, null::bigint, ${tx.now}::timestamptz
        from line where amount <> 0
      on conflict (tenant_id, code) do nothing returning id, code
    ), found as (
      select id, code from created
      union all
      select id, code from ledger_account
       where tenant_id = ${tenantId} and code = any(${[received.code, income.code]}::text[])
    ), resolved as (
      select (select f.id from found f where f.code = line.code limit 1) as account_id, line.amount
        from line where line.amount <> 0
    ), ready as (
      select coalesce(bool_and(account_id is not null), true) as ok from resolved
    ), entry as (
      insert into ledger_entry (tenant_id, idempotency_key, description, created_at)
      select ${tenantId}, 'savings-deposit:' || deposit.id || ':credited',
             'Deposit ' || deposit.transaction_number || ' credited', ${tx.now}
        from deposit, ready where ready.ok and deposit.matches
      on conflict (tenant_id, idempotency_key) do nothing returning id
    ), balance as (
      -- the savings ledger account (savingsLedger: a liability with a running balance)
      insert into ledger_account as a (tenant_id, code, kind, currency, owner_account_id, running_balance, created_at)
      select ${tenantId}, 'savings:' || deposit.savings_account_id, 'liability', ${tx.tenant.currency},
             deposit.owner_account_id, -deposit.amount, ${tx.now}
        from deposit, entry
      on conflict (tenant_id, code) do update set running_balance = a.running_balance + excluded.running_balance
      returning id, running_balance
    ), posted as (
      insert into ledger_posting (tenant_id, entry_id, ledger_account_id, amount)
      select ${tenantId}::int, entry.id, resolved.account_id, resolved.amount from entry, resolved
      union all
      select ${tenantId}::int, entry.id, balance.id, -deposit.amount
        from entry, balance, deposit where deposit.amount <> 0
    ), completed as (
      -- a deposit failed or cancelled meanwhile is still credited: the member's money did arrive
      update savings_transaction t
         set status = 'completed', processed_at = ${tx.now}, processed_by = null,
             balance_after = 0 - balance.running_balance,
             balance_before = 0 - balance.running_balance - deposit.amount,
             gateway_response = ${JSON.stringify(gatewayResponse)}::jsonb,
             notes = 'Transaction completed automatically via payment gateway', updated_at = ${tx.now}
        from deposit, balance
       where t.tenant_id = ${tenantId} and t.id = deposit.id
    )
    select deposit.transaction_number, deposit.amount, deposit.unique_code,
           (select ok from ready) as ready, (select id from entry) as entry_id
      from deposit`;
  for (let attempt = 1; ; attempt++) {
    const row = payment.subjectId === null ? undefined : await boundRow<CreditRow>(tx, statement);
    if (!row) throw new DomainError('INTERNAL_ERROR', `payment ${payment.id} names no savings deposit`);
    if (payment.amount !== toSafeInteger(row.amount) + toSafeInteger(row.unique_code)) {
      throw new DomainError('INTERNAL_ERROR', `deposit ${row.transaction_number} does not match its payment`);
    }
    if (row.ready) return { transactionNumber: row.transaction_number, credited: row.entry_id !== null };
    if (attempt === 2) {
      throw new DomainError(
        'INTERNAL_ERROR',
        `deposit ${row.transaction_number}: a ledger account is missing`,
      );
    }
  }
}
