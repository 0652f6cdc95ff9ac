import { z } from 'zod';
import {
  paymentsInputSchema,
  TENANT_SETTINGS_SCHEMAS,
  whatsappInputSchema,
} from './tenant-settings.schemas.ts';
import { SETTING_DESCRIPTIONS, SETTING_TITLES, type SettingKey } from './tenant-settings.ts';

/** What a client sends for each key: secrets as a new value or as the masked form it read back. */
const INPUT_SCHEMAS: Record<SettingKey, z.ZodType> = {
  ...TENANT_SETTINGS_SCHEMAS,
  payments: paymentsInputSchema,
  whatsapp: whatsappInputSchema,
};

export type JsonSchemaObject = Record<string, unknown>;

const forms = new Map<SettingKey, JsonSchemaObject>();

/**
 * The JSON Schema (draft 2020-12) of one settings key as a form edits it, titled and described
 * field by field from the schema's own meta; secrets are marked `writeOnly` and `x-secret`. Written
 * from the schema a change is checked with, so a form cannot drift from what the server accepts.
 */
export function settingFormSchema(key: SettingKey): JsonSchemaObject {
  let form = forms.get(key);
  if (!form) {
    // the input side: an origin is any text the server then normalises; defaults may be left out
    const schema = z.toJSONSchema(INPUT_SCHEMAS[key], { io: 'input', unrepresentable: 'any' });
    form = { ...schema, title: SETTING_TITLES[key], description: SETTING_DESCRIPTIONS[key] };
    forms.set(key, form);
  }
  return form;
}
