import { withClient } from './pg.ts';
import { settings } from './settings.ts';

/**
 * After the confirm scenario: every handed-out order paid once, 11 commissions each, one receipt
 * and one commission entry per paid order, every entry balanced and the ledger as a whole too.
 */
export async function checkConfirmations(orderIds: number[]): Promise<{ notes: string[]; flags: string[] }> {
  return withClient(settings.databaseUrl, async (c) => {
    const { rows } = await c.query<{
      paid: number;
      commissions: number;
      odd: number;
      receipts: number;
      entries: number;
      unbalanced: number;
      ledger: string;
    }>(
      `with o as (select o.id, o.status, o.payment_id from customer_order o where o.id = any($1)),
            e as (select e.id from ledger_entry e join o on e.idempotency_key = 'payment:' || o.payment_id || ':received'
                  union all
                  select e.id from ledger_entry e join order_item i on e.idempotency_key = 'order-item:' || i.id || ':commissions'
                  join o on o.id = i.order_id)
       select (select count(*)::int from o where status = 'paid') as paid,
              (select count(*)::int from commission where order_id = any($1)) as commissions,
              (select count(*)::int from (select order_id from commission where order_id = any($1)
                                          group by order_id having count(*) <> 11) x) as odd,
              (select count(*)::int from ledger_entry e join o on e.idempotency_key = 'payment:' || o.payment_id || ':received') as receipts,
              (select count(*)::int from e) as entries,
              (select count(*)::int from (select p.entry_id from ledger_posting p join e on e.id = p.entry_id
                                          group by p.entry_id having sum(p.amount) <> 0 or count(*) < 2) x) as unbalanced,
              (select coalesce(sum(amount), 0)::text from ledger_posting) as ledger`,
      [orderIds],
    );
    const r = rows[0]!;
    const notes = [
      `${orderIds.length} orders handed out, ${r.paid} now paid, ${r.commissions} commission rows (${(r.commissions / Math.max(1, r.paid)).toFixed(1)} per order), ${r.receipts} receipts and ${r.entries - r.receipts} commission entries; ledger postings sum to ${r.ledger}`,
    ];
    const flags: string[] = [];
    if (r.odd > 0) flags.push(`${r.odd} orders do not have exactly 11 commission rows`);
    if (r.receipts !== r.paid || r.entries !== 2 * r.paid)
      flags.push(
        `${r.paid} orders paid but ${r.receipts} receipts and ${r.entries - r.receipts} commission entries`,
      );
    if (r.unbalanced > 0) flags.push(`${r.unbalanced} ledger entries of these orders do not balance`);
    if (r.ledger !== '0') flags.push(`ledger unbalanced by ${r.ledger}`);
    return { notes, flags };
  });
}

/**
 * After deposit-settlement: each deposit handed out and settled is completed with its payment,
 * credited once (one posting of exactly its amount on the member's savings, one receipt) and its
 * balances moved by its amount; the cooperative's ledger entries each sum to 0; no savings account
 * is overdrawn. A few handed out at the end of each load run are never sent (autocannon stops).
 */
export async function checkDepositSettlements(
  tenantId: number,
  orderIds: string[],
): Promise<{ notes: string[]; flags: string[] }> {
  return withClient(settings.databaseUrl, async (c) => {
    const { rows } = await c.query<{
      settled: number;
      credits: number;
      once: number;
      receipts: number;
      moved: number;
      ledger: string;
      unbalanced: number;
      overdrawn: number;
    }>(
      `with d as (
         select t.id, t.amount, t.status = 'completed' and p.status = 'completed' as settled,
                t.balance_after - t.balance_before = t.amount as moved,
                (select count(*) from ledger_entry e join ledger_posting lp on lp.entry_id = e.id
                   join ledger_account la on la.id = lp.ledger_account_id and la.code = 'savings:' || t.savings_account_id
                  where e.tenant_id = $1 and e.idempotency_key = 'savings-deposit:' || t.id || ':credited'
                    and lp.amount = -t.amount) as credits,
                (select count(*) from ledger_entry e
                  where e.tenant_id = $1 and e.idempotency_key = 'payment:' || p.id || ':received') as receipts
           from savings_transaction t join payment p on p.tenant_id = t.tenant_id and p.id = t.payment_id
          where t.tenant_id = $1 and t.transaction_number = any($2))
       select count(*) filter (where settled)::int as settled,
              coalesce(sum(credits), 0)::int as credits,
              count(*) filter (where settled and credits = 1 and receipts = 1)::int as once,
              coalesce(sum(receipts), 0)::int as receipts,
              count(*) filter (where settled and moved)::int as moved,
              (select coalesce(sum(amount), 0)::text from ledger_posting where tenant_id = $1) as ledger,
              (select count(*)::int from (select entry_id from ledger_posting where tenant_id = $1
                  group by entry_id having sum(amount) <> 0) x) as unbalanced,
              (select count(*)::int from ledger_account where tenant_id = $1 and code ~ '^savings:[0-9]+$'
                  and running_balance > 0) as overdrawn
         from d`,
      [tenantId, orderIds],
    );
    const r = rows[0]!;
    const n = orderIds.length;
    const notes = [
      `${n} deposits handed out, ${r.settled} settled (${n - r.settled} cut off at the end of a load run), ${r.once} credited exactly once with their amount and one receipt, ${r.moved} with balance_after − balance_before = amount; ledger postings sum to ${r.ledger}; ${r.overdrawn} savings accounts overdrawn`,
    ];
    const flags: string[] = [];
    if (r.once !== r.settled || r.credits !== r.settled || r.receipts !== r.settled)
      flags.push(
        `${r.settled} deposits settled but ${r.credits} savings credits, ${r.receipts} receipts, ${r.once} exactly once`,
      );
    if (r.moved !== r.settled)
      flags.push(`${r.settled - r.moved} settled deposits' balances do not move by their amount`);
    // each load run (warm-up and measured, ours and bare) may stop with a request per connection unsent
    if (n - r.settled > 4 * settings.rounds * settings.connections + 2)
      flags.push(`${n - r.settled} handed-out deposits were not settled`);
    if (r.ledger !== '0') flags.push(`ledger unbalanced by ${r.ledger}`);
    if (r.unbalanced > 0) flags.push(`${r.unbalanced} ledger entries do not sum to 0`);
    if (r.overdrawn > 0) flags.push(`${r.overdrawn} savings accounts are overdrawn`);
    return { notes, flags };
  });
}

