// The referral redirect's click writes by hand on `pg`: clicks wait in memory and go to the
// database in batches, with the same three statements as our click writer and sink.
import type pg from 'pg';
import { transaction } from './bare-http.ts';

export interface Click {
  id: string;
  affiliateId: number;
  clickedAt: Date;
  day: string;
  ipHash: string | null;
  userAgent: string | null;
  referer: string | null;
  utm: Record<string, string> | null;
}

/** Clicks in memory, written every 250 ms or per 500: one transaction of three statements. */
export function clickBuffer(pool: pg.Pool, tenantId: number) {
  const queue: Click[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;

  async function write(batch: Click[]) {
    await transaction(pool, async (client) => {
      // as ours: one array a column (the same statement whatever the batch's size)
      const col = <V>(value: (c: Click) => V) => batch.map(value);
      const { rows: inserted } = await client.query<{ id: string }>(
        `insert into referral_click (id, tenant_id, affiliate_id, clicked_at, ip_hash, user_agent, referer, utm)
         select * from unnest($1::uuid[], $2::int[], $3::int[], $4::timestamptz[], $5::text[], $6::text[],
           $7::text[], $8::jsonb[])
         on conflict (id) do nothing returning id`,
        [
          col((c) => c.id),
          col(() => tenantId),
          col((c) => c.affiliateId),
          col((c) => c.clickedAt.toISOString()),
          col((c) => c.ipHash),
          col((c) => c.userAgent),
          col((c) => c.referer),
          col((c) => c.utm && JSON.stringify(c.utm)),
        ],
      );
      const fresh = new Set(inserted.map((r) => r.id));
      const stored = batch.filter((c) => fresh.has(c.id));
      const perAffiliate = new Map<number, number>();
      const perDay = new Map<string, number>();
      for (const c of stored) {
        perAffiliate.set(c.affiliateId, (perAffiliate.get(c.affiliateId) ?? 0) + 1);
        const k = `${c.affiliateId}|${c.day}`;
        perDay.set(k, (perDay.get(k) ?? 0) + 1);
      }
      const affiliates = [...perAffiliate].sort((a, b) => a[0] - b[0]);
      await client.query(
        `update affiliate a set total_clicks = a.total_clicks + v.n
           from unnest($1::int[], $2::int[], $3::int[]) as v (tenant_id, id, n)
          where a.tenant_id = v.tenant_id and a.id = v.id`,
        [affiliates.map(() => tenantId), affiliates.map(([id]) => id), affiliates.map(([, n]) => n)],
      );
      const days = [...perDay]
        .sort((a, b) => (a[0] < b[0] ? -1 : 1))
        .map(([k, n]) => {
          const [id, day] = k.split('|');
          return { id: Number(id), day: day!, n };
        });
      await client.query(
        `insert into affiliate_click_daily as d (tenant_id, affiliate_id, day, clicks)
         select * from unnest($1::int[], $2::int[], $3::date[], $4::int[])
         on conflict (tenant_id, affiliate_id, day) do update set clicks = d.clicks + excluded.clicks`,
        [days.map(() => tenantId), days.map((d) => d.id), days.map((d) => d.day), days.map((d) => d.n)],
      );
    });
  }

  function drain(): Promise<void> {
    running ??= (async () => {
      while (queue.length > 0) {
        const batch = queue.splice(0, 500);
        try {
          await write(batch);
        } catch (e) {
          console.error(e);
          queue.unshift(...batch);
          return;
        }
        if (queue.length < 500) return;
      }
    })().finally(() => {
      running = undefined;
      if (queue.length > 0) schedule(queue.length >= 500 ? 0 : 250);
    });
    return running;
  }

  function schedule(ms: number) {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void drain();
    }, ms);
  }

  return {
    push(click: Click) {
      queue.push(click);
      if (!running) schedule(queue.length >= 500 ? 0 : 250);
    },
    async close() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
      while (queue.length > 0) await write(queue.splice(0, 500));
    },
  };
}
