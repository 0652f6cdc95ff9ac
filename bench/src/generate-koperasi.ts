import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { signAccessToken } from './generate-shop.ts';
import { bulk, sqlArray, timed, withoutIndexes } from './pg.ts';
import { settings } from './settings.ts';

/** One generated cooperative (koperasi-sinoman) for the financial dashboard scenarios. */
export interface KoperasiFixture {
  slug: string;
  tenantId: number;
  members: number;
  /** the savings transactions generated with it (its name: koperasi-{generated}) */
  generated: number;
  /** the savings transactions it holds now (the bench scenarios add some) */
  transactions: number;
  /** admins' access tokens: requests cycle over them (each admin has the document's hourly budget) */
  adminTokens: string[];
}

const ADMINS = 50;

/** The generated cooperative with `transactions` savings transactions. */
export const koperasiSlug = (transactions: number) => `koperasi-${transactions}`;
const FIRST = [
  'Siti',
  'Budi',
  'Dewi',
  'Agus',
  'Rina',
  'Joko',
  'Wati',
  'Eko',
  'Sri',
  'Hadi',
  'Lestari',
  'Bambang',
];
const LAST = ['Rahayu', 'Santoso', 'Wijaya', 'Saputra', 'Lestari', 'Pratama', 'Kusuma', 'Hidayat', 'Nugroho'];
/** members joined over the last three years; transactions spread over the last two */
const JOIN_DAYS = 3 * 365;
const TRANSACTION_DAYS = 2 * 365;
const CHUNK = 1_000_000;

// The rollup triggers stay on while session_replication_role = replica skips the foreign keys:
// the generated rows pass through the same triggers as the application's writes.
const ROLLUP_TRIGGERS = [
  ['savings_transaction', 'savings_flow_insert'],
  ['ledger_account', 'savings_balance_insert'],
  ['cooperative_member', 'member_join_insert'],
] as const;

async function rollupTriggers(c: pg.Client, mode: 'enable always' | 'enable') {
  for (const [table, trigger] of ROLLUP_TRIGGERS)
    await c.query(`alter table ${table} ${mode} trigger ${trigger}`);
}

async function insertTenant(c: pg.Client, slug: string, hash: string): Promise<number> {
  const { rows } = await c.query<{ id: number }>(
    `insert into tenant (slug, name, profile, currency, time_zone, hosts, settings, created_at)
     values ($1, 'Koperasi Bench', 'koperasi-sinoman', 'IDR', 'Asia/Jakarta', '[]', '{}', now()) returning id`,
    [slug],
  );
  const tenantId = rows[0]!.id;
  await c.query(
    `insert into savings_product (tenant_id, public_id, code, name, description, minimum_amount, is_withdrawable,
       is_mandatory, interest_rate_bp, deposit_schedule, created_at)
     values ($1, gen_random_uuid(), 'SP', 'Simpanan Pokok', 'Simpanan wajib sekali seumur hidup saat pendaftaran', 80000, false, true, 0, 'once', now()),
            ($1, gen_random_uuid(), 'SW', 'Simpanan Wajib', 'Simpanan wajib bulanan untuk anggota aktif', 10000, false, true, 0, 'monthly', now()),
            ($1, gen_random_uuid(), 'SS', 'Simpanan Sukarela', 'Simpanan sukarela yang dapat ditarik sewaktu-waktu', 10000, true, false, 600, 'any', now())`,
    [tenantId],
  );
  await c.query(
    `insert into account (tenant_id, email, name, password_hash, roles, created_at)
     select $1, 'admin' || n || '@' || $3 || '.bench.komisi.test', 'Admin ' || n, $2, '{admin}', now()
       from generate_series(1, ${ADMINS}) n`,
    [tenantId, hash, slug],
  );
  return tenantId;
}

/**
 * `members` accounts and cooperative members, each with its SP, SW and SS account: 92% active, 4%
 * pending (their KYC pending or rejected), 2% suspended, 2% inactive. Each carries the search words
 * the application writes (name, email, member number) and the status tally is counted once at the end.
 */
