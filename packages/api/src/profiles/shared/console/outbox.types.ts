import { z } from 'zod';
import type { OutboxStatus } from '../../../contexts/notifications/outbox-admin.service.ts';
import type { OutboxChannel } from '../../../contexts/notifications/outbox-message.entity.ts';
import type { Meta } from '../../../kernel/trpc.ts';
import { rowId } from '../request-fields.schemas.ts';
import { countOutput, idOutput } from '../response-fields.schemas.ts';
import { pageInput, pagination, timestamp } from './console-fields.schemas.ts';
import { tags } from './tags.ts';

const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const satisfies readonly OutboxStatus[];
const OUTBOX_CHANNELS = ['email', 'whatsapp'] as const satisfies readonly OutboxChannel[];

export const outboxMeta = {
  openapi: {
    method: 'GET',
    path: '/admin/console/outbox',
    tags,
    summary: 'The notification outbox',
    description:
      "The tenant's emails and WhatsApp messages, newest first, optionally of one status (pending, sent, failed: " +
      'every attempt spent) and one channel: the recipient partly masked, the subject, attempts, the last error ' +
      "and the provider's delivery status. Message bodies (codes, links) are never shown.",
  },
} satisfies Meta;

export const retryOutboxMessageMeta = {
  openapi: {
    method: 'POST',
    path: '/admin/console/outbox/{id}/retry',
    tags,
    summary: 'Send a failed message again',
    description:
      'Queues a failed message again with its attempts reset: the dispatcher sends it at its next round (within ' +
      'seconds). Repeating the call changes nothing (the message is pending); a message already sent: 409; ' +
      "another tenant's or none: 404.",
  },
  errors: [409],
} satisfies Meta;

export const outboxInput = pageInput.extend({
  status: z.enum(OUTBOX_STATUSES).optional(),
  channel: z.enum(OUTBOX_CHANNELS).optional(),
});

export const outboxMessage = z.object({
  id: idOutput,
  channel: z.enum(OUTBOX_CHANNELS),
  recipient: z.string(),
  subject: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: countOutput,
  lastError: z.string().nullable(),
  nextAttemptAt: timestamp.nullable(),
  createdAt: timestamp,
  sentAt: timestamp.nullable(),
  deliveryStatus: z.string().nullable(),
});

export const outboxOutput = z.object({ messages: z.array(outboxMessage), pagination });

export const retryOutboxMessageInput = z.object({ id: rowId() });
export const retryOutboxMessageOutput = outboxMessage;
