import type { TRPCRouterRecord } from '@trpc/server';
import { authedProcedure } from '../../kernel/trpc.ts';
import { presentPagination } from './catalog.presenters.ts';
import { presentOrderDetail, presentOrderSummary } from './checkout.presenters.ts';
import * as s from './checkout.schemas.ts';

const tags = ['Orders'];

export const ordersRouter = {
  list: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/orders',
        tags,
        summary: 'Get user order history',
        description: '`payment_status` is derived from the order: unpaid, paid, failed or refunded.',
      },
    })
    .input(s.listOrdersInput)
    .output(s.orderListOutput)
    .query(async ({ ctx, input }) => {
      const { orders, window } = await ctx.services.shopOrders.list(ctx.scope(), ctx.auth.accountId, input);
      return { orders: orders.map(presentOrderSummary), pagination: presentPagination(window) };
    }),

  detail: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/orders/{order_number}',
        tags,
        summary: 'Get order detail',
        description:
          'One of your orders (another customer’s order: 404) with its items, shipping, payment and ' +
          'price summary. A cancelled order shows its reason and, if it was paid, the `refund_due`.',
      },
      errors: [404],
    })
    .input(s.orderNumberInput)
    .output(s.orderDetailOutput)
    .query(async ({ ctx, input }) =>
      presentOrderDetail(
        await ctx.services.shopOrders.detail(ctx.scope(), ctx.auth.accountId, input.order_number),
      ),
    ),

  cancel: authedProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/orders/{order_number}/cancel',
        tags,
        summary: 'Cancel order',
        description:
          'Possible while the order is `pending_payment` or `paid` (otherwise 409 `CONFLICT`). Stock and the ' +
          'voucher use come back. A paid order’s total is recorded as `refund_due`: the shop refunds it.',
      },
      errors: [404, 409],
    })
    .input(s.cancelOrderInput)
    .output(s.orderDetailOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.orderCancellation.cancel(
        ctx.scope(),
        ctx.auth.accountId,
        input.order_number,
        input.reason,
      );
      return presentOrderDetail(
        await ctx.services.shopOrders.detail(ctx.scope(), ctx.auth.accountId, input.order_number),
      );
    }),

  invoice: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/orders/{order_number}/invoice',
        tags,
        summary: 'Download invoice PDF',
        description:
          'REST answers `application/pdf` bytes as an attachment; tRPC callers get `{ filename, base64 }`.',
      },
      produces: 'application/pdf',
      errors: [404],
    })
    .input(s.orderNumberInput)
    .output(s.fileOutput)
    .query(async ({ ctx, input }) => {
      const pdf = await ctx.services.shopOrders.invoicePdf(
        ctx.scope(),
        ctx.auth.accountId,
        input.order_number,
      );
      return { filename: `invoice-${input.order_number}.pdf`, base64: pdf.toString('base64') };
    }),
} satisfies TRPCRouterRecord;
