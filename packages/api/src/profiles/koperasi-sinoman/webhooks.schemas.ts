// Provider webhooks of koperasi-sinoman (§8.2 WhatsApp status from Fonnte), in the document's field names.
import { z } from 'zod';
import { trimmed } from '../shared/request-fields.schemas.ts';

export const whatsappStatusHeaders = z.object({
  'X-API-KEY': z.string().meta({ description: "The tenant's whatsapp.webhookKey" }),
});

export const whatsappStatusInput = z.object({
  device: trimmed(z.string().min(1).max(50)).meta({ example: 'device_id' }),
  sender: trimmed(z.string().regex(/^\+?[0-9]{8,15}$/, 'must be a phone number like 6281234567890')).meta({
    description: 'The number the message was sent to',
    example: '6281234567890',
  }),
  message: z.string().max(60_000).meta({ example: 'Your payment has been confirmed' }),
  status: trimmed(z.string().min(1).max(50)).meta({ example: 'sent' }),
  timestamp: z.iso.datetime({ offset: true }).meta({ example: '2024-09-29T15:30:00Z' }),
  id: z
    .union([z.string().min(1).max(100), z.int().min(0)])
    .optional()
    .meta({ description: "Not in the document: Fonnte's message id, which its own status webhook sends" }),
});

/** The document's answer is `{ success, message }`: no data. */
export const webhookOutput = z.void();
