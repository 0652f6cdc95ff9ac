import { batchRefusal, readCapped } from '@komisi/api';
import { TRPCError } from '@trpc/server';

/**
 * A POST's body read up to `maxBytes` into a fresh request (tRPC's fetch adapter and the REST
 * handler read it again); past the cap the body becomes `{}`, `bytes` is null and `tooLarge` says
 * why, so the call can be refused.
 */
export async function cappedRequest(
  raw: Request,
  maxBytes: number,
): Promise<{ req: Request; tooLarge: boolean; bytes: Buffer | null }> {
  if (raw.method !== 'POST') return { req: raw, tooLarge: false, bytes: null };
  const bytes = await readCapped(raw, maxBytes);
  const headers = new Headers(raw.headers);
  headers.delete('content-length');
  const body = bytes ? new Uint8Array(bytes) : '{}';
  return { req: new Request(raw.url, { method: 'POST', headers, body }), tooLarge: !bytes, bytes };
}

/** What every tRPC endpoint refuses before a procedure runs: a body past its cap, a batch it does not take. */
export function refuseOversizeOrBatch(
  tooLarge: boolean,
  procedures: Parameters<typeof batchRefusal>[0],
): void {
  if (tooLarge) throw new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' });
  const refusal = batchRefusal(procedures);
  if (refusal) throw new TRPCError({ code: 'BAD_REQUEST', message: refusal });
}
