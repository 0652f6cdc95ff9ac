import { describe, expect, it } from 'vitest';
import { channelTransports } from '../channel-transports.ts';
import { devMailbox, type MessageTransport, type OutgoingMessage } from '../outbox-dispatcher.ts';
import { createFakeFonnte } from './fonnte.fake.ts';
import { WhatsappTransport } from './whatsapp.transport.ts';

const fonnte = createFakeFonnte({ tokens: ['token-7'] });
const whatsapp = new WhatsappTransport({
  // tenant 7 has a device; every other tenant none
  settingsOf: async (tenantId) =>
    tenantId === 7 ? { provider: 'fonnte', token: 'token-7', baseUrl: 'https://fonnte.test' } : undefined,
  fetch: (input, init) => fonnte.fetch(new Request(input, init)),
});
const message = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  id: 1,
  tenant_id: 7,
  channel: 'whatsapp',
  recipient: '6281234567890',
  subject: 'Kode OTP',
  body: 'Kode verifikasi: 111222',
  ...over,
});

describe('WhatsappTransport', () => {
  it('sends through the tenant’s device and answers Fonnte’s message id', async () => {
    const receipt = await whatsapp.send(message());
    expect(receipt).toEqual({ providerMessageId: fonnte.messages.at(-1)!.id });
    expect(fonnte.lastOtpTo('081234567890')).toBe('111222');
  });

  it('leaves the message in the outbox (dev mailbox) for a tenant without a device', async () => {
    const before = fonnte.messages.length;
    expect(await whatsapp.send(message({ tenant_id: 8 }))).toBeUndefined();
    expect(fonnte.messages).toHaveLength(before);
  });

  it('refuses an email', async () => {
    await expect(whatsapp.send(message({ channel: 'email' }))).rejects.toThrow(
      'no transport for email messages: this one delivers WhatsApp only',
    );
  });
});

describe('channelTransports', () => {
  it('hands each message to its channel’s transport', async () => {
    const seen: string[] = [];
    const recorder = (name: string): MessageTransport => ({
      name,
      send: async (m) => {
        seen.push(`${name}:${m.recipient}`);
        return name === 'wa' ? { providerMessageId: '9' } : undefined;
      },
    });
    const transport = channelTransports({ email: recorder('mail'), whatsapp: recorder('wa') });
    expect(transport.name).toBe('email:mail,whatsapp:wa');
    expect(await transport.send(message({ channel: 'email', recipient: 'a@b.example' }))).toBeUndefined();
    expect(await transport.send(message())).toEqual({ providerMessageId: '9' });
    expect(seen).toEqual(['mail:a@b.example', 'wa:6281234567890']);
    expect(await devMailbox.send(message())).toBeUndefined();
  });
});
