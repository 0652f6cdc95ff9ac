import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { totalOutput } from '../../shared/response-fields.schemas.ts';
import { emptyInput } from '../qutab.schemas.ts';
import { tags } from './tags.ts';

export const referralLinkMeta = {
  openapi: {
    method: 'GET',
    path: '/affiliate/referral-link',
    tags,
    summary: "Get affiliate's unique referral link",
    description:
      'The affiliate’s link, where it redirects, an HTML snippet to embed it and how often it was ' +
      'clicked. A visit through the link attributes the visitor’s orders for 30 days.',
  },
} satisfies Meta;
export const referralLinkInput = emptyInput;
export const referralLinkOutput = z.object({
  referral_code: z.string(),
  referral_url: z.string(),
  target_url: z.string(),
  embed_code: z.string(),
  total_clicks: totalOutput,
});
