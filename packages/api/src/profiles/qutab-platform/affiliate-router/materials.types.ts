import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { emptyInput } from '../qutab.schemas.ts';
import { tags } from './tags.ts';

export const materialsMeta = {
  openapi: {
    method: 'GET',
    path: '/affiliate/materials',
    tags,
    summary: 'Get promotional materials',
    description:
      'The active banners (by size) and social media graphics (by platform, with a caption) the ' +
      'programme publishes. Uploaded images come as links valid for a day.',
  },
} satisfies Meta;
export const materialsInput = emptyInput;
const material = z.object({
  id: z.string(),
  title: z.string(),
  image_url: z.string().nullable(),
  size: z.string().nullable().meta({ example: '1200x628' }),
  platform: z.string().nullable(),
  caption: z.string().nullable(),
});
export const materialsOutput = z.object({ banners: z.array(material), social_graphics: z.array(material) });
