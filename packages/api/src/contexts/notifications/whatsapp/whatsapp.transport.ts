import type { ClearWhatsappSettings } from '../../../kernel/settings/tenant-settings.schemas.ts';
import {
  devMailbox,
  type MessageTransport,
  type OutgoingMessage,
  type SendReceipt,
} from '../outbox-dispatcher.ts';
import { type FonnteSendOptions, sendFonnteMessage } from './fonnte.client.ts';

export interface WhatsappTransportDeps extends FonnteSendOptions {
  /** the tenant's `whatsapp` setting with its secrets opened; undefined when it has none */
  settingsOf: (tenantId: number) => Promise<ClearWhatsappSettings | undefined>;
}

/**
 * Sends outbox WhatsApp messages through the tenant's own device (each cooperative has its own
 * Fonnte token). A tenant without a `whatsapp` setting gets the dev mailbox: the message is marked
 * sent and stays readable in the outbox, as email does without SMTP.
 */
export class WhatsappTransport implements MessageTransport {
  readonly name = 'whatsapp';
  readonly #deps: WhatsappTransportDeps;

  constructor(deps: WhatsappTransportDeps) {
    this.#deps = deps;
  }

  async send(message: OutgoingMessage): Promise<SendReceipt | undefined> {
    if (message.channel !== 'whatsapp') {
      throw new Error(`no transport for ${message.channel} messages: this one delivers WhatsApp only`);
    }
    const settings = await this.#deps.settingsOf(message.tenant_id);
    if (!settings) return devMailbox.send(message);
    const sent = await sendFonnteMessage(
      settings,
      { target: message.recipient, message: message.body },
      { fetch: this.#deps.fetch, timeoutMs: this.#deps.timeoutMs },
    );
    return { providerMessageId: sent.id };
  }
}
