// The four benchmarked endpoints written by hand on `pg` (bare-products, bare-preview,
// bare-confirm, bare-network): the same SQL statements, in the same order, that our services issue
// for them (bind parameters instead of inlined literals), and the same response bodies. Kept
// deliberately plain: no ORM, no validation library, no tRPC. This module holds what they share:
// the error they answer with, local time as our responses print it, the pagination block and the
// whole-number query parameters.

import type pg from 'pg';

/** `work` in one transaction on a client of `pool`: committed, or rolled back when it throws. */
export async function transaction<T>(pool: pg.Pool, work: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const tx = await pool.connect();
  try {
    await tx.query('begin');
    const result = await work(tx);
    await tx.query('commit');
    return result;
  } catch (e) {
    await tx.query('rollback');
    throw e;
  } finally {
    tx.release();
  }
}

export class HttpError extends Error {
  // a plain field, not a parameter property: the bare server runs under Node's type stripping
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const TIME_ZONE = 'Africa/Kampala';
const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
export function localDateTime(date: Date): string {
  const p: Record<string, string> = {};
  for (const part of parts.formatToParts(date)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

export function pageWindow(total: number, page: number, perPage: number) {
  const offset = (page - 1) * perPage;
  const empty = offset >= total;
  return {
    total,
    per_page: perPage,
    current_page: page,
    last_page: Math.max(1, Math.ceil(total / perPage)),
    from: empty ? null : offset + 1,
    to: empty ? null : Math.min(offset + perPage, total),
    offset,
  };
}

export const intParam = (raw: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER) => {
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new HttpError(400, 'invalid number');
  return n;
};
