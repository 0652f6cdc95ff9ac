import type { Scope } from '../../../kernel/scope.ts';
import type { FileCipher } from '../../files/file-cipher.ts';
import { Affiliate } from '../affiliate.entity.ts';
import { bankNumberContext } from '../bank-accounts/bank-account-fields.ts';
import type { AffiliatePayout, PayoutStatus } from './payout.entity.ts';

/** A payout as the affiliate sees it: the destination account masked. */
export interface PayoutView {
  id: number;
  amount: number;
  status: PayoutStatus;
  requestedAt: Date;
  /** when it was paid or failed */
  processedAt: Date | null;
  bankName: string;
  accountNumberMasked: string;
  accountHolderName: string;
  notes: string | null;
  transferReference: string | null;
}

/** What the admin making the transfer sees: the full number of the account verified at request time. */
export interface AdminPayoutView extends PayoutView {
  affiliateId: number;
  accountId: number;
  affiliateName: string;
  accountNumber: string;
  reviewedBy: number | null;
}

export function payoutView(p: AffiliatePayout): PayoutView {
  return {
    id: p.id,
    amount: p.amount,
    status: p.status,
    requestedAt: p.requestedAt,
    processedAt: p.processedAt ?? null,
    bankName: p.bankName,
    accountNumberMasked: p.accountNumberMasked,
    accountHolderName: p.accountHolderName,
    notes: p.notes ?? null,
    transferReference: p.transferReference ?? null,
  };
}

/** The payouts as admins see them: their affiliates' names (one query) and the numbers unsealed. */
export async function adminPayoutViews(
  scope: Scope,
  cipher: FileCipher,
  payouts: AffiliatePayout[],
): Promise<AdminPayoutView[]> {
  if (!payouts.length) return [];
  const affiliates = await scope.em.find(Affiliate, {
    id: { $in: [...new Set(payouts.map((p) => p.affiliate))] },
  });
  const byId = new Map(affiliates.map((a) => [a.id, a]));
  return payouts.map((p) => {
    const affiliate = byId.get(p.affiliate);
    return {
      ...payoutView(p),
      affiliateId: p.affiliate,
      accountId: p.account,
      affiliateName: affiliate ? `${affiliate.firstName} ${affiliate.lastName}`.trim() : '',
      accountNumber: cipher.openText(p.accountNumberSealed, bankNumberContext(scope.tenant.id, p.account)),
      reviewedBy: p.reviewedBy ?? null,
    };
  });
}
