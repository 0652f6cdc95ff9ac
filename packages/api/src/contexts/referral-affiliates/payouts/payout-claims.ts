import { DomainError, fieldError } from '@komisi/domain';
import { LockMode } from '@mikro-orm/core';
import type { Scope } from '../../../kernel/scope.ts';
import { AffiliatePayout, type PayoutStatus } from './payout.entity.ts';

export type PayoutChanges = Partial<
  Pick<AffiliatePayout, 'processedAt' | 'transferReference' | 'notes' | 'reviewedBy'>
>;

/**
 * A payout's status change, under the payout's row lock: of concurrent moves of one payout exactly one
 * finds it still in `from`; the others wait for the lock, see where it went and get 409 (or 404 when
 * there is no such payout). The change is described to the audit log (`scope.audit`).
 */
export async function claimPayout(
  tx: Scope,
  payoutId: number,
  from: readonly PayoutStatus[],
  to: PayoutStatus,
  changes: PayoutChanges,
): Promise<AffiliatePayout> {
  const payout = await tx.em.findOne(
    AffiliatePayout,
    { id: payoutId },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  if (!payout) throw payoutNotFound();
  if (!from.includes(payout.status)) {
    throw new DomainError('INVALID_STATE', `A payout that is ${payout.status} cannot become ${to}`, {
      details: { status: payout.status },
    });
  }
  const before = payoutState(payout);
  Object.assign(payout, { status: to, updatedAt: tx.now, ...changes });
  await tx.em.flush();
  tx.audit?.change({
    subject: { type: 'payout', id: String(payout.id) },
    before,
    after: payoutState(payout),
  });
  return payout;
}

/** A payout as its audit entry shows it (the bank details stay out: personal data). */
function payoutState(payout: AffiliatePayout) {
  return {
    status: payout.status,
    amount: payout.amount,
    transfer_reference: payout.transferReference ?? null,
    notes: payout.notes ?? null,
    processed_at: payout.processedAt ?? null,
    reviewed_by: payout.reviewedBy ?? null,
  };
}

/** An admin's note on a payout: trimmed, at most 500 characters, null when empty. */
export function optionalNote(note: string | null | undefined): string | null {
  const text = (note ?? '').trim();
  if (text.length > 500) throw fieldError('notes', 'must be at most 500 characters');
  return text || null;
}

export const payoutNotFound = () => new DomainError('NOT_FOUND', 'Payout not found');
