import type pg from 'pg';

export const BIG_AFFILIATE_CODE = 'BnchAff';
export const OTHER_AFFILIATES = 200;
export const otherCode = (k: number) => `Bn${String(k).padStart(5, '0')}`;

/**
 * 201 affiliate accounts, all approved: the big one (`BnchAff`, whose ids come back) and 200
 * others (`Bn00001`…) with no clicks yet.
 */
export async function insertAffiliates(
  c: pg.Client,
  tenantId: number,
  hash: string,
): Promise<{ affiliateId: number; accountId: number }> {
  const { rows: accounts } = await c.query<{ id: number; email: string }>(
    `insert into account (tenant_id, email, name, phone, password_hash, roles, created_at)
       select $1, 'affiliate' || k || '@bench.komisi.test', 'Bench Affiliate ' || k,
              '+62813' || lpad(k::text, 7, '0'), $2, '{affiliate}', now() - interval '400 days'
       from generate_series(0, $3::int) k
       returning id, email`,
    [tenantId, hash, OTHER_AFFILIATES],
  );
  const byK = new Map(accounts.map((a) => [Number(/^affiliate(\d+)@/.exec(a.email)![1]), a.id]));
  await c.query(
    `insert into affiliate (tenant_id, account_id, status, code, first_name, last_name, whatsapp, city,
         primary_platform, reason, approved_at, created_at)
       select $1, a, 'approved', c, 'Bench', 'Affiliate', '+6281300000000', 'Jakarta', 'instagram',
              'bench', now() - interval '400 days', now() - interval '400 days'
       from unnest($2::int[], $3::text[]) as t(a, c)`,
    [
      tenantId,
      [...byK.keys()].map((k) => byK.get(k)!),
      [...byK.keys()].map((k) => (k === 0 ? BIG_AFFILIATE_CODE : otherCode(k))),
    ],
  );
  const { rows: big } = await c.query<{ id: number; account_id: number }>(
    'select id, account_id from affiliate where tenant_id = $1 and code = $2',
    [tenantId, BIG_AFFILIATE_CODE],
  );
  const { id: affiliateId, account_id: accountId } = big[0]!;
  return { affiliateId, accountId };
}
