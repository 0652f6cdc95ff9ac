import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { contentKind, contentOutput } from './program-content.types.ts';
import { tags } from './tags.ts';

export const listContentMeta = {
  openapi: {
    method: 'GET',
    path: '/admin/content',
    tags,
    summary: 'Materials and FAQ (inactive too)',
    description:
      'Admin only. Every banner, social graphic and FAQ entry, optionally of one kind, in ' +
      'position order, inactive ones included.',
  },
} satisfies Meta;
export const listContentInput = z.object({ kind: contentKind.optional() });
export const listContentOutput = contentOutput.array();
