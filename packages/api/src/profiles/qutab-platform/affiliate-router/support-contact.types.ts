import type { Meta } from '../../../kernel/trpc.ts';
import { supportContactOutput } from '../affiliate.schemas.ts';
import { emptyInput } from '../qutab.schemas.ts';
import { tags } from './tags.ts';

export const supportContactMeta = {
  openapi: {
    method: 'GET',
    path: '/affiliate/support/contact',
    tags,
    summary: 'Get support contact info',
    description:
      'Where affiliates get help: WhatsApp, email and the expected response time, as the admins ' +
      'set them.',
  },
} satisfies Meta;
export const supportContactInput = emptyInput;
export { supportContactOutput };
