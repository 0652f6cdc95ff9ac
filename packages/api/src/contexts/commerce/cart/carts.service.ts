import { DomainError, priceOrder, validationError } from '@komisi/domain';
import type { RawBuilder } from 'kysely';
import { boundRow, sql } from '../../../kernel/bound-sql.ts';
import { inTransaction, type Scope } from '../../../kernel/scope.ts';
import type { AppliedVoucher, VouchersService } from '../vouchers/vouchers.service.ts';
import { type CartContents, cartContents, cartLines, pricedCart } from './cart-contents.ts';
import {
  type CartOwner,
  type CartRow,
  lockCart,
  lockCartRow,
  lockOrCreateCart,
  type OwnedCart,
  setCartLine,
} from './cart-rows.ts';
import { mergeGuestCart } from './guest-cart-merge.ts';

interface VariantRow {
  id: number;
  stock: number;
  is_visible: boolean;
}

const itemNotFound = () => new DomainError('NOT_FOUND', 'Cart item not found');

const variantNotFound = () =>
  validationError(
    { product_variant_id: ['The selected product variant does not exist.'] },
    'Product variant not found',
  );

function insufficientStock(available: number, inCart: number): DomainError {
  const message =
    available === 0
      ? 'This product variant is out of stock.'
      : inCart > 0
        ? `Only ${available} in stock and ${inCart} already in your cart.`
        : `Only ${available} in stock.`;
  return new DomainError('INSUFFICIENT_STOCK', 'Insufficient stock', { fields: { quantity: [message] } });
}

/**
 * Shopping carts. Guests hold a random token (only its SHA-256 is stored); a customer has one cart per
 * account, and a guest cart merges into it once the guest signs in. Every change locks the cart row
 * first (an upsert or a conditional update), so concurrent changes to one cart run one after another:
 * the stock cap and the one-line-per-variant rule hold without retries.
 */
export class CartsService {
  readonly #vouchers: VouchersService;

  constructor(vouchers: VouchersService) {
    this.#vouchers = vouchers;
  }