/**
 * After checkout-settlement: each order handed out and settled is paid once (one `paid` event, its
 * payment completed, one receipt of exactly its amount), its products' sold counts moved by what it
 * sold (its stock was taken at checkout, and no variant is below 0); the shop's ledger entries each sum to 0.
 */
export async function checkShopSettlements(
  tenantId: number,
  orderIds: number[],
  soldBefore: Map<number, number>,
): Promise<{ notes: string[]; flags: string[] }> {
  return withClient(settings.databaseUrl, async (c) => {
    const { rows } = await c.query<{
      paid: number;
      once: number;
      ledger: string;
      unbalanced: number;
      sold: { id: number; sold: number; quantity: number }[];
      negative: number;
    }>(
      `with o as (
         select o.id, o.status = 'paid' and p.status = 'completed' as paid,
                (select count(*) from order_status_event e where e.order_id = o.id and e.status = 'paid') as events,
                (select count(*) from ledger_entry e join ledger_posting lp on lp.entry_id = e.id
                  where e.tenant_id = $1 and e.idempotency_key = 'payment:' || p.id || ':received'
                    and lp.amount = o.total_amount) as receipts
           from customer_order o join payment p on p.tenant_id = o.tenant_id and p.id = o.payment_id
          where o.tenant_id = $1 and o.id = any($2))
       select count(*) filter (where paid)::int as paid,
              count(*) filter (where paid and events = 1 and receipts = 1)::int as once,
              (select coalesce(sum(amount), 0)::text from ledger_posting where tenant_id = $1) as ledger,
              (select count(*)::int from (select entry_id from ledger_posting where tenant_id = $1
                  group by entry_id having sum(amount) <> 0) x) as unbalanced,
              (select coalesce(json_agg(x), '[]') from (
                 select p.id, p.sold_count as sold,
                        (select coalesce(sum(i.quantity), 0)::int from order_item i join customer_order co on co.id = i.order_id
                          where i.product_id = p.id and co.id = any($2) and co.status = 'paid') as quantity
                 from product p where p.id = any($3)) x) as sold,
              (select count(*)::int from product_variant where tenant_id = $1 and stock < 0) as negative
         from o`,
      [tenantId, orderIds, [...soldBefore.keys()]],
    );
    const r = rows[0]!;
    const n = orderIds.length;
    const soldWrong = r.sold.filter((p) => p.sold - (soldBefore.get(p.id) ?? 0) !== p.quantity).length;
    const notes = [
      `${n} orders handed out, ${r.paid} paid (${n - r.paid} cut off at the end of a load run), ${r.once} paid exactly once (one paid event, one receipt of the order's total); ledger postings sum to ${r.ledger}`,
    ];
    const flags: string[] = [];
    if (r.once !== r.paid) flags.push(`${r.paid} orders paid but only ${r.once} exactly once`);
    if (n - r.paid > 4 * settings.rounds * settings.connections + 2)
      flags.push(`${n - r.paid} handed-out orders were not paid`);
    if (soldWrong > 0) flags.push(`${soldWrong} products' sold counts did not move by what was paid`);
    if (r.negative > 0) flags.push(`${r.negative} variants have stock below 0`);
    if (r.ledger !== '0') flags.push(`ledger unbalanced by ${r.ledger}`);
    if (r.unbalanced > 0) flags.push(`${r.unbalanced} ledger entries do not sum to 0`);
    return { notes, flags };
  });
}

export async function postgresVersion(): Promise<string> {
  return withClient(settings.databaseUrl, async (c) => {
    const { rows } = await c.query<{ v: string }>(`select split_part(version(), ' on ', 1) as v`);
    return rows[0]!.v;
  });
}
