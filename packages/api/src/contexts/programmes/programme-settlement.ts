import { LockMode } from '@mikro-orm/core';
import type { Scope } from '../../kernel/scope.ts';
import type { Payment } from '../payments/payment.entity.ts';
import type { SettlementHandler } from '../payments/payments.service.ts';
import { occupancyOf } from './batch-occupancy.ts';
import { ProgrammeBatch } from './programme-batch.entity.ts';
import { ProgrammeParticipant } from './programme-participant.entity.ts';
import { paymentDeadline } from './programme-registrations.service.ts';

/**
 * A registration's fee payment settled (purpose `programme`, subject: the participant). Paid: the
 * registration is paid. Failed or expired: it drops out and its place goes to the first on the
 * waitlist, who then registers again to get the payment (see `register`).
 */
export class ProgrammeSettlement implements SettlementHandler {
  async completed(tx: Scope, payment: Payment): Promise<void> {
    await tx.em.execute(
      `update programme_participant set payment_status = 'completed', amount_paid = ?, paid_at = ?
       where tenant_id = ? and id = ? and payment_id = ? and payment_status = 'pending'`,
      [payment.amount, tx.now, tx.tenant.id, payment.subjectId, payment.id],
    );
  }

  async failed(tx: Scope, payment: Payment): Promise<void> {
    const participant = await tx.em.findOne(
      ProgrammeParticipant,
      { id: payment.subjectId!, paymentId: payment.id },
      { refresh: true },
    );
    if (!participant) return;
    // the batch's lock, as registrations take it: places are counted and handed on by one at a time
    const batch = await tx.em.findOneOrFail(
      ProgrammeBatch,
      { id: participant.batch },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    const released = await tx.em.execute<{ id: number }[]>(
      `update programme_participant set payment_status = 'failed', participation_status = 'dropped_out'
       where tenant_id = ? and id = ? and payment_id = ? and payment_status = 'pending'
         and participation_status = 'active' returning id`,
      [tx.tenant.id, participant.id, payment.id],
    );
    if (released.length === 0) return;
    const { holdingPlaces } = (await occupancyOf(tx, [batch.id])).get(batch.id)!;
    if (holdingPlaces >= batch.maxParticipants) return;
    await tx.em.execute(
      `update programme_participant set participation_status = 'active', payment_due_at = ?
       where id = (select id from programme_participant
                   where tenant_id = ? and batch_id = ? and participation_status = 'waitlist'
                   order by registered_at, id limit 1)`,
      [paymentDeadline(tx, batch), tx.tenant.id, batch.id],
    );
  }
}
