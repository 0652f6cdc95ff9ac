import type { Meta } from '../../../kernel/trpc.ts';
import { affiliateProfileOutput } from '../affiliate.schemas.ts';
import { emptyInput } from '../qutab.schemas.ts';
import { tags } from './tags.ts';

export const profileMeta = {
  openapi: { method: 'GET', path: '/affiliate/profile', tags, summary: 'Get affiliate profile' },
} satisfies Meta;
export const profileInput = emptyInput;
export const profileOutput = affiliateProfileOutput;
