import { normalizeIndonesianPhone } from '@komisi/domain';
import { type Context, Hono } from 'hono';

/**
 * An in-memory Fonnte (WhatsApp gateway) for tests. Like Fonnte, it answers HTTP 200 with
 * `status: false` and a `reason` when it refuses (`token invalid` for a missing or unknown
 * `Authorization` token, `input invalid`, `target invalid`…) and `{ detail, id: [...], process,
 * requestid, status: true, target: [...] }` when it queues a message. It takes JSON, urlencoded and
 * multipart bodies, replaces a target's leading 0 with `countryCode` (default 62), keeps every
 * message per device (one token, one device), lets a test read the last code sent to a number, and
 * builds the status webhook the koperasi document describes.
 */

export interface FakeFonnteOptions {
  /** the devices' tokens; each is one device whose number `deviceOf` gives */
  tokens: string[];
  now?: () => Date;
}

export interface FakeFonnteMessage {
  /** Fonnte's message id, as its answer lists it */
  id: string;
  token: string;
  /** the sending device's number */
  device: string;
  /** the number as Fonnte addresses it: `6281234567890` */
  target: string;
  message: string;
  at: Date;
}

export interface FakeFonnteStatusReport {
  device: string;
  sender: string;
  message: string;
  status: string;
  timestamp: string;
  /** Fonnte's message id, when asked for (`withId`): the document's body has none */
  id?: string;
}

export interface FakeFonnte {
  fetch: (req: Request) => Promise<Response>;
  /** every message queued, oldest first */
  messages: FakeFonnteMessage[];
  /** the device number of a token */
  deviceOf(token: string): string;
  /** the last message sent to a number (any written form) */
  lastMessageTo(phone: string): FakeFonnteMessage | undefined;
  /** the last 6-digit code in the last message sent to a number */
  lastOtpTo(phone: string): string | undefined;
  /** refuse every send with this reason from now on (`insufficient quota`, `disconnected device`), or accept again (null) */
  refuseWith(reason: string | null): void;
  /** the status webhook about a queued message */
  statusReport(
    messageId: string,
    status: string,
    options?: { timestamp?: Date; withId?: boolean },
  ): FakeFonnteStatusReport;
}

const refuse = (c: Context, reason: string) => c.json({ reason, status: false });

/** The request's fields, whatever its content type, or null when it is not readable as any. */
async function fieldsOf(c: Context): Promise<Record<string, unknown> | null> {
  const type = c.req.header('content-type') ?? '';
  try {
    if (type.includes('application/json')) {
      const body = await c.req.json();
      return body !== null && typeof body === 'object' && !Array.isArray(body) ? body : null;
    }
    return await c.req.parseBody();
  } catch {
    return null;
  }
}

/** Fonnte's reading of a target: separators dropped, a leading 0 replaced by the country code. */
function targetOf(raw: string, countryCode: string): string | null {
  const digits = raw.replace(/[\s+\-().]/g, '');
  if (!/^\d{8,15}$/.test(digits)) return null;
  return digits.startsWith('0') && countryCode !== '0' ? `${countryCode}${digits.slice(1)}` : digits;
}

export function createFakeFonnte(options: FakeFonnteOptions): FakeFonnte {
  const now = options.now ?? (() => new Date());
  const devices = new Map(
    options.tokens.map((token, i) => [token, `628110000${String(i).padStart(4, '0')}`]),
  );
  const messages: FakeFonnteMessage[] = [];
  let nextId = 80_367_170;
  let nextRequest = 2_937_124;
  let refusal: string | null = null;
  const app = new Hono();

  app.post('/send', async (c) => {
    const token = c.req.header('Authorization') ?? '';
    const device = devices.get(token);
    if (!device) return refuse(c, 'token invalid');
    const fields = await fieldsOf(c);
    if (!fields) return refuse(c, 'JSON format invalid');
    const { target, message } = fields;
    const countryCode = typeof fields.countryCode === 'string' ? fields.countryCode : '62';
    if (typeof target !== 'string' || target.trim() === '' || typeof message !== 'string' || message === '')
      return refuse(c, 'input invalid');
    const targets = target.split(',').map((t) => targetOf(t, countryCode));
    if (targets.some((t) => t === null)) return refuse(c, 'target invalid');
    if (refusal) return refuse(c, refusal);
    const queued = (targets as string[]).map((t) => {
      const sent = { id: String(nextId++), token, device, target: t, message, at: now() };
      messages.push(sent);
      return sent;
    });
    return c.json({
      detail: 'success! message in queue',
      id: queued.map((m) => m.id),
      process: 'pending',
      requestid: nextRequest++,
      status: true,
      target: queued.map((m) => m.target),
    });
  });

  const lastMessageTo = (phone: string) => {
    const national = normalizeIndonesianPhone(phone);
    return messages.findLast((m) => normalizeIndonesianPhone(m.target) === national);
  };

  return {
    fetch: async (req) => app.fetch(req),
    messages,
    deviceOf: (token) => {
      const device = devices.get(token);
      if (!device) throw new Error(`no fake Fonnte device has token ${token}`);
      return device;
    },
    lastMessageTo,
    lastOtpTo: (phone) => lastMessageTo(phone)?.message.match(/\b\d{6}\b/)?.[0],
    refuseWith: (reason) => {
      refusal = reason;
    },
    statusReport: (messageId, status, reportOptions = {}) => {
      const sent = messages.find((m) => m.id === messageId);
      if (!sent) throw new Error(`the fake Fonnte queued no message ${messageId}`);
      return {
        device: sent.device,
        sender: sent.target,
        message: sent.message,
        status,
        timestamp: (reportOptions.timestamp ?? now()).toISOString(),
        ...(reportOptions.withId && { id: sent.id }),
      };
    },
  };
}
