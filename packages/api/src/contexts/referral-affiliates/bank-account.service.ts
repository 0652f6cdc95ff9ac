import {
  DomainError,
  fieldError,
  maskAccountNumber,
  type PageWindow,
  pageWindow,
  validationError,
} from '@komisi/domain';
import { LockMode } from '@mikro-orm/core';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import type { FileCipher } from '../files/file-cipher.ts';
import { FileObject } from '../files/file-object.entity.ts';
import type { FilesService, FileViewer, Upload, UrlOptions } from '../files/files.service.ts';
import { Account } from '../identity/account.entity.ts';
import type { OutboxService } from '../notifications/outbox.service.ts';
import { Affiliate } from './affiliate.entity.ts';
import { affiliateOf } from './affiliate-lookup.ts';
import { BankAccount, type BankVerificationStatus } from './bank-account.entity.ts';

export interface BankAccountFields {
  bankName: string;
  accountNumber: string;
  accountHolderName: string;
}

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

export interface ReviewOptions {
  /** the version the admin reviewed (BankAccountReview.version); omitted: whatever is current */
  expectedVersion?: number | undefined;
}

/** The sealed account number is bound to its owner: a copied ciphertext does not open on another row. */
export function bankNumberContext(tenantId: number, accountId: number): string {
  return `bank-account-number:${tenantId}:${accountId}`;
}

const collapse = (s: string) => s.trim().replace(/\s+/g, ' ');

/** Trims and checks the three fields; the number keeps its digits only (spaces and dashes dropped). */
export function normalizeBankAccountFields(fields: BankAccountFields): BankAccountFields {
  const bankName = collapse(fields.bankName ?? '');
  const accountHolderName = collapse(fields.accountHolderName ?? '');
  const accountNumber = (fields.accountNumber ?? '').replace(/[\s.-]/g, '');
  const errors: Record<string, string[]> = {};
  if (bankName.length < 2 || bankName.length > 100) errors.bank_name = ['must be 2 to 100 characters'];
  if (!/^\d{5,30}$/.test(accountNumber)) errors.account_number = ['must be 5 to 30 digits'];
  if (accountHolderName.length < 2 || accountHolderName.length > 100) {
    errors.account_holder_name = ['must be 2 to 100 characters'];
  }
  if (Object.keys(errors).length) throw validationError(errors);
  return { bankName, accountNumber, accountHolderName };
}

/**
 * An affiliate's payout bank account and its KTP verification. Every change of the details or the KTP puts the account
 * back to pending; admins verify or reject only a pending account with a KTP, once, and the
 * affiliate is told through the outbox in the same transaction.
 */
export class BankAccountsService {
  readonly #files: FilesService;
  readonly #cipher: FileCipher;
  readonly #outbox: OutboxService;

  constructor(deps: { files: FilesService; cipher: FileCipher; outbox: OutboxService }) {
    this.#files = deps.files;
    this.#cipher = deps.cipher;
    this.#outbox = deps.outbox;
  }

  /** The caller's own bank account (masked), or null when none was saved yet. 404 when not an affiliate. */
  async get(scope: Scope, accountId: number): Promise<BankAccountView | null> {
    const affiliate = await affiliateOf(scope, accountId);
    const bank = await scope.em.findOne(BankAccount, { affiliate: affiliate.id }, { refresh: true });
    return bank ? viewOf(bank) : null;
  }

  /** Creates or changes the bank account. Any changed field resets it to pending; no change, no reset. */
  async save(scope: Scope, accountId: number, input: BankAccountFields): Promise<BankAccountView> {
    const fields = normalizeBankAccountFields(input);
    const affiliate = await affiliateOf(scope, accountId);
    const sealed = this.#cipher.sealText(fields.accountNumber, bankNumberContext(scope.tenant.id, accountId));
    const masked = maskAccountNumber(fields.accountNumber);
    return inTransaction(scope, async (tx) => {
      // the first save inserts; concurrent first saves meet at the unique key instead of failing
      const [inserted] = await tx.em.execute<{ id: number }[]>(
        `insert into affiliate_bank_account (tenant_id, affiliate_id, account_id, bank_name, account_number_sealed,
           account_number_masked, account_holder_name, verification_status, version, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, 'pending', 1, ?, ?)
         on conflict (tenant_id, affiliate_id) do nothing returning id`,
        [
          tx.tenant.id,
          affiliate.id,
          accountId,
          fields.bankName,
          sealed,
          masked,
          fields.accountHolderName,
          tx.now,
          tx.now,
        ],
      );
      if (inserted) return viewOf(await loadBank(tx, { id: inserted.id }));

      const bank = await loadBank(tx, { affiliate: affiliate.id }, true);
      const unchanged =
        bank.bankName === fields.bankName &&
        bank.accountHolderName === fields.accountHolderName &&
        this.#number(tx, bank) === fields.accountNumber;
      if (unchanged) return viewOf(bank);
      await tx.em.nativeUpdate(
        BankAccount,
        { id: bank.id },
        {
          bankName: fields.bankName,
          accountNumberSealed: sealed,
          accountNumberMasked: masked,
          accountHolderName: fields.accountHolderName,
          ...backToPending(tx, bank),
        },
      );
      return viewOf(await loadBank(tx, { id: bank.id }));
    });
  }

