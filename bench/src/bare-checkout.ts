// The ansania checkout (POST /checkout/create-order) by hand on `pg`: the statements of
// CheckoutService.createOrder (OrderWriter, CartsService.clearing, the sandbox charge and the payment),
// with bind parameters, in the same order.
import { randomBytes, randomUUID } from 'node:crypto';
import { courierFor } from '@komisi/api';
import type pg from 'pg';
import { HttpError } from './bare-http.ts';

const DEFAULT_WEIGHT_GRAMS = 1000;

export interface ShopTenant {
  id: number;
  currency: string;
  /** where the sandbox's pay page is served */
  baseUrl: string;
}

export interface CheckoutInput {
  addressId: number;
  courier: string;
  service: string;
  paymentMethod: string;
  paymentChannel: string | null;
  customerNote: string | null;
  callbackUrl: string | null;
}

const text = (v: unknown, max: number, field: string, optional = false): string | null => {
  if (optional && (v === undefined || v === null)) return null;
  if (typeof v !== 'string' || v.trim().length === 0 || v.trim().length > max)
    throw new HttpError(422, `invalid ${field}`);
  return v.trim();
};

/** The request body as the schema reads it (422 naming the field otherwise). */
export function checkoutInput(body: unknown): CheckoutInput {
  const b = (body ?? {}) as Record<string, unknown>;
  const addressId = Number(b.shipping_address_id);
  if (!Number.isInteger(addressId) || addressId < 1) throw new HttpError(422, 'invalid shipping_address_id');
  return {
    addressId,
    courier: text(b.shipping_courier, 20, 'shipping_courier')!,
    service: text(b.shipping_service, 20, 'shipping_service')!,
    paymentMethod: text(b.payment_method, 32, 'payment_method')!,
    paymentChannel: text(b.payment_channel, 40, 'payment_channel', true),
    customerNote: b.customer_note ? text(b.customer_note, 500, 'customer_note') : null,
    callbackUrl: text(b.callback_url, 2000, 'callback_url', true),
  };
}

/** `20260203` for the shop's calendar day (Asia/Jakarta). */
const SHOP_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Jakarta',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
export const shopDay = (now: Date) => SHOP_DATE.format(now).replace(/-/g, '');

export interface AddressRow {
  recipientName: string;
  phone: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  district: string | null;
  province: string;
  postalCode: string;
  buyer: { email: string; name: string; phone: string | null };
}

export interface LineRow {
  id: number;
  quantity: number;
  variant_id: number;
  sku: string;
  color: string | null;
  finishing: string | null;
  size: string | null;
  price: string;
  stock: number;
  is_visible: boolean;
  product_id: number;
  product_name: string;
  product_slug: string | null;
  weight_grams: number | null;
  image: string | null;
}

export const ADDRESS_SQL = `select ad.recipient_name as "recipientName", ad.phone, ad.address_line1 as "addressLine1",
  ad.address_line2 as "addressLine2", ad.city, ad.district, ad.province, ad.postal_code as "postalCode",
  json_build_object('email', a.email, 'name', a.name, 'phone', a.phone) as buyer
  from address ad join account a on a.id = ad.account_id and a.tenant_id = ad.tenant_id
  where ad.tenant_id = $1 and ad.id = $2 and ad.account_id = $3`;

export const CART_LINES_SQL = `select ci.id, ci.quantity, v.id as variant_id, v.sku, v.color, v.finishing, v.size, v.price,
  v.stock, v.is_visible, p.id as product_id, p.name as product_name, p.slug as product_slug,
  p.weight_grams, coalesce(
    (select i.url from product_image i where i.product_id = p.id and i.tenant_id = ci.tenant_id
     order by i.is_primary desc, i.position, i.id limit 1),
    p.feature_photo, p.images->>0) as image
  from cart_item ci
  join product_variant v on v.id = ci.variant_id
  join product p on p.id = v.product_id
  where ci.tenant_id = $1 and ci.cart_id = $2
  order by ci.id`;

export const addressText = (a: AddressRow) =>
  `${[a.addressLine1, a.addressLine2, a.district, a.city].filter((p) => !!p?.trim()).join(', ')}, ${a.province} ${a.postalCode}`.slice(
    0,
    500,
  );

export const variantName = (l: LineRow) => {
  const parts = [l.color, l.finishing, l.size].filter((p): p is string => !!p?.trim());
  return parts.length ? parts.join(' / ') : null;
};

