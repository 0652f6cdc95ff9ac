import { expect } from 'vitest';
import type { JsonResponse, TestApp } from '../testing/test-app.ts';
import { ansaniaFixtures } from './cart-fixtures.ts';

// Customers with an address and a filled cart, and checkout calls, for the ansania checkout tests.

export function checkoutFixtures(app: TestApp, slug = 'ansania') {
  const fx = ansaniaFixtures(app);
  const api = (path: string) => `/t/${slug}/api${path}`;
  const call = (method: string, path: string, token?: string, body?: unknown): Promise<JsonResponse> =>
    app.request(method, api(path), { ...(token && { token }), ...(body !== undefined && { body }) });

  async function address(token: string, province = 'Jawa Barat') {
    const res = await call('POST', '/user/addresses', token, {
      label: 'Home',
      recipient_name: 'John Doe',
      phone: '+628123456789',
      address_line1: 'Jl. Example No. 123',
      city: 'Bandung',
      province,
      postal_code: '40111',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.data.address.id as number;
  }

  async function addToCart(token: string, variantId: number, quantity = 1) {
    const res = await call('POST', '/cart/items', token, { product_variant_id: variantId, quantity });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }

  /** A signed-in customer with an address and `quantity` of the variant in the cart. */
  async function shopper(variantId?: number, quantity = 1) {
    const user = await fx.user();
    const addressId = await address(user.token);
    if (variantId !== undefined) await addToCart(user.token, variantId, quantity);
    return { ...user, addressId };
  }

  const createOrder = (token: string, addressId: number, extra: Record<string, unknown> = {}) =>
    call('POST', '/checkout/create-order', token, {
      shipping_address_id: addressId,
      shipping_courier: 'jnt',
      shipping_service: 'REG',
      payment_method: 'virtual_account',
      payment_channel: 'bca',
      customer_note: 'Please pack carefully',
      ...extra,
    });

  async function voucher(code: string, fields: Record<string, unknown> = {}) {
    const row = {
      name: `Voucher ${code}`,
      discount_type: 'fixed',
      discount_value: 100_000,
      min_purchase_amount: 0,
      is_public: true,
      active: true,
      ...fields,
    };
    const columns = Object.keys(row);
    await fx.sql(
      `insert into voucher (tenant_id, code, created_at, ${columns.join(', ')})
       values (?, ?, now(), ${columns.map(() => '?').join(', ')})`,
      [(await fx.tenant()).id, code, ...Object.values(row)],
    );
  }

  const stockOf = async (variantId: number) =>
    (await fx.sql<{ stock: number }>('select stock from product_variant where id = ?', [variantId]))[0]!
      .stock;
  const voucherUses = async (code: string) =>
    (
      await fx.sql<{ used_count: number }>(
        "select used_count from voucher where code = ? and tenant_id = (select id from tenant where slug = 'ansania')",
        [code],
      )
    )[0]!.used_count;

  /** `count` shoppers, each with `variantId` in the cart and voucher `code` applied */
  const shoppersWithVoucher = (count: number, variantId: number, code: string) =>
    Promise.all(
      Array.from({ length: count }, async () => {
        const s = await shopper(variantId, 1);
        const applied = await call('POST', '/cart/apply-voucher', s.token, { code });
        expect(applied.status).toBe(200);
        return s;
      }),
    );
  const count = async (query: string, params: unknown[]) =>
    (await fx.sql<{ n: number }>(`select count(*)::int as n from ${query}`, params))[0]!.n;
  /** order lines sold of the variant */
  const orderLinesOf = (variantId: number) => count('order_item where variant_id = ?', [variantId]);
  /** the gateway's notifications recorded under this event id */
  const webhookEventsOf = (provider: string, eventId: string | undefined) =>
    count('webhook_event where provider = ? and event_id = ?', [provider, eventId]);
  /** completed payments with the gateway's reference */
  const completedPaymentsOf = (providerReference: string) =>
    count("payment where provider_reference = ? and status = 'completed'", [providerReference]);
  /** orders that carry voucher `code` */
  const ordersWithVoucher = (code: string) => count('customer_order where voucher_code = ?', [code]);
  const soldCountOf = async (productId: number) =>
    (await fx.sql<{ sold_count: number }>('select sold_count from product where id = ?', [productId]))[0]!
      .sold_count;

  return {
    ...fx,
    call,
    address,
    addToCart,
    shopper,
    createOrder,
    voucher,
    stockOf,
    voucherUses,
    shoppersWithVoucher,
    orderLinesOf,
    webhookEventsOf,
    completedPaymentsOf,
    ordersWithVoucher,
    soldCountOf,
  };
}