async function insertMembers(c: pg.Client, tenantId: number, hash: string, members: number) {
  await c.query('drop table if exists bench_kop');
  await c.query(
    `create temp table bench_kop as
     select k, account_id, joined, name, 'anggota' || k || '@' || $2::int || '.bench.komisi.test' as email,
            'SIN-' || to_char(joined, 'YYYY') || '-' || lpad(k::text, 6, '0') as member_number
       from (select k, nextval('account_id_seq')::int as account_id,
                    now() - interval '${JOIN_DAYS} days' + (k::float8 / $1) * interval '${JOIN_DAYS} days' as joined,
                    (${sqlArray(FIRST)})[1 + k % ${FIRST.length}] || ' ' || (${sqlArray(LAST)})[1 + (k / 7) % ${LAST.length}] as name
               from generate_series(1, $1::int) k) m`,
    [members, tenantId],
  );
  await c.query('alter table bench_kop add primary key (k)');
  await c.query(
    `insert into account (id, tenant_id, email, name, phone, password_hash, roles, created_at)
     select account_id, $1, email, name, '+62812' || lpad(k::text, 8, '0'), $2, '{member}', joined
       from bench_kop`,
    [tenantId, hash],
  );
  await c.query(
    `insert into cooperative_member (tenant_id, public_id, account_id, member_number, nik_sealed, nik_digest, nik_masked,
       date_of_birth, gender, address, membership_status, kyc_status, kyc_verified_at, referral_code, join_date,
       search_vector, created_at, updated_at)
     select $1, gen_random_uuid(), account_id, member_number,
            'sealed', md5($1::int || ':' || k) || md5(k || ':' || $1::int), '350201******' || lpad((k % 10000)::text, 4, '0'),
            '1990-01-01', case when k % 2 = 0 then 'female' else 'male' end, 'Jl. Sinoman ' || k || ', Surabaya',
            s.membership, s.kyc, case when s.kyc = 'verified' then joined + interval '1 day' end,
            'B' || $1::int || 'K' || k, joined, ${searchVector('name', 'email', 'member_number')}, joined, joined
       from bench_kop
      cross join lateral (select
             case when k % 100 < 92 then 'active' when k % 100 < 96 then 'pending'
                  when k % 100 < 98 then 'suspended' else 'inactive' end as membership,
             case when k % 100 between 92 and 94 then 'pending' when k % 100 = 95 then 'rejected'
                  else 'verified' end as kyc) s`,
    [tenantId],
  );
  await c.query(
    `insert into savings_account (tenant_id, public_id, owner_account_id, product_id, account_number,
       virtual_account_number, status, opened_at, created_at, updated_at)
     select $1, gen_random_uuid(), m.account_id, p.id, 'SA-' || to_char(m.joined, 'YYYY') || '-' || lpad((m.k * 3 + p.n)::text, 7, '0'),
            '8801' || lpad(($1::int * 10000000::bigint + m.k * 3 + p.n)::text, 12, '0'), 'active', m.joined, m.joined, m.joined
       from bench_kop m
      cross join (select id, row_number() over (order by id) as n from savings_product where tenant_id = $1) p`,
    [tenantId],
  );
}

/**
 * The SQL of what the application indexes a member by (`memberSearchText`: the lower-case words of
 * the name, email and member number) for `to_tsvector('simple', …)`.
 */
export const searchVector = (...columns: string[]) =>
  `to_tsvector('simple', regexp_replace(lower(${columns.join(` || ' ' || `)}), '[^[:alnum:]]+', ' ', 'g'))`;

/**
 * Counts the cooperative's members per status pair into the tally the administrators' list reads
 * (its row trigger does not fire during a bulk load, and 100,000 updates of twelve rows in one
 * transaction would be slow anyway).
 */
export async function recountMemberTally(c: pg.Client, tenantId: number) {
  await c.query('delete from cooperative_member_tally where tenant_id = $1', [tenantId]);
  await c.query(
    `insert into cooperative_member_tally (tenant_id, membership_status, kyc_status, members)
     select tenant_id, membership_status, kyc_status, count(*) from cooperative_member
      where tenant_id = $1 group by 1, 2, 3`,
    [tenantId],
  );
}

/**
 * What the generator draws for the i-th transaction, from a hash of i (so a member's transactions
 * differ from one another): `kind` (0–99) picks the type, `size` (0–99) the amount, `status` and the
 * moment `at` (time order follows i).
 */
