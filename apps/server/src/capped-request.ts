import { readCapped } from '@komisi/api';

/**
 * A POST's body read up to `maxBytes` into a fresh request (tRPC's fetch adapter reads it again);
 * past the cap the body becomes `{}` and `tooLarge` says why, so the procedure can refuse it.
 */
export async function cappedRequest(
  raw: Request,
  maxBytes: number,
): Promise<{ req: Request; tooLarge: boolean }> {
  if (raw.method !== 'POST') return { req: raw, tooLarge: false };
  const bytes = await readCapped(raw, maxBytes);
  const headers = new Headers(raw.headers);
  headers.delete('content-length');
  const body = bytes ? new Uint8Array(bytes) : '{}';
  return { req: new Request(raw.url, { method: 'POST', headers, body }), tooLarge: !bytes };
}
