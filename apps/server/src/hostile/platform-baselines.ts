import { PROFILES } from '@komisi/api';
import { type OperationSpec, PLATFORM } from './operations.ts';
import type { Schema } from './schema-walk.ts';

// The platform API's valid baselines. Its document types a profile or a time zone as any string,
// settings as any object and a slug as any name, so a random baseline would be refused before it
// reached anything; pinned to real values, a case that differs from a valid call in one place is
// refused for that place, or creates a tenant under a random slug.

/** A few real settings, as the settings schemas check them: the cases then attack them field by field. */
const SOME_SETTINGS: Schema = {
  type: 'object',
  properties: {
    orderPaymentTtlMinutes: { type: 'integer', minimum: 1, maximum: 43_200 },
    anonymousMembershipPayments: { type: 'boolean' },
    referralAffiliates: {
      type: 'object',
      properties: {
        holdDays: { type: 'integer', minimum: 0, maximum: 3650 },
        defaultRateBps: { type: 'integer', minimum: 0, maximum: 10_000 },
        targetUrl: { type: 'string', format: 'uri' },
      },
    },
  },
};

/** Body fields whose valid values the document does not show. */
const BODY_FIELDS: Record<string, (schema: Schema) => Schema> = {
  profile: (schema) => ({ ...schema, enum: Object.keys(PROFILES) }),
  timeZone: (schema) => ({ ...schema, enum: ['Asia/Jakarta', 'Africa/Kampala', 'UTC'] }),
  settings: (schema) => ({ ...schema, ...SOME_SETTINGS }),
};

/**
 * The platform operations with every `{slug}` naming the scratch tenant the suite created (a
 * settings change to a demo tenant would break later cases) and real values where the document
 * has none to offer.
 */
export function pinPlatformBaselines(ops: OperationSpec[], scratchSlug: string): OperationSpec[] {
  return ops.map((op) => {
    if (op.profile !== PLATFORM) return op;
    const params = op.params.map((p) =>
      p.in === 'path' && p.name === 'slug' ? { ...p, schema: { ...p.schema, enum: [scratchSlug] } } : p,
    );
    const properties = op.body?.properties as Record<string, Schema> | undefined;
    if (!op.body || !properties) return { ...op, params };
    const pinned = Object.fromEntries(
      Object.entries(properties).map(([name, schema]) => [name, BODY_FIELDS[name]?.(schema) ?? schema]),
    );
    return { ...op, params, body: { ...op.body, properties: pinned } };
  });
}
