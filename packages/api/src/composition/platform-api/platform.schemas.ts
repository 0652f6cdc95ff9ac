import { z } from 'zod';
import {
  currencySchema,
  hostsSchema,
  tenantNameSchema,
  tenantSlugSchema,
  timeZoneSchema,
} from '../../contexts/platform/tenant-fields.schemas.ts';

// The platform API's wire: camelCase like the settings it edits. Tenant fields are checked by the
// same schemas the platform service parses with (tenant-fields.schemas.ts).

export const loginInput = z
  .object({ email: z.email().max(254), password: z.string().min(1).max(200) })
  .meta({ example: { email: 'platform@komisi.local', password: 'your-platform-password' } });
export const loginOutput = z
  .object({
    token: z.string().meta({ description: 'Bearer token for the platform API (not valid on any tenant)' }),
    expiresIn: z.int().meta({ description: 'seconds' }),
    admin: z.object({ id: z.int(), email: z.string() }),
  })
  .meta({
    example: {
      token: 'eyJhbGciOiJIUzI1NiIs…',
      expiresIn: 28800,
      admin: { id: 1, email: 'platform@komisi.local' },
    },
  });

export const logoutOutput = z.object({ loggedOut: z.literal(true) }).meta({ example: { loggedOut: true } });

const settingKeyInfo = z.object({ key: z.string(), description: z.string() });

export const profilesOutput = z
  .object({
    profiles: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        description: z.string(),
        settingKeys: z
          .array(settingKeyInfo)
          .meta({ description: 'the settings a tenant of this profile reads' }),
      }),
    ),
  })
  .meta({
    example: {
      profiles: [
        {
          id: 'qutab-platform',
          title: 'Qutab Platform API',
          description: 'Qurban shop: customers and their orders…',
          settingKeys: [
            { key: 'referralAffiliates', description: 'Referral-link affiliate programme overrides…' },
          ],
        },
      ],
    },
  });

export const tenantSummary = z.object({
  id: z.int(),
  slug: z.string(),
  name: z.string(),
  profile: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  hosts: z.array(z.string()),
});
const EXAMPLE_TENANT = {
  id: 4,
  slug: 'myshop',
  name: 'My Shop',
  profile: 'ansania-ecommerce',
  currency: 'IDR',
  timeZone: 'Asia/Jakarta',
  hosts: ['api.myshop.example'],
};

export const tenantsOutput = z
  .object({ tenants: z.array(tenantSummary) })
  .meta({ example: { tenants: [EXAMPLE_TENANT] } });

const settingsRecord = z
  .record(z.string(), z.unknown())
  .meta({ description: 'Settings by top-level key; gateway secrets appear as { set, last4 }' });
const EXAMPLE_SETTINGS = {
  payments: {
    provider: 'xendit',
    xendit: {
      baseUrl: 'https://api.xendit.co',
      secretKey: { set: true, last4: 'a1b2' },
      callbackToken: { set: true, last4: 'z9y8' },
    },
  },
  referralAffiliates: { holdDays: 14 },
};

export const tenantDetail = tenantSummary.extend({
  settings: settingsRecord,
  settingKeys: z.array(settingKeyInfo),
});
export const tenantDetailOutput = tenantDetail.meta({
  example: {
    ...EXAMPLE_TENANT,
    settings: EXAMPLE_SETTINGS,
    settingKeys: [{ key: 'payments', description: 'Payment gateway…' }],
  },
});

export const slugInput = z.object({ slug: z.string().min(1).max(63) });

export const createTenantInput = z
  .object({
    profile: z.string().min(1).meta({ description: 'an id from GET /profiles' }),
    slug: tenantSlugSchema,
    name: tenantNameSchema,
    currency: currencySchema
      .optional()
      .meta({ description: "default: the profile's (IDR; UGX for dtehm-mobile)" }),
    timeZone: timeZoneSchema.optional().meta({
      description: "IANA zone; default: the profile's (Asia/Jakarta; Africa/Kampala for dtehm-mobile)",
    }),
    hosts: hostsSchema.optional(),
    admin: z.object({ email: z.email().max(254), name: z.string().trim().min(1).max(255).optional() }),
    rootMember: z
      .object({
        email: z.email().max(254),
        name: z.string().trim().min(1).max(255).optional(),
        phone: z.string().trim().min(6).max(32).optional(),
        address: z.string().trim().max(500).optional(),
      })
      .optional()
      .meta({
        description: "dtehm-mobile only: the network's root member (default: the admin's address with +root)",
      }),
    settings: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: 'initial settings, as PATCH …/settings takes them' }),
  })
  .meta({
    example: {
      profile: 'ansania-ecommerce',
      slug: 'myshop',
      name: 'My Shop',
      currency: 'IDR',
      timeZone: 'Asia/Jakarta',
      hosts: ['api.myshop.example'],
      admin: { email: 'owner@myshop.example', name: 'Shop Owner' },
    },
  });
export const createTenantOutput = z
  .object({
    tenant: tenantDetail,
    admin: z.object({
      email: z.string(),
      password: z.string().meta({ description: 'generated; shown this once' }),
    }),
    rootMemberId: z
      .string()
      .nullable()
      .meta({ description: 'dtehm-mobile: the member new members name as sponsor' }),
  })
  .meta({
    example: {
      tenant: { ...EXAMPLE_TENANT, settings: { payments: { provider: 'sandbox' } }, settingKeys: [] },
      admin: { email: 'owner@myshop.example', password: 'q1w2e3r4t5y6u7i8' },
      rootMemberId: null,
    },
  });

export const updateTenantInput = slugInput
  .extend({ name: tenantNameSchema.optional(), hosts: hostsSchema.optional() })
  .meta({
    example: { slug: 'myshop', name: 'My Shop Indonesia', hosts: ['api.myshop.example', 'shop.example'] },
  });

export const settingsOutput = z
  .object({ settings: settingsRecord, settingKeys: z.array(settingKeyInfo) })
  .meta({
    example: {
      settings: EXAMPLE_SETTINGS,
      settingKeys: [{ key: 'payments', description: 'Payment gateway…' }],
    },
  });

export const updateSettingsInput = slugInput
  .extend({
    settings: z.record(z.string(), z.unknown()).meta({
      description:
        'top-level keys to replace; null removes a key; a secret sent back as { set: true } keeps the stored one',
    }),
  })
  .meta({
    example: {
      slug: 'myshop',
      settings: { referralAffiliates: { holdDays: 0 }, orderPaymentTtlMinutes: 60 },
    },
  });
