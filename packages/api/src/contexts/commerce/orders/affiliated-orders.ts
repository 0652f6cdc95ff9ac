import type { PricedOrder } from '@komisi/domain';
import { boundRow, sql } from '../../../kernel/bound-sql.ts';
import { type Scope, toSafeInteger } from '../../../kernel/scope.ts';

/**
 * What an affiliate programme needs of a shop order to pay a commission on it: its status, the
 * voucher code it used, the affiliate it is attributed to, and its stored amounts (`storedPricing`).
 */
export interface AffiliatedOrder {
  id: number;
  status: string;
  voucherCode: string | null;
  affiliateAccountId: number | null;
  /** null on an order that stored none: its lines' sum is the subtotal */
  subtotal: number | null;
  discount: number;
  shippingCost: number;
  shippingDiscount: number;
}

export interface AffiliatedOrderRow {
  id: number;
  status: string;
  subtotal: string | null;
  discount: string;
  shipping_cost: string;
  shipping_discount: string;
  voucher_code: string | null;
  affiliate_account_id: number | null;
}

/** The columns `affiliatedOrder` reads, for a statement that returns them (`returning ${…}`). */
export const AFFILIATED_ORDER_COLUMNS = sql.raw(
  `id, status, subtotal::text, discount::text, shipping_cost::text, shipping_discount::text,
   voucher_code, affiliate_account_id`,
);

/** The order as the database holds it now (read in the caller's transaction), or null. */
export async function affiliatedOrder(tx: Scope, orderId: number): Promise<AffiliatedOrder | null> {
  const order = await boundRow<AffiliatedOrderRow>(
    tx,
    sql`select ${AFFILIATED_ORDER_COLUMNS} from customer_order where tenant_id = ${tx.tenant.id} and id = ${orderId}`,
  );
  return order ? toAffiliatedOrder(order) : null;
}

/** A row of `AFFILIATED_ORDER_COLUMNS` as an `AffiliatedOrder`. */
export function toAffiliatedOrder(order: AffiliatedOrderRow): AffiliatedOrder {
  return {
    id: order.id,
    status: order.status,
    voucherCode: order.voucher_code,
    affiliateAccountId: order.affiliate_account_id,
    subtotal: order.subtotal === null ? null : toSafeInteger(order.subtotal),
    discount: toSafeInteger(order.discount),
    shippingCost: toSafeInteger(order.shipping_cost),
    shippingDiscount: toSafeInteger(order.shipping_discount),
  };
}

/** Remembers the order's affiliate, unless it already has one. */
export async function attributeToAffiliate(tx: Scope, orderId: number, affiliateId: number): Promise<void> {
  await tx.em.execute(
    'update customer_order set affiliate_account_id = ? where tenant_id = ? and id = ? and affiliate_account_id is null',
    [affiliateId, tx.tenant.id, orderId],
  );
}

/**
 * The order's pricing from its stored amounts and lines: the stored subtotal (the lines' sum for an
 * order that has none), discounts clamped to what they apply to, as the domain's `priceOrder` does.
 */
export async function storedPricing(tx: Scope, order: AffiliatedOrder): Promise<PricedOrder> {
  const items = await tx.em.execute<{ unit_price: string; quantity: number; amount: string }[]>(
    'select unit_price::text, quantity, amount::text from order_item where tenant_id = ? and order_id = ? order by id',
    [tx.tenant.id, order.id],
  );
  const lines = items.map((i) => ({
    unitPrice: toSafeInteger(i.unit_price),
    quantity: i.quantity,
    subtotal: toSafeInteger(i.amount),
  }));
  const subtotal = order.subtotal ?? lines.reduce((s, l) => s + l.subtotal, 0);
  const discount = Math.min(order.discount, subtotal);
  const { shippingCost } = order;
  const shippingDiscount = Math.min(order.shippingDiscount, shippingCost);
  return {
    subtotal,
    discount,
    shippingCost,
    shippingDiscount,
    total: subtotal - discount + shippingCost - shippingDiscount,
    lines,
  };
}
