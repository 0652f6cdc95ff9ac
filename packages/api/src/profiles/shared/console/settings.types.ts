import { z } from 'zod';
import type { Meta } from '../../../kernel/trpc.ts';
import { tags } from './tags.ts';

export const settingsMeta = {
  openapi: {
    method: 'GET',
    path: '/admin/console/settings',
    tags,
    summary: "The tenant's settings, with a form for each",
    description:
      "Every setting this tenant's apps read: its title and description, the JSON Schema (2020-12) of its value " +
      'with a title and description per field (a form is generated from it; secrets carry `writeOnly` and ' +
      '`x-secret`), its current value (null: unset, the defaults apply; gateway and WhatsApp secrets masked as ' +
      '`{ set, last4 }`) and whether it may be changed here (`extraProfiles` is changed by the platform ' +
      'administrator only).',
  },
} satisfies Meta;

export const updateSettingMeta = {
  openapi: {
    method: 'PUT',
    path: '/admin/console/settings/{key}',
    tags,
    summary: 'Change one setting',
    description:
      'Replaces the value of one key, checked by the schema the apps read it with; null removes it (the defaults ' +
      'apply again). Every problem is reported at once, by path (`referralAffiliates.holdDays`). A secret sent back ' +
      'masked (`{ "set": true }`) keeps the stored one; a new one is sealed at rest. A key this tenant does not ' +
      'read: 400 naming `key`; a key only the platform administrator changes: 403. This server applies the change ' +
      'at once, the others within 30 seconds.',
  },
} satisfies Meta;

export const settingsInput = z.object({}).optional();

export const settingEntry = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string(),
  editable: z.boolean(),
  holdsSecrets: z.boolean(),
  schema: z.record(z.string(), z.unknown()).meta({ description: 'JSON Schema (2020-12) of the value' }),
  value: z.unknown().meta({ description: 'the stored value (secrets masked); null when unset' }),
});
export const settingsOutput = z.object({ settings: z.array(settingEntry) });

/** A value JSON can carry. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Any JSON value (a setting's value is then checked by its key's own schema). */
const jsonValue: z.ZodType<JsonValue, JsonValue> = z.lazy(() => jsonValues);
const jsonValues = z
  .union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)])
  .meta({ id: 'JsonValue', description: 'any JSON value' });

export const updateSettingInput = z.object({
  key: z.string().trim().min(1).max(63),
  value: jsonValue.meta({ description: "the key's new value, as its schema describes it; null removes it" }),
});
export const updateSettingOutput = settingEntry;
