import type { Meta } from '../../../kernel/trpc.ts';
import { affiliateProfileOutput } from '../affiliate.schemas.ts';
import { emptyInput } from '../qutab.schemas.ts';
import { tags } from './tags.ts';

export const profileMeta = {
  openapi: {
    method: 'GET',
    path: '/affiliate/profile',
    tags,
    summary: 'Get affiliate profile',
    description:
      'The affiliate’s details, code, join date and application status; `profile_photo` is a ' +
      'short-lived link (null without a photo).',
  },
} satisfies Meta;
export const profileInput = emptyInput;
export const profileOutput = affiliateProfileOutput;
