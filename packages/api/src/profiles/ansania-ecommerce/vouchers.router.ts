import type { TRPCRouterRecord } from '@trpc/server';
import { authedProcedure } from '../../kernel/trpc.ts';
import { emptyInput } from './ansania.schemas.ts';
import { presentAvailableVoucher, presentVoucherDiscount } from './cart.presenters.ts';
import * as s from './cart.schemas.ts';

const tags = ['Vouchers'];

export const vouchersRouter = {
  available: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/vouchers/available',
        tags,
        summary: 'Get available vouchers for current user',
        description:
          'Public vouchers that are active, within their dates, under their usage limit and with uses left ' +
          'for you; `usage_remaining` is your uses left (null when unlimited).',
      },
    })
    .input(emptyInput)
    .output(s.availableVouchersOutput)
    .query(async ({ ctx }) => ({
      vouchers: (await ctx.services.vouchers.available(ctx.scope(), ctx.auth.accountId)).map(
        presentAvailableVoucher,
      ),
    })),

  validate: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/vouchers/validate',
        tags,
        summary: 'Validate voucher code',
        description:
          'Checks the code against `cart_total` (the items, before discounts). Invalid: 400 with the rule’s ' +
          'code (`VOUCHER_EXPIRED`, `VOUCHER_MIN_PURCHASE`, `VOUCHER_USAGE_LIMIT`, `VOUCHER_CUSTOMER_LIMIT`, ' +
          '`VOUCHER_NOT_STARTED`, `VOUCHER_INACTIVE`); unknown: 404 `VOUCHER_NOT_FOUND`.',
      },
      errors: [404],
    })
    .input(s.validateVoucherInput)
    .output(s.validVoucherOutput)
    .mutation(async ({ ctx, input }) => {
      const applied = await ctx.services.vouchers.check(ctx.scope(), ctx.auth.accountId, input.code, {
        subtotal: input.cart_total,
        shippingCost: 0,
      });
      return { valid: true as const, voucher: presentVoucherDiscount(applied) };
    }),
} satisfies TRPCRouterRecord;
