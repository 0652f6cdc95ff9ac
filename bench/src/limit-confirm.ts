// The limit twin of POST /orders/confirm-payment: the same effects as ours — the payment claimed
// (its row lock queues concurrent confirmations), its receipt entry, the order paid, each line's
// stockist and ten generations as commission rows with their ledger entry, once — in the fewest
// round trips: one read (order, payment and the sandbox gateway's word) and one autocommit
// statement of data-modifying CTEs. A posting to an account that does not exist yet fails that
// statement (ledger_account_id is not null): the accounts are then created and it is sent again.
import { Hono } from 'hono';
import type pg from 'pg';
import { createBareAuth } from './bare-auth.ts';
import { GENERATION_BPS } from './bare-commission.ts';
import { HttpError } from './bare-http.ts';

const STOCKIST_BPS = 800;
const ORDER_LABEL: Record<string, string> = {
  pending_payment: 'Pending Payment',
  paid: 'Paid',
  payment_failed: 'Payment Failed',
};

// $1 tenant, $2 payment, $3 now, $4 rates (stockist first, then GN1…GN10); $5 currency (accounts only)
const CLAIMED = `claimed as (
    update payment set status = 'completed', paid_at = $3, failed_at = null
    where tenant_id = $1 and id = $2 and status = 'pending'
    returning id, amount, provider, merchant_reference, subject_id)`;
/** the paid order's lines, each beneficiary's cut (stockist depth -1, GN1 depth 0, …) and the accounts they post to */
const LINES = (orderOf: string) => `moved as (${orderOf}),
  item as (select i.id, i.amount, i.sponsor_id, i.stockist_id from order_item i join moved on moved.id = i.order_id
           where i.tenant_id = $1),
  chain as (select item.id as item_id, u.account_id, u.depth from item cross join lateral (
              select item.stockist_id as account_id, -1 as depth where item.stockist_id is not null
              union all select item.sponsor_id, 0 where item.sponsor_id is not null
              union all select l.ancestor_id, l.depth from network_link l
                         where l.tenant_id = $1 and l.descendant_id = item.sponsor_id and l.depth < ${GENERATION_BPS.length}) u),
  line as (select chain.item_id, chain.depth, chain.account_id,
                  case when chain.depth = -1 then 'Stockist' else 'GN' || (chain.depth + 1) end as level,
                  case when chain.depth = -1 then 'stockist' else 'network' end as kind,
                  r.bps, item.amount * r.bps / 10000 as amount
           from chain join item on item.id = chain.item_id
           join unnest($4::int[]) with ordinality as r(bps, n) on r.n = chain.depth + 2
           join account a on a.id = chain.account_id and a.tenant_id = $1
           join network_member m on m.account_id = a.id and m.status = 'active' and m.suspended_at is null
           where item.amount * r.bps / 10000 > 0),
  wanted as (select 'company:clearing:' || provider as code, 'asset' as kind, null::int as owner from claimed
             union all select 'company:sales-revenue', 'revenue', null from claimed
             union all select distinct 'company:commission-expense', 'expense', null::int from line
             union all select distinct 'member:' || account_id || ':commissions', 'liability', account_id from line)`;

const SETTLE = `with ${CLAIMED},
  ${LINES(`update customer_order o set status = 'paid', paid_at = $3 from claimed
           where o.tenant_id = $1 and o.id = claimed.subject_id and o.status = 'pending_payment'
             and o.order_number is null returning o.id`)},
  account_of as (select id, code from ledger_account where tenant_id = $1 and code in (select code from wanted)),
  receipt as (insert into ledger_entry (tenant_id, idempotency_key, description, created_at)
              select $1, 'payment:' || id || ':received', 'Payment ' || merchant_reference || ' received', $3 from claimed
              on conflict (tenant_id, idempotency_key) do nothing returning id),
  receipt_posting as (insert into ledger_posting (tenant_id, entry_id, ledger_account_id, amount)
              select $1, receipt.id, (select id from account_of where code = x.code), x.amount
              from receipt, claimed, lateral (values ('company:clearing:' || claimed.provider, claimed.amount, 1),
                                                     ('company:sales-revenue', -claimed.amount, 2)) x(code, amount, n)
              order by x.n returning 1),
  sale as (select item_id, sum(amount) as total from line group by item_id),
  entry as (insert into ledger_entry (tenant_id, idempotency_key, description, created_at)
            select $1, 'order-item:' || sale.item_id || ':commissions', 'Commissions from Order #' || moved.id, $3
            from sale, moved on conflict (tenant_id, idempotency_key) do nothing returning id, idempotency_key),
  entry_of as (select entry.id, sale.item_id, sale.total from entry
               join sale on entry.idempotency_key = 'order-item:' || sale.item_id || ':commissions'),
  posting as (insert into ledger_posting (tenant_id, entry_id, ledger_account_id, amount)
              select $1, e.id, (select id from account_of where code = p.code), p.amount
              from entry_of e cross join lateral (
                select 'company:commission-expense' as code, e.total as amount, -2 as depth
                union all select 'member:' || line.account_id || ':commissions', -line.amount, line.depth
                from line where line.item_id = e.item_id) p
              order by e.item_id, p.depth returning 1),
  commission_row as (insert into commission (tenant_id, beneficiary_id, kind, level, rate_bps, amount, description,
                   order_id, reference_type, reference_id, ledger_entry_id, created_at)
              select $1, line.account_id, line.kind, line.level, line.bps, line.amount,
                     line.level || ' Commission from Order #' || moved.id, moved.id, 'order', line.item_id, e.id, $3
              from line join entry_of e on e.item_id = line.item_id, moved
              order by line.item_id, line.depth returning amount)
  select (select count(*)::int from claimed) as claimed, (select count(*)::int from moved) as moved,
         (select count(*)::int from commission_row) as commissions,
         (select coalesce(sum(amount), 0)::text from commission_row) as total`;

