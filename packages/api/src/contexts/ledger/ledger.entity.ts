import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { tenantColumn } from '../tenancy/tenant.entity.ts';

export const LEDGER_ACCOUNT_KINDS = ['asset', 'liability', 'expense', 'revenue', 'equity'] as const;
export type LedgerAccountKind = (typeof LEDGER_ACCOUNT_KINDS)[number];

export const LedgerAccount = defineEntity({
  name: 'LedgerAccount',
  tableName: 'ledger_account',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    /** stable name, e.g. `member:42:commissions` or `company:commission-expense` */
    code: p.string().length(200),
    kind: p.enum(LEDGER_ACCOUNT_KINDS),
    currency: p.string().length(3),
    ownerAccountId: p.integer().nullable(),
    /**
     * Debits minus credits so far, kept by each posting's transaction for accounts read often
     * (an affiliate's balances); null for the others, whose balance is summed from the postings.
     */
    runningBalance: p.bigint('number').nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['tenant', 'code'] }],
});
export type LedgerAccount = InferEntity<typeof LedgerAccount>;

/** One business event. The idempotency key makes a replayed event post nothing. */
export const LedgerEntry = defineEntity({
  name: 'LedgerEntry',
  tableName: 'ledger_entry',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    idempotencyKey: p.string().length(200),
    description: p.string().length(500),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['tenant', 'idempotencyKey'] }],
});
export type LedgerEntry = InferEntity<typeof LedgerEntry>;

/** Debits positive, credits negative; the postings of one entry sum to zero. */
export const LedgerPosting = defineEntity({
  name: 'LedgerPosting',
  tableName: 'ledger_posting',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    entry: () => p.manyToOne(LedgerEntry).mapToPk().fieldName('entry_id').index(),
    ledgerAccount: () => p.manyToOne(LedgerAccount).mapToPk().fieldName('ledger_account_id').index(),
    amount: p.bigint('number'),
  },
});
export type LedgerPosting = InferEntity<typeof LedgerPosting>;
