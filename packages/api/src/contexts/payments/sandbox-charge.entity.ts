import { defineEntity, type InferEntity, p } from '@mikro-orm/core';

/**
 * The sandbox provider's own book of charges. It stands where a real gateway's records
 * would, so the application never writes it except through the sandbox pay page.
 */
export const SandboxCharge = defineEntity({
  name: 'SandboxCharge',
  tableName: 'sandbox_charge',
  properties: {
    reference: p.string().length(64).primary(),
    tenantId: p.integer(),
    merchantReference: p.string().length(64),
    amount: p.bigint('number'),
    currency: p.string().length(3),
    description: p.string(),
    status: p.enum(['pending', 'completed', 'failed'] as const).default('pending'),
    createdAt: p.datetime().onCreate(() => new Date()),
    settledAt: p.datetime().nullable(),
  },
});
export type SandboxCharge = InferEntity<typeof SandboxCharge>;
