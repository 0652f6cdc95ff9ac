import type { TRPCRouterRecord } from '@trpc/server';
import { adminProcedure } from '../../kernel/trpc.ts';
import * as s from './savings.schemas.ts';
import { transactionDetail } from './savings-detail.ts';

/** Administration of savings (not in the document: how a requested withdrawal ends). */
export const adminSavingsRouter = {
  decideWithdrawal: adminProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/admin/savings/withdrawals/{transaction_id}',
        tags: ['Admin: savings'],
        summary: 'Complete or reject a withdrawal (not in the document)',
        description:
          '`completed`: the cooperative paid the held amount to the member’s bank; `rejected`: it returns to the ' +
          'member’s balance and the withdrawal is `cancelled`. Once: a withdrawal already decided is 409.',
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
        { status: input.status, notes: input.notes ?? null },
        ctx.auth.accountId,
      );
      return transactionDetail(ctx, null, input.transaction_id);
    }),
} satisfies TRPCRouterRecord;
