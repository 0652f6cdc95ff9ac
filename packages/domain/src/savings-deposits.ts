import { DomainError } from './errors.ts';
import type { SavingsProductTerms } from './savings-products.ts';
import { depositTypeOf } from './savings-transaction-types.ts';

/**
 * Deposits (koperasi-sinoman §4.2.1): which amounts each product takes, and the transfer's unique
 * code that tells apart two members sending the same amount to the cooperative's bank account.
 */

/** The codes a transfer's total may carry on top of the amount: 001 to 999 rupiah. */
export const UNIQUE_CODE_MIN = 1;
export const UNIQUE_CODE_MAX = 999;

/** Simpanan Wajib is paid in whole months, at most this many in one deposit. */
export const MAX_MANDATORY_MONTHS_AHEAD = 12;

/** An amount the rules refuse: 422 INVALID_AMOUNT naming `amount`. */
export function invalidAmount(message: string): DomainError {
  return new DomainError('VALIDATION_ERROR', message, {
    fields: { amount: [message] },
    details: { code: 'INVALID_AMOUNT' },
  });
}

/**
 * The checks of a deposit request that need no database: the type must be the account's product's
 * (422 naming `transaction_type`), the amount at least the product's minimum, and Simpanan Wajib a
 * whole number of monthly dues (the minimum) up to a year ahead (422 INVALID_AMOUNT naming `amount`).
 */
export function checkDeposit(
  product: Pick<SavingsProductTerms, 'code' | 'name' | 'minimumAmount' | 'depositSchedule'>,
  transactionType: string,
  amount: number,
): void {
  const expected = depositTypeOf(product.code);
  if (transactionType !== expected) {
    throw new DomainError('VALIDATION_ERROR', 'Validation failed for the request', {
      fields: { transaction_type: [`must be ${expected} for a ${product.name} account`] },
    });
  }
  if (!Number.isSafeInteger(amount) || amount <= 0)
    throw invalidAmount('Amount must be a whole number of rupiah');
  if (amount < product.minimumAmount) {
    throw invalidAmount(`Amount must be at least ${product.minimumAmount}`);
  }
  if (product.depositSchedule === 'monthly') {
    const months = amount / product.minimumAmount;
    if (!Number.isInteger(months) || months > MAX_MANDATORY_MONTHS_AHEAD) {
      throw invalidAmount(
        `Amount must be a whole number of monthly dues of ${product.minimumAmount} (at most ${MAX_MANDATORY_MONTHS_AHEAD})`,
      );
    }
  }
}

/** Simpanan Pokok is paid once in a lifetime: a second one, paid or still awaiting payment, is refused. */
export function checkOneTimeDeposit(
  product: Pick<SavingsProductTerms, 'depositSchedule' | 'name'>,
  alreadyPaidOrPending: boolean,
): void {
  if (product.depositSchedule === 'once' && alreadyPaidOrPending) {
    throw new DomainError(
      'RULE_VIOLATION',
      `${product.name} is paid once; it is already paid or awaiting payment`,
      {
        fields: { savings_account_id: ['already paid or awaiting payment'] },
        details: { code: 'DUPLICATE_DEPOSIT' },
      },
    );
  }
}

/**
 * The unique code of a new deposit: the smallest code whose total (`amount + code`) no pending
 * deposit of the tenant already asks for, so a transfer's total names one deposit; null when all
 * 999 totals are taken (the member tries again later or another amount).
 */
export function pickUniqueCode(amount: number, takenTotals: ReadonlySet<number>): number | null {
  for (let code = UNIQUE_CODE_MIN; code <= UNIQUE_CODE_MAX; code++) {
    if (!takenTotals.has(amount + code)) return code;
  }
  return null;
}

/** `7` → `'007'`: the code as the payment instructions print it. */
export const formatUniqueCode = (code: number): string => String(code).padStart(3, '0');

const BANK_NAMES: Readonly<Record<string, string>> = {
  bca: 'Bank BCA',
  bni: 'Bank BNI',
  bri: 'Bank BRI',
  mandiri: 'Bank Mandiri',
  echannel: 'Bank Mandiri',
  permata: 'Bank Permata',
  cimb: 'Bank CIMB Niaga',
};

/** A gateway's bank code as a member reads it (`bca` → `Bank BCA`); an unknown code in capitals after "Bank". */
export function bankDisplayName(code: string): string {
  return BANK_NAMES[code.toLowerCase()] ?? `Bank ${code.toUpperCase()}`;
}
