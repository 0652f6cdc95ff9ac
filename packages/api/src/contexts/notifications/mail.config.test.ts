import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../composition/config.ts';
import type { Logger } from '../../kernel/logger.ts';
import { devMailbox } from './outbox-dispatcher.ts';
import { messageTransportFromConfig, SmtpTransport } from './smtp.transport.ts';

function memoryLogger() {
  const lines: { level: number; msg: string; [key: string]: unknown }[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { log: pino({ level: 'trace' }, stream) as Logger, lines };
}

describe('mail configuration', () => {
  it('has no SMTP server and a local From by default', () => {
    expect(loadConfig({}).mail).toEqual({ smtpUrl: undefined, from: 'Komisi <no-reply@localhost>' });
  });

  it('reads an smtp:// or smtps:// URL and a From address', () => {
    expect(
      loadConfig({
        KOMISI_SMTP_URL: 'smtps://user:p%40ss@smtp.example.com:465',
        KOMISI_MAIL_FROM: 'Qutab <halo@qutab.example>',
      }).mail,
    ).toEqual({ smtpUrl: 'smtps://user:p%40ss@smtp.example.com:465', from: 'Qutab <halo@qutab.example>' });
    expect(loadConfig({ KOMISI_SMTP_URL: 'smtp://mail.internal:587' }).mail.smtpUrl).toBe(
      'smtp://mail.internal:587',
    );
    expect(loadConfig({ KOMISI_MAIL_FROM: 'no-reply@example.com' }).mail.from).toBe('no-reply@example.com');
  });

  it.each(['https://user:hunter2-secret@smtp.example.com', 'smtp.example.com:587', 'smtp://', 'not a url'])(
    'refuses KOMISI_SMTP_URL=%s, naming the variable and never echoing the value',
    (url) => {
      let message = '';
      try {
        loadConfig({ KOMISI_SMTP_URL: url });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/^Invalid configuration:\n {2}KOMISI_SMTP_URL: expected smtp:\/\//);
      expect(message).not.toContain('hunter2');
    },
  );

  it.each([
    'Komisi',
    'Komisi <no-reply>',
    'a@b.example, c@d.example',
    'Komisi <a@b.example>\r\nBcc: c@d.example',
  ])('refuses KOMISI_MAIL_FROM=%j', (from) => {
    expect(() => loadConfig({ KOMISI_MAIL_FROM: from })).toThrow(/KOMISI_MAIL_FROM: expected an address/);
  });
});

describe('messageTransportFromConfig', () => {
  it('keeps messages in the dev mailbox without KOMISI_SMTP_URL, and warns about it in production', () => {
    const dev = memoryLogger();
    expect(messageTransportFromConfig(loadConfig({}), dev.log)).toBe(devMailbox);
    expect(dev.lines).toMatchObject([
      { level: 30, transport: 'dev-mailbox', msg: expect.stringMatching(/dev mailbox/) },
    ]);

    const production = memoryLogger();
    expect(messageTransportFromConfig(loadConfig({ NODE_ENV: 'production' }), production.log)).toBe(
      devMailbox,
    );
    expect(production.lines).toMatchObject([{ level: 40, transport: 'dev-mailbox' }]);
  });

  it('sends over SMTP when KOMISI_SMTP_URL is set, and logs where without the credentials', () => {
    const { log, lines } = memoryLogger();
    const config = loadConfig({
      KOMISI_SMTP_URL: 'smtps://postmaster%40qutab.example:hunter2-secret@smtp.example.com',
      KOMISI_MAIL_FROM: 'Qutab <halo@qutab.example>',
    });
    const transport = messageTransportFromConfig(config, log);
    expect(transport).toBeInstanceOf(SmtpTransport);
    expect((transport as SmtpTransport).target).toBe('smtps://smtp.example.com:465');
    expect(lines).toMatchObject([
      {
        level: 30,
        transport: 'smtp',
        target: 'smtps://smtp.example.com:465',
        from: 'Qutab <halo@qutab.example>',
      },
    ]);
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain('hunter2');
    expect(logged).not.toContain('postmaster');
  });

  it('defaults the port by scheme: 587 (STARTTLS) for smtp://', () => {
    expect(new SmtpTransport({ url: 'smtp://mail.internal', from: 'a@b.example' }).target).toBe(
      'smtp://mail.internal:587',
    );
    expect(new SmtpTransport({ url: 'smtp://[::1]:2525', from: 'a@b.example' }).target).toBe(
      'smtp://[::1]:2525',
    );
    expect(() => new SmtpTransport({ url: 'http://x', from: 'a@b.example' })).toThrow(/KOMISI_SMTP_URL/);
    expect(() => new SmtpTransport({ url: 'smtp://u:p%ZZ@x', from: 'a@b.example' })).toThrow(
      /percent-encoded/,
    );
  });
});
