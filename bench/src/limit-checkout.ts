// The ansania checkout's limit twin: POST /checkout/create-order in two round trips. A read of the
// address (the shipping rate is the province's, chosen in JavaScript from the courier's table), then
// one statement that does the whole checkout as one implicit transaction: the cart locked, its lines
// read, the variants locked in id order and their stock taken only where there is enough, the order
// numbered and recorded with its event and items, the cart emptied, the sandbox charge and the
// payment recorded and the order pointed at its payment. A short line aborts the statement (a cast
// that fails, naming the variant), so nothing of it stays. Same rows as ours; the bench's carts hold
// no voucher, so a cart with one is refused here (ours redeems it under the voucher's row lock).
import { randomBytes, randomUUID } from 'node:crypto';
import { courierFor } from '@komisi/api';
import type pg from 'pg';
import {
  ADDRESS_SQL,
  type AddressRow,
  addressText,
  checkoutInput,
  type ShopTenant,
  shopDay,
} from './bare-checkout.ts';
import { HttpError } from './bare-http.ts';

/** The per-kg price of the service to the address's province, as the courier quotes one kilogram. */
async function perKg(courier: string, service: string, address: AddressRow) {
  const options = await courierFor(courier).quote({
    originProvince: 'DKI Jakarta',
    destinationProvince: address.province,
    destinationCity: address.city,
    weightGrams: 1000,
  });
  const found = options.find((o) => o.service.toUpperCase() === service.toUpperCase());
  if (!found) throw new HttpError(422, 'invalid shipping_service');
  return { rate: found.cost, service: found.service, code: courierFor(courier).code };
}

interface Placed {
  id: number;
  order_number: string | null;
  total_amount: string | null;
  status: string | null;
  voucher: boolean | null;
}

export async function limitCheckout(pool: pg.Pool, tenant: ShopTenant, accountId: number, body: unknown) {
  const input = checkoutInput(body);
  const t = tenant.id;
  const { rows: addresses } = await pool.query<AddressRow>(ADDRESS_SQL, [t, input.addressId, accountId]);
  const address = addresses[0];
  if (!address) throw new HttpError(404, 'Address not found');
  const shipping = await perKg(input.courier, input.service, address);
  const now = new Date();
  const day = shopDay(now);
  const reference = `SBX-${randomBytes(9).toString('base64url')}`;
  const merchantReference = `KMS-${randomUUID()}`;
  const paymentUrl = `${tenant.baseUrl}/sandbox/pay/${reference}`;
  let placed: Placed | undefined;
  try {
    const { rows } = await pool.query<Placed>(CHECKOUT_SQL, [
      t,
      accountId,
      now,
      `order-number:${day}`,
      `ORD-${day}-`,
      shipping.rate,
      tenant.currency,
      input.paymentMethod.slice(0, 32),
      addressText(address),
      input.customerNote,
      input.paymentChannel,
      address.recipientName,
      address.phone,
      address.province,
      shipping.code,
      shipping.service,
      reference,
      merchantReference,
      paymentUrl,
      input.callbackUrl,
      input.paymentChannel,
    ]);
    placed = rows[0];
  } catch (e) {
    const message = (e as { message?: string }).message ?? '';
    if (message.includes('INSUFFICIENT_STOCK')) throw new HttpError(400, 'Insufficient stock');
    throw e;
  }
  if (!placed || placed.id === null) throw new HttpError(422, 'Your cart is empty');
  if (placed.voucher) throw new HttpError(400, 'vouchers are not part of the limit checkout');
  return {
    order: {
      id: placed.id,
      order_number: placed.order_number,
      total_amount: Number(placed.total_amount),
      status: placed.status,
    },
    payment: { transaction_id: reference, payment_url: paymentUrl, payment_token: null, expired_at: null },
  };
}

