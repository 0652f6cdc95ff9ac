import { DomainError, fieldError, priceOrder } from '@komisi/domain';
import { inTransaction, type Scope, toSafeInteger } from '../../kernel/scope.ts';
import { Account } from '../identity/account.entity.ts';
import type { Payment } from '../payments/payment.entity.ts';
import type { CheckoutService } from './checkout.service.ts';
import { nextOrderNumber, takeVariantStock } from './checkout.service.ts';
import { Order } from './order.entity.ts';
import { OrderItem } from './order-item.entity.ts';
import { recordStatus } from './order-timeline.ts';
import type { VouchersService } from './vouchers.service.ts';

/** One product bought straight away (no cart, nothing shipped): a qurban animal or share. */
export interface NewDirectOrder {
  productId: number;
  quantity: number;
  couponCode: string | null;
  paymentMethod: string;
  /** on whose behalf (qurban: the name the sacrifice is made for) */
  beneficiaryName: string;
  distributionLocation: string;
  customerNote: string | null;
  callbackUrl: string | null;
}

export interface DirectProduct {
  id: number;
  name: string;
  description: string | null;
  image: string | null;
  price: number;
  stock: number;
}

/** Runs inside the order's transaction once it is recorded (e.g. affiliate attribution). */
export type OrderRecordedHook = (tx: Scope, order: Order) => Promise<void>;

interface ProductRow {
  id: number;
  name: string;
  feature_photo: string | null;
  variant_id: number | null;
  sku: string | null;
  unit_price: string | number | null;
}

/**
 * Direct orders: one product, bought now, paid through the tenant's gateway. They are shop orders
 * (numbered, timeline, vouchers), so the shop's settlement, cancellation and admin paths apply; the
 * product is sold through its first visible variant, whose stock is taken by a conditional update
 * (no oversell under concurrency).
 */
export class DirectOrdersService {
  readonly #vouchers: VouchersService;
  readonly #checkout: CheckoutService;

  constructor(deps: { vouchers: VouchersService; checkout: CheckoutService }) {
    this.#vouchers = deps.vouchers;
    this.#checkout = deps.checkout;
  }

  /** What can be ordered: products with a visible variant, at that variant's price and stock. */
  async products(scope: Scope): Promise<DirectProduct[]> {
    const rows = await scope.em.execute<(Omit<DirectProduct, 'price'> & { price: string | number })[]>(
      `select p.id, p.name, p.description, p.feature_photo as image, v.price, v.stock
       from product p
       join lateral (select price, stock from product_variant
                     where product_id = p.id and is_visible order by id limit 1) v on true
       where p.tenant_id = ?
       order by p.id`,
      [scope.tenant.id],
    );
    return rows.map((r) => ({ ...r, price: toSafeInteger(r.price) }));
  }

  async create(
    scope: Scope,
    accountId: number,
    input: NewDirectOrder,
    onRecorded?: OrderRecordedHook,
  ): Promise<{ order: Order; payment: Payment }> {
    const order = await inTransaction(scope, async (tx) => {
      const recorded = await this.#record(tx, accountId, input);
      await onRecorded?.(tx, recorded);
      return recorded;
    });
    return this.#checkout.openPayment(scope, order, {
      paymentMethod: input.paymentMethod,
      callbackUrl: input.callbackUrl,
    });
  }

  async #record(tx: Scope, accountId: number, input: NewDirectOrder): Promise<Order> {
    const [product] = await tx.em.execute<ProductRow[]>(
      `select p.id, p.name, p.feature_photo, v.id as variant_id, v.sku, v.price as unit_price
       from product p
       left join lateral (select id, sku, price from product_variant
                          where product_id = p.id and is_visible order by id limit 1) v on true
       where p.tenant_id = ? and p.id = ?`,
      [tx.tenant.id, input.productId],
    );
    if (!product) throw fieldError('product_id', 'The selected product does not exist.');
    if (product.variant_id === null || product.unit_price === null) {
      throw fieldError('product_id', 'The selected product is not for sale.');
    }
    if (!(await takeVariantStock(tx, product.variant_id, input.quantity))) {
      throw new DomainError('INSUFFICIENT_STOCK', `Not enough ${product.name} left`, {
        fields: { quantity: [`Not enough ${product.name} left for ${input.quantity}.`] },
      });
    }
    const unitPrice = toSafeInteger(product.unit_price);
    const lines = [{ unitPrice, quantity: input.quantity }];
    const base = priceOrder({ lines, shippingCost: 0 });
    const orderNumber = await nextOrderNumber(tx);
    const buyer = await tx.em.findOneOrFail(Account, { id: accountId });
    const order = tx.em.create(Order, {
      tenant: tx.tenant.id,
      account: accountId,
      status: 'pending_payment',
      totalAmount: base.total,
      currency: tx.tenant.currency,
      paymentMethod: input.paymentMethod.slice(0, 32),
      customerName: buyer.name,
      customerPhone: buyer.phone ?? null,
      customerAddress: buyer.address ?? null,
      createdAt: tx.now,
      orderNumber,
      subtotal: base.subtotal,
      customerNote: input.customerNote,
      beneficiaryName: input.beneficiaryName,
      distributionLocation: input.distributionLocation,
    });
    await tx.em.flush();
    await recordStatus(tx, order.id, 'pending_payment', null, accountId);
    if (input.couponCode) {
      const applied = await this.#vouchers.redeem(tx, {
        code: input.couponCode,
        accountId,
        orderId: order.id,
        subtotal: base.subtotal,
        shippingCost: 0,
      });
      const priced = priceOrder({ lines, shippingCost: 0, voucher: applied });
      order.voucherCode = applied.voucher.code;
      order.discount = priced.discount;
      order.totalAmount = priced.total;
    }
    tx.em.create(OrderItem, {
      tenant: tx.tenant.id,
      order: order.id,
      product: product.id,
      variant: product.variant_id,
      productName: product.name,
      sku: product.sku,
      productImage: product.feature_photo?.slice(0, 1000) ?? null,
      unitPrice,
      quantity: input.quantity,
      amount: base.subtotal,
    });
    await tx.em.flush();
    return order;
  }
}
