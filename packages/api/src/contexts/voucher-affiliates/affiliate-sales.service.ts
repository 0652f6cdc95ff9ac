import { type Scope, toSafeInteger } from '../../kernel/scope.ts';
import { SOLD_STATUSES } from './affiliate-commissions.service.ts';

export interface AffiliateTotals {
  totalCommission: number;
  totalOrders: number;
  totalAmountSold: number;
}

export interface ProductSold {
  productId: number;
  productName?: string;
  quantity: number;
  totalAmount: number;
}

/** Bounds on an order's paid time (`until` exclusive); null = all time. */
export type Period = { from: Date; until: Date } | null;

const SOLD = SOLD_STATUSES.map((s) => `'${s}'`).join(', ');

// A report: commerce's orders, vouchers and items, network's commissions and catalog's product names,
// joined so each figure is one statement.

/**
 * The affiliate's orders: sold (paid, not cancelled/refunded), attributed to them by `order.affiliate`
 * or, when that is null, by the affiliate of the voucher the order's code names.
 */
const AFFILIATE_ORDERS = `
  select o.* from customer_order o
  left join voucher v on v.tenant_id = o.tenant_id and v.code = o.voucher_code
  where o.tenant_id = ? and o.status in (${SOLD})
    and coalesce(o.affiliate_account_id, v.affiliate_account_id) = ?
    and (?::timestamptz is null or coalesce(o.paid_at, o.created_at) >= ?::timestamptz)
    and (?::timestamptz is null or coalesce(o.paid_at, o.created_at) < ?::timestamptz)`;

function periodParams(scope: Scope, accountId: number, period: Period): unknown[] {
  const from = period?.from ?? null;
  const until = period?.until ?? null;
  return [scope.tenant.id, accountId, from, from, until, until];
}

/** Each voucher-code affiliate's read-only view of their sales and earnings. */
export class AffiliateSalesService {
  /** The period's totals and its products sold, for the statistics and the monthly report. */
  async report(
    scope: Scope,
    accountId: number,
    period: Period,
  ): Promise<AffiliateTotals & { productsSold: ProductSold[] }> {
    const totals = await this.totals(scope, accountId, period);
    return { ...totals, productsSold: await this.productsSold(scope, accountId, period) };
  }

  async totals(scope: Scope, accountId: number, period: Period): Promise<AffiliateTotals> {
    const params = periodParams(scope, accountId, period);
    const [row] = await scope.em.execute<
      { orders: number; sold: string | null; commission: string | null }[]
    >(
      `with orders as (${AFFILIATE_ORDERS})
       select (select count(*)::int from orders) as orders,
              (select sum(coalesce(subtotal, total_amount) + shipping_cost)::text from orders) as sold,
              (select sum(c.amount)::text from commission c join orders o on o.id = c.reference_id
                where c.tenant_id = ? and c.kind = 'affiliate' and c.reference_type = 'order'
                  and c.beneficiary_id = ? and c.reversed_at is null) as commission`,
      [...params, scope.tenant.id, accountId],
    );
    return {
      totalCommission: toSafeInteger(row?.commission ?? 0),
      totalOrders: row?.orders ?? 0,
      totalAmountSold: toSafeInteger(row?.sold ?? 0),
    };
  }

  /**
   * Per product: quantity and the line amounts after the order's item discount, which is allocated
   * to the lines in proportion to their amounts, each share rounded down (shipping is not a product).
   */
  async productsSold(scope: Scope, accountId: number, period: Period): Promise<ProductSold[]> {
    const rows = await scope.em.execute<
      { product_id: number; product_name: string | null; quantity: string; total: string }[]
    >(
      `with orders as (${AFFILIATE_ORDERS})
       select i.product_id, coalesce(max(p.name), max(i.product_name)) as product_name,
              sum(i.quantity)::text as quantity,
              sum(i.amount - case when coalesce(o.subtotal, 0) > 0
                                  then (least(o.discount, o.subtotal) * i.amount) / o.subtotal else 0 end)::text as total
         from orders o
         join order_item i on i.tenant_id = o.tenant_id and i.order_id = o.id
         left join product p on p.id = i.product_id
        group by i.product_id
        order by sum(i.quantity) desc, i.product_id`,
      periodParams(scope, accountId, period),
    );
    return rows.map((r) => ({
      productId: r.product_id,
      ...(r.product_name !== null && { productName: r.product_name }),
      quantity: toSafeInteger(r.quantity),
      totalAmount: toSafeInteger(r.total),
    }));
  }
}
