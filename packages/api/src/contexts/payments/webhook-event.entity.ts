import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { tenantColumn } from '../tenancy/tenant.entity.ts';

/**
 * Inbox of provider notifications: one row per (provider, event id), so a delivery repeated by the
 * provider (same DOKU Request-Id) is recognised and processed once.
 */
export const WebhookEvent = defineEntity({
  name: 'WebhookEvent',
  tableName: 'webhook_event',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    provider: p.string().length(32),
    eventId: p.string().length(128),
    payload: p.json<unknown>(),
    receivedAt: p.datetime(),
    processedAt: p.datetime().nullable(),
  },
  uniques: [{ properties: ['provider', 'eventId'] }],
});
export type WebhookEvent = InferEntity<typeof WebhookEvent>;
