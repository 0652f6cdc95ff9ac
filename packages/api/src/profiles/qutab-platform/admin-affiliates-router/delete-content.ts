import { adminProcedure } from '../../../kernel/trpc.ts';
import { deleteContentInput, deleteContentMeta, deleteContentOutput } from './delete-content.types.ts';

/** Removes a content entry. */
export const deleteContentProcedure = adminProcedure
  .meta(deleteContentMeta)
  .input(deleteContentInput)
  .output(deleteContentOutput)
  .mutation(async ({ ctx, input }) => {
    await ctx.services.programContent.remove(ctx.scope(), input.id);
    return { message: 'Deleted' };
  });
