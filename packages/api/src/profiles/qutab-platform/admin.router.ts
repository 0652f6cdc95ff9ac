import type { TRPCRouterRecord } from '@trpc/server';
import type { ApiContext } from '../../kernel/api-context.ts';
import { adminProcedure } from '../../kernel/trpc.ts';
import { adminAffiliatesRouter } from './admin-affiliates-router/router.ts';
import { adminMoneyRouter } from './admin-money.router.ts';
import {
  presentAdminOrder,
  presentAdminOrderDetail,
  presentPagination,
  presentTracking,
  storedStatus,
} from './qutab.presenters.ts';
import * as s from './qutab.schemas.ts';

const tags = ['Admin'];

async function trackingOf(ctx: Pick<ApiContext, 'services' | 'scope'>, orderNumber: string) {
  const { order, timeline } = await ctx.services.adminOrders.detail(ctx.scope(), orderNumber);
  return presentTracking(order, timeline);
}

// qutab's fulfilment steps in the shop's status machine (see qutab.presenters.ts).
const STORED = { processing: 'processing', distributed: 'shipped', completed: 'delivered' } as const;

export const adminRouter = {
  ...adminAffiliatesRouter,
  ...adminMoneyRouter,
  listOrders: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/orders',
        tags,
        summary: 'Every customer’s orders, newest first',
        description:
          'Admin only. Each order with its customer, recipient, distribution location and coupon, ' +
          'optionally of one status (pending, paid, processing, distributed, completed; cancelled and ' +
          'failed both list the cancelled orders).',
      },
      errors: [422],
    })
    .input(s.adminOrderListInput)
    .output(s.adminOrderListOutput)
    .query(async ({ ctx, input }) => {
      const status = input.status && storedStatus[input.status];
      const { orders, window } = await ctx.services.adminOrders.list(ctx.scope(), {
        page: input.page,
        limit: input.limit,
        ...(status && { status }),
      });
      return { orders: orders.map(presentAdminOrder), pagination: presentPagination(window) };
    }),

  orderDetail: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/orders/{id}',
        tags,
        summary: 'One order with its customer and tracking',
        description:
          'Admin only. Any customer’s order as the customer sees it, who placed it, and every step of its ' +
          'tracking (oldest first, with its note); 404 when the tenant has no order with this id.',
      },
      errors: [404],
    })
    .input(s.orderIdInput)
    .output(s.adminOrderDetailOutput)
    .query(async ({ ctx, input }) =>
      presentAdminOrderDetail(await ctx.services.adminOrders.detail(ctx.scope(), input.id)),
    ),

  moveOrder: adminProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/admin/orders/{id}/status',
        tags,
        summary: 'Move an order along: processing → distributed → completed',
        description:
          'Each step is recorded with its time and note in the order tracking. Illegal moves answer 409.',
      },
      errors: [409, 422],
    })
    .input(s.adminMoveInput)
    .output(s.trackingOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      await ctx.services.adminOrders.move(scope, ctx.auth.accountId, input.id, {
        status: STORED[input.status],
        note: input.note ?? null,
        trackingNumber: null,
        trackingOptional: true,
      });
      return trackingOf(ctx, input.id);
    }),

  refundOrder: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/orders/{id}/refund',
        tags,
        summary: 'Refund a paid order',
        description:
          'The total is recorded as owed back; animals not yet distributed return to stock; the coupon use is ' +
          'voided; an affiliate commission still on hold is reversed (one already available is kept).',
      },
      errors: [409, 422],
    })
    .input(s.adminRefundInput)
    .output(s.trackingOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      await ctx.services.adminOrders.refund(scope, ctx.auth.accountId, input.id, input.reason);
      return trackingOf(ctx, input.id);
    }),

  runJob: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/jobs/{name}/run',
        tags,
        summary: 'Run a scheduled job now, for this tenant',
        description:
          '`affiliate-commission-release` moves commissions past their holding period to available. Running ' +
          'it again, or on two instances at once, releases each commission once.',
      },
      errors: [404],
      // a job run commits its own work, tenant by tenant: audited once it succeeded
      audit: 'after',
    })
    .input(s.jobRunInput)
    .output(s.jobRunOutput)
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.services.jobs.runNow(input.name, { tenantId: ctx.tenant.id });
      return { name: result.name, status: result.status, processed: result.processed };
    }),
} satisfies TRPCRouterRecord;
