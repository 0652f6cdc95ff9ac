import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { idOutput } from '../response-fields.schemas.ts';
import { CONSOLE_SECTIONS, DASHBOARD_METRICS } from './console-spec.ts';
import { tags } from './tags.ts';

export const meMeta = {
  openapi: {
    method: 'GET',
    path: '/admin/console/me',
    tags,
    summary: 'Who is signed in, and the console of this tenant',
    description:
      'The signed-in administrator (account and roles), the tenant (slug, name, app profiles, currency with its ' +
      'minor-unit digits, time zone, locale hints) and the console sections its apps have, from which the console ' +
      'builds its menu, with the figures its dashboard charts.',
  },
} satisfies Meta;

export const meInput = z.object({}).optional();

export const meOutput = z.object({
  account: z.object({ id: idOutput, name: z.string(), email: z.string() }),
  roles: z.array(z.string()),
  tenant: z.object({
    slug: z.string(),
    name: z.string(),
    /** the main app profile */
    profile: z.string(),
    /** the main profile, then the extra ones the tenant serves */
    profiles: z.array(z.string()),
    currency: z.string().length(3),
    /** digits after the decimal point of the currency's major unit (IDR, UGX: 0) */
    currencyDigits: z.number().int().min(0).max(4),
    timeZone: z.string(),
    /** BCP 47 tags for dates and money, the tenant's first */
    locales: z.array(z.string()).min(1),
  }),
  sections: z.array(z.enum(CONSOLE_SECTIONS)),
  dashboardMetrics: z.array(z.enum(DASHBOARD_METRICS)),
});
