import { validationError } from '@komisi/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { cardsByAccountIds, findByMemberNumber } from '../../contexts/network/member-directory.ts';
import type { Scope } from '../../kernel/scope.ts';
import { adminProcedure } from '../../kernel/trpc.ts';
import { formatLocalDateTime, startOfLocalDay } from '../shared/zoned-time.ts';
import { commissionStatus, memberRefOf } from './admin.presenters.ts';
import { ORDER_STATUS_FROM_LABEL, orderStatusLabel, pagination, percentOf } from './dtehm.presenters.ts';
import * as s from './dtehm.schemas.ts';

const tags = ['Admin: orders & commissions'];

/** The account a `member_id` filter names; an unknown number is a 400 naming the field. */
async function memberFilter(scope: Scope, memberNumber: string | undefined): Promise<number | undefined> {
  if (memberNumber === undefined) return undefined;
  const card = await findByMemberNumber(scope, memberNumber);
  if (!card) throw validationError({ member_id: ['The selected member id does not exist.'] });
  return card.id;
}

/** A local-date filter as the instants it spans (`end_date` included). */
const period = (tz: string, start?: string, end?: string) => ({
  from: start ? startOfLocalDay(start, tz) : null,
  until: end ? startOfLocalDay(end, tz, 1) : null,
});

const party = (cards: Awaited<ReturnType<typeof cardsByAccountIds>>, id: number | null | undefined) => {
  const card = id == null ? undefined : cards.get(id);
  return card ? { name: card.name, member_id: card.memberId } : null;
};

/** Every member's orders and commissions, for administrators. */
export const adminSalesRouter = {
  orders: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/orders',
        tags,
        summary: 'List all orders',
        description:
          'Admin only. Every member’s orders, newest first, with the buyer, each item’s sponsor and stockist ' +
          'and the commissions the order paid; filtered by `status`, by the buyer’s member number ' +
          '(`member_id`) and by the day it was placed (`start_date`, `end_date`: local dates, both included).',
      },
    })
    .input(s.adminOrdersInput)
    .output(s.adminOrdersOutput)
    .query(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const tz = ctx.tenant.timeZone;
      const { orders, window } = await ctx.services.orders.listAll(
        scope,
        {
          status: input.status ? ORDER_STATUS_FROM_LABEL[input.status] : undefined,
          buyerId: await memberFilter(scope, input.member_id),
          ...period(tz, input.start_date, input.end_date),
        },
        input.page,
        input.per_page,
      );
      const ids = orders.map((o) => o.id);
      const items = await ctx.services.orders.items(scope, ids);
      const totals = await ctx.services.commissions.totalsForOrders(scope, ids);
      const cards = await cardsByAccountIds(scope, [
        ...orders.map((o) => o.account),
        ...items.flatMap((i) => [i.sponsor, i.stockist]).filter((id): id is number => id != null),
      ]);
      return {
        orders: orders.map((o) => ({
          id: o.id,
          order_date: formatLocalDateTime(o.createdAt, tz),
          total_amount: o.totalAmount,
          status: orderStatusLabel(o.status),
          payment_method: o.paymentMethod,
          customer: memberRefOf(o.account, cards),
          items: items
            .filter((i) => i.order === o.id)
            .map((i) => ({
              product_name: i.productName,
              product_image: i.productImage ?? null,
              quantity: i.quantity,
              amount: i.amount,
              sponsor: party(cards, i.sponsor),
              stockist: party(cards, i.stockist),
            })),
          commissions_created: totals.get(o.id)?.count ?? 0,
          total_commission: totals.get(o.id)?.total ?? 0,
        })),
        pagination: pagination(window),
      };
    }),

  order: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/orders/{id}',
        tags,
        summary: 'Get any order with its commissions',
        description:
          'Admin only. Any member’s order as `/orders/detail/{id}` shows it, with the buyer, when it was paid ' +
          'and every commission line it paid (stockist, GN1–GN10), whom to and how much.',
      },
    })
    .input(s.adminOrderIdInput)
    .output(s.adminOrderOutput)
    .query(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const tz = ctx.tenant.timeZone;
      const order = await ctx.services.orders.anyOrder(scope, input.id);
      const items = await ctx.services.orders.items(scope, [order.id]);
      const lines = await ctx.services.commissions.ofOrder(scope, order.id);
      const payment = order.paymentId
        ? await ctx.services.payments.find(scope, order.paymentId, 'order')
        : null;
      const cards = await cardsByAccountIds(scope, [
        order.account,
        ...lines.map((l) => l.beneficiary),
        ...items.flatMap((i) => [i.sponsor, i.stockist]).filter((id): id is number => id != null),
      ]);
      return {
        id: order.id,
        order_date: formatLocalDateTime(order.createdAt, tz),
        total_amount: order.totalAmount,
        status: orderStatusLabel(order.status),
        payment_method: order.paymentMethod,
        payment_reference: payment?.providerReference ?? null,
        customer_name: order.customerName,
        customer_phone: order.customerPhone ?? null,
        customer_address: order.customerAddress ?? null,
        customer: memberRefOf(order.account, cards),
        paid_at: order.paidAt ? formatLocalDateTime(order.paidAt, tz) : null,
        items: items.map((i) => ({
          id: i.id,
          product: { id: i.product, name: i.productName, image: i.productImage ?? null, price: i.unitPrice },
          quantity: i.quantity,
          amount: i.amount,
          sponsor: party(cards, i.sponsor),
          stockist: party(cards, i.stockist),
        })),
        commissions: lines.map((l) => ({
          id: l.id,
          level: l.level,
          rate: percentOf(l.rateBps),
          amount: l.amount,
          member: memberRefOf(l.beneficiary, cards),
          status: commissionStatus(l),
        })),
      };
    }),

  commissions: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/commissions',
        tags,
        summary: 'List all commissions',
        description:
          'Admin only. Every member’s commission lines, newest first, as `/user/commissions` shows a member ' +
          'their own, with the member each belongs to; filtered by type, by member number (`member_id`) and ' +
          'by local dates (both included). The summary totals the lines filtered.',
      },
    })
    .input(s.adminCommissionsInput)
    .output(s.adminCommissionsOutput)
    .query(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const tz = ctx.tenant.timeZone;
      const beneficiary = await memberFilter(scope, input.member_id);
      const { items, window, total } = await ctx.services.commissions.list(
        scope,
        beneficiary ?? null,
        { kind: input.commission_type, ...period(tz, input.start_date, input.end_date) },
        input.page,
        input.per_page,
      );
      const cards = await cardsByAccountIds(
        scope,
        items.map((c) => c.beneficiary),
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
          status: commissionStatus(c),
          member: memberRefOf(c.beneficiary, cards),
        })),
        summary: { total_commissions: total, currency: ctx.tenant.currency },
        pagination: pagination(window),
      };
    }),
} satisfies TRPCRouterRecord;
