import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { recountMemberTally, searchVector } from './generate-koperasi.ts';
import { signAccessToken } from './generate-shop.ts';
import { timed } from './pg.ts';
import { settings } from './settings.ts';

/** A member of the bench cooperative with a long savings history, signed in for the history scenarios. */
export interface KoperasiSaver {
  accountId: number;
  token: string;
  /** the public ids of their savings accounts, by product code */
  savingsAccounts: Record<'SP' | 'SW' | 'SS', string>;
}

const HISTORY_DAYS = 2 * 365;
const DAY_MS = 86_400_000;
const BATCH = 20_000;

/** The savers' emails: `penabung{n}@{tenant id}.bench.komisi.test`. */
const SAVER_EMAILS = `'penabung%@' || $1::int || '.bench.komisi.test'`;

/** A small deterministic generator (mulberry32): the same savers get the same history every time. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Row {
  accountId: number;
  ownerId: number;
  typeCode: string;
  category: 'deposit' | 'withdrawal' | 'interest';
  amount: number;
  uniqueCode: number;
  balanceBefore: number;
  balanceAfter: number;
  status: 'pending' | 'completed' | 'failed' | 'cancelled';
  at: Date;
  processedAt: Date | null;
  withdrawal: boolean;
}

const DESCRIPTION: Record<string, string> = {
  SP_DEPOSIT: 'Setoran simpanan pokok',
  SW_DEPOSIT: 'Setoran simpanan wajib',
  SS_DEPOSIT: 'Setoran simpanan sukarela',
  SS_WITHDRAWAL: 'Penarikan simpanan sukarela',
  SS_INTEREST: 'Bunga simpanan sukarela',
};

/**
 * One saver's `count` transactions over two years, oldest first, with the balances each left: the
 * Simpanan Pokok first, then Simpanan Wajib dues, Simpanan Sukarela deposits and withdrawals (never
 * more than the balance) and interest. 1.5% fail and 0.5% are cancelled (neither moves money); a
 * deposit of the last two days may still be pending.
 */
function history(
  owner: number,
  accounts: Record<'SP' | 'SW' | 'SS', number>,
  count: number,
  now: number,
): { rows: Row[]; balances: Record<'SP' | 'SW' | 'SS', number> } {
  const next = random(owner);
  const balances = { SP: 0, SW: 0, SS: 0 };
  const rows: Row[] = [];
  const start = now - HISTORY_DAYS * DAY_MS;
  for (let j = 0; j < count; j++) {
    const at = new Date(start + ((j + 0.2 + next() * 0.6) / count) * HISTORY_DAYS * DAY_MS);
    const r = next();
    let code: 'SP' | 'SW' | 'SS' = 'SS';
    let typeCode = 'SS_DEPOSIT';
    let amount = 10_000 * (1 + Math.floor(next() * 100));
    if (j === 0) {
      code = 'SP';
      typeCode = 'SP_DEPOSIT';
      amount = 80_000;
    } else if (r < 0.12) {
      code = 'SW';
      typeCode = 'SW_DEPOSIT';
      amount = 10_000 * (1 + Math.floor(next() * 3));
    } else if (r < 0.2 && balances.SS > 0) {
      typeCode = 'SS_INTEREST';
      amount = Math.max(100, Math.floor(balances.SS / 200));
    } else if (r < 0.45) {
      const wanted = 5_000 * (2 + Math.floor(next() * 60));
      const affordable = Math.floor((balances.SS * 0.6) / 5_000) * 5_000;
      if (affordable >= 10_000) {
        typeCode = 'SS_WITHDRAWAL';
        amount = Math.min(wanted, affordable);
      }
    }
    const category = typeCode.endsWith('_WITHDRAWAL')
      ? 'withdrawal'
      : typeCode.endsWith('_INTEREST')
        ? 'interest'
        : 'deposit';
    const fate = next();
    const status: Row['status'] =
      category === 'interest'
        ? 'completed'
        : category === 'deposit' && now - at.getTime() < 2 * DAY_MS && fate < 0.5
          ? 'pending'
          : fate < 0.015
            ? 'failed'
            : fate < 0.02
              ? 'cancelled'
              : 'completed';
    const sign = category === 'withdrawal' ? -1 : 1;
    const before = balances[code];
    if (status === 'completed') balances[code] += sign * amount;
    rows.push({
      accountId: accounts[code],
      ownerId: owner,
      typeCode,
      category,
      amount,
      uniqueCode: category === 'deposit' ? 1 + Math.floor(next() * 999) : 0,
      balanceBefore: before,
      balanceAfter: before + sign * amount,
      status,
      at,
      processedAt:
        status === 'completed'
          ? new Date(at.getTime() + (category === 'withdrawal' ? DAY_MS : 30 * 60_000))
          : null,
      withdrawal: category === 'withdrawal',
    });
  }
  return { rows, balances };
}

