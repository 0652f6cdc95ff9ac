import { z } from 'zod';
import { INT32, trimmed } from '../../shared/request-fields.schemas.ts';
import { countOutput } from '../../shared/response-fields.schemas.ts';
import { optionalText, text } from '../affiliate.schemas.ts';

export const contentKind = z.enum(['banner', 'social_graphic', 'faq']);
/** A banner, social graphic or FAQ entry as admins see it (inactive ones too). */
export const contentOutput = z.object({
  id: z.string(),
  kind: contentKind,
  title: z.string(),
  body: z.string().nullable(),
  category: z.string().nullable(),
  image_url: z.string().nullable(),
  size: z.string().nullable(),
  position: countOutput,
  active: z.boolean(),
});
/** The fields an admin writes when publishing or editing content. */
export const contentFields = {
  title: text(1, 300),
  body: trimmed(z.string().max(5000)).nullable().optional(),
  category: optionalText(100),
  image_url: z.url().max(1000).nullable().optional(),
  size: trimmed(z.string().regex(/^\d{2,5}x\d{2,5}$/, 'must be like 1200x628'))
    .nullable()
    .optional(),
  position: z.number().int().min(0).max(10_000).meta(INT32).optional(),
  active: z.boolean().optional(),
};
