// The referral redirect's click writes by hand on `pg`: clicks wait in memory and go to the
// database in batches, with the same three statements as our click writer and sink.
import type pg from 'pg';

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
    const client = await pool.connect();
    try {
      await client.query('begin');
      const params: unknown[] = [];
      const rows = batch.map((c) => {
        const at = params.length;
        params.push(c.id, tenantId, c.affiliateId, c.clickedAt, c.ipHash, c.userAgent, c.referer, c.utm);
        return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7}, $${at + 8})`;
      });
      const { rows: inserted } = await client.query<{ id: string }>(
        `insert into referral_click (id, tenant_id, affiliate_id, clicked_at, ip_hash, user_agent, referer, utm)
         values ${rows.join(', ')} on conflict (id) do nothing returning id`,
        params,
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
           from (values ${affiliates.map((_, i) => `($${i * 3 + 1}::int, $${i * 3 + 2}::int, $${i * 3 + 3}::int)`).join(', ')}) as v (tenant_id, id, n)
          where a.tenant_id = v.tenant_id and a.id = v.id`,
        affiliates.flatMap(([id, n]) => [tenantId, id, n]),
      );
      const days = [...perDay].sort((a, b) => (a[0] < b[0] ? -1 : 1));
      await client.query(
        `insert into affiliate_click_daily as d (tenant_id, affiliate_id, day, clicks)
         values ${days.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4})`).join(', ')}
         on conflict (tenant_id, affiliate_id, day) do update set clicks = d.clicks + excluded.clicks`,
        days.flatMap(([k, n]) => {
          const [id, day] = k.split('|');
          return [tenantId, Number(id), day, n];
        }),
      );
      await client.query('commit');
    } catch (e) {
      await client.query('rollback');
      throw e;
    } finally {
      client.release();
    }
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
