import { adminProcedure } from '../../../kernel/trpc.ts';
import { createContentInput, createContentMeta, createContentOutput } from './create-content.types.ts';
import { contentChanges, contentOf } from './program-content.ts';

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
        ...(await contentChanges(ctx, input)),
      }),
    ),
  );
