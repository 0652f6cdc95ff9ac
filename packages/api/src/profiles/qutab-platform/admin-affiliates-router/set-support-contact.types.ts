import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { trimmed } from '../../shared/request-fields.schemas.ts';
import { supportContactOutput, text, whatsapp } from '../affiliate.schemas.ts';
import { tags } from './tags.ts';

export const setSupportContactMeta = {
  openapi: {
    method: 'PUT',
    path: '/admin/support-contact',
    tags,
    summary: "Set the affiliates' support contact",
    description: 'Admin only. What /affiliate/support/contact answers from now on.',
  },
  errors: [422],
} satisfies Meta;
export const setSupportContactInput = z.object({
  whatsapp,
  email: trimmed(z.email().max(254)),
  response_time: text(1, 100),
});
export const setSupportContactOutput = supportContactOutput;
