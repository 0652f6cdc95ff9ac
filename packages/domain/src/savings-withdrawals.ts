import { DomainError } from './errors.ts';
import { invalidAmount } from './savings-deposits.ts';
import type { SavingsProductTerms } from './savings-products.ts';

/**
 * Withdrawals (koperasi-sinoman §4.2.2): only a withdrawable product's account (Simpanan Sukarela),
 * at least its minimum, at most its balance at the moment the amount is held.
 */

/** `50000` → `Rp 50,000`, as the document's messages write rupiah. */
export function formatRupiah(amount: number): string {
  const digits = String(Math.abs(Math.trunc(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 ? '-' : ''}Rp ${digits}`;
}

/** The request's own checks, before any lock: the product must be withdrawable, the amount its minimum or more. */
export function checkWithdrawalRequest(
  product: Pick<SavingsProductTerms, 'isWithdrawable' | 'name' | 'minimumAmount'>,
  amount: number,
): void {
  if (!product.isWithdrawable) {
    throw new DomainError('RULE_VIOLATION', `${product.name} cannot be withdrawn`, {
      fields: { savings_account_id: ['only voluntary savings (Simpanan Sukarela) can be withdrawn'] },
      details: { code: 'WITHDRAWAL_NOT_ALLOWED' },
    });
  }
  if (!Number.isSafeInteger(amount) || amount <= 0) throw invalidAmount('Amount must be greater than 0');
  if (amount < product.minimumAmount) throw invalidAmount(`Amount must be at least ${product.minimumAmount}`);
}

/**
 * The balance check, made under the account's lock: 400 INSUFFICIENT_BALANCE exactly as §7.4 shows it
 * (`details` the balance and the request in rupiah, `field` amount).
 */
export function checkWithdrawalBalance(balance: number, amount: number): void {
  if (amount <= balance) return;
  const details = `Current balance: ${formatRupiah(balance)}, Requested: ${formatRupiah(amount)}`;
  throw new DomainError('INSUFFICIENT_BALANCE', 'Insufficient balance for withdrawal', {
    fields: { amount: [details] },
    details,
  });
}