/** The accounts the settlement would post to, created (the retry after a first posting to one). */
const CREATE_ACCOUNTS = `with claimed as (select id, amount, provider, merchant_reference, subject_id
                                          from payment where tenant_id = $1 and id = $2 and $3::timestamptz is not null),
  ${LINES('select subject_id as id from claimed')}
  insert into ledger_account (tenant_id, code, kind, currency, owner_account_id, running_balance, created_at)
  select $1, code, kind, $5, owner, null, $3 from wanted where cardinality($4::int[]) > 0
  on conflict (tenant_id, code) do nothing`;

export async function mountLimitConfirm(app: Hono, pool: pg.Pool, slug: string, jwtSecret: string) {
  const { rows } = await pool.query<{ id: number; currency: string }>(
    'select id, currency from tenant where slug = $1',
    [slug],
  );
  const { id: tenantId, currency } = rows[0]!;
  const authenticate = createBareAuth(pool, jwtSecret, tenantId);
  const rates = [STOCKIST_BPS, ...GENERATION_BPS];

  const api = new Hono();
  api.post('/orders/confirm-payment', async (c) => {
    const buyerId = await authenticate(c.req.header('authorization'));
    if (buyerId === null) throw new HttpError(401, 'Unauthenticated.');
    const body = (await c.req.json()) as { order_id?: unknown };
    const orderId = Number(body.order_id);
    if (!Number.isSafeInteger(orderId) || orderId < 1) throw new HttpError(400, 'invalid order_id');
    const found = await pool.query<{
      payment_id: number | null;
      status: string | null;
      remote: string | null;
    }>(
      `select o.payment_id, p.status, s.status as remote
       from customer_order o
       left join payment p on p.tenant_id = o.tenant_id and p.id = o.payment_id and p.purpose = 'order'
       left join sandbox_charge s on s.reference = p.provider_reference
       where o.tenant_id = $1 and o.id = $2 and o.account_id = $3`,
      [tenantId, orderId, buyerId],
    );
    const order = found.rows[0];
    if (!order) throw new HttpError(404, 'Order not found');
    if (order.payment_id === null) throw new HttpError(400, 'This order has no payment to confirm');
    if (order.status === null) throw new HttpError(404, 'Payment not found');
    if (order.status === 'failed') throw new HttpError(400, 'Payment failed');
    if (order.status === 'pending') {
      if (order.remote !== 'completed') throw new HttpError(400, `Payment is ${order.remote ?? 'unknown'}`);
      const params = [tenantId, order.payment_id, new Date(), rates];
      const settle = () =>
        pool.query<{ claimed: number; moved: number; commissions: number; total: string }>(SETTLE, params);
      const settled = await settle().catch(async (e: { code?: string }) => {
        if (e.code !== '23502') throw e; // not null: an account's first posting
        await pool.query(CREATE_ACCOUNTS, [...params, currency]);
        return settle();
      });
      const r = settled.rows[0]!;
      if (r.claimed && r.moved) {
        return c.json({
          code: 1,
          message: 'Payment confirmed successfully. Commissions have been distributed.',
          data: {
            order_id: orderId,
            status: ORDER_LABEL.paid,
            commissions_created: r.commissions,
            total_commission: Number(r.total),
          },
        });
      }
    }
    // settled before, or by the concurrent confirmation this one queued behind
    const read = await pool.query<{ status: string; payment_status: string; count: number; total: string }>(
      `select o.status, p.status as payment_status,
              (select count(*)::int from commission c where c.tenant_id = $1 and c.order_id = o.id) as count,
              (select coalesce(sum(amount), 0)::text from commission c where c.tenant_id = $1 and c.order_id = o.id) as total
       from customer_order o join payment p on p.id = o.payment_id where o.tenant_id = $1 and o.id = $2`,
      [tenantId, orderId],
    );
    const r = read.rows[0]!;
    if (r.payment_status === 'failed') throw new HttpError(400, 'Payment failed');
    return c.json({
      code: 1,
      message: 'Payment confirmed successfully. Commissions have been distributed.',
      data: {
        order_id: orderId,
        status: ORDER_LABEL[r.status],
        commissions_created: r.count,
        total_commission: Number(r.total),
      },
    });
  });
  app.route(`/t/${slug}/api`, api);
}
