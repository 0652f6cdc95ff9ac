import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { FileObject } from '../../files/file-object.entity.ts';
import { Account } from '../../identity/account.entity.ts';
import { tenantColumn } from '../../tenancy/tenant.entity.ts';
import { Affiliate } from '../affiliate.entity.ts';

/** pending: waiting for the KTP or for an admin · verified: payouts allowed · rejected: resubmit */
export const BANK_VERIFICATION_STATUSES = ['pending', 'verified', 'rejected'] as const;
export type BankVerificationStatus = (typeof BANK_VERIFICATION_STATUSES)[number];

/**
 * Where an affiliate's payouts go (one per affiliate), and the identity card (KTP) an admin checks
 * it against. The account number is stored sealed (AES-256-GCM, bound to the owner's account) with
 * its masked form beside it for display; any change puts the account back to pending.
 */
export const BankAccount = defineEntity({
  name: 'BankAccount',
  tableName: 'affiliate_bank_account',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    affiliate: () => p.manyToOne(Affiliate).mapToPk().fieldName('affiliate_id'),
    /** the affiliate's account (owner of the KTP file, key of the ledger accounts) */
    account: () => p.manyToOne(Account).mapToPk().fieldName('account_id'),
    bankName: p.string().length(100),
    /** base64 of the sealed number; context `bank-account-number:{tenant}:{account}` */
    accountNumberSealed: p.text().hidden(),
    /** `******7890`: what the affiliate and lists show */
    accountNumberMasked: p.string().length(40),
    accountHolderName: p.string().length(100),
    ktpFile: () => p.manyToOne(FileObject).mapToPk().nullable().fieldName('ktp_file_id'),
    verificationStatus: p.enum(BANK_VERIFICATION_STATUSES).default('pending'),
    rejectionReason: p.string().length(500).nullable(),
    /** when the current KTP was submitted */
    submittedAt: p.datetime().nullable(),
    verifiedAt: p.datetime().nullable(),
    /** the admin who verified or rejected the current details */
    reviewedBy: () => p.manyToOne(Account).mapToPk().nullable().fieldName('reviewed_by_account_id'),
    reviewedAt: p.datetime().nullable(),
    /** grows with every change of the details or the KTP: an admin's decision names the version seen */
    version: p.integer().default(1),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ name: 'affiliate_bank_account_affiliate_unique', properties: ['tenant', 'affiliate'] }],
  indexes: [
    {
      name: 'affiliate_bank_account_review_idx',
      properties: ['tenant', 'verificationStatus', 'submittedAt'],
    },
  ],
});
export type BankAccount = InferEntity<typeof BankAccount>;
