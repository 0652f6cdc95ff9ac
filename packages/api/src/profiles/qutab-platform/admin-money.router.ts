import type { TRPCRouterRecord } from '@trpc/server';
import type { BankAccountReview } from '../../contexts/referral-affiliates/bank-accounts/bank-account-views.ts';
import type { AdminPayoutView } from '../../contexts/referral-affiliates/payouts/payout-views.ts';
import { adminProcedure } from '../../kernel/trpc.ts';
import * as a from './admin-money.schemas.ts';
import { presentPayout } from './affiliate-money.presenters.ts';
import { presentPagination } from './qutab.presenters.ts';

const tags = ['Admin: bank accounts and payouts'];

const presentReview = (r: BankAccountReview) => ({
  id: String(r.id),
  bank_name: r.bankName,
  account_number: r.accountNumber,
  account_holder_name: r.accountHolderName,
  verification_status: r.verificationStatus,
  ktp_url: r.ktpUrl,
  version: r.version,
  affiliate: {
    id: String(r.affiliate.id),
    name: r.affiliate.name,
    email: r.affiliate.email,
    whatsapp: r.affiliate.whatsapp,
  },
  submitted_at: r.submittedAt?.toISOString() ?? null,
});

const presentAdminPayout = (p: AdminPayoutView) => ({
  ...presentPayout(p),
  affiliate_id: String(p.affiliateId),
  account_number_full: p.accountNumber,
  account_holder_name: p.accountHolderName,
  transfer_reference: p.transferReference,
});

const viewer = (ctx: { auth: { accountId: number } }) => ({ accountId: ctx.auth.accountId, isAdmin: true });

export const adminMoneyRouter = {
  pendingBankAccounts: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/bank-accounts/pending',
        tags,
        summary: 'Bank accounts waiting for KTP verification',
        description: 'Full account numbers and short-lived KTP links, oldest submission first.',
      },
    })
    .input(a.pageInput)
    .output(a.bankReviewListOutput)
    .query(async ({ ctx, input }) => {
      const { items, window } = await ctx.services.bankAccounts.pendingVerifications(
        ctx.scope(),
        viewer(ctx),
        {
          ...input,
          baseUrl: ctx.baseUrl,
        },
      );
      return { bank_accounts: items.map(presentReview), pagination: presentPagination(window) };
    }),

  verifyBankAccount: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/bank-accounts/{id}/verify',
        tags,
        summary: 'Verify a bank account (its KTP matches)',
        description: 'Only a pending account with a KTP (409 otherwise); send the `version` you reviewed.',
      },
      errors: [409],
    })
    .input(a.bankDecisionInput)
    .output(a.bankReview)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      await ctx.services.bankAccounts.verify(scope, input.id, ctx.auth.accountId, {
        expectedVersion: input.version,
      });
      return presentReview(
        await ctx.services.bankAccounts.review(scope, input.id, viewer(ctx), { baseUrl: ctx.baseUrl }),
      );
    }),

  rejectBankAccount: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/bank-accounts/{id}/reject',
        tags,
        summary: 'Reject a bank account with a reason (the affiliate resubmits)',
        description:
          'Only a pending account with a KTP (409 otherwise); send the `version` you reviewed. The ' +
          'affiliate sees the reason and saves the account or sends a KTP again.',
      },
      errors: [409, 422],
    })
    .input(a.bankRejectInput)
    .output(a.bankReview)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      await ctx.services.bankAccounts.reject(scope, input.id, ctx.auth.accountId, input.reason, {
        expectedVersion: input.version,
      });
      return presentReview(
        await ctx.services.bankAccounts.review(scope, input.id, viewer(ctx), { baseUrl: ctx.baseUrl }),
      );
    }),

  listPayouts: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/payouts',
        tags,
        summary: 'Payout requests, oldest first',
        description:
          'Admin only. Payout requests with the full account number and holder, optionally of one ' +
          'status.',
      },
    })
    .input(a.adminPayoutListInput)
    .output(a.adminPayoutListOutput)
    .query(async ({ ctx, input }) => {
      const { items, window } = await ctx.services.payoutProcessing.list(ctx.scope(), input);
      return { payouts: items.map(presentAdminPayout), pagination: presentPagination(window) };
    }),

  approvePayout: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/payouts/{id}/approve',
        tags,
        summary: 'Approve a payout: processing (the transfer is being made)',
        description:
          'Only a pending payout (409 otherwise). Then transfer the money and mark the payout paid ' +
          'with the transfer reference.',
      },
      errors: [409],
    })
    .input(a.payoutNoteInput)
    .output(a.adminPayoutOutput)
    .mutation(async ({ ctx, input }) =>
      presentAdminPayout(
        await ctx.services.payoutProcessing.markProcessing(
          ctx.scope(),
          input.id,
          ctx.auth.accountId,
          input.note ?? undefined,
        ),
      ),
    ),

  markPayoutPaid: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/payouts/{id}/paid',
        tags,
        summary: 'Mark a payout paid with the transfer reference',
        description: 'Once; the covered referrals read paid.',
      },
      errors: [409, 422],
    })
    .input(a.payoutPaidInput)
    .output(a.adminPayoutOutput)
    .mutation(async ({ ctx, input }) =>
      presentAdminPayout(
        await ctx.services.payoutProcessing.markPaid(
          ctx.scope(),
          input.id,
          ctx.auth.accountId,
          input.transfer_reference,
          input.note ?? undefined,
        ),
      ),
    ),

  rejectPayout: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/payouts/{id}/reject',
        tags,
        summary: 'Reject (or fail) a payout: the amount returns to the available balance',
        description:
          'A pending or processing payout (409 otherwise) is failed with the reason, which the ' +
          'affiliate sees as its notes.',
      },
      errors: [409, 422],
    })
    .input(a.payoutRejectInput)
    .output(a.adminPayoutOutput)
    .mutation(async ({ ctx, input }) =>
      presentAdminPayout(
        await ctx.services.payoutProcessing.markFailed(
          ctx.scope(),
          input.id,
          ctx.auth.accountId,
          input.reason,
        ),
      ),
    ),
} satisfies TRPCRouterRecord;