/** The savers' accounts, cooperative members and savings accounts (member numbers after the generated ones). */
async function insertSavers(c: pg.Client, tenantId: number, hash: string, first: number, n: number) {
  await c.query(
    `with made as (
       select s, $3::int + s as k, nextval('account_id_seq')::int as account_id,
              now() - interval '${HISTORY_DAYS + 30} days' - s * interval '1 hour' as joined
         from generate_series(1, $4::int) s),
     accounts as (
       insert into account (id, tenant_id, email, name, phone, password_hash, roles, created_at)
       select account_id, $1, 'penabung' || s || '@' || $1::int || '.bench.komisi.test',
              'Penabung ' || (array['Siti','Budi','Dewi','Agus','Rina','Joko'])[1 + s % 6] || ' ' || s,
              '+62813' || lpad(s::text, 8, '0'), $2, '{member}', joined
         from made returning id, email, name, created_at)
     insert into cooperative_member (tenant_id, public_id, account_id, member_number, nik_sealed, nik_digest, nik_masked,
       date_of_birth, gender, address, membership_status, kyc_status, kyc_verified_at, referral_code, join_date,
       search_vector, created_at, updated_at)
     select $1, gen_random_uuid(), a.id, n.member_number, 'sealed', md5('saver:' || $1::int || ':' || m.k) || md5(m.k || ':saver'),
            '350202******' || lpad((m.k % 10000)::text, 4, '0'), '1985-06-15', 'female', 'Jl. Penabung ' || m.s || ', Surabaya',
            'active', 'verified', m.joined + interval '1 day', 'S' || $1::int || 'K' || m.k, m.joined,
            ${searchVector('a.name', 'a.email', 'n.member_number')}, m.joined, m.joined
       from made m join accounts a on a.id = m.account_id
      cross join lateral (select 'SIN-' || to_char(m.joined, 'YYYY') || '-' || lpad(m.k::text, 6, '0') as member_number) n`,
    [tenantId, hash, first, n],
  );
  await c.query(
    `insert into savings_account (tenant_id, public_id, owner_account_id, product_id, account_number,
       virtual_account_number, status, opened_at, created_at, updated_at)
     select $1, gen_random_uuid(), a.id, p.id, 'SA-' || to_char(a.created_at, 'YYYY') || '-' || lpad((9000000 + s.n * 3 + p.n)::text, 7, '0'),
            '8802' || lpad(($1::int * 10000000::bigint + s.n * 3 + p.n)::text, 12, '0'), 'active', a.created_at, a.created_at, a.created_at
       from account a
      cross join lateral (select substring(a.email from '^penabung([0-9]+)@')::int as n) s
      cross join (select id, row_number() over (order by id) as n from savings_product where tenant_id = $1) p
      where a.tenant_id = $1 and a.email like ${SAVER_EMAILS}`,
    [tenantId],
  );
}

async function insertHistory(c: pg.Client, tenantId: number, rows: Row[], firstNumber: number) {
  for (let from = 0; from < rows.length; from += BATCH) {
    const batch = rows.slice(from, from + BATCH);
    const col = <T>(f: (r: Row) => T) => batch.map(f);
    await c.query(
      `insert into savings_transaction (tenant_id, public_id, transaction_number, savings_account_id, owner_account_id,
         type_code, category, amount, unique_code, description, balance_before, balance_after, payment_method,
         payment_reference, status, bank_account, processed_at, created_at, updated_at)
       select $1, gen_random_uuid(), t.number, t.account, t.owner, t.type_code, t.category, t.amount, t.unique_code,
              t.description, t.before, t.after, case when t.category = 'interest' then null else 'bank_transfer' end,
              case when t.category = 'deposit' then t.number end, t.status,
              case when t.category = 'withdrawal' then jsonb_build_object('bank_name', 'Bank BCA',
                'account_number', lpad(t.owner::text, 10, '0'), 'account_name', 'Penabung ' || t.owner) end,
              t.processed_at, t.at, coalesce(t.processed_at, t.at)
         from unnest($2::text[], $3::int[], $4::int[], $5::text[], $6::text[], $7::bigint[], $8::int[], $9::text[],
                     $10::bigint[], $11::bigint[], $12::text[], $13::timestamptz[], $14::timestamptz[])
           as t(number, account, owner, type_code, category, amount, unique_code, description, before, after, status,
                processed_at, at)`,
      [
        tenantId,
        batch.map(
          (r, i) => `TXN-${r.at.getUTCFullYear()}-9${String(firstNumber + from + i).padStart(8, '0')}`,
        ),
        col((r) => r.accountId),
        col((r) => r.ownerId),
        col((r) => r.typeCode),
        col((r) => r.category),
        col((r) => r.amount),
        col((r) => r.uniqueCode),
        col((r) => DESCRIPTION[r.typeCode] ?? null),
        col((r) => r.balanceBefore),
        col((r) => r.balanceAfter),
        col((r) => r.status),
        col((r) => r.processedAt),
        col((r) => r.at),
      ],
    );
  }
}

