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

  createProduct: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/products',
        tags,
        protect: true,
        summary: 'Create a product',
        description:
          'A product without variants: customers can buy it once a visible variant with stock is added ' +
          '(POST /admin/products/{id}/variants). A slug another product has: 409 `CONFLICT` naming `slug`; ' +
          'a category the shop does not have: 400 naming `category_id`.',
      },
      successStatus: 201,
      errors: [409],
    })
    .input(s.createProductInput)
    .output(s.adminProductOutput)
    .mutation(async ({ ctx, input }) => {
      const product = await ctx.services.shopCatalogAdmin.createProduct(ctx.scope(), {
        name: input.name,
        slug: input.slug,
        description: input.description ?? null,
        price: input.price,
        categoryId: input.category_id ?? null,
      });
      return presentAdminProduct(await ctx.services.shopCatalogAdmin.detail(ctx.scope(), product.id));
    }),

  updateProduct: adminProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/admin/products/{id}',
        tags,
        protect: true,
        summary: 'Update a product',
        description:
          'Changes the fields sent (null clears the description or the category). A slug another product ' +
          'has: 409 naming `slug`.',
      },
      errors: [409],
    })
    .input(s.updateProductInput)
    .output(s.adminProductOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.shopCatalogAdmin.updateProduct(ctx.scope(), input.id, {
        name: input.name,
        slug: input.slug,
        description: input.description,
        price: input.price,
        categoryId: input.category_id,
      });
      return presentAdminProduct(await ctx.services.shopCatalogAdmin.detail(ctx.scope(), input.id));
    }),

  createVariant: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/products/{id}/variants',
        tags,
        protect: true,
        summary: 'Add a variant to a product',
        description:
          'A sellable version (colour, finishing, size) with its own price and opening stock. A SKU another ' +
          'variant has: 409 naming `sku`.',
      },
      successStatus: 201,
      errors: [409],
    })
    .input(s.createVariantInput)
    .output(s.adminVariantOutput)
    .mutation(async ({ ctx, input }) => ({
      variant: presentAdminVariant(
        await ctx.services.shopCatalogAdmin.createVariant(ctx.scope(), input.id, {
          sku: input.sku,
          color: input.color ?? null,
          finishing: input.finishing ?? null,
          size: input.size ?? null,
          price: input.price,
          stock: input.stock,
          isVisible: input.is_visible,
        }),
      ),
    })),

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
