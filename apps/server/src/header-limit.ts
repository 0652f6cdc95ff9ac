import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { serve } from '@hono/node-server';

/**
 * Request headers (request line included) may take this many bytes; past it the request is answered
 * 431 before any route runs. Node's own default, set here so it does not move with Node versions.
 */
export const MAX_HEADER_BYTES = 16 * 1024;

/**
 * The 431 answer. It is written before the request is parsed, so no tenant is known and no profile's
 * envelope applies: a neutral `{ error: { code, message } }`, as for other requests no tenant answers.
 */
const HEADERS_TOO_LARGE_BODY = JSON.stringify({
  error: {
    code: 'HEADERS_TOO_LARGE',
    message: `The request headers are larger than ${MAX_HEADER_BYTES} bytes. Send fewer or smaller headers (cookies, tokens).`,
  },
});
const HEADERS_TOO_LARGE = [
  'HTTP/1.1 431 Request Header Fields Too Large',
  'Content-Type: application/json; charset=utf-8',
  `Content-Length: ${Buffer.byteLength(HEADERS_TOO_LARGE_BODY)}`,
  'Cache-Control: no-store',
  'X-Content-Type-Options: nosniff',
  'Connection: close',
  '',
  HEADERS_TOO_LARGE_BODY,
].join('\r\n');

/** What Node itself answers to the other parse failures (we take over its `clientError` handling). */
const BARE: Record<string, string> = {
  HPE_CHUNK_EXTENSIONS_OVERFLOW: '413 Payload Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
};

/**
 * A request the HTTP parser refused: headers too large get the JSON 431, anything else what Node
 * would answer. Nothing is written into a response already under way on the connection.
 */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (err.code !== 'ECONNRESET' && socket.writable && !inFlight?.headersSent) {
    const answer =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? HEADERS_TOO_LARGE
        : `HTTP/1.1 ${BARE[err.code ?? ''] ?? '400 Bad Request'}\r\nConnection: close\r\n\r\n`;
    socket.end(answer, () => socket.destroy());
    return;
  }
  socket.destroy();
}

export interface ListenOptions {
  fetch: (request: Request) => Response | Promise<Response>;
  port: number;
  hostname?: string;
}

/** The HTTP server: `serve` from @hono/node-server with our header limit and its JSON 431. */
export function serveWithLimits(options: ListenOptions, onListening?: (info: AddressInfo) => void) {
  const server = serve(
    {
      fetch: options.fetch,
      port: options.port,
      hostname: options.hostname,
      serverOptions: { maxHeaderSize: MAX_HEADER_BYTES },
    },
    onListening,
  );
  server.on('clientError', answerClientError);
  return server;
}
