import { DomainError, type MembershipType, validationError } from '@komisi/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import type { ApiContext } from '../../kernel/api-context.ts';
import type { AccessClaims } from '../../kernel/auth/access-token.ts';
import { readSetting } from '../../kernel/settings/tenant-settings.ts';
import { optionalAuthProcedure } from '../../kernel/trpc.ts';
import { formatLocalDateTime } from '../shared/zoned-time.ts';
import { presentUser } from './dtehm.presenters.ts';
import * as s from './dtehm.schemas.ts';

const tags = ['Membership'];

/**
 * The spec's document marks these endpoints public, but an anonymous caller could walk payment
 * ids and read other members' data, so a token is required unless the tenant opts out
 * (`settings.anonymousMembershipPayments`). A token must belong to the user: another user's
 * payment is reported as not found.
 */
function assertOwner(ctx: ApiContext, auth: AccessClaims | null, accountId: number, what: string) {
  if (!auth && !readSetting(ctx.tenant.settings, 'anonymousMembershipPayments')) {
    throw new DomainError('UNAUTHORIZED', 'Unauthenticated. Please provide a valid Bearer token.');
  }
  if (auth && auth.accountId !== accountId) throw new DomainError('NOT_FOUND', `${what} not found`);
}

async function membershipPayment(ctx: ApiContext, auth: AccessClaims | null, paymentId: number) {
  const payment = await ctx.services.payments.find(ctx.scope(), paymentId, 'membership');
  assertOwner(ctx, auth, payment.account, 'Payment');
  return payment;
}

export const membershipRouter = {
  initiatePayment: optionalAuthProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/membership/initiate-payment',
        tags,
        summary: 'Start the membership payment',
        description:
          'Opens the payment of the memberships chosen at registration and returns the payment page to send ' +
          'the member to. A payment still open for the same amount is handed out again instead of charging ' +
          'twice. Needs the member’s own token (unless the tenant allows anonymous membership payments); ' +
          'an already active membership is a 400.',
      },
      errors: [404],
      message: 'Payment initialized successfully',
    })
    .input(s.initiateMembershipInput)
    .output(s.initiateMembershipOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      assertOwner(ctx, ctx.auth, input.user_id, 'User');
      const profile = await ctx.services.membership.profile(scope, input.user_id);
      if (profile.status === 'active') {
        throw validationError(
          { user_id: ['The membership of this user is already active.'] },
          'Membership is already active',
        );
      }
      const quote = ctx.services.membership.quote(scope, profile);
      // A payment still open at the provider is handed out again instead of charging twice.
      const open = await ctx.services.payments.openPaymentOf(scope, profile.id, 'membership', quote.amount);
      const payment =
        open ??
        (await ctx.services.payments.create(scope, {
          accountId: profile.id,
          purpose: 'membership',
          subjectId: null,
          amount: quote.amount,
          requestedMethod: input.payment_method,
          callbackUrl: input.callback_url ?? null,
          description: `${quote.types.join(' + ')} membership for ${profile.name}`,
          customer: { email: profile.email, name: profile.name, phone: profile.phone },
          details: { membership_types: quote.types },
        }));
      return {
        payment_id: payment.id,
        amount: payment.amount,
        membership_types: quote.types,
        payment_url: payment.paymentUrl,
        tracking_id: payment.providerReference,
      };
    }),

  confirmPayment: optionalAuthProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/membership/confirm-payment',
        tags,
        summary: 'Confirm the membership payment',
        description:
          'Asks the payment provider for the payment’s status (the `status` field is ignored). Once paid, the ' +
          'membership is Active, the member numbers are assigned and the sponsor’s referral bonus (10,000 UGX ' +
          'per DTEHM membership) is recorded, once however often this is called. A payment still pending or ' +
          'failed answers 400 naming `payment_id`.',
      },
      errors: [404],
      message: 'Payment confirmed successfully. Your account is now active.',
    })
    .input(s.confirmMembershipInput)
    .output(s.confirmMembershipOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const pending = await membershipPayment(ctx, ctx.auth, input.payment_id);
      if (input.transaction_reference && input.transaction_reference !== pending.providerReference) {
        throw validationError({
          transaction_reference: ['The transaction reference does not match this payment.'],
        });
      }
      const payment = await ctx.services.payments.settle(scope, pending.id);
      if (payment.status !== 'completed') {
        const failed = payment.status === 'failed';
        throw new DomainError(
          failed ? 'PAYMENT_FAILED' : 'PAYMENT_PENDING',
          failed ? 'Payment failed' : 'Payment has not been completed yet',
          {
            fields: { payment_id: [`The payment provider reports this payment as ${payment.status}.`] },
          },
        );
      }
      const profile = await ctx.services.membership.profile(scope, payment.account);
      return {
        user: presentUser(profile, ctx.tenant.timeZone),
        dtehm_member_id: profile.dtehmMemberId,
        dip_member_id: profile.dipMemberId,
        membership_status: 'Active' as const,
        sponsor_commission_created: await ctx.services.membership.sponsorBonusPaid(scope, payment.id),
      };
    }),

  paymentStatus: optionalAuthProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/membership/payment-status/{payment_id}',
        tags,
        summary: 'Check a membership payment',
        description:
          'The payment’s amount, memberships and status. A pending payment is asked of the provider again, so ' +
          'polling this also completes the membership once paid. Another member’s payment is a 404.',
      },
    })
    .input(s.paymentStatusInput)
    .output(s.paymentStatusOutput)
    .query(async ({ ctx, input }) => {
      const found = await membershipPayment(ctx, ctx.auth, input.payment_id);
      // A pending payment is re-checked with the provider, so polling this endpoint also settles it.
      const payment =
        found.status === 'pending' ? await ctx.services.payments.settle(ctx.scope(), found.id) : found;
      const tz = ctx.tenant.timeZone;
      return {
        payment_id: payment.id,
        amount: payment.amount,
        status: payment.status,
        membership_types: (payment.details.membership_types as MembershipType[] | undefined) ?? [],
        transaction_reference: payment.providerReference,
        created_at: formatLocalDateTime(payment.createdAt, tz),
        paid_at: payment.paidAt ? formatLocalDateTime(payment.paidAt, tz) : null,
      };
    }),
} satisfies TRPCRouterRecord;
