import type { TRPCRouterRecord } from '@trpc/server';
import { authedProcedure } from '../../kernel/trpc.ts';
import { noContent } from './ansania.schemas.ts';
import { presentWishlistItem } from './catalog.presenters.ts';
import * as s from './wishlist.schemas.ts';

const tags = ['Wishlist'];

export const wishlistRouter = {
  list: authedProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/wishlist',
        tags,
        summary: 'Get user wishlist',
        description:
          'Saved products, the latest first, each with the saved variant (if any), its price and the ' +
          'stock status.',
      },
    })
    .input(s.wishlistInput)
    .output(s.wishlistOutput)
    .query(async ({ ctx }) => ({
      items: (await ctx.services.wishlist.list(ctx.scope(), ctx.auth.accountId)).map(presentWishlistItem),
    })),

  add: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/wishlist',
        tags,
        summary: 'Add item to wishlist',
        description:
          'Saving the same product (and variant) again answers 409 CONFLICT with the existing item\u2019s id in `details.id`.',
      },
      successStatus: 201,
      errors: [404, 409],
    })
    .input(s.addWishlistInput)
    .output(s.addWishlistOutput)
    .mutation(async ({ ctx, input }) => ({
      item: presentWishlistItem(
        await ctx.services.wishlist.add(
          ctx.scope(),
          ctx.auth.accountId,
          input.product_id,
          input.product_variant_id,
        ),
      ),
    })),

  remove: authedProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/wishlist/{id}',
        tags,
        summary: 'Remove item from wishlist',
        description: 'Removes one of your saved items (another customer’s: 404). Answers 204 with no body.',
      },
      successStatus: 204,
    })
    .input(s.wishlistItemIdInput)
    .output(noContent)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.wishlist.remove(ctx.scope(), ctx.auth.accountId, input.id);
    }),

  moveToCart: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/wishlist/{id}/move-to-cart',
        tags,
        summary: 'Move wishlist item to cart',
        description:
          'Puts the saved variant in your cart (the cart’s stock rules apply) and takes the item off ' +
          'the wishlist, both or neither. An item saved without a variant needs `product_variant_id` ' +
          'unless its product has exactly one.',
      },
    })
    .input(s.moveToCartInput)
    .output(s.moveToCartOutput)
    .mutation(async ({ ctx, input }) => {
      const moved = await ctx.services.wishlist.moveToCart(
        ctx.scope(),
        ctx.services.carts,
        ctx.auth.accountId,
        input.id,
        input.quantity,
        input.product_variant_id,
      );
      return {
        message: 'Item moved to cart',
        cart_id: moved.cartId,
        product_variant_id: moved.variantId,
        quantity: moved.quantity,
      };
    }),
} satisfies TRPCRouterRecord;
