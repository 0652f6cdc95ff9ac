import type { TRPCRouterRecord } from '@trpc/server';
import { adminProcedure } from '../../kernel/trpc.ts';
import { presentAdminOrderDetail, presentAdminOrderSummary } from './admin-orders.presenters.ts';
import * as s from './admin-orders.schemas.ts';
import { presentPagination } from './catalog.presenters.ts';

const tags = ['Admin: orders'];

/** The shop's order desk: every customer's shop orders, fulfilment moves and refunds (admin role). */
export const adminOrdersRouter = {
  list: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/orders',
        tags,
        protect: true,
        summary: 'List shop orders',
        description: 'Every customer’s shop orders, newest first, optionally of one status.',
      },
    })
    .input(s.adminListOrdersInput)
    .output(s.adminOrderListOutput)
    .query(async ({ ctx, input }) => {
      const { orders, window } = await ctx.services.adminOrders.list(ctx.scope(), input);
      return { orders: orders.map(presentAdminOrderSummary), pagination: presentPagination(window) };
    }),

  detail: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/orders/{order_number}',
        tags,
        protect: true,
        summary: 'Get a shop order with its status timeline',
        description:
          'Admin only. Any customer’s order with the customer, the refund state and every status it ' +
          'reached (oldest first, with who moved it and the note).',
      },
    })
    .input(s.adminOrderNumberInput)
    .output(s.adminOrderDetailOutput)
    .query(async ({ ctx, input }) =>
      presentAdminOrderDetail(await ctx.services.adminOrders.detail(ctx.scope(), input.order_number)),
    ),

  updateStatus: adminProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/admin/orders/{order_number}/status',
        tags,
        protect: true,
        summary: 'Move a shop order along (processing, shipped, delivered)',
        description:
          'paid → processing → shipped → delivered, one step at a time; `tracking_number` is required for ' +
          '`shipped` (and refused otherwise). A move the status machine does not allow: 409 `CONFLICT`. ' +
          'Each move is added to the order’s timeline with the optional `note`.',
      },
      errors: [409],
    })
    .input(s.updateOrderStatusInput)
    .output(s.adminOrderDetailOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.adminOrders.move(ctx.scope(), ctx.auth.accountId, input.order_number, {
        status: input.status,
        note: input.note ?? null,
        trackingNumber: input.tracking_number ?? null,
      });
      return presentAdminOrderDetail(await ctx.services.adminOrders.detail(ctx.scope(), input.order_number));
    }),

  setTracking: adminProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/admin/orders/{order_number}/tracking',
        tags,
        protect: true,
        summary: 'Correct the tracking number of a shipped order',
        description:
          'For a shipped or delivered order (otherwise 409 `CONFLICT`): replaces `tracking_number` and adds a ' +
          '`tracking_updated` event to the timeline naming the old number (and the optional `note`). The ' +
          'status does not change; the number is first set by the move to `shipped`.',
      },
      errors: [409],
    })
    .input(s.setTrackingInput)
    .output(s.adminOrderDetailOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.adminOrders.setTracking(
        ctx.scope(),
        ctx.auth.accountId,
        input.order_number,
        input.tracking_number,
        input.note ?? null,
      );
      return presentAdminOrderDetail(await ctx.services.adminOrders.detail(ctx.scope(), input.order_number));
    }),

  refund: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/orders/{order_number}/refund',
        tags,
        protect: true,
        summary: 'Refund a paid shop order',
        description:
          'From paid, processing, shipped or delivered (otherwise, refunded included, 409 `CONFLICT`). The ' +
          'total is recorded as `refund_due` (paid back at the gateway by the shop), the voucher use is ' +
          'voided and the affiliate commission reversed; stock comes back only if the order had not shipped.',
      },
      errors: [409],
    })
    .input(s.refundOrderInput)
    .output(s.adminOrderDetailOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.adminOrders.refund(
        ctx.scope(),
        ctx.auth.accountId,
        input.order_number,
        input.reason,
      );
      return presentAdminOrderDetail(await ctx.services.adminOrders.detail(ctx.scope(), input.order_number));
    }),
} satisfies TRPCRouterRecord;
