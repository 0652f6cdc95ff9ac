import { DomainError, fieldError } from '@komisi/domain';
import { inTransaction, type Scope, toSafeInteger } from '../../../kernel/scope.ts';
import type { OrderPayments, PlacedOrder } from './order-payments.ts';
import type { OrderWriter, WrittenOrder } from './order-writer.ts';

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
export type OrderRecordedHook = (tx: Scope, order: WrittenOrder) => Promise<void>;

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
 * (numbered, timeline, vouchers: the same order writer as the cart's checkout), so the shop's
 * settlement, cancellation and admin paths apply; the product is sold through its first visible
 * variant, whose stock is taken by a conditional update (no oversell under concurrency).
 */
export class DirectOrdersService {
  readonly #writer: OrderWriter;
  readonly #payments: OrderPayments;

  constructor(deps: { writer: OrderWriter; payments: OrderPayments }) {
    this.#writer = deps.writer;
    this.#payments = deps.payments;
  }

  /** What can be ordered: products with a visible variant, at that variant's price and stock. */
  async products(scope: Scope): Promise<DirectProduct[]> {
    // catalog's products with their first visible variant (a lateral join): the listing is one statement
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
  ): Promise<PlacedOrder> {
    const order = await inTransaction(scope, async (tx) => {
      const recorded = await this.#record(tx, accountId, input);
      await onRecorded?.(tx, recorded);
      return recorded;
    });
    return this.#payments.open(scope, order, {
      paymentMethod: input.paymentMethod,
      callbackUrl: input.callbackUrl,
    });
  }

  async #record(tx: Scope, accountId: number, input: NewDirectOrder): Promise<WrittenOrder> {
    // catalog's product and its first visible variant in one statement, in the order's transaction
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
    const line = {
      productId: product.id,
      variantId: product.variant_id,
      productName: product.name,
      variantName: null,
      sku: product.sku,
      image: product.feature_photo,
      unitPrice: toSafeInteger(product.unit_price),
      quantity: input.quantity,
      forSale: true,
    };
    return this.#writer.write(tx, {
      accountId,
      lines: [line],
      shippingCost: 0,
      voucherCode: input.couponCode,
      paymentMethod: input.paymentMethod,
      customerNote: input.customerNote,
      details: { beneficiaryName: input.beneficiaryName, distributionLocation: input.distributionLocation },
      refuse: async () =>
        new DomainError('INSUFFICIENT_STOCK', `Not enough ${product.name} left`, {
          fields: { quantity: [`Not enough ${product.name} left for ${input.quantity}.`] },
        }),
    });
  }
}
