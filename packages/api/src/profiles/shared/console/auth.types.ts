import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { idOutput } from '../response-fields.schemas.ts';
import { tags } from './tags.ts';

export const signInMeta = {
  openapi: {
    method: 'POST',
    path: '/admin/console/auth/login',
    tags,
    protect: false,
    summary: 'Sign in to the admin console',
    description:
      "An administrator of this tenant signs in with the email and password of their account (the tenant's own " +
      'sign-in, with its throttling): wrong credentials 401; a correct password of an account without the admin ' +
      'role 403; after 5 failed attempts on one account (or 30 from one address) within 15 minutes 429. The access ' +
      'token is valid `expiresIn` seconds; trade the refresh token at /admin/console/auth/refresh.',
  },
  credentials: true,
  errors: [401, 429],
} satisfies Meta;

export const refreshMeta = {
  openapi: {
    method: 'POST',
    path: '/admin/console/auth/refresh',
    tags,
    protect: false,
    summary: "Renew the console's tokens",
    description:
      'Trades a refresh token for new tokens; each refresh token works once (a reused one ends every session of its ' +
      'sign-in). An account that no longer has the admin role: 403, its token left unused.',
  },
  credentials: true,
  errors: [401],
} satisfies Meta;

export const signOutMeta = {
  openapi: {
    method: 'POST',
    path: '/admin/console/auth/logout',
    tags,
    summary: 'Sign out of the admin console',
    description:
      "Ends this sign-in: its access and refresh tokens stop working. The account's other sign-ins stay.",
  },
} satisfies Meta;

export const signInInput = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(200),
});
export const refreshInput = z.object({ refreshToken: z.string().min(1).max(500) });
export const signOutInput = z.object({}).optional();

export const sessionOutput = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int().min(1),
  account: z.object({ id: idOutput, name: z.string(), email: z.string() }),
});
export const signOutOutput = z.object({ signedOut: z.literal(true) });
