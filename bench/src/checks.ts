import { withClient } from './pg.ts';
import { settings } from './settings.ts';

/** After the confirm scenario: every handed-out order paid once, 11 commissions each, ledger balanced. */
export async function checkConfirmations(orderIds: number[]): Promise<{ notes: string[]; flags: string[] }> {
  return withClient(settings.databaseUrl, async (c) => {
    const { rows } = await c.query<{ paid: number; commissions: number; odd: number; ledger: string }>(
      `select (select count(*)::int from customer_order where id = any($1) and status = 'paid') as paid,
              (select count(*)::int from commission where order_id = any($1)) as commissions,
              (select count(*)::int from (select order_id from commission where order_id = any($1)
                                          group by order_id having count(*) <> 11) x) as odd,
              (select coalesce(sum(amount), 0)::text from ledger_posting) as ledger`,
      [orderIds],
    );
    const r = rows[0]!;
    const notes = [
      `${orderIds.length} orders handed out, ${r.paid} now paid, ${r.commissions} commission rows (${(r.commissions / Math.max(1, r.paid)).toFixed(1)} per order); ledger postings sum to ${r.ledger}`,
    ];
    const flags: string[] = [];
    if (r.odd > 0) flags.push(`${r.odd} orders do not have exactly 11 commission rows`);
    if (r.ledger !== '0') flags.push(`ledger unbalanced by ${r.ledger}`);
    return { notes, flags };
  });
}

export async function postgresVersion(): Promise<string> {
  return withClient(settings.databaseUrl, async (c) => {
    const { rows } = await c.query<{ v: string }>(`select split_part(version(), ' on ', 1) as v`);
    return rows[0]!.v;
  });
}
