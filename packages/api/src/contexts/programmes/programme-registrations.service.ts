import { randomUUID } from 'node:crypto';
import {
  DomainError,
  endOfLocalDay,
  feeDue,
  formatParticipantNumber,
  type Hundredths,
  localDate,
  paymentDueDate,
  placement,
  registrationWindow,
  yearCounterName,
} from '@komisi/domain';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import { Account } from '../identity/account.entity.ts';
import type { Payment } from '../payments/payment.entity.ts';
import type { PaymentsService } from '../payments/payments.service.ts';
import { nextSequence } from '../tenancy/tenant.service.ts';
import { occupancyOf } from './batch-occupancy.ts';
import { standingOf } from './participant-progress.ts';
import { ProgrammeBatch } from './programme-batch.entity.ts';
import type { ProgrammeBatchesService } from './programme-batches.service.ts';
import { ProgrammeParticipant } from './programme-participant.entity.ts';

export interface RegistrationInput {
  /** the batch's public id */
  batchId: string;
  initialWeight: Hundredths;
  initialHeight: Hundredths;
  targetWeight: Hundredths;
  personalGoals: string | null;
  medicalConditions: string | null;
  emergencyContactName: string;
  emergencyContactPhone: string;
}

export interface Registration {
  participant: ProgrammeParticipant;
  batch: ProgrammeBatch;
  /** the payment to make; null on the waitlist */
  payment: Payment | null;
}

const rule = (code: string, message: string, field: string) =>
  new DomainError('RULE_VIOLATION', message, { details: { code }, fields: { [field]: [message] } });
const closed = () => rule('REGISTRATION_CLOSED', 'Registration for this batch is closed', 'batch_id');
const full = () => rule('BATCH_FULL', 'This batch is full', 'batch_id');
const duplicate = () =>
  rule('DUPLICATE_REGISTRATION', 'You are already registered for this batch', 'batch_id');

/**
 * Registering members for a batch and the payment of their fee (purpose `programme`). Registrations
 * of one batch queue on its row lock, so places and the waitlist are never overfilled and a member
 * registers once (the unique key backs this up).
 */
export class ProgrammeRegistrationsService {
  readonly #batches: ProgrammeBatchesService;
  readonly #payments: PaymentsService;

  constructor(deps: { batches: ProgrammeBatchesService; payments: PaymentsService }) {
    this.#batches = deps.batches;
    this.#payments = deps.payments;
  }

  /**
   * Registers the member: a place and a pending payment of the fee due today while places remain,
   * else a waitlist entry while the waitlist has room (no payment yet), else BATCH_FULL. Outside the
   * registration window, or for a batch not open: REGISTRATION_CLOSED; registered already:
   * DUPLICATE_REGISTRATION, except a registration that holds a place without a payment (promoted from
   * the waitlist) or whose payment failed, which this completes again.
   */
  async register(scope: Scope, accountId: number, input: RegistrationInput): Promise<Registration> {
    const batch = await this.#batches.find(scope, input.batchId);
    const today = localDate(scope.now, scope.tenant.timeZone);
    if (batch.status !== 'open' || registrationWindow(batch, today) !== 'open') throw closed();
    let participant: ProgrammeParticipant;
    let created = false;
    try {
      participant = await inTransaction(scope, async (tx) => {
        await tx.em.findOneOrFail(
          ProgrammeBatch,
          { id: batch.id },
          { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
        );
        const existing = await tx.em.findOne(
          ProgrammeParticipant,
          { batch: batch.id, account: accountId },
          { refresh: true },
        );
        if (existing) return this.#registerAgain(tx, existing, batch, input);
        created = true;
        return this.#place(tx, batch, accountId, input);
      });
    } catch (e) {
      if (e instanceof UniqueConstraintViolationException) throw duplicate();
      throw e;
    }
    const payment = await this.#openPayment(scope, participant, batch, created);
    return { participant, batch, payment };
  }

  /** A new registration: a place, the waitlist, or BATCH_FULL. */
  async #place(tx: Scope, batch: ProgrammeBatch, accountId: number, input: RegistrationInput) {
    const status = await this.#placementIn(tx, batch);
    const year = Number(localDate(tx.now, tx.tenant.timeZone).slice(0, 4));
    const sequence = await nextSequence(tx, yearCounterName('FCP', year));
    const participant = tx.em.create(ProgrammeParticipant, {
      tenant: tx.tenant.id,
      publicId: randomUUID(),
      participantNumber: formatParticipantNumber(year, sequence),
      batch: batch.id,
      account: accountId,
      registeredAt: tx.now,
      participationStatus: status,
      paymentStatus: 'pending',
      createdAt: tx.now,
      ...this.#terms(tx, batch, status),
      ...details(input),
    });
    await tx.em.flush();
    return participant;
  }

