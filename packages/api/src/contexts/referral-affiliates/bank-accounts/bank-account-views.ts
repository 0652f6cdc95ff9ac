import type { Scope } from '../../../kernel/scope.ts';
import { FileObject } from '../../files/file-object.entity.ts';
import type { FilesService, FileViewer, UrlOptions } from '../../files/files.service.ts';
import { Account } from '../../identity/account.entity.ts';
import { Affiliate } from '../affiliate.entity.ts';
import type { BankAccount, BankVerificationStatus } from './bank-account.entity.ts';

/** What the affiliate sees of their bank account: the number only masked. */
export interface BankAccountView {
  id: number;
  bankName: string;
  /** `******7890` */
  accountNumberMasked: string;
  accountHolderName: string;
  verificationStatus: BankVerificationStatus;
  rejectionReason: string | null;
  /** a KTP is on file (pending without one means: waiting for the KTP, not for an admin) */
  ktpSubmitted: boolean;
  submittedAt: Date | null;
  verifiedAt: Date | null;
  updatedAt: Date;
}

/** What an admin reviewing the account sees: the full number, the owner and a link to the KTP. */
export interface BankAccountReview extends BankAccountView {
  accountNumber: string;
  /** pass back to verify/reject: a change made after the admin looked makes the decision fail */
  version: number;
  affiliate: { id: number; accountId: number; name: string; email: string | null; whatsapp: string };
  /** short-lived signed link to the KTP image, null when none was submitted */
  ktpUrl: string | null;
}

export function bankAccountView(bank: BankAccount): BankAccountView {
  return {
    id: bank.id,
    bankName: bank.bankName,
    accountNumberMasked: bank.accountNumberMasked,
    accountHolderName: bank.accountHolderName,
    verificationStatus: bank.verificationStatus,
    rejectionReason: bank.rejectionReason ?? null,
    ktpSubmitted: bank.ktpFile != null,
    submittedAt: bank.submittedAt ?? null,
    verifiedAt: bank.verifiedAt ?? null,
    updatedAt: bank.updatedAt,
  };
}

/** The accounts as a reviewer sees them: owners, emails and KTP files read in one query each. */
export async function bankAccountReviews(
  scope: Scope,
  deps: { files: FilesService; accountNumber: (bank: BankAccount) => string },
  banks: BankAccount[],
  viewer: FileViewer,
  options: UrlOptions,
): Promise<BankAccountReview[]> {
  if (!banks.length) return [];
  const affiliates = await scope.em.find(Affiliate, { id: { $in: banks.map((b) => b.affiliate) } });
  const accounts = await scope.em.find(Account, { id: { $in: banks.map((b) => b.account) } });
  const fileIds = banks.map((b) => b.ktpFile).filter((id): id is number => id != null);
  const files = fileIds.length ? await scope.em.find(FileObject, { id: { $in: fileIds } }) : [];
  const affiliateById = new Map(affiliates.map((a) => [a.id, a]));
  const accountById = new Map(accounts.map((a) => [a.id, a]));
  const fileById = new Map(files.map((f) => [f.id, f]));
  return banks.map((bank) => {
    const affiliate = affiliateById.get(bank.affiliate);
    const file = bank.ktpFile ? fileById.get(bank.ktpFile) : undefined;
    return {
      ...bankAccountView(bank),
      accountNumber: deps.accountNumber(bank),
      version: bank.version,
      affiliate: {
        id: bank.affiliate,
        accountId: bank.account,
        name: affiliate ? `${affiliate.firstName} ${affiliate.lastName}`.trim() : '',
        email: accountById.get(bank.account)?.email ?? null,
        whatsapp: affiliate?.whatsapp ?? '',
      },
      ktpUrl: file ? deps.files.signedUrlFor(scope, file, viewer, options) : null,
    };
  });
}
