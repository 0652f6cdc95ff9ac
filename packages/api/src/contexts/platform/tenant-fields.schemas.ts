import { CURRENCY_MINOR_DIGITS, type CurrencyCode } from '@komisi/domain';
import { z } from 'zod';

// What a tenant is made of, checked the same way on every surface (platform REST and tRPC, the CLI,
// the demo seeds): the platform service parses its input with these.

/** A tenant's slug: its path `/t/{slug}`; lower-case letters, digits and dashes. */
export const tenantSlugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lower-case letters, digits and dashes (at most 63)')
  .refine((slug) => !['platform', 'docs', 'files', 'health'].includes(slug), 'is reserved');

export const currencySchema = z.enum(Object.keys(CURRENCY_MINOR_DIGITS) as [CurrencyCode, ...CurrencyCode[]]);

export const timeZoneSchema = z
  .string()
  .trim()
  .min(1)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'is not an IANA time zone (e.g. Asia/Jakarta)');

/** Host names that serve the tenant at the root (`api.example.com`): no scheme, port or path. */
export const hostsSchema = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(
        /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/,
        {
          message: 'expected a host name like api.example.com (no scheme, port or path)',
        },
      ),
  )
  .max(20)
  .refine((hosts) => new Set(hosts).size === hosts.length, 'lists a host twice');

export const tenantNameSchema = z.string().trim().min(1).max(255);

export const newTenantSchema = z.strictObject({
  profile: z.string().trim().min(1),
  slug: tenantSlugSchema,
  name: tenantNameSchema,
  /** absent: the profile's (IDR and Asia/Jakarta; UGX and Africa/Kampala for dtehm-mobile) */
  currency: currencySchema.optional(),
  timeZone: timeZoneSchema.optional(),
  hosts: hostsSchema.default([]),
  admin: z.strictObject({
    email: z.email().max(254),
    name: z.string().trim().min(1).max(255).optional(),
    /** absent: generated, and returned once */
    password: z.string().min(8).max(200).optional(),
  }),
  /** dtehm-mobile: the network's root member (default: the admin's address with `+root`, same password) */
  rootMember: z
    .strictObject({
      email: z.email().max(254),
      name: z.string().trim().min(1).max(255).optional(),
      phone: z.string().trim().min(6).max(32).optional(),
      address: z.string().trim().max(500).optional(),
    })
    .optional(),
});
export type NewTenant = z.input<typeof newTenantSchema>;

export const tenantChangesSchema = z.strictObject({
  name: tenantNameSchema.optional(),
  hosts: hostsSchema.optional(),
});
export type TenantChanges = z.input<typeof tenantChangesSchema>;
