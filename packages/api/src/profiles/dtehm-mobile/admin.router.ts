import type { TRPCRouterRecord } from '@trpc/server';
import type { ProductDetail } from '../../contexts/catalog/catalog.service.ts';
import { adminProcedure } from '../../kernel/trpc.ts';
import { presentProductSummary } from './dtehm.presenters.ts';
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