  /** Registering again: completes a place still unpaid, re-places one whose payment failed. */
  async #registerAgain(tx: Scope, p: ProgrammeParticipant, batch: ProgrammeBatch, input: RegistrationInput) {
    const awaitingPayment = p.participationStatus === 'active' && p.paymentStatus === 'pending';
    if (awaitingPayment && p.paymentId == null) return p;
    if (p.paymentStatus !== 'failed' || p.participationStatus !== 'dropped_out') throw duplicate();
    const status = await this.#placementIn(tx, batch);
    Object.assign(p, {
      participationStatus: status,
      paymentStatus: 'pending',
      paymentId: null,
      registeredAt: tx.now,
      ...this.#terms(tx, batch, status),
      ...details(input),
    });
    await tx.em.flush();
    return p;
  }

  async #placementIn(tx: Scope, batch: ProgrammeBatch): Promise<'active' | 'waitlist'> {
    const occupancy = (await occupancyOf(tx, [batch.id])).get(batch.id)!;
    const where = placement({
      ...occupancy,
      maxParticipants: batch.maxParticipants,
      waitlistLimit: batch.waitlistLimit,
    });
    if (where === 'full') throw full();
    return where;
  }

  /** The fee due today and, for a place, the end of the last day to pay. */
  #terms(tx: Scope, batch: ProgrammeBatch, status: 'active' | 'waitlist') {
    const today = localDate(tx.now, tx.tenant.timeZone);
    return {
      amountDue: feeDue(batch, today).amount,
      paymentDueAt: status === 'active' ? paymentDeadline(tx, batch) : null,
    };
  }

  /**
   * Opens the gateway payment of a place without one (outside the transaction: a gateway call holds
   * no row locks). If the gateway refuses, a registration made just now is withdrawn, its place freed.
   */
  async #openPayment(scope: Scope, p: ProgrammeParticipant, batch: ProgrammeBatch, created: boolean) {
    if (p.participationStatus !== 'active' || p.paymentStatus !== 'pending') return null;
    if (p.paymentId != null) return this.#payments.find(scope, p.paymentId, 'programme');
    const member = await scope.em.findOneOrFail(Account, { id: p.account });
    try {
      const payment = await this.#payments.create(scope, {
        accountId: p.account,
        purpose: 'programme',
        subjectId: p.id,
        amount: p.amountDue,
        requestedMethod: 'bank_transfer',
        callbackUrl: null,
        description: `Fit Challenge ${batch.batchNumber} ${p.participantNumber}`,
        customer: { email: member.email, name: member.name, phone: member.phone ?? null },
        details: { participantNumber: p.participantNumber, batchNumber: batch.batchNumber },
      });
      const linked = await scope.em.nativeUpdate(
        ProgrammeParticipant,
        { id: p.id, paymentId: null },
        { paymentId: payment.id },
      );
      if (linked === 0) throw duplicate(); // a concurrent call opened one first
      p.paymentId = payment.id;
      return payment;
    } catch (e) {
      if (created) await scope.em.nativeDelete(ProgrammeParticipant, { id: p.id, paymentId: null });
      throw e;
    }
  }

  /** The member's registrations, newest first, with their batches and where each stands today. */
  async mine(scope: Scope, accountId: number) {
    const participants = await scope.em.find(
      ProgrammeParticipant,
      { account: accountId },
      { orderBy: { registeredAt: 'desc', id: 'desc' } },
    );
    if (participants.length === 0) return [];
    const batches = await scope.em.find(ProgrammeBatch, { id: { $in: participants.map((p) => p.batch) } });
    const byId = new Map(batches.map((b) => [b.id, b]));
    return participants.map((participant) => {
      const batch = byId.get(participant.batch)!;
      return { participant, batch, standing: standingOf(scope, participant, batch) };
    });
  }
}

/** The end (23:59:59 local) of the last day to pay for a place taken now. */
export function paymentDeadline(tx: Scope, batch: ProgrammeBatch): Date {
  const today = localDate(tx.now, tx.tenant.timeZone);
  return endOfLocalDay(paymentDueDate(today, batch.startDate), tx.tenant.timeZone);
}

function details(input: RegistrationInput) {
  return {
    initialWeight: input.initialWeight,
    initialHeight: input.initialHeight,
    targetWeight: input.targetWeight,
    personalGoals: input.personalGoals,
    medicalConditions: input.medicalConditions,
    emergencyContactName: input.emergencyContactName,
    emergencyContactPhone: input.emergencyContactPhone,
  };
}
