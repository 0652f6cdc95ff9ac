import type { TRPCRouterRecord } from '@trpc/server';
import { authedProcedure, optionalAuthProcedure } from '../../kernel/trpc.ts';
import { emptyInput, noContent } from './ansania.schemas.ts';
import { presentCart, presentVoucherDiscount } from './cart.presenters.ts';
import * as s from './cart.schemas.ts';
import { cartOwner, handOutCartToken } from './cart-token.ts';

const tags = ['Cart'];
const GUEST_OR_USER =
  'Guests are identified by the cart token (header `X-Cart-Token` or cookie `cart_token`) handed out by ' +
  'their first add; with a Bearer token the signed-in user’s cart is used (a held guest cart merges into it).';

export const cartRouter = {
  get: optionalAuthProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/cart',
        tags,
        summary: 'Get current cart (session for guest, user cart if authenticated)',
        description: `${GUEST_OR_USER} A caller without a cart gets an empty cart with \`id: null\`.`,
      },
    })
    .input(emptyInput)
    .output(s.cartOutput)
    .query(async ({ ctx }) => {
      const owner = await cartOwner(ctx, ctx.auth);
      return { cart: presentCart(await ctx.services.carts.contents(ctx.scope(), owner)) };
    }),

  addItem: optionalAuthProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/cart/items',
        tags,
        summary: 'Add item to cart',
        description: `${GUEST_OR_USER} A guest's first add creates the cart and returns its token in \`X-Cart-Token\` and the \`cart_token\` cookie.`,
      },
      successStatus: 201,
    })
    .input(s.addCartItemInput)
    .output(s.cartOutput)
    .mutation(async ({ ctx, input }) => {
      const owner = await cartOwner(ctx, ctx.auth);
      const added = await ctx.services.carts.addItem(
        ctx.scope(),
        owner,
        input.product_variant_id,
        input.quantity,
      );
      if (added.newToken) handOutCartToken(ctx, added.newToken);
      const token = added.newToken ?? owner.token;
      // the cart row the add locked (read after its commit: the lines are the committed ones)
      const cart = await ctx.services.carts.contentsOf(ctx.scope(), { ...owner, token }, added.row);
      return { cart: presentCart(cart) };
    }),

  updateItem: optionalAuthProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/cart/items/{id}',
        tags,
        summary: 'Update cart item quantity',
        description: 'The quantity is at least 1 (remove a line with DELETE) and at most the stock.',
      },
    })
    .input(s.updateCartItemInput)
    .output(s.cartOutput)
    .mutation(async ({ ctx, input }) => {
      const owner = await cartOwner(ctx, ctx.auth);
      await ctx.services.carts.updateItem(ctx.scope(), owner, input.id, input.quantity);
      return { cart: presentCart(await ctx.services.carts.contents(ctx.scope(), owner)) };
    }),

  removeItem: optionalAuthProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/cart/items/{id}',
        tags,
        summary: 'Remove item from cart',
        description: 'Removes one line of your cart (a line of another cart: 404). Answers 204 with no body.',
      },
      successStatus: 204,
    })
    .input(s.cartItemIdInput)
    .output(noContent)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.carts.removeItem(ctx.scope(), await cartOwner(ctx, ctx.auth), input.id);
    }),

  applyVoucher: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/cart/apply-voucher',
        tags,
        summary: 'Apply voucher code to cart',
        description:
          'One voucher per cart: applying another replaces it. A refusal answers 400 with the rule’s code ' +
          '(`VOUCHER_EXPIRED`, `VOUCHER_MIN_PURCHASE`, ...); an unknown code 404 `VOUCHER_NOT_FOUND`.',
      },
      errors: [404],
    })
    .input(s.voucherCodeInput)
    .output(s.appliedVoucherOutput)
    .mutation(async ({ ctx, input }) => {
      const owner = await cartOwner(ctx, ctx.auth);
      const applied = await ctx.services.carts.applyVoucher(ctx.scope(), ctx.auth.accountId, input.code);
      return {
        voucher: presentVoucherDiscount(applied),
        cart: presentCart(await ctx.services.carts.contents(ctx.scope(), owner)),
      };
    }),

  removeVoucher: authedProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/cart/remove-voucher',
        tags,
        summary: 'Remove applied voucher',
        description:
          'Takes the voucher off your cart and answers the cart at its full price. Nothing to remove ' +
          'is not an error.',
      },
    })
    .input(emptyInput)
    .output(s.cartOutput)
    .mutation(async ({ ctx }) => {
      const owner = await cartOwner(ctx, ctx.auth);
      await ctx.services.carts.removeVoucher(ctx.scope(), ctx.auth.accountId);
      return { cart: presentCart(await ctx.services.carts.contents(ctx.scope(), owner)) };
    }),
} satisfies TRPCRouterRecord;