/** The courier's price of the service for the lines' weight to the address (422 for another service). */
export async function shippingCost(lines: LineRow[], address: AddressRow, input: CheckoutInput) {
  const weightGrams = lines.reduce((t, l) => t + (l.weight_grams ?? DEFAULT_WEIGHT_GRAMS) * l.quantity, 0);
  const options = await courierFor(input.courier).quote({
    originProvince: 'DKI Jakarta',
    destinationProvince: address.province,
    destinationCity: address.city,
    weightGrams,
  });
  const service = options.find((o) => o.service.toUpperCase() === input.service.toUpperCase());
  if (!service) throw new HttpError(422, 'invalid shipping_service');
  return { cost: service.cost, service: service.service, code: courierFor(input.courier).code };
}

interface OrderRow {
  id: number;
  order_number: string;
  total_amount: string;
  status: string;
}

/** POST /checkout/create-order for a signed-in customer. */
export async function checkout(pool: pg.Pool, tenant: ShopTenant, accountId: number, body: unknown) {
  const input = checkoutInput(body);
  const t = tenant.id;
  const { rows: addresses } = await pool.query<AddressRow>(ADDRESS_SQL, [t, input.addressId, accountId]);
  const address = addresses[0];
  if (!address) throw new HttpError(404, 'Address not found');
  const now = new Date();
  const client = await pool.connect();
  let order: OrderRow;
  try {
    await client.query('begin');
    try {
      const { rows: carts } = await client.query<{ id: number; voucher_code: string | null }>(
        `update cart set updated_at = $1 where tenant_id = $2 and account_id = $3
         returning id, account_id, voucher_code`,
        [now, t, accountId],
      );
      const cart = carts[0];
      if (!cart) throw new HttpError(422, 'Your cart is empty');
      const { rows: lines } = await client.query<LineRow>(CART_LINES_SQL, [t, cart.id]);
      if (lines.length === 0) throw new HttpError(422, 'Your cart is empty');
      // the bench's carts hold no voucher (its evaluation and redemption are not written here)
      if (cart.voucher_code) throw new HttpError(400, 'vouchers are not part of the bare checkout');
      const shipping = await shippingCost(lines, address, input);
      const short = lines.find((l) => !l.is_visible);
      if (short) throw new HttpError(400, `Insufficient stock for ${short.product_name}`);
      const items = lines.map((l, n) => {
        const unitPrice = Number(l.price);
        return {
          n,
          product_id: l.product_id,
          variant_id: l.variant_id,
          product_name: l.product_name,
          variant_name: variantName(l),
          sku: l.sku,
          product_image: l.image?.slice(0, 1000) ?? null,
          unit_price: unitPrice,
          quantity: l.quantity,
          amount: unitPrice * l.quantity,
        };
      });
      const subtotal = items.reduce((s, i) => s + i.amount, 0);
      const day = shopDay(now);
      const { rows } = await client.query<OrderRow>(ORDER_SQL, [
        t,
        `order-number:${day}`,
        subtotal + shipping.cost,
        tenant.currency,
        input.paymentMethod.slice(0, 32),
        addressText(address),
        now,
        `ORD-${day}-`,
        subtotal,
        shipping.cost,
        input.customerNote,
        input.paymentChannel,
        address.recipientName,
        address.phone,
        address.province,
        shipping.code,
        shipping.service,
        null,
        null,
        accountId,
        JSON.stringify(items),
        JSON.stringify(lines.map((l) => ({ id: l.variant_id, quantity: l.quantity }))),
        new Set(lines.map((l) => l.variant_id)).size,
        cart.id,
      ]);
      if (rows[0]!.id === null) throw new HttpError(400, 'Insufficient stock');
      order = rows[0]!;
      await client.query('commit');
    } catch (e) {
      await client.query('rollback');
      throw e;
    }
  } finally {
    client.release();
  }
  const payment = await openPayment(pool, tenant, accountId, order, address.buyer, input);
  return {
    order: {
      id: order.id,
      order_number: order.order_number,
      total_amount: Number(order.total_amount),
      status: order.status,
    },
    payment,
  };
}

