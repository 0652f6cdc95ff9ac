import { adminProcedure } from '../../../kernel/trpc.ts';
import { listContentInput, listContentMeta, listContentOutput } from './list-content.types.ts';
import { contentOf } from './program-content.ts';

/** Every banner, social graphic and FAQ entry (or those of one kind), inactive ones too. */
export const listContentProcedure = adminProcedure
  .meta(listContentMeta)
  .input(listContentInput)
  .output(listContentOutput)
  .query(async ({ ctx, input }) =>
    Promise.all(
      (
        await ctx.services.programContent.list(
          ctx.scope(),
          input.kind ? [input.kind] : ['banner', 'social_graphic', 'faq'],
          { includeInactive: true },
        )
      ).map((e) => contentOf(ctx, e)),
    ),
  );
