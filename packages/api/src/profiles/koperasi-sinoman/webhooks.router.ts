import type { TRPCRouterRecord } from '@trpc/server';
import { publicProcedure } from '../../kernel/trpc.ts';
import * as s from './webhooks.schemas.ts';

/** Provider callbacks (§8). The Midtrans payment webhook is a gateway callback, served outside the procedures. */
export const webhooksRouter = {
  whatsappStatus: publicProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/webhooks/whatsapp',
        tags: ['Webhooks'],
        protect: false,
        summary: 'WhatsApp Status Webhooks',
        description:
          'Fonnte reports the delivery status of a message. `X-API-KEY` must be the tenant’s ' +
          '`whatsapp.webhookKey` (401 otherwise; 404 when the tenant has none). Every report is ' +
          'kept, an exact repeat once; the message is found by Fonnte’s `id` when sent, else by ' +
          'its number and text.',
        requestHeaders: s.whatsappStatusHeaders,
      },
      message: 'Webhook processed successfully',
      errors: [401, 404],
      webhook: true,
    })
    .input(s.whatsappStatusInput)
    .output(s.webhookOutput)
    .mutation(async ({ ctx, input }) => {
      await ctx.services.whatsappDeliveries.receive(ctx.scope(), ctx.apiKey, {
        device: input.device,
        sender: input.sender,
        message: input.message,
        status: input.status,
        timestamp: new Date(input.timestamp),
        id: input.id === undefined ? undefined : String(input.id),
      });
    }),
} satisfies TRPCRouterRecord;
