import {
  DomainError,
  fieldError,
  type VoucherRejection,
  validationError,
  voucherError,
} from '@komisi/domain';
import { inTransaction, type Scope } from '../../../kernel/scope.ts';
import type { ShopStockService } from '../../catalog/shop-stock.service.ts';
import type { CartLine } from '../cart/cart-contents.ts';
import type { CartsService } from '../cart/carts.service.ts';
import type { AddressesService, ShippingAddress } from '../customers/addresses.service.ts';
import type { ShippingOption } from '../shipping/courier.ts';
import { courierFor } from '../shipping/couriers.ts';
import { quoteShipping } from '../shipping/shop-quote.ts';
import { voucherNotFound } from '../vouchers/vouchers.service.ts';
import { type CheckoutIssue, checkoutIssues } from './checkout-issues.ts';
import type { OrderPayments, PlacedOrder } from './order-payments.ts';
import type { OrderLine, OrderWriter, WrittenOrder } from './order-writer.ts';

export interface NewShopOrder {
  shippingAddressId: number;
  courier: string;
  service: string;
  paymentMethod: string;
  paymentChannel: string | null;
  customerNote: string | null;
  callbackUrl: string | null;
}

/** `Natural / Matte / Large` from the variant's options that are set. */
function variantName(v: CartLine['variant']): string | null {
  const parts = [v.color, v.finishing, v.size].filter((p): p is string => !!p?.trim());
  return parts.length ? parts.join(' / ') : null;
}

function addressText(a: ShippingAddress): string {
  const street = [a.addressLine1, a.addressLine2, a.district, a.city].filter((p) => !!p?.trim()).join(', ');
  return `${street}, ${a.province} ${a.postalCode}`.slice(0, 500);
}

/** A cart line as an order line, keeping the cart line for a refusal that names it. */
type CheckoutLine = OrderLine & { cartLine: CartLine };

const orderLineOf = (line: CartLine): CheckoutLine => ({
  productId: line.product.id,
  variantId: line.variant.id,
  productName: line.product.name,
  variantName: variantName(line.variant),
  sku: line.variant.sku,
  image: line.product.image,
  unitPrice: line.unitPrice,
  quantity: line.quantity,
  forSale: line.variant.isVisible,
  cartLine: line,
});

function insufficientStockError(line: CartLine, available: number): DomainError {
  const name = line.product.name;
  const message = available <= 0 ? `${name} is out of stock.` : `Only ${available} of ${name} left in stock.`;
  return new DomainError('INSUFFICIENT_STOCK', `Insufficient stock for ${name}`, {
    fields: { items: [message] },
    details: { item_id: line.id, product_variant_id: line.variant.id, sku: line.variant.sku, available },
  });
}

/**
 * Shop checkout: validates the cart, quotes shipping and turns the cart into an order with its stock
 * reserved and its voucher redeemed in one transaction, then opens the payment.
 */
export class CheckoutService {
  readonly #carts: CartsService;
  readonly #addresses: AddressesService;
  readonly #writer: OrderWriter;
  readonly #payments: OrderPayments;
  readonly #stock: ShopStockService;

  constructor(deps: {
    carts: CartsService;
    addresses: AddressesService;
    writer: OrderWriter;
    payments: OrderPayments;
    stock: ShopStockService;
  }) {
    this.#carts = deps.carts;
    this.#addresses = deps.addresses;
    this.#writer = deps.writer;
    this.#payments = deps.payments;
    this.#stock = deps.stock;
  }

  /** What stands between the customer's cart and an order (prices are always live, so never a price change). */
  async validate(scope: Scope, accountId: number): Promise<CheckoutIssue[]> {
    return checkoutIssues(await this.#carts.contents(scope, { accountId }));
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
    return quoteShipping(scope, parcelOf(cart.lines), address, courier);
  }

  /**
   * Turns the cart into an order: in one transaction the cart is locked and re-checked, each variant's
   * stock is taken by a conditional update (no oversell under concurrency), the voucher is redeemed
   * (its usage limit holds under concurrency), the order is numbered and recorded and the cart emptied.
   * The payment is opened afterwards; if that fails the order is cancelled and stock and voucher return.
   */
  async createOrder(scope: Scope, accountId: number, input: NewShopOrder): Promise<PlacedOrder> {
    const address = await this.#addresses.shippingAddress(scope, accountId, input.shippingAddressId);
    const order = await inTransaction(scope, (tx) => this.#record(tx, accountId, address, input));
    return this.#payments.open(scope, order, {
      customer: address.buyer,
      paymentMethod: input.paymentMethod,
      callbackUrl: input.callbackUrl,
      details: { channel: input.paymentChannel },
    });
  }

  async #record(
    tx: Scope,
    accountId: number,
    address: ShippingAddress,
    input: NewShopOrder,
  ): Promise<WrittenOrder> {
    const cart = await this.#carts.lockForCheckout(tx, accountId);
    if (cart.id === null || cart.lines.length === 0) {
      throw validationError({ cart: ['Your cart is empty.'] }, 'Your cart is empty');
    }
    if (cart.voucherIssue) {
      if (cart.voucherIssue.code === 'VOUCHER_NOT_FOUND') throw voucherNotFound();
      throw voucherError(cart.voucherIssue.code as VoucherRejection, cart.voucherIssue.message);
    }
    const options = await quoteShipping(tx, parcelOf(cart.lines), address, input.courier);
    const service = options.find((o) => o.service.toUpperCase() === input.service.trim().toUpperCase());
    if (!service) {
      throw fieldError(
        'shipping_service',
        `must be one of: ${options.map((o) => o.service).join(', ')} for this address`,
      );
    }
    // The cart is emptied in the order's statement: its row is locked already (above), and the
    // variants' stock and the day's order counter, every checkout's, are locked last, for the one
    // round trip of the commit. A refusal rolls the emptying back with the rest.
    const order = await this.#writer.write(tx, {
      accountId,
      lines: cart.lines.map(orderLineOf),
      shippingCost: service.cost,
      voucherCode: cart.voucher?.voucher.code ?? null,
      paymentMethod: input.paymentMethod,
      customerNote: input.customerNote,
      customerAddress: addressText(address),
      details: {
        paymentChannel: input.paymentChannel,
        shippingRecipient: address.recipientName,
        shippingPhone: address.phone,
        shippingProvince: address.province,
        shippingCourier: courierFor(input.courier).code,
        shippingService: service.service,
      },
      refuse: (t, line) => this.#refusal(t, line),
      alongside: this.#carts.clearing(tx, cart.id),
    });
    return order;
  }

  /** A line refused at checkout, with the stock there is now (0 for a variant no longer sold). */
  async #refusal(tx: Scope, line: CheckoutLine): Promise<DomainError> {
    if (!line.forSale) return insufficientStockError(line.cartLine, 0);
    return insufficientStockError(line.cartLine, await this.#stock.stockOf(tx, line.variantId));
  }
}

const parcelOf = (lines: CartLine[]) =>
  lines.map((l) => ({ productId: l.product.id, quantity: l.quantity, weightGrams: l.product.weightGrams }));
