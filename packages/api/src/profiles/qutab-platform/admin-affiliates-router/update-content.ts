import { adminProcedure } from '../../../kernel/trpc.ts';
import { contentOf, storeMaterial } from './program-content.presenters.ts';
import { updateContentInput, updateContentMeta, updateContentOutput } from './update-content.types.ts';

/** Edits, reorders or retires a content entry. */
export const updateContentProcedure = adminProcedure
  .meta(updateContentMeta)
  .input(updateContentInput)
  .output(updateContentOutput)
  .mutation(async ({ ctx, input }) =>
    contentOf(
      ctx,
      await ctx.services.programContent.update(ctx.scope(), input.id, {
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
