import { type Scope, toSafeInteger } from '../../../kernel/scope.ts';
import { LedgerAccounts, type LedgerService } from '../../ledger/ledger.service.ts';

/**
 * Referral status follows the money: available referrals become paid, oldest available first, while
 * the commission of all referrals marked paid stays within the total of the affiliate's paid payouts
 * (a referral is marked only when it is covered in full; the first that is not stops the run). The
 * affiliate's paid payouts are serialised on their payouts-pending ledger account row.
 */
export async function markReferralsPaid(
  tx: Scope,
  ledger: LedgerService,
  affiliate: { id: number; accountId: number },
): Promise<void> {
  await ledger.lockAccounts(tx, [LedgerAccounts.affiliatePayoutsPending(affiliate.accountId)]);
  const [totals] = await tx.em.execute<{ paid_out: string; marked: string }[]>(
    `select
       (select coalesce(sum(amount), 0) from affiliate_payout
         where tenant_id = ? and affiliate_id = ? and status = 'paid')::text as paid_out,
       (select coalesce(sum(commission), 0) from affiliate_referral
         where tenant_id = ? and affiliate_id = ? and status = 'paid')::text as marked`,
    [tx.tenant.id, affiliate.id, tx.tenant.id, affiliate.id],
  );
  const budget = toSafeInteger(totals?.paid_out) - toSafeInteger(totals?.marked);
  if (budget <= 0) return;
  await tx.em.execute(
    `with queue as (
       select id, sum(commission) over (order by available_at nulls first, id) as running
       from affiliate_referral
       where tenant_id = ? and affiliate_id = ? and status = 'available'
     )
     update affiliate_referral r set status = 'paid', paid_at = ?
     from queue
     where r.id = queue.id and queue.running <= ? and r.status = 'available'`,
    [tx.tenant.id, affiliate.id, tx.now, budget],
  );
}
