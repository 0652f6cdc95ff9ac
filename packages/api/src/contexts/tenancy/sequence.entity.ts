import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { tenantColumn } from './tenant.entity.ts';

/** Gap-free per-tenant counters (member numbers); incremented under the row lock. */
export const SequenceCounter = defineEntity({
  name: 'SequenceCounter',
  tableName: 'sequence_counter',
  properties: {
    tenant: tenantColumn().primary(),
    name: p.string().length(100).primary(),
    value: p.integer(),
  },
});
export type SequenceCounter = InferEntity<typeof SequenceCounter>;
