import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { tenantColumn } from '../tenancy/tenant.entity.ts';

export const OUTBOX_CHANNELS = ['email', 'whatsapp'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

/**
 * A message to send, written in the same transaction as the event that causes it, so no
 * message is sent for a change that rolled back and none is lost for one that committed.
 */
export const OutboxMessage = defineEntity({
  name: 'OutboxMessage',
  tableName: 'notification_outbox',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    channel: p.enum(OUTBOX_CHANNELS),
    recipient: p.string().length(254),
    subject: p.string().length(300),
    body: p.text(),
    status: p.enum(['pending', 'sent', 'failed'] as const).default('pending'),
    attempts: p.integer().default(0),
    lastError: p.string().length(500).nullable(),
    /** a failed attempt waits until then before the next (null: send now) */
    nextAttemptAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    sentAt: p.datetime().nullable(),
    /** the provider's id of the sent message (Fonnte's), which its delivery reports name */
    providerMessageId: p.string().length(100).nullable(),
    /** the latest delivery status the provider reported (`sent`, `delivered`, `read`, `failed`…) */
    deliveryStatus: p.string().length(50).nullable(),
    /** when the provider says that status was reached */
    deliveryStatusAt: p.datetime().nullable(),
  },
  indexes: [
    { name: 'notification_outbox_pending_idx', properties: ['status', 'id'] },
    // a delivery report names the message by its provider id, or by its recipient and text
    { name: 'notification_outbox_provider_message_idx', properties: ['tenant', 'providerMessageId'] },
    { name: 'notification_outbox_recipient_idx', properties: ['tenant', 'channel', 'recipient'] },
  ],
});
export type OutboxMessage = InferEntity<typeof OutboxMessage>;
