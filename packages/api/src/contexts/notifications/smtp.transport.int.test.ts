import { createServer, type Server, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOrm } from '../../composition/db/orm.ts';
import { type Orm, systemEm, tenantEm } from '../../kernel/database.ts';
import type { Logger } from '../../kernel/logger.ts';
import { inTransaction, type Scope } from '../../kernel/scope.ts';
import type { TenantRecord } from '../../kernel/tenant-record.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/index.ts';
import { Tenant } from '../tenancy/tenant.entity.ts';
import { toTenantRecord } from '../tenancy/tenant.service.ts';
import { OutboxService } from './outbox.service.ts';
import { OutboxDispatcher } from './outbox-dispatcher.ts';
import type { OutboxChannel } from './outbox-message.entity.ts';
import { SmtpTransport, type SmtpTransportOptions } from './smtp.transport.ts';

const USER = 'mailer@komisi.test';
const PASSWORD = 's3cret:p@ss/word';
const FROM = 'Komisi <no-reply@komisi.test>';
// smtp-server's built-in certificate (CN=localhost) has expired; the handshake is still real TLS
const TLS = { rejectUnauthorized: false };

interface Received {
  mailFrom: string | undefined;
  rcptTo: string[];
  user: unknown;
  secure: boolean;
  raw: string;
}

interface Login {
  method: string;
  username: string | undefined;
  ok: boolean;
  secure: boolean;
}