const draw = (i: string) => `(select h % 100 as kind, (h / 100) % 100 as size, at,
    case when at > now() - interval '2 days' and ${i} % 20 = 0 then 'pending'
         when (h / 10000) % 200 < 2 then 'failed' when (h / 10000) % 200 = 2 then 'cancelled'
         else 'completed' end as status
  from (select hashint8(${i}::bigint)::bigint & 2147483647 as h,
               now() - interval '${TRANSACTION_DAYS} days' + (${i}::float8 / $5) * interval '${TRANSACTION_DAYS} days' as at) z)`;

/**
 * `count` transactions over the last two years in time order, spread over the members (member k's
 * are i = k', k' + members, k' + 2·members, …): about 61% SS deposits, 15% SW deposits (1 to 12
 * months of dues) and 2% SP deposits (80,000), 14% SS withdrawals, 8% interest; 1% failed, 0.5%
 * cancelled, every 20th of the last two days still pending, the rest completed half an hour later.
 *
 * No Simpanan Sukarela is ever overdrawn: a withdrawal is drawn only where the member's transaction
 * before it (i − members) is a completed SS deposit of at least its amount, and no deposit covers two
 * withdrawals (the one after a withdrawal is never a withdrawal). Any other draw of a withdrawal
 * becomes an SS deposit.
 */
async function insertTransactions(c: pg.Client, tenantId: number, members: number, count: number) {
  await c.query('drop table if exists bench_kop_acc');
  await c.query(
    `create temp table bench_kop_acc as
     select m.k, p.code, a.id from bench_kop m
       join savings_account a on a.tenant_id = $1 and a.owner_account_id = m.account_id
       join savings_product p on p.id = a.product_id`,
    [tenantId],
  );
  await c.query('alter table bench_kop_acc add primary key (k, code)');
  for (let from = 1; from <= count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK - 1);
    await timed(`  transactions ${from.toLocaleString('en')}–${to.toLocaleString('en')}`, () =>
      c.query(
        `insert into savings_transaction (tenant_id, public_id, transaction_number, savings_account_id, owner_account_id,
           type_code, category, amount, balance_before, balance_after, payment_method, status, processed_at, created_at, updated_at)
         select $1::int, (lpad(to_hex($1::int), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid,
                'TXN-' || to_char(d.at, 'YYYY') || '-' || lpad(i::text, 8, '0'), a.id, m.account_id,
                t.type_code, t.category, t.amount, 0, 0, 'bank_transfer', d.status,
                case when d.status = 'completed' then d.at + interval '30 minutes' end, d.at, d.at
           from generate_series($2::int, $3::int) i
           cross join lateral (select 1 + (i::bigint * 7919) % $4 as k) r
           cross join lateral ${draw('i')} d
           cross join lateral ${draw(`(i - $4)`)} prev
           cross join lateral (select d.kind >= 57 and d.kind < 92 and i > $4 and prev.kind < 40
                                      and prev.status = 'completed' as withdrawal) w
           cross join lateral (select
                  case when d.kind < 40 then 'SS_DEPOSIT' when d.kind < 55 then 'SW_DEPOSIT' when d.kind < 57 then 'SP_DEPOSIT'
                       when d.kind >= 92 then 'SS_INTEREST' when w.withdrawal then 'SS_WITHDRAWAL' else 'SS_DEPOSIT' end as type_code,
                  case when d.kind >= 92 then 'interest' when w.withdrawal then 'withdrawal' else 'deposit' end as category,
                  case when d.kind >= 92 then 500 + (d.size % 50) * 100
                       when w.withdrawal then least(5000 + (d.size % 40) * 5000, 10000 + prev.size * 10000)
                       when d.kind >= 55 and d.kind < 57 then 80000
                       when d.kind >= 40 and d.kind < 55 then 10000 * (1 + d.size % 12)
                       else 10000 + d.size * 10000 end as amount) t
           join bench_kop m on m.k = r.k
           join bench_kop_acc a on a.k = r.k and a.code = substr(t.type_code, 1, 2)`,
        [tenantId, from, to, members, count],
      ),
    );
  }
}

