import type { TRPCRouterRecord } from '@trpc/server';
import { cardsByAccountIds } from '../../contexts/network/member-directory.ts';
import type { SaleRequest } from '../../contexts/network/sale-requests.service.ts';
import { authedProcedure } from '../../kernel/trpc.ts';
import { formatLocalDateTime } from '../shared/zoned-time.ts';
import {
  commissionPercentage,
  memberRef,
  ORDER_STATUS_FROM_LABEL,
  orderStatusLabel,
  pagination,
  percentOf,
} from './dtehm.presenters.ts';
import * as s from './dtehm.schemas.ts';

const tags = ['Orders'];

/** The wire's sale fields, as the network checks them. */
const saleRequest = (input: s.SaleRequestInput): SaleRequest => ({
  productId: input.product_id,
  quantity: input.quantity,
  sponsorMemberNumber: input.sponsor_id,
  stockistMemberNumber: input.stockist_id,
});

export const ordersRouter = {
  calculateCommission: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/orders/calculate-commission',
        tags,
        summary: 'Preview the commissions of a sale',
        description:
          'What a sale of the product would pay, recording nothing: the stockist line (8% by default) and one ' +
          'line per generation of the sponsor’s upline (GN1 3% … GN10 0.2%), and what the company keeps. ' +
          'The sponsor defaults to the buyer’s own; the stockist must be an active member. A 400 names every ' +
          'bad field at once.',
      },
      message: 'Commission calculated successfully',
    })
    .input(s.commissionPreviewInput)
    .output(s.commissionPreviewOutput)
    .mutation(async ({ ctx, input }) => {
      const {
        product,
        total,
        sponsor,
        stockist,
        distribution: d,
      } = await ctx.services.saleRequests.preview(ctx.scope(), ctx.auth.accountId, saleRequest(input));
      return {
        product: {
          id: product.id,
          name: product.name,
          price: product.price,
          quantity: input.quantity,
          total,
        },
        sponsor: memberRef(sponsor),
        stockist: memberRef(stockist),
        commissions: d.lines.map((l) => ({
          level: l.level,
          rate: percentOf(l.rateBps),
          amount: l.amount,
          member: memberRef(l.member)!,
        })),
        summary: {
          product_price: total,
          stockist_commission: d.stockistAmount,
          network_commission: d.networkAmount,
          total_commission: d.totalAmount,
          balance: d.retainedAmount,
          commission_percentage: commissionPercentage(d.totalAmount, total),
        },
      };
    }),

  create: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/orders/create',
        tags,
        summary: 'Order a product',
        description:
          'Places the order for the signed-in member with the sale’s sponsor and stockist, and opens its ' +
          'payment; send the member to `payment_url`. Commissions are recorded when the payment is confirmed.',
      },
      message: 'Order created successfully. Please complete payment.',
    })
    .input(s.createOrderInput)
    .output(s.createOrderOutput)
    .mutation(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const parties = await ctx.services.saleRequests.check(scope, ctx.auth.accountId, saleRequest(input));
      const { order, item, payment } = await ctx.services.orders.create(scope, ctx.auth.accountId, {
        productId: input.product_id,
        quantity: input.quantity,
        sponsorAccountId: parties.sponsorAccountId,
        stockistAccountId: parties.stockist?.id ?? null,
        paymentMethod: input.payment_method,
        callbackUrl: input.callback_url ?? null,
      });
      return {
        order_id: order.id,
        ordered_item_id: item.id,
        total_amount: order.totalAmount,
        payment_url: payment.paymentUrl,
        tracking_id: payment.providerReference,
      };
    }),

  confirmPayment: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/orders/confirm-payment',
        tags,
        summary: 'Confirm an order payment',
        description:
          'Asks the payment provider for the order’s payment (the `status` field is ignored). Once paid, the ' +
          'order is Paid and its commissions (stockist and GN1–GN10) are recorded, once however often this is ' +
          'called.',
      },
      message: 'Payment confirmed successfully. Commissions have been distributed.',
    })
    .input(s.confirmOrderInput)
    .output(s.confirmOrderOutput)
    .mutation(async ({ ctx, input }) => {
      const result = await ctx.services.orders.confirmPayment(
        ctx.scope(),
        ctx.auth.accountId,
        input.order_id,
        input.transaction_reference,
      );
      return {
        order_id: result.orderId,
        status: orderStatusLabel(result.status),
        commissions_created: result.commissionsCreated,
        total_commission: result.totalCommission,
      };
    }),

  myOrders: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/orders/my-orders',
        tags,
        summary: 'List my orders',
        description:
          'The signed-in member’s orders, newest first, with their items; optionally of one status.',
      },
    })
    .input(s.myOrdersInput)
    .output(s.myOrdersOutput)
    .query(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const status = input.status ? ORDER_STATUS_FROM_LABEL[input.status] : undefined;
      const { orders, window } = await ctx.services.orders.list(
        scope,
        ctx.auth.accountId,
        status,
        input.page,
        input.per_page,
      );
      const items = await ctx.services.orders.items(
        scope,
        orders.map((o) => o.id),
      );
      return {
        orders: orders.map((o) => ({
          id: o.id,
          order_date: formatLocalDateTime(o.createdAt, ctx.tenant.timeZone),
          total_amount: o.totalAmount,
          status: orderStatusLabel(o.status),
          payment_method: o.paymentMethod,
          items: items
            .filter((i) => i.order === o.id)
            .map((i) => ({
              product_name: i.productName,
              product_image: i.productImage ?? null,
              quantity: i.quantity,
              amount: i.amount,
            })),
        })),
        pagination: pagination(window),
      };
    }),

  detail: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/orders/detail/{id}',
        tags,
        summary: 'Get one of my orders',
        description:
          'The order with its payment reference, customer, items and each item’s sponsor and stockist. ' +
          'Another member’s order is a 404.',
      },
    })
    .input(s.orderDetailInput)
    .output(s.orderDetailOutput)
    .query(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const order = await ctx.services.orders.ownOrder(scope, ctx.auth.accountId, input.id);
      const items = await ctx.services.orders.items(scope, [order.id]);
      const payment = order.paymentId
        ? await ctx.services.payments.find(scope, order.paymentId, 'order')
        : null;
      const people = await cardsByAccountIds(
        scope,
        items.flatMap((i) => [i.sponsor, i.stockist]).filter((id): id is number => id != null),
      );
      const party = (id: number | null | undefined) => {
        const card = id == null ? undefined : people.get(id);
        return card ? { name: card.name, member_id: card.memberId } : null;
      };
      return {
        id: order.id,
        order_date: formatLocalDateTime(order.createdAt, ctx.tenant.timeZone),
        total_amount: order.totalAmount,
        status: orderStatusLabel(order.status),
        payment_method: order.paymentMethod,
        payment_reference: payment?.providerReference ?? null,
        customer_name: order.customerName,
        customer_phone: order.customerPhone ?? null,
        customer_address: order.customerAddress ?? null,
        items: items.map((i) => ({
          id: i.id,
          product: { id: i.product, name: i.productName, image: i.productImage ?? null, price: i.unitPrice },
          quantity: i.quantity,
          amount: i.amount,
          sponsor: party(i.sponsor),
          stockist: party(i.stockist),
        })),
      };
    }),
} satisfies TRPCRouterRecord;