  /**
   * Stores the KTP image (JPEG or PNG, at most 5 MB, re-encoded without metadata) and puts the account
   * back to pending for an admin. The bank account must be saved first (409 otherwise). The previous
   * KTP, if any, is deleted.
   */
  async submitKtp(scope: Scope, accountId: number, upload: Upload): Promise<BankAccountView> {
    const affiliate = await affiliateOf(scope, accountId);
    if (!(await scope.em.count(BankAccount, { affiliate: affiliate.id }))) throw saveFirst();
    const file = await this.#files.storeImage(scope, {
      ownerAccountId: accountId,
      purpose: 'ktp',
      upload: { field: 'ktp_image', ...upload },
    });
    let previous: number | null = null;
    let view: BankAccountView;
    try {
      view = await inTransaction(scope, async (tx) => {
        const bank = await loadBank(tx, { affiliate: affiliate.id }, true);
        previous = bank.ktpFile ?? null;
        await tx.em.nativeUpdate(
          BankAccount,
          { id: bank.id },
          { ktpFile: file.id, submittedAt: tx.now, ...backToPending(tx, bank) },
        );
        return viewOf(await loadBank(tx, { id: bank.id }));
      });
    } catch (e) {
      await this.#files.remove(scope, file.id).catch(() => undefined);
      throw e;
    }
    // the old KTP is no longer referenced; a failure here leaves an unreferenced sealed blob, nothing more
    if (previous !== null) await this.#files.remove(scope, previous).catch(() => undefined);
    return view;
  }

  /**
   * A signed link to the KTP of `ownerAccountId`'s bank account, for the owner or an admin (404 for
   * anyone else); null when no KTP was submitted.
   */
  async ktpUrl(
    scope: Scope,
    ownerAccountId: number,
    viewer: FileViewer,
    options: UrlOptions,
  ): Promise<string | null> {
    if (!viewer.isAdmin && viewer.accountId !== ownerAccountId) throw notFound('Bank account');
    const affiliate = await affiliateOf(scope, ownerAccountId);
    const bank = await scope.em.findOne(BankAccount, { affiliate: affiliate.id }, { refresh: true });
    if (!bank?.ktpFile) return null;
    return this.#files.signedUrl(scope, bank.ktpFile, viewer, options);
  }

  /** Admin: accounts waiting for a decision (pending with a KTP), oldest submission first. */
  async pendingVerifications(
    scope: Scope,
    viewer: FileViewer,
    q: { page: number; limit: number } & UrlOptions,
  ): Promise<{ items: BankAccountReview[]; window: PageWindow }> {
    if (!viewer.isAdmin) throw new DomainError('FORBIDDEN', 'This action requires the admin role.');
    pageWindow(0, q.page, q.limit);
    const where = { verificationStatus: 'pending' as const, ktpFile: { $ne: null } };
    const window = pageWindow(await scope.em.count(BankAccount, where), q.page, q.limit);
    const banks = await scope.em.find(BankAccount, where, {
      orderBy: { submittedAt: 'asc', id: 'asc' },
      limit: window.limit,
      offset: window.offset,
      refresh: true,
    });
    return { items: await this.#reviews(scope, banks, viewer, q), window };
  }

  /** Admin: one bank account as a reviewer sees it. */
  async review(
    scope: Scope,
    bankAccountId: number,
    viewer: FileViewer,
    options: UrlOptions,
  ): Promise<BankAccountReview> {
    if (!viewer.isAdmin) throw new DomainError('FORBIDDEN', 'This action requires the admin role.');
    const bank = await scope.em.findOne(BankAccount, { id: bankAccountId }, { refresh: true });
    if (!bank) throw notFound('Bank account');
    const [review] = await this.#reviews(scope, [bank], viewer, options);
    return review!;
  }

  /** Admin: the KTP matches; payouts are allowed from now on. Only from pending with a KTP (409 otherwise). */
  async verify(
    scope: Scope,
    bankAccountId: number,
    adminId: number,
    options: ReviewOptions = {},
  ): Promise<BankAccountView> {
    return this.#decide(scope, bankAccountId, adminId, options, { status: 'verified', reason: null });
  }

  /** Admin: the KTP does not match (reason shown to the affiliate). Only from pending with a KTP. */
  async reject(
    scope: Scope,
    bankAccountId: number,
    adminId: number,
    reason: string,
    options: ReviewOptions = {},
  ): Promise<BankAccountView> {
    const text = collapse(reason ?? '');
    if (text.length < 1 || text.length > 500) throw fieldError('reason', 'must be 1 to 500 characters');
    return this.#decide(scope, bankAccountId, adminId, options, { status: 'rejected', reason: text });
  }

  /** For payouts: the affiliate's verified account with its number, or null (none, pending or rejected). */
  async verifiedAccount(
    scope: Scope,
    affiliateId: number,
  ): Promise<{ bank: BankAccount; accountNumber: string } | null> {
    const bank = await scope.em.findOne(BankAccount, { affiliate: affiliateId }, { refresh: true });
    if (bank?.verificationStatus !== 'verified') return null;
    return { bank, accountNumber: this.#number(scope, bank) };
  }

  #number(scope: Scope, bank: BankAccount): string {
    return this.#cipher.openText(bank.accountNumberSealed, bankNumberContext(scope.tenant.id, bank.account));
  }

  async #decide(
    scope: Scope,
    bankAccountId: number,
    adminId: number,
    options: ReviewOptions,
    decision: { status: 'verified' | 'rejected'; reason: string | null },
  ): Promise<BankAccountView> {
    return inTransaction(scope, async (tx) => {
      const bank = await loadBank(tx, { id: bankAccountId }, true);
      if (options.expectedVersion !== undefined && options.expectedVersion !== bank.version) {
        throw new DomainError(
          'CONFLICT',
          'The bank account was changed after you opened it; review it again',
          {
            details: { version: bank.version },
          },
        );
      }
      if (bank.verificationStatus !== 'pending') {
        throw new DomainError('INVALID_STATE', `The bank account is already ${bank.verificationStatus}`, {
          details: { status: bank.verificationStatus },
        });
      }
      if (!bank.ktpFile)
        throw new DomainError('INVALID_STATE', 'No KTP has been submitted for this bank account');
      const changed = await tx.em.nativeUpdate(
        BankAccount,
        { id: bank.id, verificationStatus: 'pending', version: bank.version },
        {
          verificationStatus: decision.status,
          rejectionReason: decision.reason,
          verifiedAt: decision.status === 'verified' ? tx.now : null,
          reviewedBy: adminId,
          reviewedAt: tx.now,
          updatedAt: tx.now,
        },
      );
      if (changed !== 1)
        throw new DomainError('CONFLICT', 'The bank account was changed meanwhile; review it again');
      const account = await tx.em.findOne(Account, { id: bank.account });
      if (account) {
        await this.#outbox.enqueue(tx, {
          channel: 'email',
          recipient: account.email,
          ...(decision.status === 'verified'
            ? {
                subject: `${tx.tenant.name}: your bank account is verified`,
                body: `Hello ${account.name},\n\nYour bank account ${bank.bankName} ${bank.accountNumberMasked} has been verified. You can now request payouts.`,
              }
            : {
                subject: `${tx.tenant.name}: your bank account could not be verified`,
                body: `Hello ${account.name},\n\nYour bank account ${bank.bankName} ${bank.accountNumberMasked} could not be verified: ${decision.reason}\n\nPlease check your details and submit your KTP again.`,
              }),
        });
      }
      return viewOf(await loadBank(tx, { id: bank.id }));
    });
  }

  async #reviews(
    scope: Scope,
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
        ...viewOf(bank),
        accountNumber: this.#number(scope, bank),
        version: bank.version,
        affiliate: {
          id: bank.affiliate,
          accountId: bank.account,
          name: affiliate ? `${affiliate.firstName} ${affiliate.lastName}`.trim() : '',
          email: accountById.get(bank.account)?.email ?? null,
          whatsapp: affiliate?.whatsapp ?? '',
        },
        ktpUrl: file ? this.#files.signedUrlFor(scope, file, viewer, options) : null,
      };
    });
  }
}

function viewOf(bank: BankAccount): BankAccountView {
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

/** The fields that every change of details or KTP resets. */
function backToPending(tx: Scope, bank: BankAccount) {
  return {
    verificationStatus: 'pending' as const,
    rejectionReason: null,
    verifiedAt: null,
    reviewedBy: null,
    reviewedAt: null,
    version: bank.version + 1,
    updatedAt: tx.now,
  };
}

async function loadBank(
  tx: Scope,
  where: { id: number } | { affiliate: number },
  lock = false,
): Promise<BankAccount> {
  const bank = await tx.em.findOne(BankAccount, where, {
    refresh: true,
    ...(lock && { lockMode: LockMode.PESSIMISTIC_WRITE }),
  });
  if (!bank) throw notFound('Bank account');
  return bank;
}

const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
const saveFirst = () =>
  new DomainError('INVALID_STATE', 'Save your bank account before submitting your KTP', {
    details: { code: 'BANK_ACCOUNT_REQUIRED' },
  });
