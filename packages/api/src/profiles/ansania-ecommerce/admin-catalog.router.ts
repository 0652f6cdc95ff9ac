import type { TRPCRouterRecord } from '@trpc/server';
import { adminProcedure } from '../../kernel/trpc.ts';
import {
  presentAdminProduct,
  presentAdminProductRow,
  presentAdminVariant,
} from './admin-catalog.presenters.ts';
import * as s from './admin-catalog.schemas.ts';
import { presentPagination } from './catalog.presenters.ts';

const tags = ['Admin: catalog'];

/** The shop's catalog for its administrators: products and variants, prices, visibility and stock. */
export const adminCatalogRouter = {
  list: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/products',
        tags,
        protect: true,
        summary: 'List products',
        description:
          'Every product of the shop (hidden ones too), newest first, with its variants’ count, stock and ' +
          'price range; `search` matches part of the name, the slug or a variant’s SKU.',
      },
    })
    .input(s.adminListProductsInput)
    .output(s.adminProductListOutput)
    .query(async ({ ctx, input }) => {
      const { products, window } = await ctx.services.shopCatalogAdmin.list(ctx.scope(), input);
      return { products: products.map(presentAdminProductRow), pagination: presentPagination(window) };
    }),

  detail: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/products/{id}',
        tags,
        protect: true,
        summary: 'Get a product with its variants',
        description: 'The product and every variant (hidden ones too) with its price and stock.',
      },
    })
    .input(s.adminProductIdInput)
    .output(s.adminProductOutput)
    .query(async ({ ctx, input }) =>
      presentAdminProduct(await ctx.services.shopCatalogAdmin.detail(ctx.scope(), input.id)),
    ),

  adjustStock: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/variants/{id}/adjust-stock',
        tags,
        protect: true,
        summary: 'Count stock in or out',
        description:
          'Adds `change` units to the variant’s stock (negative: takes them out), for `reason`, which the ' +
          'audit log keeps with the stock before and after. Checkouts running meanwhile are counted: a ' +
          'change that would leave less than zero is 400 naming `change` (with the stock now), and nothing ' +
          'changes.',
      },
    })
    .input(s.adjustStockInput)
    .output(s.adminVariantOutput)
    .mutation(async ({ ctx, input }) => ({
      variant: presentAdminVariant(
        await ctx.services.shopCatalogAdmin.adjustStock(ctx.scope(), input.id, input.change, input.reason),
      ),
    })),

  updateVariant: adminProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/admin/variants/{id}',
        tags,
        protect: true,
        summary: 'Update a variant',
        description:
          'Changes the fields sent: `price` (for carts and checkouts from now on; orders keep theirs) and ' +
          '`is_visible` (hidden variants cannot be bought). Stock moves only by adjust-stock.',
      },
    })
    .input(s.updateVariantInput)
    .output(s.adminVariantOutput)
    .mutation(async ({ ctx, input }) => ({
      variant: presentAdminVariant(
        await ctx.services.shopCatalogAdmin.updateVariant(ctx.scope(), input.id, {
          price: input.price,
          isVisible: input.is_visible,
        }),
      ),
    })),
} satisfies TRPCRouterRecord;
