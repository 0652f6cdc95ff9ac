import { type DomainError, priceOrder } from '@komisi/domain';
import type { EntityData } from '@mikro-orm/core';
import type { RawBuilder } from 'kysely';
import { boundRow, sql } from '../../../kernel/bound-sql.ts';
import { type Scope, toSafeInteger } from '../../../kernel/scope.ts';
import type { Order, OrderStatus } from '../orders/order.entity.ts';
import type { VouchersService } from '../vouchers/vouchers.service.ts';
import { shopDay } from './order-numbers.ts';

/** A line of a new order: the variant it takes stock from and the product as it is sold now. */
export interface OrderLine {
  productId: number;
  variantId: number;
  productName: string;
  /** `Natural / Matte / Large`; null when the variant has no options to tell */
  variantName: string | null;
  sku: string | null;
  image: string | null;
  unitPrice: number;
  quantity: number;
  /** false for a variant no longer sold: refused without touching its stock */
  forSale: boolean;
}

/** What this kind of order records besides its lines and amounts (the shipment, a qurban's beneficiary). */
export type OrderDetails = Pick<
  EntityData<Order>,
  | 'paymentChannel'
  | 'shippingRecipient'
  | 'shippingPhone'
  | 'shippingProvince'
  | 'shippingCourier'
  | 'shippingService'
  | 'beneficiaryName'
  | 'distributionLocation'
>;

export interface OrderDraft<L extends OrderLine> {
  accountId: number;
  lines: L[];
  shippingCost: number;
  /** the voucher to redeem for the order; none when null or empty */
  voucherCode: string | null;
  paymentMethod: string;
  customerNote: string | null;
  /** where the order goes, as text; without it, the buyer's own address */
  customerAddress?: string;
  details: OrderDetails;
  /** The refusal of a line whose stock cannot be taken (not for sale, or too little left). */
  refuse(tx: Scope, line: L): Promise<DomainError>;
  /**
   * Statements sent with the order's own, in its transaction (the checkout's cart emptied): each a
   * single insert, update or delete without a `with` of its own. They run whether or not the order
   * is recorded; a refusal rolls them back with the rest.
   */
  alongside?: RawBuilder<unknown>[];
}

/** The order row as the writer's statements return it (`returning *`). */
type OrderRow = Record<string, unknown> & { id: number };

/**
 * A new order as its writer recorded it: what its payment, its attribution and the presenters read.
 * A plain record rather than an entity: mapping one (and flushing it at the commit) was the largest
 * part of MikroORM's share of a checkout.
 */
export interface WrittenOrder {
  id: number;
  account: number;
  orderNumber: string | null;
  status: OrderStatus;
  totalAmount: number;
  subtotal: number | null;
  discount: number;
  shippingCost: number;
  shippingDiscount: number;
  voucherCode: string | null;
  paymentId: number | null;
}

function writtenOrder(row: OrderRow): WrittenOrder {
  return {
    id: row.id,
    account: row.account_id as number,
    orderNumber: row.order_number as string | null,
    status: row.status as OrderStatus,
    totalAmount: toSafeInteger(row.total_amount),
    subtotal: row.subtotal === null ? null : toSafeInteger(row.subtotal),
    discount: toSafeInteger(row.discount),
    shippingCost: toSafeInteger(row.shipping_cost),
    shippingDiscount: toSafeInteger(row.shipping_discount),
    voucherCode: row.voucher_code as string | null,
    paymentId: row.payment_id as number | null,
  };
}

/**
 * Writes a shop order (cart checkout and direct orders alike) inside the caller's transaction: each
 * variant's stock is taken by a conditional update (no oversell under concurrency), the order is
 * priced, numbered and recorded with its first timeline event and its items (the product as it was
 * sold) in one statement, and the voucher is redeemed (its usage limit holds under concurrency). A
 * refusal throws, and rolling the transaction back undoes all of it.
 */
export class OrderWriter {
  readonly #vouchers: VouchersService;

  constructor(deps: { vouchers: VouchersService }) {
    this.#vouchers = deps.vouchers;
  }

  async write<L extends OrderLine>(tx: Scope, draft: OrderDraft<L>): Promise<WrittenOrder> {
    const byVariant = [...draft.lines].sort((a, b) => a.variantId - b.variantId);
    const notForSale = byVariant.find((line) => !line.forSale);
    if (notForSale) throw await draft.refuse(tx, notForSale);
    const { accountId, lines, shippingCost } = draft;
    const base = priceOrder({ lines, shippingCost });
    const recorded = await recordOrder(tx, draft, base);
    if (!recorded.order) {
      // Some stock was short: the first such line in variant order is refused (the rollback puts back
      // what the statement took of the others).
      const short = byVariant.find((line) => !recorded.taken.includes(line.variantId));
      if (!short) throw new Error(`account ${accountId} not found`);
      throw await draft.refuse(tx, short);
    }
    let row = recorded.order;
    if (draft.voucherCode) {
      const applied = await this.#vouchers.redeem(tx, {
        code: draft.voucherCode,
        accountId,
        orderId: row.id,
        subtotal: base.subtotal,
        shippingCost: base.shippingCost,
      });
      const priced = priceOrder({ lines, shippingCost, voucher: applied });
      row = (await boundRow<OrderRow>(
        tx,
        sql`update customer_order set voucher_code = ${applied.voucher.code}, discount = ${priced.discount},
              shipping_discount = ${priced.shippingDiscount}, total_amount = ${priced.total}
            where tenant_id = ${tx.tenant.id} and id = ${row.id} returning *`,
      ))!;
    }
    return writtenOrder(row);
  }
}

