import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { tenantColumn } from '../../tenancy/tenant.entity.ts';
import { OutboxMessage } from '../outbox-message.entity.ts';

/**
 * Every delivery status a WhatsApp provider reported (its status webhook), kept as received: an
 * exact repeat is stored once (`reportKey`). The message's text is kept only as a digest, since it
 * may hold a one-time code.
 */
export const WhatsappDeliveryReport = defineEntity({
  name: 'WhatsappDeliveryReport',
  tableName: 'whatsapp_delivery_status',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    /** the outbox message it is about; null when none matched */
    outboxMessage: () =>
      p.manyToOne(OutboxMessage).mapToPk().fieldName('outbox_message_id').nullable().index(),
    /** the sending device, as the provider names it */
    device: p.string().length(50),
    /** the number the message went to, international form (`6281234567890`) */
    phone: p.string().length(32),
    /** SHA-256 of the message text, hex */
    messageHash: p.string().length(64),
    providerMessageId: p.string().length(100).nullable(),
    status: p.string().length(50),
    /** when the provider says the status was reached */
    reportedAt: p.datetime(),
    receivedAt: p.datetime().onCreate(() => new Date()),
    /** SHA-256 over the whole report: the same report twice is one row */
    reportKey: p.string().length(64),
  },
  uniques: [{ properties: ['tenant', 'reportKey'] }],
});
export type WhatsappDeliveryReport = InferEntity<typeof WhatsappDeliveryReport>;
