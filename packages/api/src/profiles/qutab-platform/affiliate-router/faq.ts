import { affiliateProcedure } from '../affiliate.procedures.ts';
import { faqInput, faqMeta, faqOutput } from './faq.types.ts';

/** The programme's active FAQ entries. */
export const faqProcedure = affiliateProcedure
  .meta(faqMeta)
  .input(faqInput)
  .output(faqOutput)
  .query(async ({ ctx }) =>
    (await ctx.services.programContent.list(ctx.scope(), ['faq'])).map((e) => ({
      question: e.title,
      answer: e.body ?? '',
      category: e.category ?? 'Umum',
    })),
  );
