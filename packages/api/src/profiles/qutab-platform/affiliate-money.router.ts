import type { TRPCRouterRecord } from '@trpc/server';
import { uploaded } from '../shared/uploads.ts';
import { affiliateProcedure, approvedAffiliateProcedure } from './affiliate.procedures.ts';
import { presentBankAccount, presentPayout } from './affiliate-money.presenters.ts';
import * as a from './affiliate-money.schemas.ts';
import { presentPagination } from './qutab.presenters.ts';
import * as s from './qutab.schemas.ts';

const tags = ['Affiliate: bank account and payouts'];

export const affiliateMoneyRouter = {
  bankAccount: affiliateProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/affiliate/bank-account',
        tags,
        summary: 'Get saved bank account (null when none)',
        description:
          'The payout account with its number masked, its verification status (pending, verified or ' +
          'rejected with the reason) and whether a KTP was sent. `data` is null before one is saved.',
      },
    })
    .input(s.emptyInput)
    .output(a.bankAccountOutput)
    .query(async ({ ctx }) =>
      presentBankAccount(await ctx.services.bankAccounts.get(ctx.scope(), ctx.auth.accountId)),
    ),

  saveBankAccount: affiliateProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/affiliate/bank-account',
        tags,
        summary: 'Save/update bank account',
        description:
          'Any change sets verification back to pending. `ktp_image` (JPEG/PNG, at most 5 MB) may come along; ' +
          'it can also be sent alone to /affiliate/bank-account/verify.',
      },
      uploads: ['ktp_image'],
      errors: [409, 422],
    })
    .input(a.saveBankAccountInput)
    .output(a.bankAccountOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      let saved = await ctx.services.bankAccounts.save(scope, ctx.auth.accountId, {
        bankName: input.bank_name,
        accountNumber: input.account_number,
        accountHolderName: input.account_holder_name,
      });
      if (input.ktp_image) {
        saved = await ctx.services.bankAccounts.submitKtp(
          scope,
          ctx.auth.accountId,
          uploaded(input.ktp_image, 'ktp_image'),
        );
      }
      return presentBankAccount(saved);
    }),

  submitKtp: affiliateProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/affiliate/bank-account/verify',
        tags,
        summary: 'Submit KTP for verification',
        description:
          'JPEG or PNG (checked by content, not name), at most 5 MB; re-encoded without metadata, stored encrypted, ' +
          'seen only by the affiliate and the admins through short-lived links.',
      },
      uploads: ['ktp_image'],
      errors: [409, 422],
    })
    .input(a.ktpInput)
    .output(a.bankAccountOutput)
    .mutation(async ({ ctx, input }) =>
      presentBankAccount(
        await ctx.services.bankAccounts.submitKtp(
          ctx.scope(),
          ctx.auth.accountId,
          uploaded(input.ktp_image, 'ktp_image'),
        ),
      ),
    ),

  requestPayout: approvedAffiliateProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/affiliate/payout/request',
        tags,
        summary: 'Request withdrawal',
        description:
          'Needs a verified bank account, at least the minimum payout and at most the available balance; the ' +
          'amount is held at once, so concurrent requests cannot overdraw.',
      },
      successStatus: 201,
      message: 'Payout requested',
      errors: [400, 409, 422],
    })
    .input(a.payoutRequestInput)
    .output(a.payoutOutput)
    .mutation(async ({ ctx, input }) =>
      presentPayout(await ctx.services.payouts.request(ctx.scope(), ctx.auth.accountId, input.amount)),
    ),

  payoutHistory: approvedAffiliateProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/affiliate/payout/history',
        tags,
        summary: 'Get payout history',
        description:
          'The affiliate’s payout requests, newest first: pending, processing, paid (with the payment ' +
          'date) or failed (the amount went back to the balance).',
      },
    })
    .input(a.pageInput)
    .output(a.payoutHistoryOutput)
    .query(async ({ ctx, input }) => {
      const { items, window } = await ctx.services.payouts.history(ctx.scope(), ctx.auth.accountId, input);
      return { payouts: items.map(presentPayout), pagination: presentPagination(window) };
    }),
} satisfies TRPCRouterRecord;
