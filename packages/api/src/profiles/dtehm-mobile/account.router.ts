import type { TRPCRouterRecord } from '@trpc/server';
import { authedProcedure } from '../../kernel/trpc.ts';
import { formatLocalDateTime, startOfLocalDay } from '../shared/zoned-time.ts';
import { levelRange, pagination, presentNetwork } from './dtehm.presenters.ts';
import * as s from './dtehm.schemas.ts';

const tags = ['Commissions & Network'];

export const accountRouter = {
  commissions: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/user/commissions',
        tags,
        summary: 'List my commissions',
        description:
          'The signed-in member’s commission lines, newest first: stockist, network (GN1–GN10) and membership ' +
          'referral bonuses, filtered by type and by a date range (the tenant’s local dates, both included). ' +
          'The summary gives the total of the lines filtered and the current balance.',
      },
    })
    .input(s.commissionsInput)
    .output(s.commissionsOutput)
    .query(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const tz = ctx.tenant.timeZone;
      const { items, window, total } = await ctx.services.commissions.list(
        scope,
        ctx.auth.accountId,
        {
          kind: input.commission_type,
          from: input.start_date ? startOfLocalDay(input.start_date, tz) : null,
          until: input.end_date ? startOfLocalDay(input.end_date, tz, 1) : null,
        },
        input.page,
        input.per_page,
      );
      return {
        commissions: items.map((c) => ({
          id: c.id,
          amount: c.amount,
          level: c.level,
          description: c.description,
          order_id: c.orderId == null ? null : String(c.orderId),
          reference_type: c.referenceType,
          reference_id: c.referenceId,
          date: formatLocalDateTime(c.createdAt, tz),
          status: 'completed' as const,
        })),
        summary: {
          total_commissions: total,
          current_balance: await ctx.services.commissions.balance(scope, ctx.auth.accountId),
          currency: ctx.tenant.currency,
        },
        pagination: pagination(window),
      };
    }),

  balance: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/user/balance',
        tags,
        summary: 'Get my balance',
        description: 'The sum of the signed-in member’s commission ledger, in the tenant’s currency.',
      },
    })
    .input(s.emptyInput)
    .output(s.balanceOutput)
    .query(async ({ ctx }) => ({
      balance: await ctx.services.commissions.balance(ctx.scope(), ctx.auth.accountId),
      currency: ctx.tenant.currency,
    })),

  network: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/user/network',
        tags,
        summary: 'Get my downline',
        description:
          'Members of the signed-in member’s sponsor tree, level 1 being the direct referrals; `level` picks ' +
          'all, direct or one level. The statistics count the whole downline, whatever the filter.',
      },
    })
    .input(s.networkInput)
    .output(s.networkOutput)
    .query(async ({ ctx, input }) => {
      const downline = ctx.services.downline;
      const deepest = downline.deepestLevel(ctx.scope());
      const { stats, members, window } = await downline.page(
        ctx.scope(),
        ctx.auth.accountId,
        levelRange(input.level, deepest),
        input.page,
        input.per_page,
      );
      return presentNetwork({ stats, members, window }, ctx.tenant.timeZone);
    }),
} satisfies TRPCRouterRecord;
