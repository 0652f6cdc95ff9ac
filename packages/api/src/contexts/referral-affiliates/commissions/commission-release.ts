import { LockMode } from '@mikro-orm/core';
import { inTransaction, type Scope, toSafeInteger } from '../../../kernel/scope.ts';
import { LedgerAccounts, type LedgerService } from '../../ledger/ledger.service.ts';
import { AffiliateReferral } from './affiliate-referral.entity.ts';

const releaseKey = (referralId: number) => `affiliate-referral:${referralId}:release`;

/**
 * Makes confirmed commissions whose hold ended by `now` available, `batchSize` per transaction,
 * until none are left; returns how many this call released. Safe to run on several instances at
 * once: each batch claims its rows with FOR UPDATE SKIP LOCKED, so concurrent runs take disjoint
 * rows instead of queueing behind each other, and the status update is conditional as well.
 */
export async function releaseDueCommissions(
  ledger: LedgerService,
  scope: Scope,
  now: Date,
  options: { batchSize?: number; progress?: (releasedSoFar: number) => void } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 200;
  let released = 0;
  for (;;) {
    const batch = await inTransaction(scope, async (tx) => {
      // PESSIMISTIC_PARTIAL_WRITE is FOR UPDATE SKIP LOCKED, chosen on purpose: rows another run
      // (or a reversal) holds are skipped, not waited for; the other run releases them.
      const due = await tx.em.find(
        AffiliateReferral,
        { status: 'confirmed', availableAt: { $lte: now } },
        {
          fields: ['id', 'affiliate', 'commission'],
          orderBy: { availableAt: 'asc', id: 'asc' },
          limit: batchSize,
          lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE,
          disableIdentityMap: true,
        },
      );
      if (due.length === 0) return { claimed: 0, released: 0 };
      const updated = await tx.em.execute<{ id: number; affiliate_id: number; commission: string }[]>(
        `update affiliate_referral set status = 'available'
          where tenant_id = ? and id in (?) and status = 'confirmed'
          returning id, affiliate_id, commission::text`,
        [tx.tenant.id, due.map((r) => r.id)],
      );
      const accounts = await accountIdsOf(
        tx,
        updated.map((r) => r.affiliate_id),
      );
      // In account order: a release may create an affiliate's `available` ledger account, and
      // concurrent runs creating several in different orders would deadlock on them.
      const ordered = updated
        .map((r) => ({ ...r, accountId: accounts.get(r.affiliate_id)! }))
        .sort((a, b) => a.accountId - b.accountId || a.id - b.id);
      for (const r of ordered) {
        const amount = toSafeInteger(r.commission);
        if (amount === 0) continue;
        const accountId = r.accountId;
        await ledger.post(tx, releaseKey(r.id), `Referral commission released: #${r.id}`, [
          { account: LedgerAccounts.affiliateOnHold(accountId), amount },
          { account: LedgerAccounts.affiliateAvailable(accountId), amount: -amount },
        ]);
      }
      return { claimed: due.length, released: updated.length };
    });
    released += batch.released;
    if (batch.claimed < batchSize) return released;
    options.progress?.(released);
  }
}

/** The account of each affiliate, by affiliate id. */
async function accountIdsOf(tx: Scope, affiliateIds: number[]): Promise<Map<number, number>> {
  if (affiliateIds.length === 0) return new Map();
  const rows = await tx.em.execute<{ id: number; account_id: number }[]>(
    'select id, account_id from affiliate where tenant_id = ? and id in (?)',
    [tx.tenant.id, [...new Set(affiliateIds)]],
  );
  return new Map(rows.map((r) => [r.id, r.account_id]));
}
