import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Account } from '../identity/account.entity.ts';
import { LedgerEntry } from '../ledger/ledger.entity.ts';
import { tenantColumn } from '../tenancy/tenant.entity.ts';

export const COMMISSION_KINDS = ['stockist', 'network', 'membership', 'affiliate'] as const;
export type CommissionKind = (typeof COMMISSION_KINDS)[number];

/** The business record of one earning; its money is the ledger entry it points to. */
export const Commission = defineEntity({
  name: 'Commission',
  tableName: 'commission',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    beneficiary: () => p.manyToOne(Account).mapToPk().fieldName('beneficiary_id'),
    kind: p.enum(COMMISSION_KINDS),
    level: p.string().length(32),
    rateBps: p.integer(),
    amount: p.bigint('number'),
    description: p.string().length(300),
    orderId: p.integer().nullable(),
    referenceType: p.enum(['order', 'membership'] as const),
    referenceId: p.integer(),
    ledgerEntry: () => p.manyToOne(LedgerEntry).mapToPk().fieldName('ledger_entry_id'),
    /** set when the order was cancelled or refunded and the commission posted back */
    reversedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['tenant', 'referenceType', 'referenceId', 'level'] }],
  indexes: [
    { name: 'commission_beneficiary_idx', properties: ['tenant', 'beneficiary', 'createdAt'] },
    { name: 'commission_order_idx', properties: ['tenant', 'orderId'] },
    // the admin console's commissions per day (reporting): a tenant's commissions by when they were earned
    { name: 'commission_created_idx', properties: ['tenant', 'createdAt'] },
  ],
});
export type Commission = InferEntity<typeof Commission>;
