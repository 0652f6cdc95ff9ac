import type { TRPCRouterRecord } from '@trpc/server';
import type { WithdrawalQueueRow } from '../../contexts/reporting/withdrawal-queue.service.ts';
import { adminProcedure } from '../../kernel/trpc.ts';
import { pagination } from './pagination.schemas.ts';
import * as s from './savings.schemas.ts';
import { transactionDetail } from './savings-detail.ts';

const tags = ['Admin: savings'];

const presentQueuedWithdrawal = (w: WithdrawalQueueRow) => ({
  id: w.publicId,
  transaction_number: w.transactionNumber,
  member: w.member && {
    id: w.member.publicId,
    member_number: w.member.memberNumber,
    full_name: w.member.fullName,
  },
  savings_account: {
    id: w.savingsAccount.publicId,
    account_number: w.savingsAccount.accountNumber,
    savings_type: { name: w.savingsAccount.productName, code: w.savingsAccount.productCode },
  },
  amount: w.amount,
  description: w.description,
  bank_account: w.bankAccount && {
    bank_name: w.bankAccount.bank_name ?? '',
    account_number: w.bankAccount.account_number ?? '',
    account_name: w.bankAccount.account_name ?? '',
  },
  status: w.status,
  payment_reference: w.paymentReference,
  notes: w.notes,
  requested_at: w.requestedAt.toISOString(),
  processed_at: w.processedAt?.toISOString() ?? null,
});

/** Administration of savings (not in the document: how a requested withdrawal ends). */
export const adminSavingsRouter = {
  withdrawals: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/savings/withdrawals',
        tags,
        summary: 'List withdrawals to complete or reject (not in the document)',
        description:
          'The withdrawals members asked for: those waiting for a decision (`pending`, `processing`) first, ' +
          'oldest first, then the decided ones, newest first. Filters: `status`, `search` (words of the ' +
          'member’s name, email or member number, each matching the start of a word; or a whole member ' +
          'number), `start_date`/`end_date` (local days of the request). `summary` counts what still waits, ' +
          'whatever the filters.',
      },
      errors: [403, 422],
    })
    .input(s.withdrawalListInput)
    .output(s.withdrawalListOutput)
    .query(async ({ ctx, input }) => {
      const page = await ctx.services.withdrawalQueue.list(ctx.scope(), {
        status: input.status,
        search: input.search,
        startDate: input.start_date,
        endDate: input.end_date,
        page: input.page,
        limit: input.limit,
      });
      return {
        withdrawals: page.withdrawals.map(presentQueuedWithdrawal),
        summary: { waiting_withdrawals: page.waiting.count, waiting_amount: page.waiting.amount },
        pagination: pagination(page.window),
      };
    }),

  decideWithdrawal: adminProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/admin/savings/withdrawals/{transaction_id}',
        tags,
        summary: 'Complete or reject a withdrawal (not in the document)',
        description:
          '`completed`: the cooperative paid the held amount to the member’s bank; `rejected`: it returns to the ' +
          'member’s balance and the withdrawal is `cancelled`. `transfer_reference` (completed only) is kept as the ' +
          'transaction’s `payment_reference`. Once: a withdrawal already decided is 409.',
      },
      message: 'Withdrawal updated successfully',
      errors: [404, 409, 422],
    })
    .input(s.decideWithdrawalInput)
    .output(s.transactionOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.savingsWithdrawals.decide(
        ctx.scope(),
        input.transaction_id,
        {
          status: input.status,
          notes: input.notes ?? null,
          transferReference: input.transfer_reference ?? null,
        },
        ctx.auth.accountId,
      );
      return transactionDetail(ctx, null, input.transaction_id);
    }),
} satisfies TRPCRouterRecord;
