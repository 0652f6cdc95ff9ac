import { DomainError, fieldError, maskAccountNumber, type PageWindow } from '@komisi/domain';
import { inTransaction, type Scope } from '../../../kernel/scope.ts';
import type { FileCipher } from '../../files/file-cipher.ts';
import type { FilesService, FileViewer, Upload, UrlOptions } from '../../files/files.service.ts';
import type { OutboxService } from '../../notifications/outbox.service.ts';
import { affiliateOf } from '../affiliate-lookup.ts';
import { findPage } from '../paged-find.ts';
import { BankAccount } from './bank-account.entity.ts';
import { decideBankAccount, type ReviewOptions } from './bank-account-decisions.ts';
import {
  type BankAccountFields,
  bankNumberContext,
  collapse,
  normalizeBankAccountFields,
} from './bank-account-fields.ts';
import { backToPending, loadBank, notFound } from './bank-account-rows.ts';
import {
  type BankAccountReview,
  type BankAccountView,
  bankAccountReviews,
  bankAccountView,
} from './bank-account-views.ts';

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
    return bank ? bankAccountView(bank) : null;
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
      if (inserted) return bankAccountView(await loadBank(tx, { id: inserted.id }));

      const bank = await loadBank(tx, { affiliate: affiliate.id }, true);
      const unchanged =
        bank.bankName === fields.bankName &&
        bank.accountHolderName === fields.accountHolderName &&
        this.#number(tx, bank) === fields.accountNumber;
      if (unchanged) return bankAccountView(bank);
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
      return bankAccountView(await loadBank(tx, { id: bank.id }));
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
        return bankAccountView(await loadBank(tx, { id: bank.id }));
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
    const where = { verificationStatus: 'pending' as const, ktpFile: { $ne: null } };
    const { rows, window } = await findPage(scope, BankAccount, where, q, {
      orderBy: { submittedAt: 'asc', id: 'asc' },
      refresh: true,
    });
    return { items: await this.#reviews(scope, rows, viewer, q), window };
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
    return decideBankAccount(this.#outbox, scope, bankAccountId, adminId, options, {
      status: 'verified',
      reason: null,
    });
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
    return decideBankAccount(this.#outbox, scope, bankAccountId, adminId, options, {
      status: 'rejected',
      reason: text,
    });
  }

  #reviews(scope: Scope, banks: BankAccount[], viewer: FileViewer, options: UrlOptions) {
    const accountNumber = (bank: BankAccount) => this.#number(scope, bank);
    return bankAccountReviews(scope, { files: this.#files, accountNumber }, banks, viewer, options);
  }

  #number(scope: Scope, bank: BankAccount): string {
    return this.#cipher.openText(bank.accountNumberSealed, bankNumberContext(scope.tenant.id, bank.account));
  }
}

const saveFirst = () =>
  new DomainError('INVALID_STATE', 'Save your bank account before submitting your KTP', {
    details: { code: 'BANK_ACCOUNT_REQUIRED' },
  });
