import type { OutboxMessageView } from '../../../contexts/notifications/outbox-admin.service.ts';
import { adminProcedure } from '../../../kernel/trpc.ts';
import { iso, isoOrNull, paginationOf } from './console.presenters.ts';
import * as t from './outbox.types.ts';

function present(m: OutboxMessageView) {
  return {
    ...m,
    nextAttemptAt: isoOrNull(m.nextAttemptAt),
    createdAt: iso(m.createdAt),
    sentAt: isoOrNull(m.sentAt),
  };
}

export const outboxProcedure = adminProcedure
  .meta(t.outboxMeta)
  .input(t.outboxInput)
  .output(t.outboxOutput)
  .query(async ({ ctx, input }) => {
    const { messages, page } = await ctx.services.outboxAdmin.list(ctx.scope(), input);
    return { messages: messages.map(present), pagination: paginationOf(page) };
  });

export const retryOutboxMessageProcedure = adminProcedure
  .meta(t.retryOutboxMessageMeta)
  .input(t.retryOutboxMessageInput)
  .output(t.retryOutboxMessageOutput)
  .mutation(async ({ ctx, input }) => present(await ctx.services.outboxAdmin.retry(ctx.scope(), input.id)));
