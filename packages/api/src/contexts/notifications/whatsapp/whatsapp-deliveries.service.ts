import { createHash } from 'node:crypto';
import { DomainError, indonesianPhoneInternational, normalizeIndonesianPhone } from '@komisi/domain';
import { sameSecret } from '../../../kernel/auth/same-secret.ts';
import { REASON } from '../../../kernel/error-map.ts';
import { inTransaction, type Scope } from '../../../kernel/scope.ts';
import type { WhatsappSettings } from './whatsapp-settings.ts';

/** A delivery status report of the provider's status webhook (koperasi-sinoman §8.2). */
export interface DeliveryReport {
  device: string;
  /** the number the message was sent to, in any written form */
  sender: string;
  message: string;
  status: string;
  timestamp: Date;
  /** the provider's message id, when the report carries it (Fonnte's own status webhook does) */
  id?: string | undefined;
}

export interface ReceivedReport {
  /** false: the very same report was received before (nothing changed) */
  recorded: boolean;
  /** the outbox message it is about, or null when none matched */
  outboxMessageId: number | null;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The status webhook of the tenant's WhatsApp provider: checked against its key, every report kept. */
export class WhatsappDeliveries {
  readonly #settings: WhatsappSettings;

  constructor(settings: WhatsappSettings) {
    this.#settings = settings;
  }

  /**
   * Checks `apiKey` (the `X-API-KEY` header) against the tenant's `whatsapp.webhookKey` in constant
   * time, records the report once (an exact repeat is acknowledged and changes nothing) and moves its
   * outbox message's delivery status forward: matched by the provider's id when the report has
   * one, otherwise by the number and the text (the latest such message).
   */
  async receive(scope: Scope, apiKey: string | undefined, report: DeliveryReport): Promise<ReceivedReport> {
    this.#authenticate(scope, apiKey);
    const phone = indonesianPhoneInternational(report.sender);
    const messageHash = sha256(report.message);
    const status = report.status.trim().toLowerCase();
    const reportKey = sha256(
      JSON.stringify([
        report.device,
        phone,
        messageHash,
        status,
        report.timestamp.toISOString(),
        report.id ?? null,
      ]),
    );
    return inTransaction(scope, async (tx) => {
      const outboxMessageId = await this.#messageOf(tx, report, phone);
      const [inserted] = await tx.em.execute<{ id: number }[]>(
        `insert into whatsapp_delivery_status (tenant_id, outbox_message_id, device, phone, message_hash,
           provider_message_id, status, reported_at, received_at, report_key)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (tenant_id, report_key) do nothing returning id`,
        [
          tx.tenant.id,
          outboxMessageId,
          report.device,
          phone,
          messageHash,
          report.id ?? null,
          status,
          report.timestamp,
          tx.now,
          reportKey,
        ],
      );
      if (!inserted) return { recorded: false, outboxMessageId };
      if (outboxMessageId !== null) {
        // reports may arrive out of order: the status reached last wins
        await tx.em.execute(
          `update notification_outbox set delivery_status = ?, delivery_status_at = ?
           where id = ? and tenant_id = ? and (delivery_status_at is null or delivery_status_at <= ?)`,
          [status, report.timestamp, outboxMessageId, tx.tenant.id, report.timestamp],
        );
      }
      return { recorded: true, outboxMessageId };
    });
  }

  #authenticate(scope: Scope, apiKey: string | undefined): void {
    const webhookKey = this.#settings.of(scope.tenant)?.webhookKey;
    // without a key to check against, nothing here can be believed: the webhook is not served
    if (!webhookKey)
      throw new DomainError('NOT_FOUND', 'WhatsApp status webhooks are not configured for this tenant');
    if (apiKey === undefined || apiKey === '') {
      throw new DomainError('UNAUTHORIZED', 'The X-API-KEY header is required', {
        reason: REASON.TOKEN_MISSING,
      });
    }
    if (!sameSecret(apiKey, webhookKey)) throw new DomainError('UNAUTHORIZED', 'Invalid X-API-KEY');
  }

  async #messageOf(tx: Scope, report: DeliveryReport, phone: string): Promise<number | null> {
    if (report.id) {
      const [byId] = await tx.em.execute<{ id: number }[]>(
        `select id from notification_outbox
         where tenant_id = ? and channel = 'whatsapp' and provider_message_id = ? order by id desc limit 1`,
        [tx.tenant.id, report.id],
      );
      if (byId) return byId.id;
    }
    // the outbox may hold the number as 62…, 0… or +62…
    const national = normalizeIndonesianPhone(phone);
    const [byText] = await tx.em.execute<{ id: number }[]>(
      `select id from notification_outbox
       where tenant_id = ? and channel = 'whatsapp' and recipient in (?, ?, ?) and body = ?
       order by id desc limit 1`,
      [tx.tenant.id, `62${national}`, `0${national}`, `+62${national}`, report.message],
    );
    return byText?.id ?? null;
  }
}
