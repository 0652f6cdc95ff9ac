import type { TRPCRouterRecord } from '@trpc/server';
import { authedProcedure, publicProcedure } from '../../kernel/trpc.ts';
import {
  presentOrder,
  presentOrderDetail,
  presentPagination,
  presentTracking,
  storedStatus,
} from './qutab.presenters.ts';
import * as s from './qutab.schemas.ts';

const tags = ['Orders'];

export const productsRouter = {
  list: publicProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/products',
        tags: ['Products'],
        summary: 'Qurban products (not in the document: what orders name by product_id)',
        description:
          'The animals (and cattle shares) on sale, with price and stock: the `product_id` an order ' +
          'names.',
      },
    })
    .input(s.emptyInput)
    .output(s.productListOutput)
    .query(async ({ ctx }) => ({
      products: (await ctx.services.directOrders.products(ctx.scope())).map((p) => ({
        id: String(p.id),
        name: p.name,
        description: p.description,
        price: p.price,
        stock: p.stock,
        image: p.image,
      })),
    })),
} satisfies TRPCRouterRecord;

export const ordersRouter = {
  list: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/orders',
        tags,
        summary: "Get customer's orders",
        description:
          'The signed-in customer’s orders, newest first, optionally of one status: pending, paid, ' +
          'processing, distributed, completed (or cancelled, failed, refunded).',
      },
    })
    .input(s.orderListInput)
    .output(s.orderListOutput)
    .query(async ({ ctx, input }) => {
      const { orders, window } = await ctx.services.shopOrders.list(ctx.scope(), ctx.auth.accountId, {
        page: input.page,
        limit: input.limit,
        status: input.status && storedStatus[input.status],
        paymentFailed: input.status === 'failed' ? true : input.status === 'cancelled' ? false : undefined,
        sort: 'newest',
      });
      return {
        orders: orders.map(({ order, items }) => presentOrder(order, items)),
        pagination: presentPagination(window),
      };
    }),

  detail: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/orders/{id}',
        tags,
        summary: 'Get order details',
        description:
          'One of your orders by its order number (another customer’s: 404), with the price ' +
          'breakdown, the payment state and, while it is pending, the `payment_url` to pay at.',
      },
    })
    .input(s.orderIdInput)
    .output(s.orderDetailOutput)
    .query(async ({ ctx, input }) =>
      presentOrderDetail(await ctx.services.shopOrders.detail(ctx.scope(), ctx.auth.accountId, input.id)),
    ),

  create: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/orders',
        tags,
        summary: 'Create new order',
        description:
          'Reserves the animals (stock), applies the coupon and opens the payment: pay at `payment_url`. ' +
          'A referral cookie or coupon attributes the order to an affiliate.',
      },
      successStatus: 201,
      message: 'Order created',
      errors: [422],
    })
    .input(s.createOrderInput)
    .output(s.orderDetailOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const { order } = await ctx.services.directOrders.create(
        scope,
        ctx.auth.accountId,
        {
          productId: input.product_id,
          quantity: input.quantity,
          couponCode: input.coupon_code ?? null,
          paymentMethod: input.payment_method,
          beneficiaryName: input.recipient_name,
          distributionLocation: input.recipient_location,
          customerNote: input.notes ?? null,
          callbackUrl: input.callback_url ?? null,
        },
        (tx, placed) =>
          ctx.services.orderAttribution.record(tx, placed, ctx.cookieHeader).then(() => undefined),
      );
      return presentOrderDetail(
        await ctx.services.shopOrders.detail(scope, ctx.auth.accountId, order.orderNumber!),
      );
    }),

  tracking: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/orders/{id}/tracking',
        tags,
        summary: 'Get order tracking updates',
        description:
          'Every status the order reached, oldest first: pending → paid → processing → distributed → completed.',
      },
    })
    .input(s.orderIdInput)
    .output(s.trackingOutput)
    .query(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const { order } = await ctx.services.shopOrders.detail(scope, ctx.auth.accountId, input.id);
      return presentTracking(order, await ctx.services.shopOrders.timeline(scope, order.id));
    }),
} satisfies TRPCRouterRecord;
