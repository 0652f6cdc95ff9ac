import { randomUUID } from 'node:crypto';
import {
  type BatchStatus,
  batchStatus,
  checkNewBatch,
  DomainError,
  defaultWaitlistLimit,
  formatBatchNumber,
  localDate,
  type PageWindow,
  pageWindow,
  programmeWeeks,
  yearCounterName,
} from '@komisi/domain';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import { nextSequence } from '../tenancy/tenant.service.ts';
import { type Occupancy, occupancyOf } from './batch-occupancy.ts';
import { type ProgramDetails, ProgrammeBatch } from './programme-batch.entity.ts';

/** A batch as it is shown: its status as members see it and its places. */
export interface BatchView {
  batch: ProgrammeBatch;
  status: BatchStatus;
  occupancy: Occupancy;
  availableSlots: number;
}

export interface BatchFilter {
  /** as members see it (open, active, completed, cancelled) */
  status?: BatchStatus | undefined;
  /** only batches that have not started yet */
  upcoming?: boolean | undefined;
}

export interface NewBatch {
  name: string;
  description: string | null;
  startDate: string;
  endDate: string;
  registrationStartDate: string;
  registrationEndDate: string;
  maxParticipants: number;
  /** null: a tenth of the places, rounded up */
  waitlistLimit: number | null;
  programFee: number;
  earlyBirdFee: number | null;
  earlyBirdDeadline: string | null;
  venueName: string | null;
  venueAddress: string | null;
  trainerNames: string[];
  programDetails?: Partial<ProgramDetails> | undefined;
  /** draft (default) or open at once */
  status?: 'draft' | 'open' | undefined;
}

/** What a Fit Challenge batch includes unless its administrator says otherwise (the document's example). */
export const DEFAULT_PROGRAM_DETAILS: Omit<ProgramDetails, 'duration_weeks'> = Object.freeze({
  sessions_per_week: 3,
  session_duration_minutes: 90,
  includes: [
    'Initial fitness assessment',
    'Personalized workout plan',
    'Nutrition guidance',
    'Weekly progress tracking',
    'Group fitness classes',
    'Final assessment',
    'Completion certificate',
  ],
});

const KIND = 'fit_challenge';

export const batchNotFound = () =>
  new DomainError('NOT_FOUND', 'Batch not found', { details: { code: 'BATCH_NOT_FOUND' } });

/** Fit Challenge batches: listing and details for members, creating and opening for administrators. */
export class ProgrammeBatchesService {
  /** Batches members may see (never drafts), by start date; filtered by status as members see it. */
  async list(scope: Scope, filter: BatchFilter = {}): Promise<BatchView[]> {
    const batches = await scope.em.find(
      ProgrammeBatch,
      { kind: KIND, status: { $ne: 'draft' } },
      { orderBy: { startDate: 'asc', id: 'asc' } },
    );
    const today = localDate(scope.now, scope.tenant.timeZone);
    const views = await this.#views(scope, batches);
    return views.filter(
      (v) =>
        (filter.status === undefined || v.status === filter.status) &&
        (!filter.upcoming || v.batch.startDate > today),
    );
  }

