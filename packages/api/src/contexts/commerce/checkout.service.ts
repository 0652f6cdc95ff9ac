import {
  customerCanCancel,
  DomainError,
  fieldError,
  isShopOrderStatus,
  priceOrder,
  type VoucherRejection,
  validationError,
  voucherError,
} from '@komisi/domain';
import { inTransaction, type Scope, toSafeInteger } from '../../kernel/scope.ts';
import { Account } from '../identity/account.entity.ts';
import type { Payment } from '../payments/payment.entity.ts';
import type { PaymentsService, SettlementHandler } from '../payments/payments.service.ts';
import { nextSequence } from '../tenancy/tenant.service.ts';
import type { Address } from './address.entity.ts';
import type { AddressesService } from './addresses.service.ts';
import type { CartContents, CartLine, CartsService } from './carts.service.ts';
import { Order } from './order.entity.ts';
import { OrderItem } from './order-item.entity.ts';
import { recordStatus } from './order-timeline.ts';
import type { ShippingOption } from './shipping/courier.ts';
import { courierFor } from './shipping/couriers.ts';
import { type VouchersService, voucherNotFound } from './vouchers.service.ts';

/** Where the store ships from (the rate-table couriers price by province). */
export const SHOP_ORIGIN_PROVINCE = 'DKI Jakarta';
/** A product without a weight is shipped as 1 kg. */
export const DEFAULT_WEIGHT_GRAMS = 1000;
export const SHOP_TIME_ZONE = 'Asia/Jakarta';

export type CheckoutIssueType =
  | 'empty_cart'
  | 'unavailable'
  | 'out_of_stock'
  | 'insufficient_stock'
  | 'voucher_invalid';

export interface CheckoutIssue {
  /** the cart line; null for cart-wide issues (empty cart, voucher) */
  itemId: number | null;
  type: CheckoutIssueType;
  message: string;
  /** insufficient_stock: how many are left */
  available?: number;
  /** voucher_invalid: the voucher rule's code (VOUCHER_EXPIRED, ...) */
  code?: string;
}

export interface NewShopOrder {
  shippingAddressId: number;
  courier: string;
  service: string;
  paymentMethod: string;
  paymentChannel: string | null;
  customerNote: string | null;
  callbackUrl: string | null;
}

export interface PlacedOrder {
  order: Order;
  payment: Payment;
}

/** Anything that wants to hear about an order being paid or reversed (affiliate commissions). */
/** Who hears about shop orders paid and reversed, in the order's transaction (results are ignored). */
export interface OrderHooks {
  onOrderPaid(tx: Scope, orderId: number): Promise<unknown>;
  onOrderReversed(tx: Scope, orderId: number): Promise<unknown>;
}

/** `20260203` for the shop's calendar day of `now`. */
export function shopDay(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: SHOP_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(now)
    .replace(/-/g, '');
}

export const formatOrderNumber = (day: string, n: number) => `ORD-${day}-${String(n).padStart(3, '0')}`;

/** `Natural / Matte / Large` from the variant's options that are set. */
export function variantName(v: CartLine['variant']): string | null {
  const parts = [v.color, v.finishing, v.size].filter((p): p is string => !!p?.trim());
  return parts.length ? parts.join(' / ') : null;
}

export function addressText(a: Address): string {
  const street = [a.addressLine1, a.addressLine2, a.district, a.city].filter((p) => !!p?.trim()).join(', ');
  return `${street}, ${a.province} ${a.postalCode}`.slice(0, 500);
}

function lineIssues(lines: CartLine[]): CheckoutIssue[] {
  const issues: CheckoutIssue[] = [];
  for (const line of lines) {
    const name = line.product.name;
    if (!line.variant.isVisible) {
      issues.push({ itemId: line.id, type: 'unavailable', message: `${name} is no longer available` });
    } else if (line.variant.stock <= 0) {
      issues.push({ itemId: line.id, type: 'out_of_stock', message: 'Product is out of stock' });
    } else if (line.quantity > line.variant.stock) {
      issues.push({
        itemId: line.id,
        type: 'insufficient_stock',
        message: `Only ${line.variant.stock} of ${name} in stock`,
        available: line.variant.stock,
      });
    }
  }
  return issues;
}

