import { randomUUID } from 'node:crypto';
import {
  achievements,
  bmi,
  checkCheckInWeek,
  DomainError,
  type Hundredths,
  localDate,
  progressToGoal,
  weightLoss,
  workoutCompletionRate,
} from '@komisi/domain';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Scope } from '../../kernel/scope.ts';
import type { FilesService, FileViewer, Upload, UrlOptions } from '../files/files.service.ts';
import type { ImageRules } from '../files/image-intake.ts';
import { type ParticipantStanding, standingOf } from './participant-progress.ts';
import { ProgrammeBatch } from './programme-batch.entity.ts';
import { ProgrammeParticipant } from './programme-participant.entity.ts';
import { ProgressCheckIn } from './progress-check-in.entity.ts';

/** Progress photos: JPEG or PNG, at most 5 MB (the image intake's limit), at least 800×600 either way up (§10.3). */
export const PROGRESS_PHOTO_RULES: ImageRules = { minLongEdge: 800, minShortEdge: 600 };

export interface CheckInInput {
  /** the participant's public id */
  participantId: string;
  weekNumber: number;
  weight: Hundredths;
  bodyFat: Hundredths | null;
  chest: Hundredths | null;
  waist: Hundredths | null;
  hip: Hundredths | null;
  workoutsCompleted: number;
  workoutsPlanned: number;
  nutritionScore: number;
  notes: string | null;
  photoFront: Upload | null;
  photoSide: Upload | null;
}

export interface SubmittedCheckIn {
  checkIn: ProgressCheckIn;
  /** workouts done of those planned, percent with one decimal */
  completionRate: number;
}

export interface ProgressReport {
  participant: ProgrammeParticipant;
  batch: ProgrammeBatch;
  standing: ParticipantStanding;
  initial: { weight: Hundredths; height: Hundredths; target: Hundredths; bmi: number };
  /** the latest check-in's figures (the initial ones before any) */
  current: { weight: Hundredths; weightLoss: Hundredths; bmi: number; progressToGoal: number };
  checkIns: ProgressCheckIn[];
  achievements: string[];
}

const participantNotFound = () =>
  new DomainError('NOT_FOUND', 'Participant not found', { details: { code: 'PARTICIPANT_NOT_FOUND' } });

/** Weekly check-ins of a batch's participants and the progress they add up to. */
export class ProgrammeProgressService {
  readonly #files: FilesService;

  constructor(files: FilesService) {
    this.#files = files;
  }

  /** The member's own participation by its public id; anyone else's is 404, as if it did not exist. */
  async participantOf(scope: Scope, accountId: number, publicId: string): Promise<ProgrammeParticipant> {
    const participant = await scope.em.findOne(ProgrammeParticipant, { publicId, account: accountId });
    if (!participant) throw participantNotFound();
    return participant;
  }

  /**
   * Records a week's check-in of a paid, active participant: a week of the programme that has begun
   * (422 naming `week_number`), once (409 PROGRESS_ALREADY_SUBMITTED). The photos go through the image
   * intake (422 naming the field) and are stored privately before the row; removed if it fails.
   */
  async submit(scope: Scope, accountId: number, input: CheckInInput): Promise<SubmittedCheckIn> {
    const participant = await this.participantOf(scope, accountId, input.participantId);
    if (participant.participationStatus !== 'active' || participant.paymentStatus !== 'completed') {
      throw new DomainError('RULE_VIOLATION', 'Only an active participant who has paid can submit progress', {
        details: { code: 'PARTICIPANT_NOT_ACTIVE' },
        fields: { participant_id: ['is not an active, paid participant'] },
      });
    }
    const batch = await scope.em.findOneOrFail(ProgrammeBatch, { id: participant.batch });
    const today = localDate(scope.now, scope.tenant.timeZone);
    checkCheckInWeek(batch, input.weekNumber, today);
    const completionRate = workoutCompletionRate(input.workoutsCompleted, input.workoutsPlanned);
    if (
      await scope.em.count(ProgressCheckIn, { participant: participant.id, weekNumber: input.weekNumber })
    ) {
      throw alreadySubmitted();
    }
    const photos: number[] = [];
    try {
      const front = await this.#storePhoto(scope, accountId, input.photoFront, 'progress_photo_front');
      if (front !== null) photos.push(front);
      const side = await this.#storePhoto(scope, accountId, input.photoSide, 'progress_photo_side');
      if (side !== null) photos.push(side);
      const checkIn = scope.em.create(ProgressCheckIn, {
        tenant: scope.tenant.id,
        publicId: randomUUID(),
        participant: participant.id,
        weekNumber: input.weekNumber,
        checkInDate: today,
        weight: input.weight,
        bodyFat: input.bodyFat,
        chest: input.chest,
        waist: input.waist,
        hip: input.hip,
        workoutsCompleted: input.workoutsCompleted,
        workoutsPlanned: input.workoutsPlanned,
        nutritionScore: input.nutritionScore,
        notes: input.notes,
        photoFrontFileId: front,
        photoSideFileId: side,
        createdAt: scope.now,
      });
      await scope.em.flush();
      return { checkIn, completionRate };
    } catch (e) {
      for (const id of photos) await this.#files.remove(scope, id).catch(() => undefined);
      if (e instanceof UniqueConstraintViolationException) throw alreadySubmitted();
      throw e;
    }
  }

  async #storePhoto(scope: Scope, accountId: number, upload: Upload | null, field: string) {
    if (!upload) return null;
    const file = await this.#files.storeImage(scope, {
      ownerAccountId: accountId,
      purpose: 'progress_photo',
      upload: { ...upload, field },
      rules: PROGRESS_PHOTO_RULES,
    });
    return file.id;
  }

  /** Short-lived links to a check-in's photos, for its participant (or an administrator). */
  async photoLinks(scope: Scope, checkIn: ProgressCheckIn, viewer: FileViewer, options: UrlOptions) {
    const link = (id: number | null | undefined) =>
      id == null ? null : this.#files.signedUrl(scope, id, viewer, options);
    return { front: await link(checkIn.photoFrontFileId), side: await link(checkIn.photoSideFileId) };
  }

  /** The member's own participation with its check-ins, figures and achievements (another's: 404). */
  async report(scope: Scope, accountId: number, participantId: string): Promise<ProgressReport> {
    const participant = await this.participantOf(scope, accountId, participantId);
    const batch = await scope.em.findOneOrFail(ProgrammeBatch, { id: participant.batch });
    const checkIns = await scope.em.find(
      ProgressCheckIn,
      { participant: participant.id },
      { orderBy: { weekNumber: 'asc' } },
    );
    const start = { weight: participant.initialWeight, target: participant.targetWeight };
    const latest = checkIns.at(-1)?.weight ?? start.weight;
    return {
      participant,
      batch,
      standing: standingOf(scope, participant, batch),
      initial: {
        ...start,
        height: participant.initialHeight,
        bmi: bmi(start.weight, participant.initialHeight),
      },
      current: {
        weight: latest,
        weightLoss: weightLoss(start.weight, latest),
        bmi: bmi(latest, participant.initialHeight),
        progressToGoal: progressToGoal(start.weight, start.target, latest),
      },
      checkIns,
      achievements: achievements(start, checkIns),
    };
  }
}

const alreadySubmitted = () =>
  new DomainError('CONFLICT', 'Progress for this week has already been submitted', {
    details: { code: 'PROGRESS_ALREADY_SUBMITTED' },
    fields: { week_number: ['has already been submitted'] },
  });
