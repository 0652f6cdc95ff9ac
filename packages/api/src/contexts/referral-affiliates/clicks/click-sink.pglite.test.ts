import { describe, expect, it } from 'vitest';
import { systemEm } from '../../../kernel/database.ts';
import { approvedAffiliate } from '../../../testing/referral-affiliates/affiliate-program.fixtures.ts';
import { useProgrammeWorld } from '../../../testing/referral-affiliates/programme-world-hooks.ts';
import { createClickSink } from './click-sink.ts';
import { newClickId } from './referral-cookie.ts';

// The click sink's array parameters (`unnest` of uuid, timestamptz, text and jsonb arrays) on the
// embedded database, as on PostgreSQL (referral-clicks.int.test.ts).
const world = useProgrammeWorld({ on: 'pglite' });

describe('click sink on PGlite', () => {
  it('writes a batch once, with its totals and daily rollups; a retried batch adds nothing', async () => {
    const [a, b] = [await approvedAffiliate(world), await approvedAffiliate(world)];
    const sink = createClickSink(world.orm);
    const at = (iso: string) => new Date(iso);
    const batch = [a, a, b].map((affiliate, i) => {
      const clickedAt = at(i === 2 ? '2026-11-01T17:00:00Z' : '2026-11-01T16:59:59Z');
      return world.services.referralLinks.clickRecord(world.tenant, {
        affiliateId: affiliate.id,
        clickId: newClickId(clickedAt),
        clickedAt,
        ip: '203.0.113.7',
        userAgent: i === 1 ? undefined : 'Mozilla/5.0 "quoted", {braced}',
        referer: 'https://www.instagram.com/',
        query: new URLSearchParams(i === 0 ? 'utm_source=instagram&utm_campaign="qurban"' : ''),
      });
    });
    await sink(batch);
    await sink(batch);
    const sql = (text: string, params: unknown[] = []) => systemEm(world.orm).execute(text, params);
    const clicks = await sql(
      'select user_agent, utm, clicked_at from referral_click where tenant_id = ? order by clicked_at, user_agent',
      [world.tenant.id],
    );
    expect(clicks).toHaveLength(3);
    expect(clicks.map((c) => c.user_agent)).toEqual([
      'Mozilla/5.0 "quoted", {braced}',
      null,
      'Mozilla/5.0 "quoted", {braced}',
    ]);
    expect(clicks[0]!.utm).toEqual({ utm_source: 'instagram', utm_campaign: '"qurban"' });
    expect(new Date(clicks[2]!.clicked_at as string).toISOString()).toBe('2026-11-01T17:00:00.000Z');
    const totals = await sql(
      'select id, total_clicks::int as n from affiliate where tenant_id = ? order by id',
      [world.tenant.id],
    );
    expect(totals.map((r) => [r.id, r.n])).toEqual([
      [a.id, 2],
      [b.id, 1],
    ]);
    // Jakarta's day: 16:59:59Z is the 1st, 17:00Z the 2nd
    const days = await sql(
      `select affiliate_id, to_char(day, 'YYYY-MM-DD') as day, clicks from affiliate_click_daily
        where tenant_id = ? order by affiliate_id, day`,
      [world.tenant.id],
    );
    expect(days.map((d) => [d.affiliate_id, d.day, d.clicks])).toEqual([
      [a.id, '2026-11-01', 2],
      [b.id, '2026-11-02', 1],
    ]);
  });
});