/**
 * Each variant's stock taken (only from a visible variant and never below 0, one conditional update,
 * so concurrent orders cannot oversell; the rows locked in id order so they cannot deadlock) and, only when every line's
 * was, the order numbered (the shop day's counter), recorded with the buyer's name and phone, its
 * first timeline event and its items: one statement, in the caller's transaction. The variants' and
 * the counter's rows are every checkout's; taking them in the transaction's last statement holds
 * their locks for the one round trip of the commit. `order` is null when some stock was short.
 */
async function recordOrder(
  tx: Scope,
  draft: OrderDraft<OrderLine>,
  base: ReturnType<typeof priceOrder>,
): Promise<{ order: OrderRow | null; taken: number[] }> {
  const takes = draft.lines.map((l) => ({ id: l.variantId, quantity: l.quantity }));
  const variants = new Set(takes.map((t) => t.id)).size;
  const day = shopDay(tx.now);
  const d = draft.details;
  const items = base.lines.map((priced, i) => {
    const line = draft.lines[i]!;
    return {
      n: i,
      product_id: line.productId,
      variant_id: line.variantId,
      product_name: line.productName,
      variant_name: line.variantName,
      sku: line.sku,
      product_image: line.image?.slice(0, 1000) ?? null,
      unit_price: line.unitPrice,
      quantity: line.quantity,
      amount: priced.subtotal,
    };
  });
  const row = await boundRow<OrderRow & { taken_variants: number[] }>(
    tx,
    sql`with l as (
          select id, sum(quantity)::int as quantity from jsonb_to_recordset(${JSON.stringify(takes)}::jsonb)
            as l(id int, quantity int) group by id),
        locked as (
          select v.id from product_variant v where v.tenant_id = ${tx.tenant.id} and v.id in (select id from l)
          order by v.id for update),
        taken as (
          update product_variant v set stock = v.stock - l.quantity from l
          where v.tenant_id = ${tx.tenant.id} and v.id = l.id and v.id in (select id from locked)
            and v.is_visible and v.stock >= l.quantity
          returning v.id),
        seq as (
          insert into sequence_counter as s (tenant_id, name, value)
          select ${tx.tenant.id}::int, ${`order-number:${day}`}::text, 1 where (select count(*) from taken) = ${variants}
          on conflict (tenant_id, name) do update set value = s.value + 1 returning value),
        o as (
          insert into customer_order (tenant_id, account_id, status, total_amount, currency, payment_method,
            customer_name, customer_phone, customer_address, created_at, order_number, subtotal, discount,
            shipping_cost, shipping_discount, voucher_code, customer_note, payment_channel, shipping_recipient,
            shipping_phone, shipping_province, shipping_courier, shipping_service, beneficiary_name,
            distribution_location)
          select ${tx.tenant.id}::int, a.id, 'pending_payment', ${base.total}::bigint, ${tx.tenant.currency}::text,
            ${draft.paymentMethod.slice(0, 32)}::text, a.name, a.phone, coalesce(${draft.customerAddress ?? null}::text, a.address),
            ${tx.now}::timestamptz, ${`ORD-${day}-`}::text || lpad(seq.value::text, greatest(3, length(seq.value::text)), '0'),
            ${base.subtotal}::bigint, 0, ${base.shippingCost}::bigint, 0, null, ${draft.customerNote}::text,
            ${d.paymentChannel ?? null}::text, ${d.shippingRecipient ?? null}::text, ${d.shippingPhone ?? null}::text,
            ${d.shippingProvince ?? null}::text, ${d.shippingCourier ?? null}::text, ${d.shippingService ?? null}::text,
            ${d.beneficiaryName ?? null}::text, ${d.distributionLocation ?? null}::text
          from seq, account a where a.tenant_id = ${tx.tenant.id} and a.id = ${draft.accountId}
          returning *),
        event as (
          insert into order_status_event (tenant_id, order_id, status, note, actor_account_id, created_at)
          select o.tenant_id, o.id, 'pending_payment', null, o.account_id, o.created_at from o),
        item as (
          insert into order_item (tenant_id, order_id, product_id, variant_id, product_name, variant_name, sku,
            product_image, unit_price, quantity, amount)
          select o.tenant_id, o.id, l.product_id, l.variant_id, l.product_name, l.variant_name, l.sku,
            l.product_image, l.unit_price, l.quantity, l.amount
          from o, jsonb_to_recordset(${JSON.stringify(items)}::jsonb) as l(n int, product_id int,
            variant_id int, product_name text, variant_name text, sku text, product_image text, unit_price bigint,
            quantity int, amount bigint)
          order by l.n)${sql.join(
            (draft.alongside ?? []).map(
              (statement, i) => sql`, ${sql.raw(`alongside_${i}`)} as (${statement})`,
            ),
            sql``,
          )}
        select o.*, array(select id from taken) as taken_variants from (select 1) one left join o on true`,
  );
  const { taken_variants: taken, ...order } = row!;
  if (order.id === null) return { order: null, taken };
  return { order, taken };
}
