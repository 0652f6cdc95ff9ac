import { validationError } from '@komisi/domain';

export interface BankAccountFields {
  bankName: string;
  accountNumber: string;
  accountHolderName: string;
}

/** The sealed account number is bound to its owner: a copied ciphertext does not open on another row. */
export function bankNumberContext(tenantId: number, accountId: number): string {
  return `bank-account-number:${tenantId}:${accountId}`;
}

/** Trimmed, runs of spaces made one. */
export const collapse = (s: string) => s.trim().replace(/\s+/g, ' ');

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
