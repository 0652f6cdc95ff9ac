import { SAVINGS_TRANSACTION_STATES, type SavingsTransactionState } from '@komisi/domain';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Account } from '../identity/account.entity.ts';
import { tenantColumn } from '../tenancy/tenant.entity.ts';
import { SavingsAccount } from './savings-account.entity.ts';

/** pending, processing, completed, failed, cancelled (§10.1) */
export const SAVINGS_TRANSACTION_STATUSES = SAVINGS_TRANSACTION_STATES;
export type SavingsTransactionStatus = SavingsTransactionState;
export const SAVINGS_TRANSACTION_CATEGORIES = ['deposit', 'withdrawal', 'interest', 'bonus'] as const;
export type SavingsTransactionCategory = (typeof SAVINGS_TRANSACTION_CATEGORIES)[number];

/**
 * One deposit, withdrawal, interest credit or bonus on a savings account, as the member and the
 * reports see it. The money itself moves in the ledger, under the transaction's own keys.
 */
export const SavingsTransaction = defineEntity({
  name: 'SavingsTransaction',
  tableName: 'savings_transaction',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    publicId: p.uuid().unique(),
    transactionNumber: p.string().length(20),
    savingsAccount: () => p.manyToOne(SavingsAccount).mapToPk().fieldName('savings_account_id'),
    owner: () => p.manyToOne(Account).mapToPk().fieldName('owner_account_id'),
    /** SP_DEPOSIT, SW_DEPOSIT, SS_DEPOSIT, SS_WITHDRAWAL, SS_INTEREST, REFERRAL_BONUS… */
    typeCode: p.string().length(32),
    category: p.enum(SAVINGS_TRANSACTION_CATEGORIES),
    /** what the account gains or loses, in rupiah */
    amount: p.bigint('number'),
    /** the transfer's unique code (deposits), paid on top of `amount` and recorded apart from it */
    uniqueCode: p.integer().default(0),
    description: p.string().length(500).nullable(),
    balanceBefore: p.bigint('number'),
    balanceAfter: p.bigint('number'),
    paymentMethod: p.string().length(32).nullable(),
    paymentReference: p.string().length(64).nullable(),
    paymentId: p.integer().nullable(),
    status: p.enum(SAVINGS_TRANSACTION_STATUSES).default('pending'),
    /** where a withdrawal is paid: `{ bank_name, account_number, account_name }` */
    bankAccount: p.json<Record<string, string>>().nullable(),
    gatewayResponse: p.json<Record<string, unknown>>().nullable(),
    processedAt: p.datetime().nullable(),
    processedBy: p.integer().nullable(),
    notes: p.string().length(1000).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['tenant', 'transactionNumber'] }],
  indexes: [
    { name: 'savings_transaction_owner_idx', properties: ['tenant', 'owner', 'createdAt'] },
    { name: 'savings_transaction_account_idx', properties: ['tenant', 'savingsAccount', 'createdAt'] },
    { name: 'savings_transaction_created_idx', properties: ['tenant', 'createdAt'] },
    // the administrators' withdrawal queue: what waits first, by status and request time
    {
      name: 'savings_transaction_withdrawal_idx',
      expression:
        'create index "savings_transaction_withdrawal_idx" on "savings_transaction" ("tenant_id", "status", "created_at") where category = \'withdrawal\'',
    },
  ],
});
export type SavingsTransaction = InferEntity<typeof SavingsTransaction>;
