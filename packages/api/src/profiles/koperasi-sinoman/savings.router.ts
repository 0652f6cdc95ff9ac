import type { TRPCRouterRecord } from '@trpc/server';
import { accountNotFound } from '../../contexts/savings/owned-accounts.ts';
import { savingsSettingsOf } from '../../contexts/savings/savings-settings.ts';
import { authedProcedure } from '../../kernel/trpc.ts';
import { startOfLocalDay } from '../shared/zoned-time.ts';
import * as p from './savings.presenters.ts';
import * as s from './savings.schemas.ts';
import { transactionDetail } from './savings-detail.ts';
import { summaryInput, summaryOutput } from './savings-summary.schemas.ts';

const tags = ['Savings'];

/** koperasi-sinoman §4: the signed-in member's savings accounts, deposits, withdrawals and reports. */
export const savingsRouter = {
  accounts: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/savings/accounts',
        tags,
        summary: 'Get savings accounts',
        description:
          'The member’s Simpanan Pokok, Wajib and Sukarela accounts with their balances (ledger sums), the total, ' +
          'and the mandatory, voluntary and withdrawable parts.',
      },
    })
    .input(s.emptyInput)
    .output(s.accountsOutput)
    .query(async ({ ctx }) => {
      const scope = ctx.scope();
      const [accounts, last] = await Promise.all([
        ctx.services.savingsAccounts.accountsOf(scope, ctx.auth.accountId),
        ctx.services.savingsHistory.lastMovements(scope, ctx.auth.accountId),
      ]);
      return p.presentAccounts(accounts, last);
    }),

  account: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/savings/accounts/{account_id}',
        tags,
        summary: 'Get single savings account',
        description:
          'One of the member’s accounts, with its yearly interest rate and the interest earned so far. ' +
          'Another member’s account is 404 ACCOUNT_NOT_FOUND.',
      },
      errors: [404, 422],
    })
    .input(s.accountInput)
    .output(s.accountOutput)
    .query(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const accounts = await ctx.services.savingsAccounts.accountsOf(scope, ctx.auth.accountId);
      const opened = accounts.find((a) => a.account.publicId === input.account_id);
      if (!opened) throw accountNotFound();
      return p.presentAccount(
        opened,
        await ctx.services.savingsHistory.interestEarned(scope, opened.account.id),
      );
    }),

  createDeposit: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/savings/transactions',
        tags,
        summary: 'Create deposit transaction',
        description:
          'A pending deposit and its payment: transfer `total_amount` (the amount plus a 3-digit unique code, ' +
          'which tells transfers of the same amount apart) before `payment_deadline`. The savings grow by exactly ' +
          '`amount` when the payment settles. `transaction_type` must be the account’s (SP_DEPOSIT, SW_DEPOSIT, ' +
          'SS_DEPOSIT); Simpanan Pokok is paid once (400 DUPLICATE_DEPOSIT); Simpanan Wajib in whole months of dues ' +
          '(at most 12); below the minimum is 422 INVALID_AMOUNT. `balance_before`/`balance_after` project the ' +
          'deposit on today’s balance.',
      },
      successStatus: 201,
      message: 'Transaction created successfully',
      errors: [400, 404, 422, 503],
    })
    .input(s.depositInput)
    .output(s.depositOutput)
    .mutation(async ({ ctx, input }) =>
      p.presentDeposit(
        await ctx.services.savingsDeposits.create(ctx.scope(), ctx.auth.accountId, {
          savingsAccountId: input.savings_account_id,
          transactionType: input.transaction_type,
          amount: input.amount,
          description: input.description ?? null,
          paymentMethod: input.payment_method,
        }),
      ),
    ),

  createWithdrawal: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/savings/withdrawals',
        tags,
        summary: 'Create withdrawal transaction',
        description:
          'Voluntary savings only (400 WITHDRAWAL_NOT_ALLOWED otherwise). The amount leaves the balance at once ' +
          '(held until the cooperative pays it or refuses it), so concurrent requests cannot overdraw: more than ' +
          'the balance is 400 INSUFFICIENT_BALANCE.',
      },
      successStatus: 201,
      message: 'Withdrawal request created successfully',
      errors: [400, 404, 422],
    })
    .input(s.withdrawalInput)
    .output(s.withdrawalOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const withdrawal = await ctx.services.savingsWithdrawals.request(scope, ctx.auth.accountId, {
        savingsAccountId: input.savings_account_id,
        amount: input.amount,
        description: input.description ?? null,
        bankAccount: input.bank_account,
      });
      const hours = savingsSettingsOf(scope.tenant).withdrawalProcessingHours;
      return p.presentWithdrawal(withdrawal, input.savings_account_id, hours);
    }),

  transactions: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/savings/transactions',
        tags,
        summary: 'Get transaction history',
        description:
          'The member’s transactions, newest first. `type`: deposit, withdrawal (also interest, bonus); dates are ' +
          'days in the cooperative’s time zone, both included.',
      },
      errors: [422],
    })
    .input(s.transactionsInput)
    .output(s.transactionsOutput)
    .query(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const zone = scope.tenant.timeZone;
      const { items, window } = await ctx.services.savingsHistory.list(scope, ctx.auth.accountId, {
        accountId: input.account_id,
        category: input.type,
        status: input.status,
        from: input.start_date ? startOfLocalDay(input.start_date, zone) : undefined,
        until: input.end_date ? startOfLocalDay(input.end_date, zone, 1) : undefined,
        page: input.page,
        limit: input.limit,
      });
      return { transactions: items.map(p.presentTransactionItem), pagination: p.presentPagination(window) };
    }),

  transaction: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/savings/transactions/{transaction_id}',
        tags,
        summary: 'Get transaction details',
        description:
          'One of the member’s transactions with what the gateway reported; another member’s is 404.',
      },
      errors: [404, 422],
    })
    .input(s.transactionInput)
    .output(s.transactionOutput)
    .query(({ ctx, input }) => transactionDetail(ctx, ctx.auth.accountId, input.transaction_id)),

  summary: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/savings/summary',
        tags,
        summary: 'Get savings summary',
        description:
          '`period`: month (this month), quarter and year (the last 3 or 12 months, this one included) or all. ' +
          '`monthly_deposit` is the period’s deposits per month; `shu_projection` the member’s share of the SHU ' +
          'paid on savings (jasa modal), from the cooperative’s estimate.',
      },
      errors: [422],
    })
    .input(summaryInput)
    .output(summaryOutput)
    .query(async ({ ctx, input }) =>
      ctx.services.savingsSummary.summary(ctx.scope(), ctx.auth.accountId, input.period),
    ),
} satisfies TRPCRouterRecord;
