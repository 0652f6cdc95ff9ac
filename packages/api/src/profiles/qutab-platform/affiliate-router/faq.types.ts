import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { emptyInput } from '../qutab.schemas.ts';
import { tags } from './tags.ts';

export const faqMeta = {
  openapi: {
    method: 'GET',
    path: '/affiliate/faq',
    tags,
    summary: 'Get FAQ list',
    description: 'The programme’s active questions and answers, in the admins’ order.',
  },
} satisfies Meta;
export const faqInput = emptyInput;
export const faqOutput = z.array(
  z.object({ question: z.string(), answer: z.string(), category: z.string() }),
);
