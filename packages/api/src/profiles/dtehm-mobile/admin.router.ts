import type { TRPCRouterRecord } from '@trpc/server';
import type { ProductDetail } from '../../contexts/catalog/catalog.service.ts';
import { adminProcedure } from '../../kernel/trpc.ts';
import { pagination, presentProductSummary } from './dtehm.presenters.ts';
import * as s from './dtehm.schemas.ts';

const tags = ['Admin'];

const toProductInput = (i: Partial<typeof s.createProductInput._output>) => ({
  name: i.name,
  description: i.description,
  specifications: i.specifications,
  price: i.price,
  categoryId: i.category_id,
  featurePhoto: i.feature_photo,
  images: i.images,
  stockQuantity: i.stock_quantity,
});

const presentProduct = (p: ProductDetail, timeZone: string) => ({
  ...presentProductSummary(p, timeZone),
  specifications: p.specifications,
  images: p.images,
});

export const adminRouter = {
  categories: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/admin/categories',
        tags,
        summary: 'List product categories',
        description:
          'Admin only. The categories in name order with how many products each holds, a page at a time; ' +
          '`search` takes any part of the name.',
      },
    })
    .input(s.adminCategoriesInput)
    .output(s.adminCategoriesOutput)
    .query(async ({ ctx, input }) => {
      const { categories, window } = await ctx.services.catalog.categoryPage(ctx.scope(), {
        search: input.search,
        page: input.page,
        perPage: input.per_page,
      });
      return {
        categories: categories.map((c) => ({
          id: c.id,
          name: c.name,
          description: c.description,
          product_count: c.productCount,
        })),
        pagination: pagination(window),
      };
    }),

  deleteCategory: adminProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/admin/categories/{id}',
        tags,
        summary: 'Delete an empty product category',
        description:
          'Admin only. Removes a category that holds no product (a mistaken or retired one); a category ' +
          'that still holds products is refused (400, saying how many) until they are moved to another.',
      },
      message: 'Category deleted successfully',
    })
    .input(s.categoryIdInput)
    .output(s.categoryOutput)
    .mutation(({ ctx, input }) => ctx.services.catalog.deleteCategory(ctx.scope(), input.id)),

  createCategory: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/categories',
        tags,
        summary: 'Create a product category',
        description: 'Admin only. The category appears in `/products/categories` at once.',
      },
      message: 'Category created successfully',
      successStatus: 201,
    })
    .input(s.createCategoryInput)
    .output(s.categoryOutput)
    .mutation(async ({ ctx, input }) => {
      const c = await ctx.services.catalog.createCategory(ctx.scope(), input);
      return { id: c.id, name: c.name, description: c.description ?? null };
    }),

  createProduct: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/admin/products',
        tags,
        summary: 'Create a product',
        description:
          'Admin only. The price is a whole amount in the currency’s minor unit (UGX has none); photos are ' +
          'http(s) addresses, at most 20 images.',
      },
      message: 'Product created successfully',
      successStatus: 201,
    })
    .input(s.createProductInput)
    .output(s.adminProductOutput)
    .mutation(async ({ ctx, input }) => {
      const { name, price, ...rest } = toProductInput(input);
      return presentProduct(
        await ctx.services.catalog.createProduct(ctx.scope(), { ...rest, name: name!, price: price! }),
        ctx.tenant.timeZone,
      );
    }),

  updateProduct: adminProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/admin/products/{id}',
        tags,
        summary: 'Update a product',
        description: 'Admin only. Changes the fields sent and keeps the others.',
      },
      message: 'Product updated successfully',
    })
    .input(s.updateProductInput)
    .output(s.adminProductOutput)
    .mutation(async ({ ctx, input }) => {
      const { id, ...changes } = input;
      return presentProduct(
        await ctx.services.catalog.updateProduct(ctx.scope(), id, toProductInput(changes)),
        ctx.tenant.timeZone,
      );
    }),
} satisfies TRPCRouterRecord;
