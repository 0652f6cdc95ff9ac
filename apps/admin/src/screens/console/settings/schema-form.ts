/**
 * Reads the JSON Schema (2020-12) of a setting as `console.settings` gives it and decides how each
 * field is edited; turns the form's state back into the value `console.updateSetting` takes.
 * Pure (no React), so its rules are tested on their own.
 */

export type JsonSchema = Record<string, unknown>;

/** A secret as the API reads it back: whether one is stored, and its last four characters. */
export interface MaskedSecret {
  set: boolean;
  last4?: string | null;
}

export type Field =
  | { kind: 'secret' }
  | { kind: 'boolean' }
  | { kind: 'enum'; options: string[] }
  /** whole minor units of the tenant's currency (the schema's bound is the largest safe integer) */
  | { kind: 'money'; min: number }
  /** basis points: 100 = 1% */
  | { kind: 'bps'; min: number; max: number }
  | { kind: 'integer'; min?: number; max?: number }
  | { kind: 'text'; format?: string; maxLength?: number }
  | { kind: 'text-list' }
  | { kind: 'integer-list'; min?: number; max?: number }
  | { kind: 'object'; properties: [string, JsonSchema][]; required: string[] }
  | { kind: 'unsupported' };

const asSchema = (v: unknown): JsonSchema => (v && typeof v === 'object' ? (v as JsonSchema) : {});

/** `anyOf: [X, { type: null }]` (a field that may be cleared) is edited as X. */
export function withoutNull(schema: JsonSchema): JsonSchema {
  const anyOf = schema.anyOf as JsonSchema[] | undefined;
  if (Array.isArray(anyOf) && !schema['x-secret']) {
    const rest = anyOf.filter((s) => s.type !== 'null');
    if (rest.length === 1) {
      const { anyOf: _, ...outer } = schema;
      return { ...asSchema(rest[0]), ...outer };
    }
  }
  if (Array.isArray(schema.type)) {
    const types = (schema.type as string[]).filter((t) => t !== 'null');
    if (types.length === 1) return { ...schema, type: types[0] };
  }
  return schema;
}

export function fieldOf(raw: JsonSchema): Field {
  const schema = withoutNull(raw);
  if (schema['x-secret']) return { kind: 'secret' };
  if (Array.isArray(schema.enum)) return { kind: 'enum', options: schema.enum.map(String) };
  switch (schema.type) {
    case 'boolean':
      return { kind: 'boolean' };
    case 'integer': {
      const min = schema.minimum as number | undefined;
      const max = schema.maximum as number | undefined;
      if (max === Number.MAX_SAFE_INTEGER) return { kind: 'money', min: min ?? 0 };
      if (/basis points/i.test(String(schema.title ?? '')))
        return { kind: 'bps', min: min ?? 0, max: max ?? 10_000 };
      return { kind: 'integer', min, max };
    }
    case 'string':
      return {
        kind: 'text',
        format: schema.format as string | undefined,
        maxLength: schema.maxLength as number | undefined,
      };
    case 'array': {
      const items = withoutNull(asSchema(schema.items));
      if (items.type === 'string') return { kind: 'text-list' };
      if (items.type === 'integer')
        return { kind: 'integer-list', min: items.minimum as number, max: items.maximum as number };
      return { kind: 'unsupported' };
    }
    case 'object':
      return {
        kind: 'object',
        properties: Object.entries(asSchema(schema.properties)).map(([k, v]) => [k, asSchema(v)]),
        required: (schema.required as string[] | undefined) ?? [],
      };
    default:
      return { kind: 'unsupported' };
  }
}

export const isMaskedSecret = (v: unknown): v is MaskedSecret =>
  !!v && typeof v === 'object' && !Array.isArray(v) && 'set' in v;

/** The form's starting state: the stored value, or an empty object for an unset object setting. */
export function initialValue(schema: JsonSchema, value: unknown): unknown {
  if (value !== null && value !== undefined) return value;
  return fieldOf(schema).kind === 'object' ? {} : undefined;
}

const isEmpty = (v: unknown) =>
  v === undefined ||
  v === '' ||
  (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

/**
 * The value to send: empty fields left out (the defaults apply), a secret not replaced sent back
 * masked as `{ set: true }` (the server keeps the stored one), a new secret as typed. At the top,
 * an emptied setting is sent as null (unset).
 */
export function toWireValue(schema: JsonSchema, state: unknown): unknown {
  const value = prune(schema, state);
  return value === undefined ? null : value;
}

function prune(schema: JsonSchema, state: unknown): unknown {
  const field = fieldOf(schema);
  if (field.kind === 'secret') {
    if (typeof state === 'string') return state.trim() === '' ? undefined : state;
    return isMaskedSecret(state) && state.set ? { set: true } : undefined;
  }
  if (field.kind === 'object') {
    if (!state || typeof state !== 'object') return undefined;
    const out: Record<string, unknown> = {};
    for (const [name, sub] of field.properties) {
      const v = prune(sub, (state as Record<string, unknown>)[name]);
      if (!isEmpty(v)) out[name] = v;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  if (field.kind === 'text' && typeof state === 'string')
    return state.trim() === '' ? undefined : state.trim();
  if (state === null || isEmpty(state)) return undefined;
  return state;
}

/** "300, 250, 200" → [300, 250, 200]; null when a part is not a whole number. */
export function parseIntegerList(text: string): number[] | null {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const numbers = parts.map(Number);
  return numbers.every((n) => Number.isSafeInteger(n)) ? numbers : null;
}

/** The API names a field `referralAffiliates.holdDays`: the messages for one path of one key. */
export function fieldErrorsOf(
  key: string,
  fields: Record<string, string[]> | null | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, messages] of Object.entries(fields ?? {})) {
    const path = name === key ? '' : name.startsWith(`${key}.`) ? name.slice(key.length + 1) : name;
    out[path] = messages.join(', ');
  }
  return out;
}
