import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { id } from '../affiliate.schemas.ts';
import { messageOutput } from '../qutab.schemas.ts';
import { tags } from './tags.ts';

export const deleteContentMeta = {
  openapi: {
    method: 'DELETE',
    path: '/admin/content/{id}',
    tags,
    summary: 'Delete content',
    description: 'Admin only. Removes the entry for good (`active: false` hides it instead).',
  },
} satisfies Meta;
export const deleteContentInput = z.object({ id });
export const deleteContentOutput = messageOutput;
