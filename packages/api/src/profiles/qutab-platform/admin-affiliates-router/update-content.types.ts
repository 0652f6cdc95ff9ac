import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { id, upload } from '../affiliate.schemas.ts';
import { contentFields, contentOutput } from './program-content.types.ts';
import { tags } from './tags.ts';

export const updateContentMeta = {
  openapi: {
    method: 'PUT',
    path: '/admin/content/{id}',
    tags,
    summary: 'Edit, reorder or retire content',
    description:
      'Admin only. Changes the fields sent: `position` reorders, `active: false` hides the entry ' +
      'from affiliates.',
  },
  uploads: ['image'],
  errors: [422],
} satisfies Meta;
export const updateContentInput = z.object({
  id,
  ...contentFields,
  title: contentFields.title.optional(),
  image: upload.optional(),
});
export const updateContentOutput = contentOutput;