function issuesOf(cart: CartContents): CheckoutIssue[] {
  if (cart.lines.length === 0) {
    return [{ itemId: null, type: 'empty_cart', message: 'Your cart is empty' }];
  }
  const issues = lineIssues(cart.lines);
  if (cart.voucherIssue) {
    issues.push({
      itemId: null,
      type: 'voucher_invalid',
      message: cart.voucherIssue.message,
      code: cart.voucherIssue.code,
    });
  }
  return issues;
}

function insufficientStockError(line: CartLine, available: number): DomainError {
  const name = line.product.name;
  const message = available <= 0 ? `${name} is out of stock.` : `Only ${available} of ${name} left in stock.`;
  return new DomainError('INSUFFICIENT_STOCK', `Insufficient stock for ${name}`, {
    fields: { items: [message] },
    details: { item_id: line.id, product_variant_id: line.variant.id, sku: line.variant.sku, available },
  });
}

interface ShopOrderRow {
  id: number;
  account_id: number;
  status: string;
  total_amount: string | number;
  order_number: string | null;
}

/**
 * Shop checkout: validates the cart, quotes shipping and turns the cart into an order with its stock
 * reserved and its voucher redeemed in one transaction, then opens the payment. It is also the
 * settlement handler of shop orders (paid → paid; failed → cancelled with stock and voucher back) and
 * the customer's cancellation.
 */
export class CheckoutService implements SettlementHandler {
  readonly #carts: CartsService;
  readonly #vouchers: VouchersService;
  readonly #addresses: AddressesService;
  readonly #payments: PaymentsService;
  #hooks: OrderHooks | null;

  constructor(deps: {
    carts: CartsService;
    vouchers: VouchersService;
    addresses: AddressesService;
    payments: PaymentsService;
    hooks?: OrderHooks | null;
  }) {
    this.#carts = deps.carts;
    this.#vouchers = deps.vouchers;
    this.#addresses = deps.addresses;
    this.#payments = deps.payments;
    this.#hooks = deps.hooks ?? null;
  }

  /** Who hears about orders paid and reversed (affiliate commissions), once the services exist. */
  useHooks(hooks: OrderHooks): void {
    this.#hooks = hooks;
  }

  /** What stands between the customer's cart and an order (prices are always live, so never a price change). */
  async validate(scope: Scope, accountId: number): Promise<CheckoutIssue[]> {
    return issuesOf(await this.#carts.contents(scope, { accountId }));
  }

  /** The courier's services for the cart's weight to one of the customer's addresses. */
  async shippingOptions(
    scope: Scope,
    accountId: number,
    addressId: number,
    courier: string,
  ): Promise<ShippingOption[]> {
    const address = await this.#addresses.own(scope, accountId, addressId);
    const cart = await this.#carts.contents(scope, { accountId });
    return this.#quote(scope, cart, address, courier);
  }

  async #quote(scope: Scope, cart: CartContents, address: Address, courier: string) {
    const weightGrams = await this.#weight(scope, cart.lines);
    return courierFor(courier).quote({
      originProvince: SHOP_ORIGIN_PROVINCE,
      destinationProvince: address.province,
      destinationCity: address.city,
      weightGrams,
    });
  }

