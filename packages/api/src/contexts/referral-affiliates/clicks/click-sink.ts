import { boundRows, boundRun, sql } from '../../../kernel/bound-sql.ts';
import { type Orm, systemEm } from '../../../kernel/database.ts';
import { ClickWriter, type ClickWriterLog, type ClickWriterOptions } from './click-writer.ts';
import type { ClickRecord } from './referral-links.service.ts';

/**
 * Writes one batch of clicks in one transaction: an insert into `referral_click` of its columns as arrays, then
 * `affiliate.total_clicks += n` per affiliate and the daily rollups upserted (`clicks + excluded`).
 * Exactly once per click even when a batch is retried after a commit whose answer was lost: the
 * insert skips ids already stored, and the counters add only what it inserted. Rows are locked in
 * a fixed order (tenant, affiliate, day), so batches of several instances do not deadlock.
 */
export function createClickSink(orm: Orm): (batch: ClickRecord[]) => Promise<void> {
  return async (batch) => {
    if (batch.length === 0) return;
    await systemEm(orm).transactional(async (em) => {
      // one array a column: the same statement text (and plan) whatever the batch's size, 8
      // parameters instead of 8 a click, nothing escaped into the text
      const inserted = await boundRows<{ id: string }>(
        em,
        sql`insert into referral_click (id, tenant_id, affiliate_id, clicked_at, ip_hash, user_agent, referer, utm)
            select * from unnest(${column(batch, (c) => c.id)}::uuid[], ${column(batch, (c) => c.tenantId)}::int[],
              ${column(batch, (c) => c.affiliateId)}::int[], ${column(batch, (c) => c.clickedAt.toISOString())}::timestamptz[],
              ${column(batch, (c) => c.ipHash)}::text[], ${column(batch, (c) => c.userAgent)}::text[],
              ${column(batch, (c) => c.referer)}::text[], ${column(batch, (c) => c.utm && JSON.stringify(c.utm))}::jsonb[])
            on conflict (id) do nothing returning id`,
      );
      const fresh = new Set(inserted.map((r) => r.id));
      const stored = fresh.size === batch.length ? batch : batch.filter((c) => fresh.has(c.id));
      if (stored.length === 0) return;
      const perAffiliate = countBy(stored, (c) => [c.tenantId, c.affiliateId]);
      await boundRun(
        em,
        sql`update affiliate a set total_clicks = a.total_clicks + v.n
              from unnest(${column(perAffiliate, (g) => g[0])}::int[], ${column(perAffiliate, (g) => g[1])}::int[],
                          ${column(perAffiliate, (g) => g[2])}::int[]) as v (tenant_id, id, n)
             where a.tenant_id = v.tenant_id and a.id = v.id`,
      );
      const perDay = countBy(stored, (c) => [c.tenantId, c.affiliateId, c.day]);
      await boundRun(
        em,
        sql`insert into affiliate_click_daily as d (tenant_id, affiliate_id, day, clicks)
            select * from unnest(${column(perDay, (g) => g[0])}::int[], ${column(perDay, (g) => g[1])}::int[],
                                 ${column(perDay, (g) => g[2])}::date[], ${column(perDay, (g) => g[3])}::int[])
            on conflict (tenant_id, affiliate_id, day) do update set clicks = d.clicks + excluded.clicks`,
      );
    });
  };
}

/** One column of the rows, as the array parameter `unnest` reads. */
function column<R, V>(rows: readonly R[], value: (row: R) => V): V[] {
  return rows.map(value);
}

/** Groups by key, sorted by key, each group's key followed by its count. */
function countBy<K extends (string | number)[]>(
  rows: ClickRecord[],
  key: (c: ClickRecord) => K,
): [...K, number][] {
  const groups = new Map<string, [...K, number]>();
  for (const row of rows) {
    const k = key(row);
    const id = k.join('\0');
    const group = groups.get(id);
    if (group) (group[group.length - 1] as number)++;
    else groups.set(id, [...k, 1]);
  }
  return [...groups.values()].sort(compareKeys);
}

function compareKeys(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < a.length - 1; i++) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return 0;
}

/** The server's click writer: batches of 500 or every 250 ms into PostgreSQL (see ClickWriter). */
export function createReferralClickWriter(
  orm: Orm,
  log: ClickWriterLog,
  options: Omit<ClickWriterOptions, 'log'> = {},
): ClickWriter<ClickRecord> {
  return new ClickWriter(createClickSink(orm), { ...options, log });
}

export type ReferralClickWriter = ClickWriter<ClickRecord>;