/** nodemailer's own server, with AUTH required: records logins and the messages it accepted. */
async function startSmtpServer(options: Partial<SMTPServerOptions> = {}) {
  const received: Received[] = [];
  const logins: Login[] = [];
  const server = new SMTPServer({
    logger: false,
    authMethods: ['PLAIN', 'LOGIN'],
    authOptional: false,
    ...options,
    onAuth(auth, session, callback) {
      const ok = auth.username === USER && auth.password === PASSWORD;
      logins.push({ method: auth.method, username: auth.username, ok, secure: session.secure });
      if (ok) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          user: session.user,
          secure: session.secure,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    received,
    logins,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Accepts connections and never says a word, or only its greeting. */
async function startSilentServer(greeting?: string) {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    if (greeting) socket.write(greeting);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Unfolded headers and the body of a received message (7bit or quoted-printable, as nodemailer writes). */
function parseMessage(raw: string) {
  const at = raw.indexOf('\r\n\r\n');
  const headerText = raw.slice(0, at).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of headerText.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  let body = raw.slice(at + 4);
  if (headers.get('content-transfer-encoding') === 'quoted-printable') {
    const bytes = body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    body = Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return { headers, body: body.replace(/\r\n$/, '') };
}

/** A logger whose every line is kept, to check what reaches the log. */
function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: pino({ level: 'trace' }, stream) as Logger, text: () => lines.join('') };
}

const smtpUrl = (port: number, scheme = 'smtp', user = USER, password = PASSWORD) =>
  `${scheme}://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`;

const transport = (options: Partial<SmtpTransportOptions> & { url: string }) =>
  new SmtpTransport({ from: FROM, tls: TLS, timeoutMs: 2_000, ...options });

let db: TestDatabase;
let orm: Orm;
let tenant: TenantRecord;
const outbox = new OutboxService();

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await createOrm({ databaseUrl: db.url, poolMax: 4 });
  const sys = systemEm(orm);
  const row = sys.create(Tenant, {
    slug: 'mail',
    name: 'Mail tenant',
    profile: 'qutab-platform',
    currency: 'IDR',
    timeZone: 'Asia/Jakarta',
    hosts: [],
    settings: {},
    createdAt: new Date(),
  });
  await sys.flush();
  tenant = toTenantRecord(row);
});

afterAll(async () => {
  await orm?.close();
  await db?.drop();
});

// every test starts with an empty queue: the dispatcher sends whatever is pending
afterEach(async () => {
  await systemEm(orm).execute(`update notification_outbox set status = 'failed' where status = 'pending'`);
});

const scope = (): Scope => ({ em: tenantEm(orm, tenant.id), tenant, now: new Date() });

async function enqueue(recipient: string, subject: string, body: string, channel: OutboxChannel = 'email') {
  await inTransaction(scope(), (tx) => outbox.enqueue(tx, { channel, recipient, subject, body }));
  const [row] = await systemEm(orm).execute<{ id: number }[]>(
    'select max(id) as id from notification_outbox where recipient = ?',
    [recipient],
  );
  return row!.id;
}

async function rowOf(id: number) {
  const [row] = await systemEm(orm).execute<
    { status: string; attempts: number; last_error: string | null; sent_at: string | null }[]
  >('select status, attempts, last_error, sent_at from notification_outbox where id = ?', [id]);
  return row!;
}

describe('SmtpTransport', () => {
  it('sends a plain-text email after STARTTLS and AUTH PLAIN', async () => {
    const server = await startSmtpServer();
    try {
      await transport({ url: smtpUrl(server.port) }).send({
        id: 1,
        tenant_id: 1,
        channel: 'email',
        recipient: 'ani@example.com',
        subject: 'Reset your password',
        body: 'Open https://komisi.test/reset?token=abc to choose a new password.',
      });
      expect(server.logins).toEqual([{ method: 'PLAIN', username: USER, ok: true, secure: true }]);
      expect(server.received).toHaveLength(1);
      const [mail] = server.received;
      expect(mail).toMatchObject({
        mailFrom: 'no-reply@komisi.test',
        rcptTo: ['ani@example.com'],
        user: USER,
        secure: true,
      });
      const { headers, body } = parseMessage(mail!.raw);
      expect(headers.get('from')).toBe('Komisi <no-reply@komisi.test>');
      expect(headers.get('to')).toBe('ani@example.com');
      expect(headers.get('subject')).toBe('Reset your password');
      expect(headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(body).toBe('Open https://komisi.test/reset?token=abc to choose a new password.');
    } finally {
      await server.close();
    }
  });

  it('logs in with AUTH LOGIN when that is all the server offers, and keeps UTF-8 text intact', async () => {
    const server = await startSmtpServer({ authMethods: ['LOGIN'] });
    try {
      await transport({ url: smtpUrl(server.port) }).send({
        id: 1,
        tenant_id: 1,
        channel: 'email',
        recipient: 'budi@example.com',
        subject: 'Pembayaran Rp 150.000 diterima',
        body: 'Halo Budi — komisi Anda sudah dibayar. Terima kasih!\nSalam, tim Komisi',
      });
      expect(server.logins).toEqual([{ method: 'LOGIN', username: USER, ok: true, secure: true }]);
      const { headers, body } = parseMessage(server.received[0]!.raw);
      expect(headers.get('subject')).toBe('Pembayaran Rp 150.000 diterima');
      expect(body).toBe('Halo Budi — komisi Anda sudah dibayar. Terima kasih!\r\nSalam, tim Komisi');
    } finally {
      await server.close();
    }
  });

  it('speaks TLS from the first byte for smtps://', async () => {
    const server = await startSmtpServer({ secure: true });
    try {
      const smtps = transport({ url: smtpUrl(server.port, 'smtps') });
      expect(smtps.target).toBe(`smtps://127.0.0.1:${server.port}`);
      await smtps.send({
        id: 1,
        tenant_id: 1,
        channel: 'email',
        recipient: 'citra@example.com',
        subject: 'Hi',
        body: 'over smtps',
      });
      expect(server.received).toMatchObject([{ rcptTo: ['citra@example.com'], secure: true, user: USER }]);
    } finally {
      await server.close();
    }
  });

  it('never sends credentials in clear: smtp:// with credentials requires STARTTLS', async () => {
    const server = await startSmtpServer({ disabledCommands: ['STARTTLS'], allowInsecureAuth: true });
    try {
      await expect(
        transport({ url: smtpUrl(server.port) }).send({
          id: 1,
          tenant_id: 1,
          channel: 'email',
          recipient: 'dedi@example.com',
          subject: 'Hi',
          body: 'not sent',
        }),
      ).rejects.toThrow(/STARTTLS/);
      expect(server.logins).toEqual([]);
      expect(server.received).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('rejects a WhatsApp message: SMTP delivers email only', async () => {
    const server = await startSmtpServer();
    try {
      await expect(
        transport({ url: smtpUrl(server.port) }).send({
          id: 1,
          tenant_id: 1,
          channel: 'whatsapp',
          recipient: '+628123456789',
          subject: 'Hi',
          body: 'no',
        }),
      ).rejects.toThrow('no transport for whatsapp messages: SMTP delivers email only');
      expect(server.received).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('gives up on a server that never answers instead of hanging', async () => {
    const silent = await startSilentServer();
    try {
      const started = Date.now();
      const error = await transport({ url: smtpUrl(silent.port), timeoutMs: 300 })
        .send({
          id: 1,
          tenant_id: 1,
          channel: 'email',
          recipient: 'eka@example.com',
          subject: 'Hi',
          body: 'x',
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toMatchObject({ name: 'SmtpDeliveryError', code: 'ETIMEDOUT' });
      expect((error as Error).message).toMatch(/failed \(ETIMEDOUT\): (Greeting never received|Timeout)$/);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await silent.close();
    }
  });

  it('gives up on a server that greets and then stops answering', async () => {
    const stalled = await startSilentServer('220 stalled.test ESMTP\r\n');
    try {
      const started = Date.now();
      await expect(
        transport({ url: smtpUrl(stalled.port), timeoutMs: 300 }).send({
          id: 1,
          tenant_id: 1,
          channel: 'email',
          recipient: 'eka@example.com',
          subject: 'Hi',
          body: 'x',
        }),
      ).rejects.toMatchObject({ code: 'ETIMEDOUT' });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await stalled.close();
    }
  });
});

describe('OutboxDispatcher over SMTP', () => {
  it('delivers a message queued in a business transaction exactly once and marks it sent', async () => {
    const server = await startSmtpServer();
    const logs = memoryLogger();
    try {
      const id = await enqueue('fajar@example.com', 'Your payout was made', 'Rp 250.000 is on its way.');
      const dispatcher = new OutboxDispatcher(orm, transport({ url: smtpUrl(server.port) }), logs.log);
      expect(await dispatcher.runOnce()).toBe(1);
      expect(await dispatcher.runOnce()).toBe(0);

      expect(server.received).toHaveLength(1);
      const [mail] = server.received;
      expect(mail).toMatchObject({
        mailFrom: 'no-reply@komisi.test',
        rcptTo: ['fajar@example.com'],
        user: USER,
      });
      const { headers, body } = parseMessage(mail!.raw);
      expect(headers.get('from')).toBe(FROM);
      expect(headers.get('to')).toBe('fajar@example.com');
      expect(headers.get('subject')).toBe('Your payout was made');
      expect(body).toBe('Rp 250.000 is on its way.');
      const row = await rowOf(id);
      expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
      expect(row.sent_at).not.toBeNull();
      expect(logs.text()).toBe('');
    } finally {
      await server.close();
    }
  });

  it('keeps a message pending on wrong credentials, then fails it after the last attempt', async () => {
    const server = await startSmtpServer();
    const logs = memoryLogger();
    try {
      const id = await enqueue('gita@example.com', 'Welcome', 'the body must stay out of logs');
      const wrong = transport({ url: smtpUrl(server.port, 'smtp', USER, 'wrong-password-123') });
      // retries at once here; the default waits (see the backoff test)
      const dispatcher = new OutboxDispatcher(orm, wrong, logs.log, { retryDelayMs: () => 0 });

      await dispatcher.runOnce();
      const first = await rowOf(id);
      expect(first).toMatchObject({ status: 'pending', attempts: 1, sent_at: null });
      expect(first.last_error).toMatch(
        /^SMTP delivery via smtp:\/\/127\.0\.0\.1:\d+ failed \(EAUTH\): Invalid login: 535/,
      );
      expect(server.logins).toEqual([{ method: 'PLAIN', username: USER, ok: false, secure: true }]);

      for (let attempt = 2; attempt <= 4; attempt++) {
        await dispatcher.runOnce();
        expect(await rowOf(id)).toMatchObject({ status: 'pending', attempts: attempt });
      }
      await dispatcher.runOnce();
      expect(await rowOf(id)).toMatchObject({ status: 'failed', attempts: 5 });
      expect(await dispatcher.runOnce()).toBe(0);
      expect(server.received).toEqual([]);

      const logged = logs.text();
      expect(logged).toContain('outbox delivery failed');
      expect(logged).toContain('EAUTH');
      for (const secret of ['wrong-password-123', 'the body must stay out of logs', 'gita@example.com']) {
        expect(logged).not.toContain(secret);
      }
    } finally {
      await server.close();
    }
  });

  it('waits before retrying a failed message: 30 s, then doubling', async () => {
    const server = await startSmtpServer();
    try {
      const id = await enqueue('hana@example.com', 'Retry', 'later');
      const wrong = transport({ url: smtpUrl(server.port, 'smtp', USER, 'wrong-password-123') });
      const dispatcher = new OutboxDispatcher(orm, wrong, pino({ level: 'silent' }));
      const before = Date.now();
      await dispatcher.runOnce();
      await dispatcher.runOnce(); // too early: not tried again
      const [row] = await orm.em
        .fork()
        .getConnection()
        .execute<{ attempts: number; next_attempt_at: Date }[]>(
          'select attempts, next_attempt_at from notification_outbox where id = ?',
          [id],
        );
      expect(row!.attempts).toBe(1);
      expect(new Date(row!.next_attempt_at).getTime() - before).toBeGreaterThanOrEqual(29_000);
      expect(server.logins).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('records a timeout against a silent server and keeps the message pending', async () => {
    const silent = await startSilentServer();
    try {
      const id = await enqueue('hadi@example.com', 'Hi', 'x');
      const dispatcher = new OutboxDispatcher(
        orm,
        transport({ url: smtpUrl(silent.port), timeoutMs: 300 }),
        pino({ level: 'silent' }),
      );
      const started = Date.now();
      expect(await dispatcher.runOnce()).toBe(1);
      expect(Date.now() - started).toBeLessThan(5_000);
      const row = await rowOf(id);
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row.last_error).toMatch(/failed \(ETIMEDOUT\): (Greeting never received|Timeout)$/);
    } finally {
      await silent.close();
    }
  });

  it('fails a WhatsApp message after the retries, without touching the SMTP server', async () => {
    const server = await startSmtpServer();
    try {
      const id = await enqueue('+628123456789', 'Kode', 'kode 123456', 'whatsapp');
      const dispatcher = new OutboxDispatcher(
        orm,
        transport({ url: smtpUrl(server.port) }),
        pino({ level: 'silent' }),
        { retryDelayMs: () => 0 },
      );
      for (let i = 0; i < 5; i++) await dispatcher.runOnce();
      expect(await rowOf(id)).toMatchObject({
        status: 'failed',
        attempts: 5,
        last_error: 'no transport for whatsapp messages: SMTP delivers email only',
      });
      expect(server.logins).toEqual([]);
      expect(server.received).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
