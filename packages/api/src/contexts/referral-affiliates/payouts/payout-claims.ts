import { DomainError, fieldError } from '@komisi/domain';
import type { Scope } from '../../../kernel/scope.ts';
import { AffiliatePayout, type PayoutStatus } from './payout.entity.ts';

export type PayoutChanges = Partial<
  Pick<AffiliatePayout, 'processedAt' | 'transferReference' | 'notes' | 'reviewedBy'>
>;

/**
 * A payout's status change as a conditional update: of concurrent moves of one payout exactly one
 * finds it still in `from`; the others get 409 (or 404 when there is no such payout).
 */
export async function claimPayout(
  tx: Scope,
  payoutId: number,
  from: readonly PayoutStatus[],
  to: PayoutStatus,
  changes: PayoutChanges,
): Promise<AffiliatePayout> {
  const changed = await tx.em.nativeUpdate(
    AffiliatePayout,
    { id: payoutId, tenant: tx.tenant.id, status: { $in: [...from] } },
    { status: to, updatedAt: tx.now, ...changes },
  );
  const payout = await tx.em.findOne(AffiliatePayout, { id: payoutId }, { refresh: true });
  if (!payout) throw payoutNotFound();
  if (changed !== 1) {
    throw new DomainError('INVALID_STATE', `A payout that is ${payout.status} cannot become ${to}`, {
      details: { status: payout.status },
    });
  }
  return payout;
}

/** An admin's note on a payout: trimmed, at most 500 characters, null when empty. */
export function optionalNote(note: string | null | undefined): string | null {
  const text = (note ?? '').trim();
  if (text.length > 500) throw fieldError('notes', 'must be at most 500 characters');
  return text || null;
}

export const payoutNotFound = () => new DomainError('NOT_FOUND', 'Payout not found');