/** Each savings account's ledger account, its running balance what its completed transactions left. */
async function insertBalances(c: pg.Client, tenantId: number) {
  await c.query(
    `with held as (
       select savings_account_id, sum(case when category = 'withdrawal' then -amount else amount end) as amount
         from savings_transaction where tenant_id = $1 and status = 'completed' group by 1)
     insert into ledger_account (tenant_id, code, kind, currency, owner_account_id, running_balance, created_at)
     select a.tenant_id, 'savings:' || a.id, 'liability', 'IDR', a.owner_account_id, 0 - coalesce(h.amount, 0), now()
       from savings_account a left join held h on h.savings_account_id = a.id
      where a.tenant_id = $1`,
    [tenantId],
  );
}

async function generate(c: pg.Client, slug: string, hash: string, members: number, transactions: number) {
  await rollupTriggers(c, 'enable always');
  // one transaction: a failed generation leaves no half-made cooperative to be reused
  await c.query('begin');
  try {
    await bulk(c, async () => {
      const tenantId = await timed(`${slug}: tenant, products, ${ADMINS} admins`, () =>
        insertTenant(c, slug, hash),
      );
      await timed(`${slug}: ${members.toLocaleString('en')} members with three savings accounts each`, () =>
        insertMembers(c, tenantId, hash, members),
      );
      await recountMemberTally(c, tenantId);
      await timed(`${slug}: ${transactions.toLocaleString('en')} savings transactions`, () =>
        withoutIndexes(c, 'savings_transaction', () =>
          insertTransactions(c, tenantId, members, transactions),
        ),
      );
      await c.query('analyze savings_transaction, savings_account');
      await timed(`${slug}: savings balances on the ledger`, () => insertBalances(c, tenantId));
    });
    await c.query('commit');
  } catch (e) {
    await c.query('rollback');
    throw e;
  } finally {
    await rollupTriggers(c, 'enable');
  }
  await timed('vacuum analyze (koperasi tables)', () =>
    c.query(
      'vacuum analyze savings_transaction, savings_account, ledger_account, cooperative_member, cooperative_member_tally, account, savings_flow_daily, savings_product_balance, member_savings_balance, member_join_daily',
    ),
  );
}

/** The cooperative `slug` with its data (generated once, kept with BENCH_REUSE_DB=1) and admin tokens. */
export async function prepareKoperasi(
  c: pg.Client,
  slug: string,
  transactions: number,
): Promise<KoperasiFixture> {
  const existing = await c.query('select 1 from tenant where slug = $1', [slug]);
  if (existing.rowCount === 0) {
    const hash = (await c.query<{ password_hash: string }>('select password_hash from account limit 1'))
      .rows[0]!.password_hash;
    await generate(c, slug, hash, settings.koperasiMembers, transactions);
  }
  const { rows } = await c.query<{ tenant_id: number; id: number }>(
    `select a.tenant_id, a.id from account a join tenant t on t.id = a.tenant_id
      where t.slug = $1 and 'admin' = any(a.roles) order by a.id`,
    [slug],
  );
  const tenantId = rows[0]!.tenant_id;
  // an earlier generator left no status tally, no search words and overdrawn Simpanan Sukarela
  const { rowCount: tallied } = await c.query(
    'select 1 from cooperative_member_tally where tenant_id = $1 limit 1',
    [tenantId],
  );
  if (!tallied)
    throw new Error(`${slug} was made by an earlier generator: run once without BENCH_REUSE_DB=1`);
  const { rows: counted } = await c.query<{ n: string }>(
    'select coalesce(sum(transactions), 0)::text as n from savings_flow_daily where tenant_id = $1',
    [tenantId],
  );
  const adminTokens: string[] = [];
  for (const admin of rows) {
    const sessionId = randomUUID();
    await c.query(
      `insert into session (id, tenant_id, account_id, family_id, token_hash, expires_at, created_at)
       values ($1::uuid, $2, $3::int, $1::uuid, md5($1::text) || md5($3::int::text), now() + interval '1 day', now())`,
      [sessionId, tenantId, admin.id],
    );
    adminTokens.push(
      signAccessToken(
        settings.jwtSecret,
        { accountId: admin.id, tenantId, sessionId, roles: ['admin'] },
        86_400,
      ),
    );
  }
  const { rows: joined } = await c.query<{ n: number }>(
    'select count(*)::int as n from cooperative_member where tenant_id = $1',
    [tenantId],
  );
  return {
    slug,
    tenantId,
    members: joined[0]!.n,
    generated: transactions,
    transactions: Number(counted[0]!.n),
    adminTokens,
  };
}
