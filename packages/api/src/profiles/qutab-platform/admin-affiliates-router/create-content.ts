import { adminProcedure } from '../../../kernel/trpc.ts';
import { createContentInput, createContentMeta, createContentOutput } from './create-content.types.ts';
import { contentOf, storeMaterial } from './program-content.presenters.ts';

/** Publishes a banner, social graphic or FAQ entry, its image uploaded or linked. */
export const createContentProcedure = adminProcedure
  .meta(createContentMeta)
  .input(createContentInput)
  .output(createContentOutput)
  .mutation(async ({ ctx, input }) =>
    contentOf(
      ctx,
      await ctx.services.programContent.create(ctx.scope(), {
        kind: input.kind,
        title: input.title,
        body: input.body,
        category: input.category,
        imageUrl: input.image_url,
        imageFile: await storeMaterial(ctx, input.image),
        size: input.size,
        position: input.position,
        active: input.active,
      }),
    ),
  );
