// Savings as the koperasi-sinoman document shows them (§4).
import {
  BASIS_POINTS_PER_WHOLE,
  formatUniqueCode,
  type PageWindow,
  SYSTEM_PROCESSOR,
  transactionTypeOf,
} from '@komisi/domain';
import type { MemberCard } from '../../contexts/cooperative/cooperative-members.service.ts';
import type { OpenedSavingsAccount } from '../../contexts/savings/savings-accounts.service.ts';
import type { CreatedDeposit } from '../../contexts/savings/savings-deposits.service.ts';
import type {
  TransactionDetail,
  TransactionListItem,
} from '../../contexts/savings/savings-history.service.ts';
import type { SavingsProduct } from '../../contexts/savings/savings-product.entity.ts';
import type { SavingsTransaction } from '../../contexts/savings/savings-transaction.entity.ts';

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export function presentSavingsType(product: SavingsProduct) {
  return {
    id: product.publicId,
    name: product.name,
    code: product.code,
    description: product.description,
    minimum_amount: product.minimumAmount,
    is_withdrawable: product.isWithdrawable,
    is_mandatory: product.isMandatory,
  };
}

function accountFields({ account, balance }: OpenedSavingsAccount) {
  return {
    id: account.publicId,
    account_number: account.accountNumber,
    balance,
    virtual_account_number: account.virtualAccountNumber,
    status: account.status,
    opened_date: iso(account.openedAt),
  };
}

export function presentAccounts(accounts: OpenedSavingsAccount[], lastMovements: Map<number, Date>) {
  const sum = (of: (a: OpenedSavingsAccount) => boolean) =>
    accounts.filter(of).reduce((total, a) => total + a.balance, 0);
  return {
    accounts: accounts.map((a) => ({
      ...accountFields(a),
      savings_type: presentSavingsType(a.product),
      last_transaction_date: isoOrNull(lastMovements.get(a.account.id)),
    })),
    total_balance: sum(() => true),
    summary: {
      mandatory_savings: sum((a) => a.product.isMandatory),
      voluntary_savings: sum((a) => !a.product.isMandatory),
      withdrawable_balance: sum((a) => a.product.isWithdrawable),
    },
  };
}

export function presentAccount(opened: OpenedSavingsAccount, interestEarned: number) {
  return {
    account: {
      ...accountFields(opened),
      savings_type: {
        ...presentSavingsType(opened.product),
        interest_rate: opened.product.interestRateBp / BASIS_POINTS_PER_WHOLE,
      },
      last_interest_calculated_at: isoOrNull(opened.account.lastInterestCalculatedAt),
      total_interest_earned: interestEarned,
      created_at: iso(opened.account.createdAt),
      updated_at: iso(opened.account.updatedAt),
    },
  };
}

const typeOf = (t: SavingsTransaction) => transactionTypeOf(t.typeCode, t.category);

export function presentDeposit({ transaction: t, account, instructions: i }: CreatedDeposit) {
  return {
    transaction: {
      id: t.publicId,
      transaction_number: t.transactionNumber,
      savings_account_id: account.publicId,
      transaction_type: typeOf(t),
      amount: t.amount,
      description: t.description ?? null,
      balance_before: t.balanceBefore,
      balance_after: t.balanceAfter,
      payment_method: t.paymentMethod ?? 'bank_transfer',
      payment_reference: t.paymentReference ?? '',
      status: t.status,
      created_at: iso(t.createdAt),
      payment_instructions: {
        bank_name: i.bankName,
        account_number: i.accountNumber,
        account_name: i.accountName,
        amount: i.amount,
        unique_code: formatUniqueCode(i.uniqueCode),
        total_amount: i.totalAmount,
        payment_deadline: iso(i.deadline),
        payment_url: i.paymentUrl,
      },
    },
  };
}

export function presentWithdrawal(t: SavingsTransaction, accountPublicId: string, processingHours: number) {
  const bank = t.bankAccount ?? {};
  return {
    transaction: {
      id: t.publicId,
      transaction_number: t.transactionNumber,
      savings_account_id: accountPublicId,
      amount: t.amount,
      description: t.description ?? null,
      balance_before: t.balanceBefore,
      balance_after: t.balanceAfter,
      status: t.status,
      created_at: iso(t.createdAt),
      processing_time: `${processingHours} hours`,
      withdrawal_info: {
        bank_name: bank.bank_name ?? '',
        account_number: bank.account_number ?? '',
        account_name: bank.account_name ?? '',
        estimated_completion: iso(new Date(t.createdAt.getTime() + processingHours * 3_600_000)),
      },
    },
  };
}

export function presentTransactionItem(t: TransactionListItem) {
  const { id: _id, ...type } = transactionTypeOf(t.typeCode, t.category);
  return {
    id: t.publicId,
    transaction_number: t.transactionNumber,
    savings_account: {
      id: t.account.publicId,
      account_number: t.account.accountNumber,
      savings_type: t.productName,
    },
    transaction_type: type,
    amount: t.amount,
    description: t.description,
    balance_before: t.balanceBefore,
    balance_after: t.balanceAfter,
    payment_method: t.paymentMethod,
    payment_reference: t.paymentReference,
    status: t.status,
    processed_at: isoOrNull(t.processedAt),
    created_at: iso(t.createdAt),
  };
}

/** Who processed it: an administrator, the gateway (processed with nobody named), or nobody yet. */
function processorOf(t: SavingsTransaction, name: string | null) {
  if (!t.processedAt) return null;
  if (t.processedBy == null) return { ...SYSTEM_PROCESSOR };
  return { id: String(t.processedBy), name: name ?? 'Administrator' };
}

export function presentTransactionDetail(detail: TransactionDetail, member: MemberCard | undefined) {
  const { transaction: t, account, product } = detail;
  const bank = t.bankAccount;
  return {
    transaction: {
      id: t.publicId,
      transaction_number: t.transactionNumber,
      member: member
        ? { id: member.publicId, member_number: member.memberNumber, full_name: member.fullName }
        : null,
      savings_account: {
        id: account.publicId,
        account_number: account.accountNumber,
        savings_type: { name: product.name, code: product.code },
      },
      transaction_type: typeOf(t),
      amount: t.amount,
      description: t.description ?? null,
      balance_before: t.balanceBefore,
      balance_after: t.balanceAfter,
      payment_method: t.paymentMethod ?? null,
      payment_reference: t.paymentReference ?? null,
      payment_gateway_response: t.gatewayResponse ?? null,
      bank_account: bank
        ? {
            bank_name: bank.bank_name ?? '',
            account_number: bank.account_number ?? '',
            account_name: bank.account_name ?? '',
          }
        : null,
      status: t.status,
      processed_at: isoOrNull(t.processedAt),
      processed_by: processorOf(t, detail.processorName),
      notes: t.notes ?? null,
      created_at: iso(t.createdAt),
      updated_at: iso(t.updatedAt),
    },
  };
}

export const presentPagination = (w: PageWindow) => ({
  current_page: w.current_page,
  total_pages: w.last_page,
  total_items: w.total,
  items_per_page: w.per_page,
  has_next: w.current_page < w.last_page,
  has_prev: w.current_page > 1,
});
