import type { BankAccountView } from '../../contexts/referral-affiliates/bank-accounts/bank-account-views.ts';
import type { PayoutView } from '../../contexts/referral-affiliates/payouts/payout-views.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const presentBankAccount = (b: BankAccountView | null) =>
  b && {
    bank_name: b.bankName,
    account_number: b.accountNumberMasked,
    account_holder_name: b.accountHolderName,
    verification_status: b.verificationStatus,
    rejection_reason: b.rejectionReason,
    ktp_submitted: b.ktpSubmitted,
    submitted_at: iso(b.submittedAt),
    verified_at: iso(b.verifiedAt),
  };

export const presentPayout = (p: PayoutView) => ({
  id: String(p.id),
  amount: p.amount,
  status: p.status,
  requested_at: p.requestedAt.toISOString(),
  processed_at: iso(p.processedAt),
  bank_name: p.bankName,
  account_number: p.accountNumberMasked,
  notes: p.notes,
});