  /** The caller's cart, priced, with its voucher re-evaluated; an empty cart when there is none. */
  contents(scope: Scope, owner: CartOwner): Promise<CartContents> {
    return cartContents(scope, this.#vouchers, owner);
  }

  /** A cart row the caller holds already (the one a change just locked), priced as `contents` does. */
  contentsOf(scope: Scope, owner: CartOwner, cart: CartRow): Promise<CartContents> {
    return pricedCart(scope, this.#vouchers, owner, cart);
  }

  /**
   * Adds `quantity` of a variant (a line already holding it grows). The line may not exceed the
   * variant's stock. A guest without a (known) cart gets a new cart and token.
   */
  async addItem(scope: Scope, owner: CartOwner, variantId: number, quantity: number): Promise<OwnedCart> {
    return inTransaction(scope, async (tx) => {
      // catalog's variant read directly: adding to the cart is the shop's hot path
      const variant = await boundRow<VariantRow>(
        tx,
        sql`select id, stock, is_visible from product_variant where tenant_id = ${tx.tenant.id} and id = ${variantId}`,
      );
      if (!variant?.is_visible) throw variantNotFound();
      const cart = await lockOrCreateCart(tx, owner);
      const line = await boundRow<{ quantity: number }>(
        tx,
        sql`select quantity from cart_item
            where tenant_id = ${tx.tenant.id} and cart_id = ${cart.cartId} and variant_id = ${variantId}`,
      );
      const inCart = line?.quantity ?? 0;
      if (inCart + quantity > variant.stock) throw insufficientStock(variant.stock, inCart);
      await setCartLine(tx, cart.cartId, variantId, inCart + quantity);
      return cart;
    });
  }

  /** Sets a line's quantity (at least 1; removing is `removeItem`). Another cart's line is not found. */
  async updateItem(scope: Scope, owner: CartOwner, itemId: number, quantity: number): Promise<void> {
    await inTransaction(scope, async (tx) => {
      const cartId = await lockCart(tx, owner);
      if (cartId === null) throw itemNotFound();
      // the line joined to catalog's variant (stock, visibility): one statement on the cart's hot path
      const [line] = await tx.em.execute<(VariantRow & { quantity: number })[]>(
        `select ci.quantity, v.id, v.stock, v.is_visible from cart_item ci
         join product_variant v on v.id = ci.variant_id
         where ci.tenant_id = ? and ci.cart_id = ? and ci.id = ?`,
        [tx.tenant.id, cartId, itemId],
      );
      if (!line) throw itemNotFound();
      const available = line.is_visible ? line.stock : 0;
      if (quantity > available) throw insufficientStock(available, 0);
      await tx.em.execute('update cart_item set quantity = ? where tenant_id = ? and id = ?', [
        quantity,
        tx.tenant.id,
        itemId,
      ]);
    });
  }

  async removeItem(scope: Scope, owner: CartOwner, itemId: number): Promise<void> {
    await inTransaction(scope, async (tx) => {
      const cartId = await lockCart(tx, owner);
      const removed =
        cartId === null
          ? []
          : await tx.em.execute<{ id: number }[]>(
              'delete from cart_item where tenant_id = ? and cart_id = ? and id = ? returning id',
              [tx.tenant.id, cartId, itemId],
            );
      if (removed.length === 0) throw itemNotFound();
    });
  }

  /** See `mergeGuestCart`: a guest's cart moves into the customer's once they sign in. */
  mergeGuestCart(scope: Scope, accountId: number, token: string): Promise<boolean> {
    return mergeGuestCart(scope, accountId, token);
  }

  /**
   * Checks `code` against the customer's cart (its subtotal, their uses) and stores it as the cart's
   * one voucher, replacing any other. Refusals throw (400 with the rule's code, 404 VOUCHER_NOT_FOUND).
   */
  async applyVoucher(scope: Scope, accountId: number, code: string): Promise<AppliedVoucher> {
    return inTransaction(scope, async (tx) => {
      const { cartId } = await lockOrCreateCart(tx, { accountId });
      const lines = await cartLines(tx, cartId);
      const subtotal = lines.length ? priceOrder({ lines, shippingCost: 0 }).subtotal : 0;
      const applied = await this.#vouchers.check(tx, accountId, code, { subtotal, shippingCost: 0 });
      await tx.em.execute('update cart set voucher_code = ? where tenant_id = ? and id = ?', [
        applied.voucher.code,
        tx.tenant.id,
        cartId,
      ]);
      return applied;
    });
  }

  async removeVoucher(scope: Scope, accountId: number): Promise<void> {
    await scope.em.execute(
      'update cart set voucher_code = null, updated_at = ? where tenant_id = ? and account_id = ?',
      [scope.now, scope.tenant.id, accountId],
    );
  }

  /**
   * Locks the customer's cart for a checkout (inside its transaction) and returns it priced; pair with
   * `clear` once the order is recorded. Concurrent cart changes wait for the checkout to finish.
   */
  async lockForCheckout(tx: Scope, accountId: number): Promise<CartContents> {
    const owner = { accountId };
    return pricedCart(tx, this.#vouchers, owner, await lockCartRow(tx, owner));
  }

  /**
   * Empties a cart and drops its voucher (after checkout): two statements (the lines deleted, the
   * voucher dropped) for the caller to send with its own (the order's): one round trip for all.
   */
  clearing(tx: Scope, cartId: number): [RawBuilder<unknown>, RawBuilder<unknown>] {
    return [
      sql`delete from cart_item where tenant_id = ${tx.tenant.id} and cart_id = ${cartId}`,
      sql`update cart set voucher_code = null, updated_at = ${tx.now} where tenant_id = ${tx.tenant.id} and id = ${cartId}`,
    ];
  }
}
