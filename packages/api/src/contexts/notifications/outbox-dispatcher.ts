import { type Orm, systemEm } from '../../kernel/database.ts';
import type { Logger } from '../../kernel/logger.ts';

export interface OutgoingMessage {
  id: number;
  tenant_id: number;
  channel: 'email' | 'whatsapp';
  recipient: string;
  subject: string;
  body: string;
}

/** What a provider tells of a message it accepted. */
export interface SendReceipt {
  /** the provider's id of the message (Fonnte's), kept so its delivery reports can be matched */
  providerMessageId?: string | undefined;
}

/** Delivers one message or throws; SMTP and WhatsApp adapters implement this. */
export interface MessageTransport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<SendReceipt | undefined>;
}

/** Without SMTP configured, messages are "delivered" to the local dev mailbox: the outbox itself. */
export const devMailbox: MessageTransport = { name: 'dev-mailbox', send: async () => undefined };

const MAX_ATTEMPTS = 5;

/** How long to wait after the `attempt`-th failure: 30 s, 1 min, 2 min, 4 min (a blip passes, an outage is not hammered). */
export const defaultRetryDelayMs = (attempt: number) => Math.min(30_000 * 2 ** (attempt - 1), 3_600_000);

/**
 * Sends pending outbox messages in small batches. Rows are claimed with SKIP LOCKED, so several
 * instances can run dispatchers side by side without sending a message twice.
 */
export class OutboxDispatcher {
  readonly #orm: Orm;
  readonly #transport: MessageTransport;
  readonly #log: Logger;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;

  readonly #retryDelayMs: (attempt: number) => number;

  constructor(
    orm: Orm,
    transport: MessageTransport,
    log: Logger,
    options: { retryDelayMs?: (attempt: number) => number } = {},
  ) {
    this.#orm = orm;
    this.#transport = transport;
    this.#log = log;
    this.#retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;
  }

  async runOnce(batch = 20): Promise<number> {
    return systemEm(this.#orm).transactional(async (em) => {
      // with its failed attempts so far
      const messages = await em.execute<(OutgoingMessage & { attempts: number })[]>(
        `select id, tenant_id, channel, recipient, subject, body, attempts from notification_outbox
         where status = 'pending' and (next_attempt_at is null or next_attempt_at <= ?)
         order by id limit ? for update skip locked`,
        [new Date(), batch],
      );
      for (const m of messages) {
        try {
          const receipt = await this.#transport.send(m);
          await em.execute(
            `update notification_outbox set status = 'sent', sent_at = ?, attempts = attempts + 1,
               provider_message_id = ? where id = ?`,
            [new Date(), receipt?.providerMessageId ?? null, m.id],
          );
        } catch (err) {
          this.#log.warn({ err, messageId: m.id }, 'outbox delivery failed');
          const attempt = m.attempts + 1;
          await em.execute(
            `update notification_outbox set attempts = ?, last_error = ?, next_attempt_at = ?,
               status = case when ? >= ? then 'failed' else 'pending' end where id = ?`,
            [
              attempt,
              String((err as Error).message).slice(0, 500),
              new Date(Date.now() + this.#retryDelayMs(attempt)),
              attempt,
              MAX_ATTEMPTS,
              m.id,
            ],
          );
        }
      }
      return messages.length;
    });
  }

  start(intervalMs = 2_000): void {
    this.#timer ??= setInterval(() => {
      this.#running ??= this.runOnce()
        .catch((err) => {
          this.#log.error({ err }, 'outbox dispatcher failed');
          return 0;
        })
        .finally(() => {
          this.#running = undefined;
        });
    }, intervalMs);
    this.#timer.unref();
  }

  /** Stops polling and waits for a batch in flight (graceful shutdown). */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }
}
