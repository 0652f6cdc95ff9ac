import { describe, expect, it } from 'vitest';
import { FonnteError, sendFonnteMessage } from './fonnte.client.ts';
import { createFakeFonnte } from './fonnte.fake.ts';

const fonnte = createFakeFonnte({ tokens: ['device-token'], now: () => new Date('2026-03-02T09:00:00Z') });
const fetchFake: typeof fetch = (input, init) => fonnte.fetch(new Request(input, init));
const account = { token: 'device-token', baseUrl: 'https://fonnte.test/' };
const send = (target: string, message = 'Kode verifikasi: 123456', acc = account) =>
  sendFonnteMessage(acc, { target, message }, { fetch: fetchFake });
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e as Error,
  );

describe('sendFonnteMessage against the fake Fonnte', () => {
  it('posts target, message and countryCode with the token as Authorization; returns Fonnte’s id', async () => {
    const sent = await send('6281234567890');
    const message = fonnte.messages.at(-1)!;
    expect(sent).toEqual({ id: message.id });
    expect(message).toMatchObject({
      token: 'device-token',
      device: fonnte.deviceOf('device-token'),
      target: '6281234567890',
      message: 'Kode verifikasi: 123456',
    });
    expect(fonnte.lastOtpTo('0812-3456-7890')).toBe('123456');
  });

  it('lets Fonnte replace a leading 0 with the country code', async () => {
    await send('081298765432');
    expect(fonnte.messages.at(-1)!.target).toBe('6281298765432');
  });

  it('reports Fonnte’s refusals with its reason, never the token', async () => {
    const wrongToken = await errorOf(
      send('6281234567890', 'x', { token: 'stolen?', baseUrl: account.baseUrl }),
    );
    expect(wrongToken).toBeInstanceOf(FonnteError);
    expect(wrongToken.message).toBe('Fonnte refused the message: token invalid');
    expect((await errorOf(send('12ab'))).message).toBe('Fonnte refused the message: target invalid');
    expect((await errorOf(send('6281234567890', ''))).message).toBe(
      'Fonnte refused the message: input invalid',
    );
    fonnte.refuseWith('disconnected device');
    try {
      expect((await errorOf(send('6281234567890'))).message).toBe(
        'Fonnte refused the message: disconnected device',
      );
    } finally {
      fonnte.refuseWith(null);
    }
  });

  it('keeps the number out of a reason that echoes it', async () => {
    const echo: typeof fetch = async () =>
      Response.json({ Status: false, reason: 'number 6281234567890 not registered on WhatsApp' });
    const error = await errorOf(
      sendFonnteMessage(account, { target: '6281234567890', message: 'x' }, { fetch: echo }),
    );
    expect(error.message).toBe('Fonnte refused the message: number [recipient] not registered on WhatsApp');
  });

  it('treats an answer that is not Fonnte’s success as a failure, naming the HTTP status', async () => {
    for (const [response, reason] of [
      [new Response('<html>Bad gateway</html>', { status: 502 }), 'HTTP 502'],
      [Response.json({ status: true, id: ['1'] }, { status: 500 }), 'HTTP 500'],
      [Response.json(['not', 'an', 'object']), 'HTTP 200'],
      [Response.json({ detail: 'queued?' }), 'queued?'],
    ] as const) {
      const error = await errorOf(
        sendFonnteMessage(
          account,
          { target: '6281234567890', message: 'x' },
          { fetch: async () => response },
        ),
      );
      expect(error.message).toBe(`Fonnte refused the message: ${reason}`);
    }
  });

  it('reads a numeric id and an answer without one', async () => {
    const answer =
      (body: unknown): typeof fetch =>
      async () =>
        Response.json(body);
    const target = { target: '6281234567890', message: 'x' };
    expect(await sendFonnteMessage(account, target, { fetch: answer({ status: true, id: [42] }) })).toEqual({
      id: '42',
    });
    expect(await sendFonnteMessage(account, target, { fetch: answer({ status: true, id: 'abc' }) })).toEqual({
      id: 'abc',
    });
    expect(await sendFonnteMessage(account, target, { fetch: answer({ status: true }) })).toEqual({
      id: undefined,
    });
  });

  it('gives up on an unreachable or silent Fonnte', async () => {
    const down: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const target = { target: '6281234567890', message: 'x' };
    expect((await errorOf(sendFonnteMessage(account, target, { fetch: down }))).message).toBe(
      'Fonnte unreachable (https://fonnte.test/send)',
    );
    const silent: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    const started = Date.now();
    const timedOut = await errorOf(sendFonnteMessage(account, target, { fetch: silent, timeoutMs: 50 }));
    expect(timedOut.message).toBe('Fonnte timed out (https://fonnte.test/send)');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('uses https://api.fonnte.com when no base URL is set', async () => {
    let url = '';
    const spy: typeof fetch = async (input) => {
      url = String(input);
      return Response.json({ status: true, id: ['1'] });
    };
    await sendFonnteMessage({ token: 't' }, { target: '6281234567890', message: 'x' }, { fetch: spy });
    expect(url).toBe('https://api.fonnte.com/send');
  });
});

describe('the fake Fonnte', () => {
  const post = (body: BodyInit, headers: Record<string, string>) =>
    fonnte.fetch(
      new Request('https://fonnte.test/send', {
        method: 'POST',
        body,
        headers: { Authorization: 'device-token', ...headers },
      }),
    );

  it('takes form bodies too, several comma-separated targets, and a countryCode of its own', async () => {
    const form = new URLSearchParams({
      target: '081211112222,6281233334444',
      message: 'Halo',
      countryCode: '62',
    });
    const answer = await (await post(form, {})).json();
    expect(answer).toMatchObject({
      detail: 'success! message in queue',
      process: 'pending',
      status: true,
      target: ['6281211112222', '6281233334444'],
    });
    expect(answer.id).toHaveLength(2);
    const raw = new URLSearchParams({ target: '081211112222', message: 'Halo', countryCode: '0' });
    expect((await (await post(raw, {})).json()).target).toEqual(['081211112222']);
  });

  it('refuses a body it cannot read', async () => {
    expect(await (await post('{not json', { 'content-type': 'application/json' })).json()).toEqual({
      reason: 'JSON format invalid',
      status: false,
    });
    expect(await (await post('[1]', { 'content-type': 'application/json' })).json()).toEqual({
      reason: 'JSON format invalid',
      status: false,
    });
  });

  it('builds the status report the document describes, with Fonnte’s id when asked', async () => {
    const { id } = await send('6281234567890', 'Kode verifikasi: 654321');
    expect(fonnte.statusReport(id!, 'delivered')).toEqual({
      device: fonnte.deviceOf('device-token'),
      sender: '6281234567890',
      message: 'Kode verifikasi: 654321',
      status: 'delivered',
      timestamp: '2026-03-02T09:00:00.000Z',
    });
    expect(fonnte.statusReport(id!, 'read', { withId: true })).toMatchObject({ id });
    expect(() => fonnte.statusReport('nope', 'read')).toThrow(/no message nope/);
    expect(() => fonnte.deviceOf('nope')).toThrow(/token nope/);
    expect(fonnte.lastOtpTo('089999999999')).toBeUndefined();
  });
});
