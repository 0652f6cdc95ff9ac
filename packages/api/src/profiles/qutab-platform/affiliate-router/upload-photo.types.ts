import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { affiliateProfileOutput, upload } from '../affiliate.schemas.ts';
import { tags } from './tags.ts';

export const uploadPhotoMeta = {
  openapi: {
    method: 'POST',
    path: '/affiliate/profile/photo',
    tags,
    summary: 'Upload profile photo',
    description:
      'JPEG or PNG, at most 5 MB; re-encoded without metadata. `profile_photo` is a short-lived link.',
  },
  uploads: ['photo'],
  errors: [422],
} satisfies Meta;
export const uploadPhotoInput = z.object({ photo: upload });
export const uploadPhotoOutput = affiliateProfileOutput;
