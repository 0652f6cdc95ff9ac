import { DomainError, isDomainError, percentToBps, type VoucherRule } from '@komisi/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import type { ApiContext } from '../../kernel/api-context.ts';
import { adminProcedure } from '../../kernel/trpc.ts';
import { presentAdminVoucher, presentVoucherReport } from './admin-vouchers.presenters.ts';
import * as s from './admin-vouchers.schemas.ts';
import { presentPagination } from './catalog.presenters.ts';

const tags = ['Admin: vouchers'];

/** The voucher rule's field names as this API names them. */
const WIRE_FIELDS: Record<string, string> = {
  discountType: 'discount_type',
  discountValue: 'discount_value',
  maxDiscountAmount: 'max_discount_amount',
  minPurchaseAmount: 'min_purchase_amount',
  startsAt: 'start_date',
  endsAt: 'end_date',
  usageLimit: 'usage_limit',
  perCustomerLimit: 'per_customer_limit',
  percent: 'discount_value',
};

/** Runs `work`, a refusal's fields renamed to the wire's (`discountValue` → `discount_value`). */
async function wireFields<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (!isDomainError(e) || !e.fields) throw e;
    const fields = Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [WIRE_FIELDS[k] ?? k, v]));
    throw new DomainError(e.code, e.message, { fields, details: e.details, reason: e.reason, cause: e });
  }
}

type Terms = Pick<s.CreateVoucherInput, 'discount_type' | 'discount_value'>;

/** The spec's units to the rule's: a percentage in percent becomes basis points. */
const ruleValue = ({ discount_type, discount_value }: Terms) =>
  discount_type === 'percentage' ? percentToBps(discount_value) : discount_value;

const date = (v: string | null | undefined) => (v == null ? v : new Date(v));

/** The rule fields an input sends (undefined: not sent). */
function ruleChanges(input: s.UpdateVoucherInput): Partial<VoucherRule> {
  const changes: Partial<VoucherRule> = {
    code: input.code,
    discountType: input.discount_type,
    discountValue:
      input.discount_type === undefined || input.discount_value === undefined
        ? undefined
        : ruleValue({ discount_type: input.discount_type, discount_value: input.discount_value }),
    maxDiscountAmount: input.max_discount_amount,
    minPurchaseAmount: input.min_purchase_amount,
    startsAt: date(input.start_date),
    endsAt: date(input.end_date),
    usageLimit: input.usage_limit,
    perCustomerLimit: input.per_customer_limit,
  };
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
}

const report = async (ctx: ApiContext, voucherId: number) => {
  const scope = ctx.scope();
  return presentVoucherReport(await ctx.services.voucherAdmin.report(scope, voucherId), scope.now);
};

/** The shop's vouchers (admin role): list, usage, create, edit, switch off and on. */
export const adminVouchersRouter = {
  list: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/vouchers',
        tags,
        protect: true,
        summary: 'List vouchers',
        description:
          'Every voucher of the shop (affiliate codes too), newest first unless `sort` says otherwise, with its ' +
          'uses and its state now; `status` keeps one state, `search` matches part of the code or name.',
      },
    })
    .input(s.adminListVouchersInput)
    .output(s.adminVoucherListOutput)
    .query(async ({ ctx, input }) => {
      const scope = ctx.scope();
      const { vouchers, window } = await ctx.services.voucherAdmin.list(scope, {
        page: input.page,
        limit: input.limit,
        state: input.status === 'all' ? undefined : input.status,
        search: input.search,
        sort: input.sort,
      });
      return {
        vouchers: vouchers.map((v) => presentAdminVoucher(v, scope.now)),
        pagination: presentPagination(window),
      };
    }),

  detail: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/vouchers/{id}',
        tags,
        protect: true,
        summary: 'Get a voucher with its usage',
        description:
          'The voucher, what it has given (uses, uses given back, paid orders and their discount) and the ' +
          'latest ten orders that used it.',
      },
    })
    .input(s.adminVoucherIdInput)
    .output(s.adminVoucherOutput)
    .query(({ ctx, input }) => report(ctx, input.id)),

  create: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/vouchers',
        tags,
        protect: true,
        summary: 'Create a voucher',
        description:
          'Usable at checkout at once (unless `start_date` is later or `is_active` is false). The rules are ' +
          'those checkout applies: a percentage from 0.01 to 100, a fixed amount of at least 1, `end_date` not ' +
          'before `start_date`; a 400 names every bad field. A code another voucher has: 409 `CONFLICT`.',
      },
      successStatus: 201,
      errors: [409],
    })
    .input(s.createVoucherInput)
    .output(s.adminVoucherOutput)
    .mutation(async ({ ctx, input }) => {
      const voucher = await wireFields(() =>
        ctx.services.voucherAdmin.create(ctx.scope(), {
          rule: {
            code: input.code,
            discountType: input.discount_type,
            discountValue: ruleValue(input),
            maxDiscountAmount: input.max_discount_amount ?? null,
            minPurchaseAmount: input.min_purchase_amount ?? 0,
            startsAt: date(input.start_date) ?? null,
            endsAt: date(input.end_date) ?? null,
            usageLimit: input.usage_limit ?? null,
            perCustomerLimit: input.per_customer_limit ?? null,
            active: input.is_active ?? true,
          },
          name: input.name,
          description: input.description ?? null,
          isPublic: input.is_public ?? true,
        }),
      );
      return report(ctx, voucher.id);
    }),

  update: adminProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/admin/vouchers/{id}',
        tags,
        protect: true,
        summary: 'Update a voucher',
        description:
          'Changes the fields sent (null clears a cap, a limit or a date), for checkouts from now on; orders ' +
          'keep the discount they got. `discount_value` comes with `discount_type`. Once an order has used the ' +
          'voucher its `code`, `discount_type` and `discount_value` are fixed: changing them is 409 `CONFLICT` ' +
          'naming them (create a new voucher instead). `usage_limit` may not go below the uses made. A code ' +
          'another voucher has: 409.',
      },
      errors: [409],
    })
    .input(s.updateVoucherInput)
    .output(s.adminVoucherOutput)
    .mutation(async ({ ctx, input }) => {
      await wireFields(() =>
        ctx.services.voucherAdmin.update(ctx.scope(), input.id, {
          rule: ruleChanges(input),
          name: input.name,
          description: input.description,
          isPublic: input.is_public,
        }),
      );
      return report(ctx, input.id);
    }),

  deactivate: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/vouchers/{id}/deactivate',
        tags,
        protect: true,
        summary: 'Switch a voucher off',
        description:
          'Checkout refuses it from now on (400 `VOUCHER_INACTIVE`); orders already placed keep their ' +
          'discount. Switching off a voucher that is off changes nothing.',
      },
    })
    .input(s.adminVoucherIdInput)
    .output(s.adminVoucherOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.voucherAdmin.setActive(ctx.scope(), input.id, false);
      return report(ctx, input.id);
    }),

  reactivate: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/vouchers/{id}/reactivate',
        tags,
        protect: true,
        summary: 'Switch a voucher on again',
        description:
          'Checkout accepts it again within its dates and limits. Switching on a voucher that is on changes ' +
          'nothing.',
      },
    })
    .input(s.adminVoucherIdInput)
    .output(s.adminVoucherOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.voucherAdmin.setActive(ctx.scope(), input.id, true);
      return report(ctx, input.id);
    }),
} satisfies TRPCRouterRecord;
