import type { Meta } from '../../../kernel/trpc.ts';
import { changePasswordInput, messageOutput } from '../qutab.schemas.ts';
import { tags } from './tags.ts';

export const changePasswordMeta = {
  openapi: {
    method: 'PUT',
    path: '/affiliate/profile/password',
    tags,
    summary: 'Change password',
    description: 'Needs the current password; every other session of the account ends.',
  },
  errors: [422],
} satisfies Meta;
export { changePasswordInput, messageOutput as changePasswordOutput };
