import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_HEADER_BYTES, serveWithLimits } from './header-limit.ts';
import { startTestApp, type TestApp } from './testing/test-app.ts';

// The real server on an ephemeral port, as main.ts starts it: request headers past the limit are
// refused by Node's parser before Hono runs, and answered with a JSON 431 instead of an empty one.
let app: TestApp;
let server: ReturnType<typeof serveWithLimits>;
let port: number;
beforeAll(async () => {
  app = await startTestApp();
  await new Promise<void>((resolve) => {
    server = serveWithLimits(
      { fetch: app.app.fetch, port: 0, hostname: '127.0.0.1' },
      (info: AddressInfo) => {
        port = info.port;
        resolve();
      },
    );
  });
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await app.close();
});

/** One raw HTTP/1.1 exchange: what the server wrote until it closed the connection. */
function rawExchange(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (err) => (chunks.length ? resolve(Buffer.concat(chunks).toString()) : reject(err)));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString()));
    socket.write(request);
  });
}

describe('request headers past the limit', () => {
  it('get a 431 with a JSON body (raw socket, a 40 KB header)', async () => {
    const answer = await rawExchange(
      `GET /t/dtehm/api/products/categories HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`,
    );
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(head).toMatch(/\r\nContent-Type: application\/json; charset=utf-8/i);
    expect(head).toMatch(/\r\nConnection: close/i);
    expect(head).toMatch(/\r\nX-Content-Type-Options: nosniff/i);
    expect(JSON.parse(body!)).toEqual({
      error: { code: 'HEADERS_TOO_LARGE', message: expect.stringContaining(String(MAX_HEADER_BYTES)) },
    });
  });

  it('get the same 431 through fetch, with many headers adding up past the limit', async () => {
    const headers = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`x-filler-${i}`, 'b'.repeat(1000)]),
    );
    const res = await fetch(`http://127.0.0.1:${port}/t/dtehm/api/products/categories`, { headers });
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await res.json()).error.code).toBe('HEADERS_TOO_LARGE');
  });

  it('leave requests under the limit alone', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/t/dtehm/api/products/categories`, {
      headers: { 'x-filler': 'c'.repeat(MAX_HEADER_BYTES - 1024) },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('still answer other malformed requests as Node does (400, no body)', async () => {
    const answer = await rawExchange('THIS IS NOT HTTP\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer.split('\r\n\r\n')[1]).toBe('');
  });
});
