import { BATCH_STATUSES } from '@komisi/domain';
import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { tenantColumn } from '../tenancy/tenant.entity.ts';

/** The programmes a cooperative runs in batches; each kind numbers its batches and participants its own way. */
export const PROGRAMME_KINDS = ['fit_challenge'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

/** What a batch's programme consists of, shown as the administrator wrote it. */
export interface ProgramDetails {
  duration_weeks: number;
  sessions_per_week: number;
  session_duration_minutes: number;
  includes: string[];
}

/**
 * One run of a programme (a Fit Challenge batch): its calendar (local days of the tenant), its places
 * and fees. `status` holds the administrator's word (draft, open, cancelled); members see open, active
 * and completed derived from the dates (`batchStatus`).
 */
export const ProgrammeBatch = defineEntity({
  name: 'ProgrammeBatch',
  tableName: 'programme_batch',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    publicId: p.uuid().unique(),
    kind: p.enum(PROGRAMME_KINDS),
    batchNumber: p.string().length(20),
    name: p.string().length(200),
    description: p.string().length(2000).nullable(),
    startDate: p.date(),
    endDate: p.date(),
    registrationStartDate: p.date(),
    registrationEndDate: p.date(),
    maxParticipants: p.integer(),
    /** how many may wait for a place once the batch is full (0: no waitlist) */
    waitlistLimit: p.integer(),
    programFee: p.bigint('number'),
    earlyBirdFee: p.bigint('number').nullable(),
    earlyBirdDeadline: p.date().nullable(),
    venueName: p.string().length(200).nullable(),
    venueAddress: p.string().length(500).nullable(),
    trainerNames: p.json<string[]>().default('[]'),
    programDetails: p.json<ProgramDetails>(),
    status: p.enum(BATCH_STATUSES).default('draft'),
    createdBy: p.integer().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['tenant', 'batchNumber'] }],
  indexes: [{ name: 'programme_batch_start_idx', properties: ['tenant', 'kind', 'startDate'] }],
});
export type ProgrammeBatch = InferEntity<typeof ProgrammeBatch>;
