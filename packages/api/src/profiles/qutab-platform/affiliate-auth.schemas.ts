// Request and response shapes of the affiliates' sign-up and sign-in.
import { z } from 'zod';
import { trimmed } from '../shared/request-fields.schemas.ts';
import { countOutput } from '../shared/response-fields.schemas.ts';
import { applicationStatus, optionalText, PRIMARY_PLATFORM, text, whatsapp } from './affiliate.schemas.ts';
import { password } from './qutab.schemas.ts';

export const affiliateRegisterInput = z.object({
  first_name: text(1, 100),
  last_name: text(1, 100),
  email: trimmed(z.email().max(254)),
  password,
  whatsapp,
  city: text(1, 100),
  instagram: optionalText(200),
  tiktok: optionalText(200),
  youtube: optionalText(200),
  facebook: optionalText(200),
  primary_platform: PRIMARY_PLATFORM,
  reason: text(10, 2000),
});
export const affiliateSessionOutput = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: countOutput,
  refresh_token: z.string(),
  affiliate: z.object({
    id: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    email: z.string(),
    status: applicationStatus,
    affiliate_code: z.string().nullable(),
  }),
});
export const affiliateLoginInput = z.object({
  email: trimmed(z.string().min(3).max(254)),
  password: z.string().min(1).max(200),
});
