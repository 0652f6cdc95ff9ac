// Cooperative members and savings transactions written straight into the tables (as the member and
// savings flows leave them), for the reports' tests: completed money is posted to the ledger.
import { randomBytes, randomUUID } from 'node:crypto';
import type { SavingsCode, SavingsTransactionState } from '@komisi/domain';
import type { Services } from '../../composition/services.ts';
import type { MembershipStatus } from '../../contexts/cooperative/cooperative-member.entity.ts';
import type { AccountRef } from '../../contexts/ledger/ledger.service.ts';
import { savingsLedger } from '../../contexts/savings/savings-ledger.ts';
import type { SavingsTransactionCategory } from '../../contexts/savings/savings-transaction.entity.ts';
import { nextTransactionNumber } from '../../contexts/savings/transaction-numbers.ts';
import type { Scope } from '../../kernel/scope.ts';

export interface TestMember {
  accountId: number;
  memberNumber: string;
  name: string;
  /** the member's savings account per product */
  accounts: Record<SavingsCode, { id: number; owner: number }>;
}

export interface TestTransaction {
  product: SavingsCode;
  typeCode: string;
  category: SavingsTransactionCategory;
  amount: number;
  status: SavingsTransactionState;
  createdAt: Date;
}

/** Where deposits come from and withdrawals go (the gateway's clearing account). */
const CLEARING: AccountRef = { code: 'company:clearing:test-bank', kind: 'asset' };

let counter = 0;

export function savingsData(services: Services, scope: Scope) {
  const moveMoney = async (member: TestMember, t: TestTransaction, id: number) => {
    const sign = t.category === 'withdrawal' ? 1 : -1;
    await services.ledger.post(scope, `test-savings-transaction:${id}`, t.typeCode, [
      { account: savingsLedger(member.accounts[t.product]), amount: sign * t.amount },
      { account: CLEARING, amount: -sign * t.amount },
    ]);
  };

  return {
    /** An identity account, its cooperative member row and its three savings accounts. */
    async member(
      name: string,
      options: { joinedAt?: Date; status?: MembershipStatus; memberNumber?: string } = {},
    ): Promise<TestMember> {
      const n = ++counter;
      const tag = `${Date.now().toString(36)}${n}${randomBytes(2).toString('hex')}`;
      const account = await services.identity.createAccount(scope, {
        email: `member.${tag}@example.com`,
        password: 'password123',
        name,
      });
      const memberNumber = options.memberNumber ?? `SIN-2024-${String(n).padStart(6, '0')}${tag.slice(-2)}`;
      const joinedAt = options.joinedAt ?? scope.now;
      await scope.em.execute(
        `insert into cooperative_member (tenant_id, public_id, account_id, member_number, nik_sealed, nik_digest,
           nik_masked, date_of_birth, gender, address, membership_status, kyc_status, referral_code, join_date,
           created_at, updated_at)
         values (?, ?, ?, ?, 'sealed', ?, '350201******0001', '1990-01-01', 'male', 'Surabaya', ?, 'verified', ?, ?, ?, ?)`,
        [
          scope.tenant.id,
          randomUUID(),
          account.id,
          memberNumber,
          randomBytes(32).toString('hex'),
          options.status ?? 'active',
          `REF${tag}`.slice(0, 16),
          joinedAt,
          joinedAt,
          joinedAt,
        ],
      );
      const opened = await services.savingsAccounts.openAccounts(scope, account.id);
      const accounts = Object.fromEntries(
        opened.map((o) => [o.product.code, { id: o.account.id, owner: account.id }]),
      ) as TestMember['accounts'];
      return { accountId: account.id, memberNumber, name, accounts };
    },

    /** A transaction row; a completed one has moved its money on the ledger. Returns its id. */
    async transaction(member: TestMember, t: TestTransaction): Promise<number> {
      const [row] = await scope.em.execute<{ id: number }[]>(
        `insert into savings_transaction (tenant_id, public_id, transaction_number, savings_account_id, owner_account_id,
           type_code, category, amount, balance_before, balance_after, status, processed_at, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?) returning id`,
        [
          scope.tenant.id,
          randomUUID(),
          await nextTransactionNumber(scope),
          member.accounts[t.product].id,
          member.accountId,
          t.typeCode,
          t.category,
          t.amount,
          t.status,
          t.status === 'completed' ? t.createdAt : null,
          t.createdAt,
          t.createdAt,
        ],
      );
      if (t.status === 'completed') await moveMoney(member, t, row!.id);
      return row!.id;
    },

    /** Settles or fails a pending transaction as the flows do (the money moves when it completes). */
    async settle(member: TestMember, t: TestTransaction, id: number, status: SavingsTransactionState) {
      await scope.em.execute(
        'update savings_transaction set status = ?, processed_at = ?, updated_at = ? where tenant_id = ? and id = ?',
        [status, scope.now, scope.now, scope.tenant.id, id],
      );
      if (status === 'completed') await moveMoney(member, t, id);
    },
  };
}

export type SavingsData = ReturnType<typeof savingsData>;
