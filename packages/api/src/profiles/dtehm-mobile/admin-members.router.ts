import type { TRPCRouterRecord } from '@trpc/server';
import type { ApiContext } from '../../kernel/api-context.ts';
import { adminProcedure } from '../../kernel/trpc.ts';
import {
  presentMemberDetail,
  presentMemberRow,
  STANDING_FROM_LABEL,
  standingLabel,
} from './admin.presenters.ts';
import { levelRange, paginationWithRange, presentNetwork } from './dtehm.presenters.ts';
import * as s from './dtehm.schemas.ts';

const tags = ['Admin: members'];

const detail = async (ctx: ApiContext, accountId: number) =>
  presentMemberDetail(
    await ctx.services.memberAdmin.detail(ctx.scope(), accountId),
    ctx.tenant.currency,
    ctx.tenant.timeZone,
  );

/** The network's members for administrators: find, inspect, designate stockists, suspend. */
export const adminMembersRouter = {
  members: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/members',
        tags,
        summary: 'List members',
        description:
          'Admin only. The network’s members, newest first unless `sort_by`/`sort_order` say otherwise. ' +
          '`search` takes a member number (DTEHM or DIP, whole or in part) or part of a name, email or phone ' +
          'number; `status` (Pending, Active, Suspended), `membership` (dtehm, dip) and `stockist` (Yes, No) ' +
          'filter. Staff accounts are not members and are not listed.',
      },
    })
    .input(s.adminMembersInput)
    .output(s.adminMembersOutput)
    .query(async ({ ctx, input }) => {
      const { members, window } = await ctx.services.memberAdmin.list(ctx.scope(), {
        page: input.page,
        perPage: input.per_page,
        search: input.search,
        standing: input.status && STANDING_FROM_LABEL[input.status],
        membership: input.membership === 'all' ? undefined : input.membership,
        stockist: input.stockist === undefined ? undefined : input.stockist === 'Yes',
        sortBy: input.sort_by,
        sortOrder: input.sort_order,
      });
      return {
        members: members.map((m) => presentMemberRow(m, ctx.tenant.timeZone)),
        pagination: paginationWithRange(window),
      };
    }),

  member: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/members/{id}',
        tags,
        summary: 'Get a member',
        description:
          'Admin only. The member with their standing, stockist role, sponsor and sponsor chain (as deep as ' +
          'the plan pays), the downline’s counts per generation and what they have earned.',
      },
    })
    .input(s.adminMemberIdInput)
    .output(s.adminMemberOutput)
    .query(({ ctx, input }) => detail(ctx, input.id)),

  memberNetwork: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/members/{id}/network',
        tags,
        summary: 'Get a member’s downline',
        description:
          'Admin only. Any member’s sponsor tree as `/user/network` shows a member their own (levels 1 to ' +
          'the deepest the plan pays, at most 100 a page), with Suspended members shown as such.',
      },
    })
    .input(s.adminMemberNetworkInput)
    .output(s.adminMemberNetworkOutput)
    .query(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const member = await ctx.services.membership.profile(scope, input.id); // 404 for a non-member
      const downline = ctx.services.downline;
      const page = await downline.page(
        scope,
        input.id,
        levelRange(input.level, downline.deepestLevel(scope)),
        input.page,
        input.per_page,
      );
      const shown = presentNetwork(page, ctx.tenant.timeZone);
      return {
        ...shown,
        network: shown.network.map((row, i) =>
          page.members[i]!.suspended ? { ...row, status: standingLabel('suspended') } : row,
        ),
        member: { id: member.id, name: member.name, member_id: member.dtehmMemberId ?? member.dipMemberId },
      };
    }),

  setStockist: adminProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/admin/members/{id}/stockist',
        tags,
        summary: 'Designate or revoke a stockist',
        description:
          'Admin only. `is_stockist: Yes` gives the member the stockist role, `No` takes it; repeating ' +
          'changes nothing. When the tenant’s plan accepts designated stockists only ' +
          '(`settings.mlm.stockistEligibility = designated`), only a designated, active member may be named ' +
          'as an order’s `stockist_id` and earn the stockist line; orders already placed keep their stockist.',
      },
      message: 'Member updated successfully',
    })
    .input(s.setStockistInput)
    .output(s.adminMemberOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.memberStanding.setStockist(ctx.scope(), input.id, input.is_stockist === 'Yes');
      return detail(ctx, input.id);
    }),

  suspendMember: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/members/{id}/suspend',
        tags,
        summary: 'Suspend a member',
        description:
          'Admin only. The member is signed out everywhere and cannot sign in (403) until reactivated. They keep ' +
          'their place in the sponsor tree and what they earned; while suspended they earn nothing (their ' +
          'generation is skipped as an inactive upline, or passed up when the plan compresses) and cannot be ' +
          'named as sponsor or stockist. Suspending again only changes the reason.',
      },
      message: 'Member suspended successfully',
    })
    .input(s.suspendMemberInput)
    .output(s.adminMemberOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.memberStanding.suspend(ctx.scope(), input.id, input.reason);
      return detail(ctx, input.id);
    }),

  reactivateMember: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/members/{id}/reactivate',
        tags,
        summary: 'Reactivate a suspended member',
        description:
          'Admin only. Lifts the suspension: the member may sign in and earns again from now on (nothing missed ' +
          'meanwhile is paid later). A member who is not suspended stays as they are.',
      },
      message: 'Member reactivated successfully',
    })
    .input(s.adminMemberIdInput)
    .output(s.adminMemberOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.memberStanding.reactivate(ctx.scope(), input.id);
      return detail(ctx, input.id);
    }),
} satisfies TRPCRouterRecord;
