import type pg from 'pg';
import { bulk } from './pg.ts';

const FIRST = [
  'Amina',
  'Brian',
  'Christine',
  'David',
  'Esther',
  'Francis',
  'Grace',
  'Henry',
  'Irene',
  'Joseph',
  'Kevin',
  'Lydia',
  'Moses',
  'Naomi',
  'Okello',
  'Patience',
  'Quinn',
  'Ruth',
  'Samuel',
  'Teddy',
];
const LAST = [
  'Namukasa',
  'Okello',
  'Mugisha',
  'Nakato',
  'Ssempala',
  'Atim',
  'Byaruhanga',
  'Akello',
  'Kato',
  'Nabirye',
  'Tumusiime',
  'Opio',
  'Nansubuga',
  'Wasswa',
  'Achieng',
];

const sqlArray = (items: readonly string[]) => `array[${items.map((s) => `'${s}'`).join(',')}]`;

/**
 * `count` members under `rootAccountId`, breadth-first with `fanout` children each (member k's
 * sponsor is member ⌊(k−1)/fanout⌋, 0 being the root): accounts, network_member rows and the
 * network_link closure (one row per ancestor up to depth 20) as `MembershipService.join` writes them.
 * About 70% are active with member numbers; DTEHM/DIP choices vary. Emails and member numbers come
 * from the account id, so several trees (the cost-curve roots) can live in one tenant.
 */
export async function generateNetwork(
  client: pg.Client,
  tenantId: number,
  rootAccountId: number,
  passwordHash: string,
  count: number,
  fanout = 4,
): Promise<void> {
  await bulk(client, async () => {
    await client.query(`drop table if exists bench_net`);
    await client.query(
      `create temp table bench_net as
       select k, (k - 1) / $2 as pk, nextval('account_id_seq')::int as account_id,
              k % 4 <> 3 as wd, k % 3 = 0 or k % 4 = 3 as wp, k % 10 < 7 as active
       from generate_series(1, $1::int) k order by k`,
      [count, fanout],
    );
    await client.query(`alter table bench_net add primary key (k)`);
    // temp tables are never auto-analyzed; and the closure's grouping (millions of ancestor/depth
    // pairs for a million members) would spill to disk at the default work_mem
    await client.query(`analyze bench_net`);
    await client.query(`set work_mem = '256MB'`);
    await client.query(
      `insert into account (id, tenant_id, email, name, phone, password_hash, roles, created_at)
       select account_id, $1, 'net-' || account_id || '@bench.komisi.test',
              (${sqlArray(FIRST)})[1 + k % ${FIRST.length}] || ' ' || (${sqlArray(LAST)})[1 + (k / 7) % ${LAST.length}],
              '+2567' || lpad(k::text, 8, '0'), $2, '{member}', now() - (k || ' minutes')::interval
       from bench_net`,
      [tenantId, passwordHash],
    );
    await client.query(
      `insert into network_member (account_id, tenant_id, sponsor_id, wants_dtehm, wants_dip, dtehm_member_id,
                                   dip_member_id, status, address, from_mobile, joined_at, activated_at)
       select n.account_id, $1, coalesce(p.account_id, $2), n.wd, n.wp,
              case when n.active and n.wd then 'DTEHM2023' || lpad(n.account_id::text, greatest(4, length(n.account_id::text)), '0') end,
              case when n.active and n.wp then 'DIP' || (1000000 + n.account_id) end,
              case when n.active then 'active' else 'pending' end,
              'Plot ' || n.k || ', Kampala', n.k % 2 = 0, now() - (n.k || ' minutes')::interval,
              case when n.active then now() - (n.k || ' minutes')::interval end
       from bench_net n left join bench_net p on p.k = n.pk`,
      [tenantId, rootAccountId],
    );
    await client.query(
      `insert into network_link (ancestor_id, descendant_id, tenant_id, depth, wants_dtehm, wants_dip)
       with recursive up (k, anc, depth) as (
         select k, pk, 1 from bench_net
         union all
         select up.k, n.pk, up.depth + 1 from up join bench_net n on n.k = up.anc
         where up.anc > 0 and up.depth < 20
       )
       select coalesce(a.account_id, $2), d.account_id, $1, up.depth, d.wd, d.wp
       from up join bench_net d on d.k = up.k left join bench_net a on a.k = up.anc`,
      [tenantId, rootAccountId],
    );
    // the per-depth counters MembershipService.join keeps up to date
    await client.query(
      `insert into network_level_count (ancestor_id, depth, tenant_id, members, dtehm, dip)
       select ancestor_id, depth, tenant_id, count(*), count(*) filter (where wants_dtehm), count(*) filter (where wants_dip)
       from network_link
       -- this tree's ancestors only (the root and the new members): other trees keep their counts
       where tenant_id = $1 and (ancestor_id = $2 or ancestor_id in (select account_id from bench_net))
       group by ancestor_id, depth, tenant_id
       on conflict (ancestor_id, depth) do update set
         members = excluded.members, dtehm = excluded.dtehm, dip = excluded.dip`,
      [tenantId, rootAccountId],
    );
    await client.query(`drop table bench_net`);
    await client.query(`reset work_mem`);
  });
}