/**
 * `n` savers joined to the cooperative, each with `perSaver` transactions over two years and the
 * ledger balances those left, written through the application's triggers (rollups, status tally).
 */
async function generateSavers(c: pg.Client, tenantId: number, n: number, perSaver: number) {
  const hash = (await c.query<{ password_hash: string }>('select password_hash from account limit 1'))
    .rows[0]!.password_hash;
  const { rows: counted } = await c.query<{ n: number }>(
    'select count(*)::int as n from cooperative_member where tenant_id = $1',
    [tenantId],
  );
  await c.query('begin');
  try {
    await insertSavers(c, tenantId, hash, counted[0]!.n, n);
    const { rows: owned } = await c.query<{ owner: number; code: 'SP' | 'SW' | 'SS'; id: number }>(
      `select a.owner_account_id as owner, p.code, a.id from savings_account a
         join savings_product p on p.id = a.product_id
         join account o on o.id = a.owner_account_id
        where a.tenant_id = $1 and o.email like ${SAVER_EMAILS}
        order by a.owner_account_id`,
      [tenantId],
    );
    const byOwner = new Map<number, Record<'SP' | 'SW' | 'SS', number>>();
    for (const r of owned) byOwner.set(r.owner, { ...byOwner.get(r.owner)!, [r.code]: r.id });
    const now = Date.now();
    const rows: Row[] = [];
    const ledger: { account: number; owner: number; balance: number }[] = [];
    for (const [owner, accounts] of byOwner) {
      const made = history(owner, accounts, perSaver, now);
      rows.push(...made.rows);
      for (const code of ['SP', 'SW', 'SS'] as const)
        ledger.push({ account: accounts[code], owner, balance: made.balances[code] });
    }
    // the table's rows in time order, as the application would have written them
    rows.sort((a, b) => a.at.getTime() - b.at.getTime());
    await insertHistory(c, tenantId, rows, 1);
    // a savings balance is the ledger account's running balance, minus (a liability)
    await c.query(
      `insert into ledger_account (tenant_id, code, kind, currency, owner_account_id, running_balance, created_at)
       select $1, 'savings:' || l.account, 'liability', 'IDR', l.owner, -l.balance, now()
         from unnest($2::int[], $3::int[], $4::bigint[]) as l(account, owner, balance)`,
      [tenantId, ledger.map((l) => l.account), ledger.map((l) => l.owner), ledger.map((l) => l.balance)],
    );
    await recountMemberTally(c, tenantId);
    await c.query('commit');
  } catch (e) {
    await c.query('rollback');
    throw e;
  }
  await c.query('vacuum analyze savings_transaction, cooperative_member, account, ledger_account');
}

/**
 * The bench cooperative's savers (`settings.koperasiSavers`, generated once, kept with
 * BENCH_REUSE_DB=1), each signed in with a fresh session for this run.
 */
export async function prepareSavers(c: pg.Client, tenantId: number): Promise<KoperasiSaver[]> {
  const { rows: have } = await c.query<{ n: number }>(
    `select count(*)::int as n from account where tenant_id = $1 and email like ${SAVER_EMAILS}`,
    [tenantId],
  );
  if (have[0]!.n === 0 && settings.koperasiSavers > 0) {
    await timed(
      `${settings.koperasiSavers} savers with ${settings.koperasiSaverTransactions} savings transactions each`,
      () => generateSavers(c, tenantId, settings.koperasiSavers, settings.koperasiSaverTransactions),
    );
  }
  const { rows } = await c.query<{ id: number; accounts: Record<string, string> }>(
    `select o.id, jsonb_object_agg(p.code, a.public_id) as accounts
       from account o join savings_account a on a.owner_account_id = o.id
       join savings_product p on p.id = a.product_id
      where o.tenant_id = $1 and o.email like ${SAVER_EMAILS}
      group by o.id order by o.id`,
    [tenantId],
  );
  const savers: KoperasiSaver[] = [];
  for (const r of rows) {
    const sessionId = randomUUID();
    await c.query(
      `insert into session (id, tenant_id, account_id, family_id, token_hash, expires_at, created_at)
       values ($1::uuid, $2, $3::int, $1::uuid, md5($1::text) || md5($3::int::text), now() + interval '1 day', now())`,
      [sessionId, tenantId, r.id],
    );
    savers.push({
      accountId: r.id,
      token: signAccessToken(
        settings.jwtSecret,
        { accountId: r.id, tenantId, sessionId, roles: ['member'] },
        86_400,
      ),
      savingsAccounts: r.accounts as KoperasiSaver['savingsAccounts'],
    });
  }
  return savers;
}