  async #weight(scope: Scope, lines: CartLine[]): Promise<number> {
    if (lines.length === 0) return DEFAULT_WEIGHT_GRAMS;
    const rows = await scope.em.execute<{ id: number; weight_grams: number | null }[]>(
      `select id, weight_grams from product where tenant_id = ? and id in (${lines.map(() => '?').join(', ')})`,
      [scope.tenant.id, ...lines.map((l) => l.product.id)],
    );
    const weights = new Map(rows.map((r) => [r.id, r.weight_grams ?? DEFAULT_WEIGHT_GRAMS]));
    return lines.reduce(
      (total, l) => total + (weights.get(l.product.id) ?? DEFAULT_WEIGHT_GRAMS) * l.quantity,
      0,
    );
  }

  /**
   * Turns the cart into an order: in one transaction the cart is locked and re-checked, each variant's
   * stock is taken by a conditional update (no oversell under concurrency), the voucher is redeemed
   * (its usage limit holds under concurrency), the order is numbered and recorded and the cart emptied.
   * The payment is opened afterwards; if that fails the order is cancelled and stock and voucher return.
   */
  async createOrder(scope: Scope, accountId: number, input: NewShopOrder): Promise<PlacedOrder> {
    const address = await this.#addresses.own(scope, accountId, input.shippingAddressId);
    const order = await inTransaction(scope, (tx) => this.#record(tx, accountId, address, input));
    return this.openPayment(scope, order, {
      paymentMethod: input.paymentMethod,
      callbackUrl: input.callbackUrl,
      details: { channel: input.paymentChannel },
    });
  }

  /**
   * Opens the gateway payment of a just-recorded order (outside its transaction: a gateway call
   * must not hold row locks). If the gateway refuses, the order is cancelled, stock and voucher back.
   */
  async openPayment(
    scope: Scope,
    order: Order,
    input: { paymentMethod: string; callbackUrl: string | null; details?: Record<string, unknown> },
  ): Promise<PlacedOrder> {
    const buyer = await scope.em.findOneOrFail(Account, { id: order.account });
    try {
      const payment = await this.#payments.create(scope, {
        accountId: order.account,
        purpose: 'order',
        subjectId: order.id,
        amount: order.totalAmount,
        requestedMethod: input.paymentMethod.slice(0, 32),
        callbackUrl: input.callbackUrl,
        description: `Order ${order.orderNumber}`,
        customer: { email: buyer.email, name: buyer.name, phone: buyer.phone ?? null },
        details: { orderNumber: order.orderNumber, ...input.details },
      });
      await scope.em.nativeUpdate(Order, { id: order.id }, { paymentId: payment.id });
      order.paymentId = payment.id;
      return { order, payment };
    } catch (e) {
      await inTransaction(scope, (tx) => this.#cancelPending(tx, order.id, 'payment_failed'));
      throw e;
    }
  }

  async #record(tx: Scope, accountId: number, address: Address, input: NewShopOrder): Promise<Order> {
    const cart = await this.#carts.lockForCheckout(tx, accountId);
    if (cart.id === null || cart.lines.length === 0) {
      throw validationError({ cart: ['Your cart is empty.'] }, 'Your cart is empty');
    }
    if (cart.voucherIssue) {
      if (cart.voucherIssue.code === 'VOUCHER_NOT_FOUND') throw voucherNotFound();
      throw voucherError(cart.voucherIssue.code as VoucherRejection, cart.voucherIssue.message);
    }
    const options = await this.#quote(tx, cart, address, input.courier);
    const service = options.find((o) => o.service.toUpperCase() === input.service.trim().toUpperCase());
    if (!service) {
      throw fieldError(
        'shipping_service',
        `must be one of: ${options.map((o) => o.service).join(', ')} for this address`,
      );
    }
    // Variants in id order, so concurrent checkouts of the same variants lock them in the same order.
    for (const line of [...cart.lines].sort((a, b) => a.variant.id - b.variant.id)) {
      if (!line.variant.isVisible) throw insufficientStockError(line, 0);
      if (!(await takeVariantStock(tx, line.variant.id, line.quantity))) {
        const [now] = await tx.em.execute<{ stock: number }[]>(
          'select stock from product_variant where tenant_id = ? and id = ?',
          [tx.tenant.id, line.variant.id],
        );
        throw insufficientStockError(line, now?.stock ?? 0);
      }
    }
    const base = priceOrder({ lines: cart.lines, shippingCost: service.cost });
    const orderNumber = await nextOrderNumber(tx);
    const buyer = await tx.em.findOneOrFail(Account, { id: accountId });
    const order = tx.em.create(Order, {
      tenant: tx.tenant.id,
      account: accountId,
      status: 'pending_payment',
      totalAmount: base.total,
      currency: tx.tenant.currency,
      paymentMethod: input.paymentMethod.slice(0, 32),
      paymentChannel: input.paymentChannel,
      customerName: buyer.name,
      customerPhone: buyer.phone ?? null,
      customerAddress: addressText(address),
      createdAt: tx.now,
      orderNumber,
      subtotal: base.subtotal,
      discount: 0,
      shippingCost: base.shippingCost,
      shippingDiscount: 0,
      voucherCode: null,
      shippingRecipient: address.recipientName,
      shippingPhone: address.phone,
      shippingProvince: address.province,
      shippingCourier: courierFor(input.courier).code,
      shippingService: service.service,
      customerNote: input.customerNote,
    });
    await tx.em.flush();
    await recordStatus(tx, order.id, 'pending_payment', null, accountId);
    if (cart.voucher) {
      const applied = await this.#vouchers.redeem(tx, {
        code: cart.voucher.voucher.code,
        accountId,
        orderId: order.id,
        subtotal: base.subtotal,
        shippingCost: base.shippingCost,
      });
      const priced = priceOrder({ lines: cart.lines, shippingCost: service.cost, voucher: applied });
      order.voucherCode = applied.voucher.code;
      order.discount = priced.discount;
      order.shippingDiscount = priced.shippingDiscount;
      order.totalAmount = priced.total;
    }
    for (const line of cart.lines) {
      tx.em.create(OrderItem, {
        tenant: tx.tenant.id,
        order: order.id,
        product: line.product.id,
        variant: line.variant.id,
        productName: line.product.name,
        variantName: variantName(line.variant),
        sku: line.variant.sku,
        productImage: line.product.image?.slice(0, 1000) ?? null,
        unitPrice: line.unitPrice,
        quantity: line.quantity,
        amount: line.subtotal,
      });
    }
    await tx.em.flush();
    await this.#carts.clear(tx, cart.id);
    return order;
  }

  /**
   * Shop orders still unpaid `ttlMinutes` after they were placed: the gateway is asked once more
   * (a payment made meanwhile settles the order as paid), then what is still unpaid is cancelled
   * with reason `payment_expired`, giving its stock and voucher use back. A gateway that cannot be
   * reached leaves the order for the next run. A payment arriving after all is owed back
   * (`refund_due`, as for any payment of a cancelled order). Returns how many were cancelled.
   */
  async expireUnpaid(scope: Scope, ttlMinutes: number, limit = 100): Promise<number> {
    const cutoff = new Date(scope.now.getTime() - ttlMinutes * 60_000);
    const due = await scope.em.execute<{ id: number; payment_id: number | null }[]>(
      `select id, payment_id from customer_order
       where tenant_id = ? and status = 'pending_payment' and order_number is not null and created_at < ?
       order by created_at limit ?`,
      [scope.tenant.id, cutoff, limit],
    );
    let expired = 0;
    for (const order of due) {
      if (order.payment_id !== null) {
        try {
          await this.#payments.settle(scope, order.payment_id);
        } catch {
          continue; // the gateway did not answer: never cancel what may have been paid
        }
      }
      const cancelled = await inTransaction(scope, (tx) =>
        this.#cancelPending(tx, order.id, 'payment_expired'),
      );
      if (cancelled) expired++;
    }
    return expired;
  }

  /** A shop order's payment completed: the order is paid once; a payment for a cancelled order is owed back. */
  async completed(tx: Scope, payment: Payment): Promise<void> {
    const orderId = payment.subjectId!;
    const paid = await tx.em.execute<{ id: number }[]>(
      `update customer_order set status = 'paid', paid_at = ?
       where tenant_id = ? and id = ? and status = 'pending_payment' returning id`,
      [tx.now, tx.tenant.id, orderId],
    );
    if (paid.length === 0) {
      // Paid after the customer cancelled: the money goes back (a refund the shop must make).
      await tx.em.execute(
        `update customer_order set refund_due = total_amount
         where tenant_id = ? and id = ? and status = 'cancelled' and paid_at is null`,
        [tx.tenant.id, orderId],
      );
      return;
    }
    await recordStatus(tx, orderId, 'paid');
    await addSoldCount(tx, orderId, +1);
    await this.#hooks?.onOrderPaid(tx, orderId);
  }

  /** A shop order's payment failed or expired: the order is cancelled, stock and voucher come back. */
  async failed(tx: Scope, payment: Payment): Promise<void> {
    await this.#cancelPending(tx, payment.subjectId!, 'payment_failed');
  }

  /** Cancels an order still pending payment (stock and voucher back); false when it no longer is. */
  async #cancelPending(tx: Scope, orderId: number, reason: string): Promise<boolean> {
    const rows = await tx.em.execute<{ id: number }[]>(
      `update customer_order set status = 'cancelled', cancel_reason = ?, cancelled_at = ?
       where tenant_id = ? and id = ? and status = 'pending_payment' returning id`,
      [reason, tx.now, tx.tenant.id, orderId],
    );
    if (rows.length === 0) return false;
    await recordStatus(tx, orderId, 'cancelled', reason);
    await releaseOrderStock(tx, orderId);
    await this.#vouchers.release(tx, orderId);
    // a referral recorded when the order was placed earns nothing now
    await this.#hooks?.onOrderReversed(tx, orderId);
    return true;
  }

  /**
   * The customer cancels their own order while it is pending payment or paid. Stock and the voucher
   * use come back; a paid order's affiliate commission is reversed and its total is recorded as a
   * refund due (the shop pays it back; no gateway refund is made here).
   */
  async cancel(scope: Scope, accountId: number, orderNumber: string, reason: string): Promise<void> {
    await inTransaction(scope, async (tx) => {
      const [order] = await tx.em.execute<ShopOrderRow[]>(
        `select id, account_id, status, total_amount, order_number from customer_order
         where tenant_id = ? and account_id = ? and order_number = ? for update`,
        [tx.tenant.id, accountId, orderNumber],
      );
      if (!order) throw new DomainError('NOT_FOUND', 'Order not found');
      const status = order.status;
      if (!isShopOrderStatus(status) || !customerCanCancel(status)) {
        throw new DomainError('INVALID_STATE', `An order that is ${status} cannot be cancelled`, {
          details: { status },
        });
      }
      const wasPaid = status === 'paid';
      await tx.em.execute(
        `update customer_order set status = 'cancelled', cancel_reason = ?, cancelled_at = ?, refund_due = ?
         where tenant_id = ? and id = ?`,
        [reason, tx.now, wasPaid ? toSafeInteger(order.total_amount) : 0, tx.tenant.id, order.id],
      );
      await recordStatus(tx, order.id, 'cancelled', reason, accountId);
      await releaseOrderStock(tx, order.id);
      await this.#vouchers.release(tx, order.id);
      if (wasPaid) {
        await addSoldCount(tx, order.id, -1);
        await this.#hooks?.onOrderReversed(tx, order.id);
      }
    });
  }
}

