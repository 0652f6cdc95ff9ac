import type pg from 'pg';
import { bulk } from './pg.ts';

export interface OrderParties {
  /** order k belongs to buyer k mod n */
  buyerAccountIds: number[];
  sponsorAccountId: number;
  stockistAccountId: number;
}

/**
 * `count` single-item orders of the buyers awaiting payment, as `OrdersService.create` leaves them
 * (order, item with sponsor and stockist, pending payment), except that the sandbox gateway already
 * reports each charge completed: confirming one does the whole settlement.
 */
export async function generateOrders(
  client: pg.Client,
  tenantId: number,
  parties: OrderParties,
  count: number,
  /** makes the references unique beside earlier orders' (a top-up of a reused database) */
  batch = '',
): Promise<void> {
  await bulk(client, async () => {
    await client.query(`drop table if exists bench_ord`);
    await client.query(
      `create temp table bench_ord as
       with products as (select array_agg(id order by id) ids from product where tenant_id = $1)
       select k, nextval('customer_order_id_seq')::int as order_id, nextval('payment_id_seq')::int as payment_id,
              products.ids[1 + (k::bigint * 7919) % array_length(products.ids, 1)] as product_id,
              ($3::int[])[1 + k % cardinality($3::int[])] as buyer_id
       from products, generate_series(1, $2::int) k order by k`,
      [tenantId, count, parties.buyerAccountIds],
    );
    await client.query(
      `alter table bench_ord add column price bigint, add column name text, add column photo text`,
    );
    await client.query(
      `update bench_ord o set price = p.price, name = p.name, photo = p.feature_photo from product p where p.id = o.product_id`,
    );
    await client.query(
      `insert into customer_order (id, tenant_id, account_id, status, total_amount, currency, payment_method,
                                   payment_id, customer_name, customer_phone, customer_address, created_at)
       select o.order_id, $1, a.id, 'pending_payment', o.price, 'UGX', 'pesapal', o.payment_id, a.name, a.phone,
              'Kampala', now() - (o.k || ' seconds')::interval
       from bench_ord o join account a on a.id = o.buyer_id`,
      [tenantId],
    );
    await client.query(
      `insert into order_item (tenant_id, order_id, product_id, product_name, product_image, unit_price, quantity,
                               amount, sponsor_id, stockist_id)
       select $1, order_id, product_id, name, photo, price, 1, price, $2, $3 from bench_ord`,
      [tenantId, parties.sponsorAccountId, parties.stockistAccountId],
    );
    await client.query(
      `insert into payment (id, tenant_id, account_id, purpose, subject_id, amount, currency, provider,
                            requested_method, status, merchant_reference, provider_reference, payment_url,
                            callback_url, details, created_at)
       select payment_id, $1, buyer_id, 'order', order_id, price, 'UGX', 'sandbox', 'pesapal', 'pending',
              'KMS-bench-' || $2 || k, 'SBX-bench-' || $2 || k, 'http://127.0.0.1/sandbox/pay/SBX-bench-' || $2 || k, null, '{}',
              now() - (k || ' seconds')::interval
       from bench_ord`,
      [tenantId, batch],
    );
    await client.query(
      `insert into sandbox_charge (reference, tenant_id, merchant_reference, amount, currency, description,
                                   status, created_at, settled_at)
       select 'SBX-bench-' || $2 || k, $1, 'KMS-bench-' || $2 || k, price, 'UGX', left('Order #' || order_id || ': ' || name || ' x 1', 255),
              'completed', now() - (k || ' seconds')::interval, now()
       from bench_ord`,
      [tenantId, batch],
    );
    await client.query(`drop table bench_ord`);
  });
}