  /**
   * Every batch, drafts included, for the administrators: the latest start first, filtered by status
   * as members would see it, a page at a time. A cooperative runs a few batches a year: they are read
   * whole and the page cut from them (the status depends on today's date, not on a column alone);
   * places are counted for the page's batches only.
   */
  async adminList(
    scope: Scope,
    query: { status?: BatchStatus | undefined; page: number; limit: number },
  ): Promise<{ batches: BatchView[]; window: PageWindow }> {
    const batches = await scope.em.find(
      ProgrammeBatch,
      { kind: KIND },
      { orderBy: { startDate: 'desc', id: 'desc' } },
    );
    const today = localDate(scope.now, scope.tenant.timeZone);
    const matching = batches.filter(
      (b) => query.status === undefined || batchStatus(b.status, b, today) === query.status,
    );
    const window = pageWindow(matching.length, query.page, query.limit);
    const page = matching.slice(window.offset, window.offset + window.limit);
    return { batches: await this.#views(scope, page), window };
  }

  /** One batch by its public id; a draft only for administrators (`includeDrafts`), else 404. */
  async detail(
    scope: Scope,
    publicId: string,
    options: { includeDrafts?: boolean } = {},
  ): Promise<BatchView> {
    const batch = await this.find(scope, publicId, options);
    return (await this.#views(scope, [batch]))[0] as BatchView;
  }

  async find(
    scope: Scope,
    publicId: string,
    options: { includeDrafts?: boolean } = {},
  ): Promise<ProgrammeBatch> {
    const batch = await scope.em.findOne(ProgrammeBatch, { publicId, kind: KIND });
    if (!batch || (batch.status === 'draft' && !options.includeDrafts)) throw batchNotFound();
    return batch;
  }

  /**
   * Creates a batch (draft unless asked to open it), numbered FC-{year of its start}-{nnn}; its dates
   * and fees are checked first (422 naming each field).
   */
  async create(scope: Scope, input: NewBatch, createdBy: number | null): Promise<BatchView> {
    checkNewBatch(input, localDate(scope.now, scope.tenant.timeZone));
    const year = Number(input.startDate.slice(0, 4));
    const batch = await inTransaction(scope, async (tx) => {
      const sequence = await nextSequence(tx, yearCounterName('FC', year));
      const created = tx.em.create(ProgrammeBatch, {
        tenant: tx.tenant.id,
        publicId: randomUUID(),
        kind: KIND,
        batchNumber: formatBatchNumber(year, sequence),
        name: input.name,
        description: input.description,
        startDate: input.startDate,
        endDate: input.endDate,
        registrationStartDate: input.registrationStartDate,
        registrationEndDate: input.registrationEndDate,
        maxParticipants: input.maxParticipants,
        waitlistLimit: input.waitlistLimit ?? defaultWaitlistLimit(input.maxParticipants),
        programFee: input.programFee,
        earlyBirdFee: input.earlyBirdFee,
        earlyBirdDeadline: input.earlyBirdDeadline,
        venueName: input.venueName,
        venueAddress: input.venueAddress,
        trainerNames: input.trainerNames,
        programDetails: {
          duration_weeks: programmeWeeks(input),
          ...DEFAULT_PROGRAM_DETAILS,
          ...input.programDetails,
        },
        status: input.status ?? 'draft',
        createdBy,
        createdAt: tx.now,
      });
      await tx.em.flush();
      return created;
    });
    return (await this.#views(scope, [batch]))[0] as BatchView;
  }

  /** Opens a draft batch for registration (its registration window still applies); 409 for any other. */
  async open(scope: Scope, publicId: string): Promise<BatchView> {
    const batch = await this.find(scope, publicId, { includeDrafts: true });
    const opened = await scope.em.nativeUpdate(
      ProgrammeBatch,
      { id: batch.id, status: 'draft' },
      { status: 'open' },
    );
    if (opened === 0)
      throw new DomainError('INVALID_STATE', 'Only a draft batch can be opened', {
        details: { code: 'BATCH_NOT_DRAFT' },
      });
    const fresh = await scope.em.findOneOrFail(ProgrammeBatch, { id: batch.id }, { refresh: true });
    return (await this.#views(scope, [fresh]))[0] as BatchView;
  }

  async #views(scope: Scope, batches: ProgrammeBatch[]): Promise<BatchView[]> {
    const today = localDate(scope.now, scope.tenant.timeZone);
    const occupancy = await occupancyOf(
      scope,
      batches.map((b) => b.id),
    );
    return batches.map((batch) => {
      const o = occupancy.get(batch.id) as Occupancy;
      return {
        batch,
        status: batchStatus(batch.status, batch, today),
        occupancy: o,
        availableSlots: Math.max(0, batch.maxParticipants - o.holdingPlaces),
      };
    });
  }
}
