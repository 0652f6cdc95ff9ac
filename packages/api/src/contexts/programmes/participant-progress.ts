import {
  type BatchStatus,
  batchStatus,
  completionPercentage,
  currentWeek,
  localDate,
  nextCheckInDate,
  type ParticipationStatus,
  participationStatusOn,
} from '@komisi/domain';
import type { Scope } from '../../kernel/scope.ts';
import type { ProgrammeBatch } from './programme-batch.entity.ts';
import type { ProgrammeParticipant } from './programme-participant.entity.ts';

/** Where a participant stands in the programme today (in the tenant's calendar). */
export interface ParticipantStanding {
  batchStatus: BatchStatus;
  participationStatus: ParticipationStatus;
  currentWeek: number;
  completionPercentage: number;
  /** the next check-in day of a participant taking part; null otherwise or after the last week */
  nextCheckInDate: string | null;
}

export function standingOf(scope: Scope, participant: ProgrammeParticipant, batch: ProgrammeBatch) {
  const today = localDate(scope.now, scope.tenant.timeZone);
  const status = batchStatus(batch.status, batch, today);
  const participation = participationStatusOn(participant.participationStatus, status);
  return {
    batchStatus: status,
    participationStatus: participation,
    currentWeek: currentWeek(batch, today),
    completionPercentage: completionPercentage(batch, today),
    nextCheckInDate: participation === 'active' ? nextCheckInDate(batch, today) : null,
  } satisfies ParticipantStanding;
}
