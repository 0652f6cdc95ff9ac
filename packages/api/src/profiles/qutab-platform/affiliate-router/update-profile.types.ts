import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { affiliateProfileOutput, optionalText, text, whatsapp } from '../affiliate.schemas.ts';
import { tags } from './tags.ts';

export const updateProfileMeta = {
  openapi: {
    method: 'PUT',
    path: '/affiliate/profile',
    tags,
    summary: 'Update profile',
    description:
      'first_name, last_name, whatsapp, city, instagram and tiktok; anything else sent is ignored.',
  },
  message: 'Profile updated',
  errors: [422],
} satisfies Meta;
/** Only the editable fields; id, email, code, dates and statuses sent are ignored. */
export const updateProfileInput = z.object({
  first_name: text(1, 100).optional(),
  last_name: text(1, 100).optional(),
  whatsapp: whatsapp.optional(),
  city: text(1, 100).optional(),
  instagram: optionalText(200),
  tiktok: optionalText(200),
});
export const updateProfileOutput = affiliateProfileOutput;
