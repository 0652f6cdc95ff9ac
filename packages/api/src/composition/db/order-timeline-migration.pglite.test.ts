import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Orm } from '../../kernel/database.ts';
import { createOrm } from './orm.ts';

// Migration20261123000100_order_timeline backfills one event per existing shop order: migrate to the
// migration before it, write orders, then migrate the rest.
let orm: Orm;
const sql = <T>(query: string, params: unknown[] = []) =>
  orm.em.fork().getConnection().execute<T[]>(query, params);

beforeAll(async () => {
  orm = await createOrm({ pgliteDir: 'memory://' });
  await orm.migrator.up({ to: 'Migration20261122231446_product_summary' });
  const [tenant] = await sql<{ id: number }>(
    `insert into tenant (slug, name, profile, currency, time_zone, created_at)
     values ('shop', 'Shop', 'ansania-ecommerce', 'IDR', 'Asia/Jakarta', now()) returning id`,
  );
  const [account] = await sql<{ id: number }>(
    `insert into account (tenant_id, email, name, password_hash, created_at)
     values (?, 'c@example.com', 'C', 'x', now()) returning id`,
    [tenant!.id],
  );
  const orders: [string | null, string, string | null, string | null][] = [
    // order number, status, paid_at, cancelled_at
    ['ORD-1', 'pending_payment', null, null],
    ['ORD-2', 'shipped', '2026-01-02T00:00:00Z', null],
    ['ORD-3', 'cancelled', null, '2026-01-03T00:00:00Z'],
    [null, 'paid', '2026-01-04T00:00:00Z', null], // an MLM order: not a shop order
  ];
  for (const [number, status, paidAt, cancelledAt] of orders) {
    await sql(
      `insert into customer_order (tenant_id, account_id, status, total_amount, currency, payment_method,
         customer_name, created_at, paid_at, order_number, cancelled_at, cancel_reason)
       values (?, ?, ?, 1000, 'IDR', 'va', 'C', '2026-01-01T00:00:00Z', ?, ?, ?, ?)`,
      [tenant!.id, account!.id, status, paidAt, number, cancelledAt, cancelledAt ? 'Changed my mind' : null],
    );
  }
  await orm.migrator.up();
});

afterAll(async () => {
  await orm?.close();
});

describe('order timeline migration', () => {
  it('backfills each shop order’s current status, dated when it got there', async () => {
    const rows = await sql<{ order_number: string; status: string; note: string | null; at: string }>(
      `select o.order_number, e.status, e.note, to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD') as at
       from order_status_event e join customer_order o on o.id = e.order_id order by o.order_number`,
    );
    expect(rows).toEqual([
      { order_number: 'ORD-1', status: 'pending_payment', note: null, at: '2026-01-01' },
      { order_number: 'ORD-2', status: 'shipped', note: null, at: '2026-01-02' },
      { order_number: 'ORD-3', status: 'cancelled', note: 'Changed my mind', at: '2026-01-03' },
    ]);
  });
});