/**
 * Takes `quantity` from a visible variant's stock if that much is there: one conditional update, so
 * concurrent orders can never take more than there is. False when it was not taken.
 */
export async function takeVariantStock(tx: Scope, variantId: number, quantity: number): Promise<boolean> {
  const taken = await tx.em.execute<{ id: number }[]>(
    `update product_variant set stock = stock - ?
     where tenant_id = ? and id = ? and is_visible and stock >= ? returning id`,
    [quantity, tx.tenant.id, variantId, quantity],
  );
  return taken.length > 0;
}

/** The next order number of the shop's calendar day (`ORD-20260203-001`). */
export async function nextOrderNumber(tx: Scope): Promise<string> {
  const day = shopDay(tx.now);
  return formatOrderNumber(day, await nextSequence(tx, `order-number:${day}`));
}

/** Puts an order's quantities back on its variants' stock (cancellation; refund before shipping). */
export async function releaseOrderStock(tx: Scope, orderId: number): Promise<void> {
  await tx.em.execute(
    `update product_variant v set stock = v.stock + x.quantity
     from (select variant_id, sum(quantity)::int as quantity from order_item
           where tenant_id = ? and order_id = ? and variant_id is not null group by variant_id) x
     where v.id = x.variant_id and v.tenant_id = ?`,
    [tx.tenant.id, orderId, tx.tenant.id],
  );
}

/** Counts an order's quantities into (+1, paid) or out of (-1, cancelled or refunded) its products' sold_count. */
export async function addSoldCount(tx: Scope, orderId: number, sign: 1 | -1): Promise<void> {
  await tx.em.execute(
    `update product p set sold_count = greatest(p.sold_count + ? * x.quantity, 0)
     from (select product_id, sum(quantity)::int as quantity from order_item
           where tenant_id = ? and order_id = ? group by product_id) x
     where p.id = x.product_id and p.tenant_id = ?`,
    [sign, tx.tenant.id, orderId, tx.tenant.id],
  );
}