/** The order's sandbox charge, then its payment with the order pointed at it (outside the order's transaction). */
export async function openPayment(
  pool: pg.Pool,
  tenant: ShopTenant,
  accountId: number,
  order: OrderRow,
  buyer: AddressRow['buyer'],
  input: CheckoutInput,
) {
  void buyer; // the sandbox keeps no customer details (a real gateway is told them)
  const reference = `SBX-${randomBytes(9).toString('base64url')}`;
  const merchantReference = `KMS-${randomUUID()}`;
  const amount = Number(order.total_amount);
  await pool.query(
    `insert into sandbox_charge (reference, tenant_id, merchant_reference, amount, currency, description, created_at) values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      reference,
      tenant.id,
      merchantReference,
      amount,
      tenant.currency,
      `Order ${order.order_number}`,
      new Date(),
    ],
  );
  const paymentUrl = `${tenant.baseUrl}/sandbox/pay/${reference}`;
  const now = new Date();
  // as ours: the payment recorded and the order pointed at it in one statement
  await pool.query(
    `with created as (insert into payment (tenant_id, account_id, purpose, subject_id, amount, currency, provider,
         requested_method, status, merchant_reference, provider_reference, payment_url, callback_url, details, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10, $11, $12, $13::jsonb, $14) returning id),
     alongside as (update customer_order set payment_id = (select id from created) where tenant_id = $15 and id = $16)
     select id from created`,
    [
      tenant.id,
      accountId,
      'order',
      order.id,
      amount,
      tenant.currency,
      'sandbox',
      input.paymentMethod.slice(0, 32),
      merchantReference,
      reference,
      paymentUrl,
      input.callbackUrl,
      JSON.stringify({ orderNumber: order.order_number, channel: input.paymentChannel }),
      now,
      tenant.id,
      order.id,
    ],
  );
  return { transaction_id: reference, payment_url: paymentUrl, payment_token: null, expired_at: null };
}

/** OrderWriter's statement: the stock taken, the day's number, the order, its first timeline event and its items, the cart emptied. */
const ORDER_SQL = `with l as (
    select id, sum(quantity)::int as quantity from jsonb_to_recordset($22::jsonb) as l(id int, quantity int) group by id),
  locked as (
    select v.id from product_variant v where v.tenant_id = $1 and v.id in (select id from l) order by v.id for update),
  taken as (
    update product_variant v set stock = v.stock - l.quantity from l
    where v.tenant_id = $1 and v.id = l.id and v.id in (select id from locked) and v.is_visible and v.stock >= l.quantity
    returning v.id),
  seq as (
    insert into sequence_counter as s (tenant_id, name, value)
    select $1::int, $2::text, 1 where (select count(*) from taken) = $23
    on conflict (tenant_id, name) do update set value = s.value + 1 returning value),
  o as (
    insert into customer_order (tenant_id, account_id, status, total_amount, currency, payment_method,
      customer_name, customer_phone, customer_address, created_at, order_number, subtotal, discount,
      shipping_cost, shipping_discount, voucher_code, customer_note, payment_channel, shipping_recipient,
      shipping_phone, shipping_province, shipping_courier, shipping_service, beneficiary_name,
      distribution_location)
    select $1::int, a.id, 'pending_payment', $3::bigint, $4::text, $5::text, a.name, a.phone,
      coalesce($6::text, a.address), $7::timestamptz,
      $8::text || lpad(seq.value::text, greatest(3, length(seq.value::text)), '0'),
      $9::bigint, 0, $10::bigint, 0, null, $11::text, $12::text, $13::text, $14::text, $15::text, $16::text,
      $17::text, $18::text, $19::text
    from seq, account a where a.tenant_id = $1 and a.id = $20
    returning *),
  event as (
    insert into order_status_event (tenant_id, order_id, status, note, actor_account_id, created_at)
    select o.tenant_id, o.id, 'pending_payment', null, o.account_id, o.created_at from o),
  item as (
    insert into order_item (tenant_id, order_id, product_id, variant_id, product_name, variant_name, sku,
      product_image, unit_price, quantity, amount)
    select o.tenant_id, o.id, l.product_id, l.variant_id, l.product_name, l.variant_name, l.sku,
      l.product_image, l.unit_price, l.quantity, l.amount
    from o, jsonb_to_recordset($21::jsonb) as l(n int, product_id int,
      variant_id int, product_name text, variant_name text, sku text, product_image text, unit_price bigint,
      quantity int, amount bigint)
    order by l.n),
  -- as ours: the cart emptied in the order's statement
  alongside_0 as (delete from cart_item where tenant_id = $1 and cart_id = $24),
  alongside_1 as (update cart set voucher_code = null, updated_at = $7 where tenant_id = $1 and id = $24)
  select o.*, array(select id from taken) as taken_variants from (select 1) one left join o on true`;
