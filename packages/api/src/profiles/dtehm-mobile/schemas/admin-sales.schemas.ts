// The administrators' order and commission lists (not in the dtehm-mobile spec: ours, shaped as the
// member's own lists are, with the member each row belongs to).
import { z } from 'zod';
import { isoDate } from '../../shared/request-fields.schemas.ts';
import { countOutput, idOutput } from '../../shared/response-fields.schemas.ts';
import { commissionsOutput } from './account.schemas.ts';
import { myOrdersOutput, ORDER_STATUS_LABELS, orderDetailOutput } from './orders.schemas.ts';
import { dateTime, id, memberNumber, money, page, pagination, perPage } from './primitives.schemas.ts';

const memberRef = z.object({ id: idOutput, name: z.string(), member_id: z.string().nullable() });
const partyName = z.object({ name: z.string(), member_id: z.string().nullable() }).nullable();
const period = {
  start_date: isoDate.optional(),
  end_date: isoDate.optional(),
};
const periodInOrder = (v: { start_date?: string | undefined; end_date?: string | undefined }) =>
  !v.start_date || !v.end_date || v.start_date <= v.end_date;
const PERIOD_REVERSED = {
  path: ['end_date'],
  message: 'The end date must be a date after or equal to the start date.',
};
const member_id = memberNumber
  .optional()
  .meta({ description: 'only this member’s rows (DTEHM or DIP number)' });

// GET /admin/orders
export const adminOrdersInput = z
  .object({ page, per_page: perPage, status: z.enum(ORDER_STATUS_LABELS).optional(), member_id, ...period })
  .refine(periodInOrder, PERIOD_REVERSED);
const orderRow = myOrdersOutput.shape.orders.element;
export const adminOrdersOutput = z.object({
  orders: z.array(
    orderRow.extend({
      customer: memberRef,
      items: z.array(orderRow.shape.items.element.extend({ sponsor: partyName, stockist: partyName })),
      commissions_created: countOutput,
      total_commission: money,
    }),
  ),
  pagination,
});

// GET /admin/orders/{id}
export const adminOrderIdInput = z.object({ id });
export const adminOrderOutput = orderDetailOutput.extend({
  customer: memberRef,
  paid_at: dateTime.nullable(),
  commissions: z.array(
    z.object({
      id: idOutput,
      level: z.string(),
      rate: z.number(),
      amount: money,
      member: memberRef,
      status: z.enum(['completed', 'reversed']),
    }),
  ),
});

// GET /admin/commissions
export const adminCommissionsInput = z
  .object({
    page,
    per_page: perPage,
    commission_type: z.enum(['all', 'stockist', 'network', 'membership']).default('all'),
    member_id,
    ...period,
  })
  .refine(periodInOrder, PERIOD_REVERSED);
const commissionRow = commissionsOutput.shape.commissions.element;
export const adminCommissionsOutput = z.object({
  commissions: z.array(
    commissionRow.extend({ member: memberRef, status: z.enum(['completed', 'reversed']) }),
  ),
  summary: z.object({ total_commissions: money, currency: z.string() }),
  pagination,
});
