import { PARTICIPATION_STATUSES } from '@komisi/domain';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { Account } from '../identity/account.entity.ts';
import { PAYMENT_STATUSES } from '../payments/payment.entity.ts';
import { tenantColumn } from '../tenancy/tenant.entity.ts';
import { ProgrammeBatch } from './programme-batch.entity.ts';

/**
 * A member's registration for a batch (one per member and batch). Measurements are whole hundredths
 * (75.5 kg → 7550, 170.0 cm → 17000): two decimals exactly, never a float.
 */
export const ProgrammeParticipant = defineEntity({
  name: 'ProgrammeParticipant',
  tableName: 'programme_participant',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    publicId: p.uuid().unique(),
    participantNumber: p.string().length(20),
    batch: () => p.manyToOne(ProgrammeBatch).mapToPk().fieldName('batch_id'),
    account: () => p.manyToOne(Account).mapToPk().fieldName('account_id'),
    registeredAt: p.datetime(),
    participationStatus: p.enum(PARTICIPATION_STATUSES),
    paymentStatus: p.enum(PAYMENT_STATUSES).default('pending'),
    /** the fee when registering (early bird or not), rupiah */
    amountDue: p.bigint('number'),
    amountPaid: p.bigint('number').default(0),
    /** the open or settled payment; null on the waitlist and until one is opened */
    paymentId: p.integer().nullable(),
    /** the end of the last day to pay (23:59:59 local); null while no payment is asked for */
    paymentDueAt: p.datetime().nullable(),
    paidAt: p.datetime().nullable(),
    initialWeight: p.integer(),
    initialHeight: p.integer(),
    targetWeight: p.integer(),
    personalGoals: p.string().length(1000).nullable(),
    medicalConditions: p.string().length(1000).nullable(),
    emergencyContactName: p.string().length(200),
    emergencyContactPhone: p.string().length(32),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [
    { name: 'programme_participant_member_unique', properties: ['tenant', 'batch', 'account'] },
    { properties: ['tenant', 'participantNumber'] },
  ],
  indexes: [{ name: 'programme_participant_account_idx', properties: ['tenant', 'account'] }],
});
export type ProgrammeParticipant = InferEntity<typeof ProgrammeParticipant>;
