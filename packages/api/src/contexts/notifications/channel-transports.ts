import type { MessageTransport, OutgoingMessage, SendReceipt } from './outbox-dispatcher.ts';
import type { OutboxChannel } from './outbox-message.entity.ts';

/**
 * One transport for the outbox that hands each message to its channel's transport: email to SMTP
 * (or the dev mailbox), WhatsApp to the tenant's WhatsApp sender.
 */
export function channelTransports(byChannel: Record<OutboxChannel, MessageTransport>): MessageTransport {
  const names = Object.entries(byChannel).map(([channel, t]) => `${channel}:${t.name}`);
  return {
    name: names.join(','),
    send: (message: OutgoingMessage): Promise<SendReceipt | undefined> =>
      byChannel[message.channel].send(message),
  };
}
