import { type DomainError, priceOrder } from '@komisi/domain';
import type { EntityData } from '@mikro-orm/core';
import type { Scope } from '../../../kernel/scope.ts';
import type { ShopStockService } from '../../catalog/shop-stock.service.ts';
import { Account } from '../../identity/account.entity.ts';
import { Order } from '../orders/order.entity.ts';
import { OrderItem } from '../orders/order-item.entity.ts';
import { recordStatus } from '../orders/order-timeline.ts';
import type { VouchersService } from '../vouchers/vouchers.service.ts';
import { nextOrderNumber } from './order-numbers.ts';

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
}

/**
 * Writes a shop order (cart checkout and direct orders alike) inside the caller's transaction: each
 * variant's stock is taken by a conditional update (no oversell under concurrency), the order is
 * priced, numbered and recorded with its first timeline event, the voucher is redeemed (its usage limit
 * holds under concurrency) and the items are written with the product as it was sold. A refusal
 * throws, and rolling the transaction back undoes all of it.
 */
export class OrderWriter {
  readonly #vouchers: VouchersService;
  readonly #stock: ShopStockService;

  constructor(deps: { vouchers: VouchersService; stock: ShopStockService }) {
    this.#vouchers = deps.vouchers;
    this.#stock = deps.stock;
  }

  async write<L extends OrderLine>(tx: Scope, draft: OrderDraft<L>): Promise<Order> {
    // Variants in id order, so concurrent orders of the same variants lock them in the same order.
    for (const line of [...draft.lines].sort((a, b) => a.variantId - b.variantId)) {
      if (!line.forSale || !(await this.#stock.take(tx, line.variantId, line.quantity))) {
        throw await draft.refuse(tx, line);
      }
    }
    const { accountId, lines, shippingCost } = draft;
    const base = priceOrder({ lines, shippingCost });
    const orderNumber = await nextOrderNumber(tx);
    const buyer = await tx.em.findOneOrFail(Account, { id: accountId });
    const order = tx.em.create(Order, {
      tenant: tx.tenant.id,
      account: accountId,
      status: 'pending_payment',
      totalAmount: base.total,
      currency: tx.tenant.currency,
      paymentMethod: draft.paymentMethod.slice(0, 32),
      customerName: buyer.name,
      customerPhone: buyer.phone ?? null,
      customerAddress: draft.customerAddress ?? buyer.address ?? null,
      createdAt: tx.now,
      orderNumber,
      subtotal: base.subtotal,
      discount: 0,
      shippingCost: base.shippingCost,
      shippingDiscount: 0,
      voucherCode: null,
      customerNote: draft.customerNote,
      ...draft.details,
    });
    await tx.em.flush();
    await recordStatus(tx, order.id, 'pending_payment', null, accountId);
    if (draft.voucherCode) {
      const applied = await this.#vouchers.redeem(tx, {
        code: draft.voucherCode,
        accountId,
        orderId: order.id,
        subtotal: base.subtotal,
        shippingCost: base.shippingCost,
      });
      const priced = priceOrder({ lines, shippingCost, voucher: applied });
      order.voucherCode = applied.voucher.code;
      order.discount = priced.discount;
      order.shippingDiscount = priced.shippingDiscount;
      order.totalAmount = priced.total;
    }
    base.lines.forEach((priced, i) => {
      const line = lines[i]!;
      tx.em.create(OrderItem, {
        tenant: tx.tenant.id,
        order: order.id,
        product: line.productId,
        variant: line.variantId,
        productName: line.productName,
        variantName: line.variantName,
        sku: line.sku,
        productImage: line.image?.slice(0, 1000) ?? null,
        unitPrice: line.unitPrice,
        quantity: line.quantity,
        amount: priced.subtotal,
      });
    });
    await tx.em.flush();
    return order;
  }
}
