import type { TRPCRouterRecord } from '@trpc/server';
import { authedProcedure, optionalAuthProcedure } from '../../kernel/trpc.ts';
import {
  presentPagination,
  presentProductCard,
  presentProductDetail,
  presentReview,
} from './catalog.presenters.ts';
import * as s from './catalog.schemas.ts';

const tags = ['Products'];
const reviewTags = ['Reviews'];

/** `Walnut, white` → ['Walnut', 'white'] */
const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((v) => v.trim())
    .filter(Boolean);

// `/products/{slug}` and `/products/{id}/reviews` differ in segment count, so both route.
export const catalogRouter = {
  list: optionalAuthProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/products',
        tags,
        protect: false,
        summary: 'Get product list with filters and pagination',
        description:
          'Published products, `limit` at most 100 per page. `color`, `finishing` and `size` take one ' +
          'value or several separated by commas and match a visible variant; prices are whole IDR. ' +
          'Without `sort`: best match first when `search` is given, otherwise newest.',
      },
    })
    .input(s.productListInput)
    .output(s.productListOutput)
    .query(async ({ ctx, input }) => {
      const { products, window } = await ctx.services.storefront.list(ctx.scope(), {
        page: input.page,
        limit: input.limit,
        sort: input.sort,
        categorySlug: input.category || undefined,
        colors: list(input.color),
        finishings: list(input.finishing),
        sizes: list(input.size),
        priceMin: input.price_min,
        priceMax: input.price_max,
        ratingMin: input.rating_min,
        search: input.search || undefined,
        inStock: input.in_stock,
      });
      return { products: products.map(presentProductCard), pagination: presentPagination(window) };
    }),

  detail: optionalAuthProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/products/{slug}',
        tags,
        protect: false,
        summary: 'Get product detail by slug',
        description:
          'The product with its images (primary first), visible variants with price and stock, ' +
          'categories, rating, weight (grams) and dimensions (cm). An unknown or unpublished slug: ' +
          '404.',
      },
    })
    .input(s.productDetailInput)
    .output(s.productDetailOutput)
    .query(async ({ ctx, input }) => ({
      product: presentProductDetail(await ctx.services.storefront.bySlug(ctx.scope(), input.slug)),
    })),

  reviews: optionalAuthProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/products/{id}/reviews',
        tags: reviewTags,
        protect: false,
        summary: 'Get product reviews',
        description:
          'A page of the product’s reviews (`limit` at most 100) with the rating summary of all of ' +
          'them. Reviewers are shown by first name and initial. An unknown product: 404.',
      },
    })
    .input(s.reviewListInput)
    .output(s.reviewListOutput)
    .query(async ({ ctx, input }) => {
      const { reviews, summary, window } = await ctx.services.reviews.list(ctx.scope(), input.id, {
        page: input.page,
        limit: input.limit,
        sort: input.sort,
      });
      return {
        reviews: reviews.map(presentReview),
        summary: {
          average_rating: summary.averageRating,
          total_reviews: summary.totalReviews,
          rating_distribution: summary.distribution,
        },
        pagination: presentPagination(window),
      };
    }),

  createReview: authedProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/products/{id}/reviews',
        tags: reviewTags,
        summary: 'Create product review (verified purchase only)',
        description:
          'Reviews a product you bought: `order_id` names one of your paid orders containing it (its ' +
          'id or its order number), otherwise 403. One review per product per order (409 on a ' +
          'second). Images are http(s) URLs of hosted images, at most 5.',
      },
      successStatus: 201,
      errors: [403, 409],
    })
    .input(s.createReviewInput)
    .output(s.createReviewOutput)
    .mutation(async ({ ctx, input }) => ({
      review: presentReview(
        await ctx.services.reviews.create(ctx.scope(), ctx.auth.accountId, input.id, {
          order: input.order_id,
          rating: input.rating,
          title: input.title,
          comment: input.comment,
          images: input.images,
        }),
      ),
    })),
} satisfies TRPCRouterRecord;
