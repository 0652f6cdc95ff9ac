import { adminProcedure } from '../../../kernel/trpc.ts';
import { contentChanges, contentOf } from './program-content.ts';
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
        ...(await contentChanges(ctx, input)),
      }),
    ),
  );
