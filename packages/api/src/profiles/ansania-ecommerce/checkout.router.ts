import type { TRPCRouterRecord } from '@trpc/server';
import { authedProcedure } from '../../kernel/trpc.ts';
import { emptyInput } from './ansania.schemas.ts';
import { presentIssue, presentPlacedOrder } from './checkout.presenters.ts';
import * as s from './checkout.schemas.ts';

const tags = ['Checkout'];

export const checkoutRouter = {
  validate: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/checkout/validate',
        tags,
        summary: 'Validate cart before checkout',
        description:
          'Issues per cart line (`unavailable`, `out_of_stock`, `insufficient_stock` with `available`) and ' +
          'for the cart (`empty_cart`, `voucher_invalid` with the rule’s `code`). Prices are always the ' +
          'current ones, so there is no price-change issue.',
      },
    })
    .input(emptyInput)
    .output(s.validateCheckoutOutput)
    .mutation(async ({ ctx }) => {
      const issues = await ctx.services.checkout.validate(ctx.scope(), ctx.auth.accountId);
      return { valid: issues.length === 0, issues: issues.map(presentIssue) };
    }),

  calculateShipping: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/checkout/calculate-shipping',
        tags,
        summary: 'Calculate shipping cost',
        description:
          'Quotes the courier for the cart’s weight (products without a weight count as 1 kg) from DKI ' +
          'Jakarta to one of your addresses (another customer’s address: 404).',
      },
      errors: [404],
    })
    .input(s.calculateShippingInput)
    .output(s.shippingOptionsOutput)
    .mutation(async ({ ctx, input }) => ({
      shipping_options: await ctx.services.checkout.shippingOptions(
        ctx.scope(),
        ctx.auth.accountId,
        input.shipping_address_id,
        input.courier,
      ),
    })),

  createOrder: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/checkout/create-order',
        tags,
        summary: 'Create order and initiate payment',
        description:
          'Turns the cart into an order in one step: stock is reserved (400 `INSUFFICIENT_STOCK` naming the ' +
          'item when it ran out), the cart’s voucher is redeemed (400 with the rule’s code, e.g. ' +
          '`VOUCHER_USAGE_LIMIT`, and nothing is written), the cart is emptied and the payment opened at the ' +
          'store’s gateway. Pay at `payment_url`; the order becomes `paid` when the gateway confirms.',
      },
      successStatus: 201,
      errors: [404, 503],
    })
    .input(s.createOrderInput)
    .output(s.createOrderOutput)
    .mutation(async ({ ctx, input }) => {
      const placed = await ctx.services.checkout.createOrder(ctx.scope(), ctx.auth.accountId, {
        shippingAddressId: input.shipping_address_id,
        courier: input.shipping_courier,
        service: input.shipping_service,
        paymentMethod: input.payment_method,
        paymentChannel: input.payment_channel ?? null,
        customerNote: input.customer_note || null,
        callbackUrl: input.callback_url ?? null,
      });
      return presentPlacedOrder(placed.order, placed.payment);
    }),
} satisfies TRPCRouterRecord;
