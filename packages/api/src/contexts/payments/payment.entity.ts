import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Account } from '../identity/account.entity.ts';
import { tenantColumn } from '../tenancy/tenant.entity.ts';

export const PAYMENT_STATUSES = ['pending', 'completed', 'failed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const PAYMENT_PURPOSES = ['membership', 'order', 'programme', 'savings_deposit'] as const;
export type PaymentPurpose = (typeof PAYMENT_PURPOSES)[number];

/** A charge we asked a provider to collect; its status only moves on the provider's word. */
export const Payment = defineEntity({
  name: 'Payment',
  tableName: 'payment',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    account: () => p.manyToOne(Account).mapToPk().fieldName('account_id').index(),
    purpose: p.enum(PAYMENT_PURPOSES),
    /** what the payment settles: an order id, a programme registration id, a savings transaction id; null for memberships */
    subjectId: p.integer().nullable(),
    amount: p.bigint('number'),
    currency: p.string().length(3),
    provider: p.string().length(32),
    requestedMethod: p.string().length(32),
    status: p.enum(PAYMENT_STATUSES).default('pending'),
    /** ours, as the gateway is told it: unique per tenant (an app may use its own numbering, e.g. TXN-2026-000001) */
    merchantReference: p.string().length(64),
    providerReference: p.string().length(128),
    paymentUrl: p.string().length(2000),
    callbackUrl: p.string().length(2000).nullable(),
    details: p.json<Record<string, unknown>>().default('{}'),
    createdAt: p.datetime().onCreate(() => new Date()),
    paidAt: p.datetime().nullable(),
    failedAt: p.datetime().nullable(),
  },
  uniques: [
    { properties: ['provider', 'providerReference'] },
    { properties: ['tenant', 'merchantReference'] },
  ],
});
export type Payment = InferEntity<typeof Payment>;