// $1 tenant, $2 account, $3 now, $4 counter name, $5 number prefix, $6 shipping per kg, $7 currency,
// $8 payment method, $9 address text, $10 note, $11 channel, $12–$16 shipment, $17 sandbox reference,
// $18 merchant reference, $19 payment url, $20 callback url, $21 channel (payment details)
const CHECKOUT_SQL = `with
  cart_row as (
    update cart set updated_at = $3 where tenant_id = $1 and account_id = $2
    returning id, voucher_code),
  lines as (
    select ci.id as item_id, ci.quantity, v.id as variant_id, v.sku, v.price, v.is_visible, p.id as product_id,
      p.name as product_name, coalesce(p.weight_grams, 1000) as weight_grams,
      nullif(concat_ws(' / ', case when btrim(v.color) <> '' then v.color end,
        case when btrim(v.finishing) <> '' then v.finishing end, case when btrim(v.size) <> '' then v.size end), '')
        as variant_name,
      left(coalesce(
        (select i.url from product_image i where i.product_id = p.id and i.tenant_id = ci.tenant_id
         order by i.is_primary desc, i.position, i.id limit 1),
        p.feature_photo, p.images->>0), 1000) as image
    from cart_row c
    join cart_item ci on ci.cart_id = c.id and ci.tenant_id = $1
    join product_variant v on v.id = ci.variant_id
    join product p on p.id = v.product_id
    where c.voucher_code is null),
  locked as (
    select v.id from product_variant v join lines l on l.variant_id = v.id
    where v.tenant_id = $1 order by v.id for update of v),
  taken as (
    update product_variant v set stock = v.stock - l.quantity
    from lines l
    where v.id = l.variant_id and v.id in (select id from locked) and v.is_visible and v.stock >= l.quantity
    returning v.id),
  checked as (
    -- a line not taken aborts the whole statement: its stock and everything else stay as they were
    select count(*) as n from lines l
    where (case when l.variant_id in (select id from taken) then 1
                else ('INSUFFICIENT_STOCK:' || l.variant_id)::int end) = 1),
  totals as (
    select sum(l.price * l.quantity)::bigint as subtotal,
      (greatest(1, ceil(sum(l.weight_grams * l.quantity) / 1000.0)) * $6::bigint)::bigint as shipping
    from lines l, checked having count(*) > 0 and min(checked.n) = count(*)),
  seq as (
    insert into sequence_counter as s (tenant_id, name, value) select $1, $4, 1 from totals
    on conflict (tenant_id, name) do update set value = s.value + 1 returning value),
  o as (
    insert into customer_order (tenant_id, account_id, status, total_amount, currency, payment_method,
      customer_name, customer_phone, customer_address, created_at, order_number, subtotal, discount,
      shipping_cost, shipping_discount, voucher_code, customer_note, payment_channel, shipping_recipient,
      shipping_phone, shipping_province, shipping_courier, shipping_service, payment_id)
    select $1::int, a.id, 'pending_payment', totals.subtotal + totals.shipping, $7::text, $8::text, a.name, a.phone,
      coalesce($9::text, a.address), $3::timestamptz,
      $5::text || lpad(seq.value::text, greatest(3, length(seq.value::text)), '0'),
      totals.subtotal, 0, totals.shipping, 0, null, $10::text, $11::text, $12::text, $13::text, $14::text,
      $15::text, $16::text, nextval('payment_id_seq')
    from totals, seq, account a where a.tenant_id = $1 and a.id = $2
    returning id, account_id, order_number, total_amount, status, payment_id, created_at),
  event as (
    insert into order_status_event (tenant_id, order_id, status, note, actor_account_id, created_at)
    select $1, o.id, 'pending_payment', null, o.account_id, o.created_at from o),
  item as (
    insert into order_item (tenant_id, order_id, product_id, variant_id, product_name, variant_name, sku,
      product_image, unit_price, quantity, amount)
    select $1, o.id, l.product_id, l.variant_id, l.product_name, l.variant_name, l.sku, l.image, l.price,
      l.quantity, l.price * l.quantity
    from o, lines l order by l.item_id),
  emptied as (
    -- the lines ordered, as they were ordered (a line changed meanwhile stays in the cart)
    delete from cart_item ci using lines l, o where ci.id = l.item_id and ci.quantity = l.quantity),
  cleared as (
    update cart set voucher_code = null, updated_at = $3 where tenant_id = $1 and id = (select c.id from cart_row c, o)),
  charge as (
    insert into sandbox_charge (reference, tenant_id, merchant_reference, amount, currency, description, created_at)
    select $17, $1, $18, o.total_amount, $7, 'Order ' || o.order_number, $3 from o),
  pay as (
    insert into payment (id, tenant_id, account_id, purpose, subject_id, amount, currency, provider, requested_method,
      merchant_reference, provider_reference, payment_url, callback_url, details, created_at, status)
    select o.payment_id, $1, o.account_id, 'order', o.id, o.total_amount, $7, 'sandbox', $8, $18, $17, $19, $20,
      jsonb_build_object('orderNumber', o.order_number, 'channel', $21::text), $3, 'pending'
    from o)
  select o.id, o.order_number, o.total_amount, o.status, (select c.voucher_code is not null from cart_row c) as voucher
  from (select 1) one left join o on true`;
