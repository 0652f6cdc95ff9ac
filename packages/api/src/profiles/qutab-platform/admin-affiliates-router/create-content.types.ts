import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { upload } from '../affiliate.schemas.ts';
import { contentFields, contentKind, contentOutput } from './program-content.types.ts';
import { tags } from './tags.ts';

export const createContentMeta = {
  openapi: {
    method: 'POST',
    path: '/admin/content',
    tags,
    summary: 'Publish a banner, social graphic or FAQ entry',
    description:
      'Admin only. A banner or social graphic needs an image: `image_url` or an uploaded `image` ' +
      '(JPEG/PNG, at most 5 MB); an FAQ entry is `title` (the question), `body` (the answer) and ' +
      '`category`.',
  },
  successStatus: 201,
  uploads: ['image'],
  errors: [422],
} satisfies Meta;
export const createContentInput = z.object({
  kind: contentKind,
  ...contentFields,
  image: upload.optional().meta({ description: 'Uploaded image (JPEG/PNG ≤ 5 MB) instead of image_url' }),
});
export const createContentOutput = contentOutput;
