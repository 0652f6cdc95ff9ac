import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { tenantColumn } from '../tenancy/tenant.entity.ts';
import { ProgrammeParticipant } from './programme-participant.entity.ts';

/**
 * A participant's weekly check-in (one per week). Measurements are whole hundredths (73.2 kg → 7320,
 * 18.5 % → 1850); the photos are private files (`progress_photo`) shown through short-lived links.
 */
export const ProgressCheckIn = defineEntity({
  name: 'ProgressCheckIn',
  tableName: 'programme_check_in',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    publicId: p.uuid().unique(),
    participant: () => p.manyToOne(ProgrammeParticipant).mapToPk().fieldName('participant_id'),
    weekNumber: p.integer(),
    checkInDate: p.date(),
    weight: p.integer(),
    bodyFat: p.integer().nullable(),
    chest: p.integer().nullable(),
    waist: p.integer().nullable(),
    hip: p.integer().nullable(),
    workoutsCompleted: p.integer(),
    workoutsPlanned: p.integer(),
    /** 1 to 10 */
    nutritionScore: p.integer(),
    notes: p.string().length(1000).nullable(),
    photoFrontFileId: p.integer().nullable(),
    photoSideFileId: p.integer().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ name: 'programme_check_in_week_unique', properties: ['participant', 'weekNumber'] }],
});
export type ProgressCheckIn = InferEntity<typeof ProgressCheckIn>;
