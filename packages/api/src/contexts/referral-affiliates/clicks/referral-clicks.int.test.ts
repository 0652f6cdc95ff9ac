import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemEm } from '../../../kernel/database.ts';
import type { TenantRecord } from '../../../kernel/tenant-record.ts';
import {
  type ReferralFixture,
  referralFixture,
} from '../../../testing/referral-affiliates/referral-fixtures.ts';
import { createClickSink, createReferralClickWriter } from './click-sink.ts';
import { newClickId } from './referral-cookie.ts';
import type { ClickRecord } from './referral-links.service.ts';

let f: ReferralFixture;
let jakarta: TenantRecord;
let utc: TenantRecord;
const silent = { warn: () => {}, error: () => {} };

beforeAll(async () => {
  f = await referralFixture();
  jakarta = await f.tenant({ timeZone: 'Asia/Jakarta' });
  utc = await f.tenant({ timeZone: 'UTC' });
});
afterAll(async () => {
  await f.close();
});

function click(tenant: TenantRecord, affiliateId: number, clickedAt: Date): ClickRecord {
  return f.services.referralLinks.clickRecord(tenant, {
    affiliateId,
    clickId: newClickId(clickedAt),
    clickedAt,
    ip: '203.0.113.7',
    userAgent: `Mozilla/5.0 ${'x'.repeat(400)}`,
    referer: 'https://www.instagram.com/',
    query: new URLSearchParams('utm_source=instagram&utm_campaign=qurban&ref=XK7mP2q&utm_medium='),
  });
}

const count = async (sql: string, params: unknown[]) =>
  Number((await systemEm(f.orm).execute<{ n: string }[]>(sql, params))[0]!.n);

describe('click writer on PostgreSQL', () => {
  it('writes every recorded click by close(), with totals and daily rollups in the tenant time zone', async () => {
    const a = await f.affiliate(jakarta);
    const b = await f.affiliate(jakarta);
    const c = await f.affiliate(utc);
    const writer = createReferralClickWriter(f.orm, silent);
    // 16:59:59Z is 23:59:59 in Jakarta on the 1st; 17:00:00Z is already the 2nd there (UTC: still the 1st)
    const before = new Date('2026-11-01T16:59:59Z');
    const after = new Date('2026-11-01T17:00:00Z');
    const n = 1234;
    for (let i = 0; i < n; i++) {
      const at = i % 2 ? after : before;
      writer.record(click(i % 3 === 0 ? utc : jakarta, i % 3 === 0 ? c.id : i % 3 === 1 ? a.id : b.id, at));
    }
    await writer.close();

    expect(
      await count('select count(*) n from referral_click where tenant_id in (?, ?)', [jakarta.id, utc.id]),
    ).toBe(n);
    const totals = await systemEm(f.orm).execute<{ id: number; total_clicks: string }[]>(
      'select id, total_clicks::text from affiliate where id in (?) order by id',
      [[a.id, b.id, c.id]],
    );
    expect(totals.map((t) => Number(t.total_clicks))).toEqual([411, 411, 412]);
    const days = await systemEm(f.orm).execute<{ affiliate_id: number; day: string; clicks: number }[]>(
      `select affiliate_id, to_char(day, 'YYYY-MM-DD') as day, clicks from affiliate_click_daily
          where affiliate_id in (?) order by affiliate_id, day`,
      [[a.id, b.id, c.id]],
    );
    expect(days).toEqual([
      // a: i ≡ 1 (mod 3), odd i after midnight · b: i ≡ 2 (mod 3) · c: the UTC tenant, one day
      { affiliate_id: a.id, day: '2026-11-01', clicks: 205 },
      { affiliate_id: a.id, day: '2026-11-02', clicks: 206 },
      { affiliate_id: b.id, day: '2026-11-01', clicks: 206 },
      { affiliate_id: b.id, day: '2026-11-02', clicks: 205 },
      { affiliate_id: c.id, day: '2026-11-01', clicks: 412 },
    ]);
  });

  it('stores no raw address, truncated texts and only the utm_* parameters', async () => {
    const a = await f.affiliate(jakarta);
    const one = click(jakarta, a.id, new Date());
    await createClickSink(f.orm)([one]);
    const [row] = await systemEm(f.orm).execute<
      { ip_hash: string; user_agent: string; referer: string; utm: unknown }[]
    >('select ip_hash, user_agent, referer, utm from referral_click where id = ?', [one.id]);
    expect(row!.ip_hash).toMatch(/^[0-9a-f]{32}$/);
    expect(row!.ip_hash).not.toContain('203.0.113.7');
    expect(row!.user_agent).toHaveLength(300);
    expect(row!.referer).toBe('https://www.instagram.com/');
    expect(row!.utm).toEqual({ utm_source: 'instagram', utm_campaign: 'qurban' });
  });

  it('counts a batch once when it is written again (a retry after a lost commit answer)', async () => {
    const a = await f.affiliate(jakarta);
    const batch = Array.from({ length: 7 }, () => click(jakarta, a.id, new Date('2026-11-05T03:00:00Z')));
    const sink = createClickSink(f.orm);
    await sink(batch);
    await sink(batch);
    await sink([...batch.slice(0, 3), click(jakarta, a.id, new Date('2026-11-05T03:00:00Z'))]);
    expect(await count('select count(*) n from referral_click where affiliate_id = ?', [a.id])).toBe(8);
    expect(await count('select total_clicks n from affiliate where id = ?', [a.id])).toBe(8);
    expect(
      await count('select sum(clicks) n from affiliate_click_daily where affiliate_id = ?', [a.id]),
    ).toBe(8);
  });
});
