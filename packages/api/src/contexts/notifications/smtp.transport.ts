import type { ConnectionOptions } from 'node:tls';
import nodemailer, { type SMTPTransportOptions, type Transporter } from 'nodemailer';
import type { Logger } from '../../kernel/logger.ts';
import { devMailbox, type MessageTransport, type OutgoingMessage } from './outbox-dispatcher.ts';

export interface MailConfig {
  /** `smtp://` or `smtps://` URL with the credentials in it; unset: messages stay in the outbox (dev mailbox) */
  smtpUrl: string | undefined;
  /** From of outgoing email, e.g. `Komisi <no-reply@example.com>` */
  from: string;
}

export interface SmtpTransportOptions {
  /**
   * `smtps://user:password@host[:465]` (TLS from the first byte) or `smtp://[user:password@]host[:587]`
   * (STARTTLS; required when credentials are given, so they never cross the wire in clear).
   * Credentials are percent-encoded, as in any URL.
   */
  url: string;
  /** From of every message, e.g. `Komisi <no-reply@example.com>` */
  from: string;
  /** connection, greeting, DNS and socket-inactivity timeouts, ms (default 10 s) */
  timeoutMs?: number;
  /** extra TLS options, e.g. `ca` for a server with a private certificate authority */
  tls?: ConnectionOptions;
}

export const SMTP_TIMEOUT_MS = 10_000;

/** A delivery failure, stripped of anything that must not reach logs or `last_error`. */
export class SmtpDeliveryError extends Error {
  override readonly name = 'SmtpDeliveryError';
  /** nodemailer's error code, e.g. `EAUTH`, `ETIMEDOUT`, `EENVELOPE` */
  readonly code: string | undefined;
  /** the server's SMTP reply code, when it sent one */
  readonly responseCode: number | undefined;

  constructor(message: string, code?: string, responseCode?: number) {
    super(message);
    this.code = code;
    this.responseCode = responseCode;
  }
}

/**
 * Sends outbox email over SMTP with nodemailer: one connection per message (no pool, nothing to close),
 * a plain-text body, and bounded timeouts so a silent server fails the message instead of holding the
 * dispatcher's transaction. Only the `email` channel: a WhatsApp message throws (the dispatcher routes
 * those to the WhatsApp transport, see `channelTransports`). Neither the body nor the
 * credentials are ever logged or put into an error.
 */
export class SmtpTransport implements MessageTransport {
  readonly name = 'smtp';
  /** where mail goes, without credentials: `smtps://smtp.example.com:465` */
  readonly target: string;
  readonly #mailer: Transporter;
  readonly #from: string;
  /** strings scrubbed from error messages (credentials) */
  readonly #secrets: string[];

  constructor(options: SmtpTransportOptions) {
    const url = parseSmtpUrl(options.url);
    const timeout = options.timeoutMs ?? SMTP_TIMEOUT_MS;
    const transport: SMTPTransportOptions = {
      host: url.host,
      port: url.port,
      secure: url.secure,
      requireTLS: !url.secure && url.user !== '',
      auth: url.user ? { user: url.user, pass: url.password } : undefined,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      dnsTimeout: timeout,
      socketCloseTimeout: Math.min(timeout, 5_000),
      tls: options.tls,
      logger: false,
      debug: false,
    };
    this.#mailer = nodemailer.createTransport(transport);
    this.#from = options.from;
    this.#secrets = [url.password, url.user].filter((s) => s.length >= 4);
    this.target = `${url.secure ? 'smtps' : 'smtp'}://${url.hostForDisplay}:${url.port}`;
  }

  async send(message: OutgoingMessage): Promise<undefined> {
    if (message.channel !== 'email') {
      throw new Error(`no transport for ${message.channel} messages: SMTP delivers email only`);
    }
    try {
      await this.#mailer.sendMail({
        from: this.#from,
        // an address object, so a recipient string is never split into several recipients
        to: { name: '', address: message.recipient },
        subject: message.subject,
        text: message.body,
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      return undefined;
    } catch (err) {
      throw this.#sanitize(err, message.recipient);
    }
  }

  #sanitize(err: unknown, recipient: string): SmtpDeliveryError {
    const e = err as { message?: unknown; code?: unknown; responseCode?: unknown };
    let text = typeof e?.message === 'string' ? e.message : String(err);
    for (const secret of this.#secrets) text = text.split(secret).join('[redacted]');
    // server replies often echo the address (personal data): keep it out of the logs
    text = text.split(recipient).join('[recipient]');
    const code = typeof e?.code === 'string' ? e.code : undefined;
    return new SmtpDeliveryError(
      `SMTP delivery via ${this.target} failed${code ? ` (${code})` : ''}: ${text}`,
      code,
      typeof e?.responseCode === 'number' ? e.responseCode : undefined,
    );
  }
}

interface SmtpUrl {
  host: string;
  hostForDisplay: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
}

function parseSmtpUrl(raw: string): SmtpUrl {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('KOMISI_SMTP_URL: not a URL'); // the value may hold a password: not echoed
  }
  if ((url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) {
    throw new Error('KOMISI_SMTP_URL: expected smtp://[user:password@]host[:port] or smtps://…');
  }
  const secure = url.protocol === 'smtps:';
  let user: string;
  let password: string;
  try {
    user = decodeURIComponent(url.username);
    password = decodeURIComponent(url.password);
  } catch {
    throw new Error('KOMISI_SMTP_URL: the user and password must be percent-encoded');
  }
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'), // IPv6 literals come bracketed
    hostForDisplay: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    user,
    password,
  };
}

/** SMTP when KOMISI_SMTP_URL is set, the dev mailbox otherwise; logs which (never the credentials). */
export function messageTransportFromConfig(
  config: { env: string; mail: MailConfig },
  log: Logger,
): MessageTransport {
  if (config.mail.smtpUrl) {
    const smtp = new SmtpTransport({ url: config.mail.smtpUrl, from: config.mail.from });
    log.info(
      { transport: smtp.name, target: smtp.target, from: config.mail.from },
      'outbox: sending email over SMTP',
    );
    return smtp;
  }
  const details = { transport: devMailbox.name };
  const text = 'outbox: KOMISI_SMTP_URL is not set, messages stay in notification_outbox (dev mailbox)';
  if (config.env === 'production') log.warn(details, text);
  else log.info(details, text);
  return devMailbox;
}
