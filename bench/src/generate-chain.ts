import type pg from 'pg';
import { bulk } from './pg.ts';

export interface Chain {
  /** account ids, index 0 the top of the chain (GN10 of a sale under the bottom) */
  accountIds: number[];
  /** DTEHM number of the bottom member: the sponsor of the bench buyer (GN1) */
  sponsorMemberId: string;
  stockistAccountId: number;
  stockistMemberId: string;
}

const memberNumber = (i: number) => `DTEHM2024${String(i).padStart(4, '0')}`;

/**
 * `levels` active members, each sponsoring the next, and an active stockist under the bottom one:
 * a sale sponsored by the bottom member pays all ten generations and the stockist (11 lines).
 */
export async function generateChain(
  client: pg.Client,
  tenantId: number,
  passwordHash: string,
  levels = 10,
): Promise<Chain> {
  return bulk(client, async () => {
    const { rows } = await client.query<{ id: number; i: number }>(
      `insert into account (tenant_id, email, name, phone, password_hash, roles, created_at)
       select $1, 'chain' || i || '@bench.komisi.test',
              case when i > $3 then 'Bench Stockist' else 'Chain Member ' || i end,
              '+2567800' || lpad(i::text, 5, '0'), $2,
              case when i > $3 then '{member,stockist}'::text[] else '{member}'::text[] end, now()
       from generate_series(1, $3 + 1) i order by i
       returning id, (regexp_match(email, '^chain(\\d+)@'))[1]::int as i`,
      [tenantId, passwordHash, levels],
    );
    const byIndex = new Map(rows.map((r) => [r.i, r.id]));
    const ids = Array.from({ length: levels + 1 }, (_, i) => byIndex.get(i + 1)!);
    // member i+1 sponsored by member i; the stockist (last) by the bottom member
    for (let i = 0; i < ids.length; i++) {
      await client.query(
        `insert into network_member (account_id, tenant_id, sponsor_id, wants_dtehm, wants_dip, dtehm_member_id,
                                     status, address, from_mobile, joined_at, activated_at)
         values ($1, $2, $3, true, $4, $5, 'active', 'Kampala', false, now(), now())`,
        [ids[i], tenantId, i === 0 ? null : ids[i - 1], i % 2 === 0, memberNumber(i + 1)],
      );
      for (let a = 0; a < i; a++) {
        await client.query(
          `insert into network_link (ancestor_id, descendant_id, tenant_id, depth, wants_dtehm, wants_dip)
           values ($1, $2, $3, $4, true, $5)`,
          [ids[a], ids[i], tenantId, i - a, i % 2 === 0],
        );
      }
    }
    return {
      accountIds: ids.slice(0, levels),
      sponsorMemberId: memberNumber(levels),
      stockistAccountId: ids[levels]!,
      stockistMemberId: memberNumber(levels + 1),
    };
  });
}
