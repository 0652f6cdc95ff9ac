import type { SavingsCode } from './savings-products.ts';

/**
 * The kinds of savings transaction (koperasi-sinoman §4.2): constants, not rows. Each `id` is a
 * UUID v5 of its code (namespace: the v5 of `https://komisi.dev/koperasi-sinoman/savings-transaction-types`
 * in the URL namespace), so it never changes and every tenant shows the same one.
 */
export type SavingsTransactionCategory = 'deposit' | 'withdrawal' | 'interest' | 'bonus';

export interface SavingsTransactionType {
  id: string;
  code: string;
  name: string;
  category: SavingsTransactionCategory;
  /** the product whose account it moves */
  productCode: SavingsCode;
}

const TYPES: readonly SavingsTransactionType[] = [
  {
    id: '326c0e2e-8eae-56e2-a9b9-77ac67644b5d',
    code: 'SP_DEPOSIT',
    name: 'Setoran Simpanan Pokok',
    category: 'deposit',
    productCode: 'SP',
  },
  {
    id: '7e09f99c-9158-5a79-8a98-f1d5172aad66',
    code: 'SW_DEPOSIT',
    name: 'Setoran Simpanan Wajib',
    category: 'deposit',
    productCode: 'SW',
  },
  {
    id: '48b24c20-2db6-5179-a91c-b1a4b5eddbf6',
    code: 'SS_DEPOSIT',
    name: 'Setoran Simpanan Sukarela',
    category: 'deposit',
    productCode: 'SS',
  },
  {
    id: 'e35f2238-621d-5128-af7c-7e59556db4f0',
    code: 'SS_WITHDRAWAL',
    name: 'Penarikan Simpanan Sukarela',
    category: 'withdrawal',
    productCode: 'SS',
  },
  {
    id: '3b5e4657-268f-5314-a7eb-400b3b9fa2fa',
    code: 'SS_INTEREST',
    name: 'Bunga Simpanan Sukarela',
    category: 'interest',
    productCode: 'SS',
  },
  {
    id: 'eb41f4b0-5671-50b3-856d-68bb22bd644b',
    code: 'REFERRAL_BONUS',
    name: 'Bonus Referral',
    category: 'bonus',
    productCode: 'SS',
  },
];

export const SAVINGS_TRANSACTION_TYPES: ReadonlyMap<string, SavingsTransactionType> = new Map(
  TYPES.map((t) => [t.code, t]),
);

/** The deposit type codes a member may send (`transaction_type` of POST /savings/transactions). */
export const DEPOSIT_TYPE_CODES = ['SP_DEPOSIT', 'SW_DEPOSIT', 'SS_DEPOSIT'] as const;
export type DepositTypeCode = (typeof DEPOSIT_TYPE_CODES)[number];

/** The deposit type of a product's account: `SS` → `SS_DEPOSIT`. */
export const depositTypeOf = (product: SavingsCode): DepositTypeCode => `${product}_DEPOSIT`;

/** The withdrawal type of a product's account (only SS is withdrawable as the document sets it up). */
export const withdrawalTypeOf = (product: SavingsCode) => `${product}_WITHDRAWAL`;

/**
 * A transaction's type as answers show it. A code this list does not know (written by a newer
 * feature) still shows: its code as the name, no id, the category its row records.
 */
export function transactionTypeOf(
  code: string,
  category: SavingsTransactionCategory,
): { id: string | null; name: string; code: string; category: SavingsTransactionCategory } {
  const known = SAVINGS_TRANSACTION_TYPES.get(code);
  return known
    ? { id: known.id, name: known.name, code, category: known.category }
    : { id: null, name: code, code, category };
}

/** Who processed a transaction the gateway settled (the document's `processed_by` of such a transaction). */
export const SYSTEM_PROCESSOR = {
  id: 'e1402219-e32d-5cb0-809d-c60ce2723838',
  name: 'System Auto-Process',
} as const;
