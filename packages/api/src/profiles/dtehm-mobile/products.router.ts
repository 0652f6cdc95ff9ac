import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../../kernel/trpc.ts';
import { paginationWithRange, presentProductSummary } from './dtehm.presenters.ts';
import * as s from './dtehm.schemas.ts';

const tags = ['Products'];

export const productsRouter = {
  list: publicProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/products/list',
        tags,
        protect: false,
        summary: 'List products',
        description:
          'Products, a page at a time (`per_page` at most 100), filtered by category and by a search in the ' +
          'name and description, sorted by name, price or created_at. Prices are whole UGX.',
      },
      message: 'Products retrieved successfully',
    })
    .input(s.productListInput)
    .output(s.productListOutput)
    .query(async ({ ctx, input }) => {
      const { products, window } = await ctx.services.catalog.list(ctx.scope(), {
        page: input.page,
        perPage: input.per_page,
        categoryId: input.category_id,
        search: input.search,
        sortBy: input.sort_by,
        sortOrder: input.sort_order,
      });
      return {
        products: products.map((p) => presentProductSummary(p, ctx.tenant.timeZone)),
        pagination: paginationWithRange(window),
      };
    }),

  detail: publicProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/products/detail/{id}',
        tags,
        protect: false,
        summary: 'Get a product',
        description:
          'One product with its specifications and images, and up to four newer products of the same category.',
      },
    })
    .input(s.productDetailInput)
    .output(s.productDetailOutput)
    .query(async ({ ctx, input }) => {
      const p = await ctx.services.catalog.detail(ctx.scope(), input.id);
      return {
        ...presentProductSummary(p, ctx.tenant.timeZone),
        specifications: p.specifications,
        images: p.images,
        related_products: p.related.map((r) => ({
          id: r.id,
          name: r.name,
          price: r.price,
          feature_photo: r.featurePhoto,
        })),
      };
    }),

  categories: publicProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/products/categories',
        tags,
        protect: false,
        summary: 'List product categories',
        description: 'Every category, by name, with the number of its products.',
      },
    })
    .input(s.emptyInput)
    .output(s.categoriesOutput)
    .query(async ({ ctx }) =>
      (await ctx.services.catalog.categories(ctx.scope())).map((c) => ({
        id: c.id,
        name: c.name,
        description: c.description,
        product_count: c.productCount,
      })),
    ),
} satisfies TRPCRouterRecord;
