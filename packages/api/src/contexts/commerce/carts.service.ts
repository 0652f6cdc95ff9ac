import { createHash, randomBytes } from 'node:crypto';
import { DomainError, multiply, priceOrder, validationError } from '@komisi/domain';
import { inTransaction, type Scope, toSafeInteger } from '../../kernel/scope.ts';
import type { AppliedVoucher, VouchersService } from './vouchers.service.ts';

/** Whose cart: a signed-in customer's (by account) or a guest's (by the token the guest holds). */
export interface CartOwner {
  accountId: number | null;
  /** the guest's cart token; ignored when `accountId` is set */
  token?: string | undefined;
}

export interface CartLine {
  id: number;
  quantity: number;
  /** always the variant's current price */
  unitPrice: number;
  subtotal: number;
  variant: {
    id: number;
    sku: string;
    color: string | null;
    finishing: string | null;
    size: string | null;
    /** the variant's stock; 0 when the variant is no longer sold */
    stock: number;
    isVisible: boolean;
  };
  product: { id: number; name: string; slug: string | null; image: string | null };
}

/** The cart's stored voucher code when it does not apply right now, and why. */
export interface CartVoucherIssue {
  voucherCode: string;
  code: string;
  message: string;
}

/** A cart priced with the domain's rules (shipping is not known in the cart, so it is 0). */
export interface CartContents {
  /** null when the caller has no cart yet */
  id: number | null;
  accountId: number | null;
  lines: CartLine[];
  subtotal: number;
  discount: number;
  total: number;
  voucher: AppliedVoucher | null;
  voucherIssue: CartVoucherIssue | null;
}

export interface AddedItem {
  cartId: number;
  /** the new guest cart's token, when this add created one (hand it to the guest once) */
  newToken: string | null;
}

/** How long a guest keeps the cart token cookie. */
export const CART_TOKEN_MAX_AGE_SECONDS = 30 * 86_400;

export const newCartToken = () => randomBytes(32).toString('base64url');
export const hashCartToken = (token: string) => createHash('sha256').update(token).digest('hex');

interface LineRow {
  id: number;
  quantity: number;
  variant_id: number;
  sku: string;
  color: string | null;
  finishing: string | null;
  size: string | null;
  price: string | number;
  stock: number;
  is_visible: boolean;
  product_id: number;
  product_name: string;
  product_slug: string | null;
  image: string | null;
}

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
  async contents(scope: Scope, owner: CartOwner): Promise<CartContents> {
    const cart = await this.#find(scope, owner);
    if (!cart) return emptyCart(owner.accountId);
    const lines = await this.lines(scope, cart.id);
    const accountId = cart.account_id;
    const base = lines.length ? priceOrder({ lines, shippingCost: 0 }) : null;
    const subtotal = base?.subtotal ?? 0;
    let voucher: AppliedVoucher | null = null;
    let voucherIssue: CartVoucherIssue | null = null;
    if (cart.voucher_code) {
      const found = await this.#vouchers.find(scope, cart.voucher_code);
      const result = found
        ? await this.#vouchers.evaluate(scope, found, accountId, { subtotal, shippingCost: 0 })
        : null;
      if (found && result?.ok) {
        voucher = {
          voucher: found,
          discountAmount: result.discountAmount,
          shippingDiscount: result.shippingDiscount,
        };
      } else {
        voucherIssue = {
          voucherCode: cart.voucher_code,
          code: result && !result.ok ? result.reason : 'VOUCHER_NOT_FOUND',
          message: result && !result.ok ? result.message : 'Voucher not found',
        };
      }
    }
    const priced = lines.length ? priceOrder({ lines, shippingCost: 0, voucher }) : null;
    return {
      id: cart.id,
      accountId,
      lines,
      subtotal,
      discount: priced?.discount ?? 0,
      total: priced?.total ?? 0,
      voucher,
      voucherIssue,
    };
  }

  /** A cart's lines with their variant, product and image, oldest first. */
  async lines(scope: Scope, cartId: number): Promise<CartLine[]> {
    const rows = await scope.em.execute<LineRow[]>(
      `select ci.id, ci.quantity, v.id as variant_id, v.sku, v.color, v.finishing, v.size, v.price,
         v.stock, v.is_visible, p.id as product_id, p.name as product_name, p.slug as product_slug,
         coalesce(
           (select i.url from product_image i where i.product_id = p.id and i.tenant_id = ci.tenant_id
            order by i.is_primary desc, i.position, i.id limit 1),
           p.feature_photo, p.images->>0) as image
       from cart_item ci
       join product_variant v on v.id = ci.variant_id
       join product p on p.id = v.product_id
       where ci.tenant_id = ? and ci.cart_id = ?
       order by ci.id`,
      [scope.tenant.id, cartId],
    );
    return rows.map((r) => {
      const unitPrice = toSafeInteger(r.price);
      return {
        id: r.id,
        quantity: r.quantity,
        unitPrice,
        subtotal: multiply(unitPrice, r.quantity),
        variant: {
          id: r.variant_id,
          sku: r.sku,
          color: r.color,
          finishing: r.finishing,
          size: r.size,
          stock: r.is_visible ? r.stock : 0,
          isVisible: r.is_visible,
        },
        product: { id: r.product_id, name: r.product_name, slug: r.product_slug, image: r.image },
      };
    });
  }

  /**
   * Adds `quantity` of a variant (a line already holding it grows). The line may not exceed the
   * variant's stock. A guest without a (known) cart gets a new cart and token.
   */
  async addItem(scope: Scope, owner: CartOwner, variantId: number, quantity: number): Promise<AddedItem> {
    return inTransaction(scope, async (tx) => {
      const variant = await this.#variant(tx, variantId);
      if (!variant?.is_visible) throw variantNotFound();
      const cart = await this.#lockOrCreate(tx, owner);
      const [line] = await tx.em.execute<{ quantity: number }[]>(
        'select quantity from cart_item where tenant_id = ? and cart_id = ? and variant_id = ?',
        [tx.tenant.id, cart.cartId, variantId],
      );
      const inCart = line?.quantity ?? 0;
      if (inCart + quantity > variant.stock) throw insufficientStock(variant.stock, inCart);
      await tx.em.execute(
        `insert into cart_item (tenant_id, cart_id, variant_id, quantity, added_at) values (?, ?, ?, ?, ?)
         on conflict (cart_id, variant_id) do update set quantity = excluded.quantity`,
        [tx.tenant.id, cart.cartId, variantId, inCart + quantity, tx.now],
      );
      return cart;
    });
  }

  /** Sets a line's quantity (at least 1; removing is `removeItem`). Another cart's line is not found. */
  async updateItem(scope: Scope, owner: CartOwner, itemId: number, quantity: number): Promise<void> {
    await inTransaction(scope, async (tx) => {
      const cartId = await this.#lock(tx, owner);
      if (cartId === null) throw itemNotFound();
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
      const cartId = await this.#lock(tx, owner);
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

  /**
   * Moves a guest cart into the customer's: quantities of the same variant are summed, capped at the
   * variant's stock (a customer's own line is never reduced); variants no longer sold are dropped; the
   * guest cart is deleted. Returns false when the token names no guest cart (already merged, unknown).
   */
  async mergeGuestCart(scope: Scope, accountId: number, token: string): Promise<boolean> {
    return inTransaction(scope, async (tx) => {
      // Guest cart first, then the customer's: every path that locks both locks them in this order.
      const [guest] = await tx.em.execute<{ id: number }[]>(
        `select id from cart where tenant_id = ? and guest_token_hash = ? and account_id is null for update`,
        [tx.tenant.id, hashCartToken(token)],
      );
      if (!guest) return false;
      const { cartId } = await this.#lockOrCreate(tx, { accountId });
      const rows = await tx.em.execute<(VariantRow & { quantity: number; mine: number | null })[]>(
        `select g.quantity, v.id, v.stock, v.is_visible, m.quantity as mine
         from cart_item g
         join product_variant v on v.id = g.variant_id
         left join cart_item m on m.cart_id = ? and m.variant_id = g.variant_id
         where g.tenant_id = ? and g.cart_id = ?
         order by g.id`,
        [cartId, tx.tenant.id, guest.id],
      );
      for (const row of rows) {
        if (!row.is_visible) continue;
        const mine = row.mine ?? 0;
        const merged = Math.max(mine, Math.min(mine + row.quantity, row.stock));
        if (merged === 0 || merged === mine) continue;
        await tx.em.execute(
          `insert into cart_item (tenant_id, cart_id, variant_id, quantity, added_at) values (?, ?, ?, ?, ?)
           on conflict (cart_id, variant_id) do update set quantity = excluded.quantity`,
          [tx.tenant.id, cartId, row.id, merged, tx.now],
        );
      }
      await tx.em.execute('delete from cart where tenant_id = ? and id = ?', [tx.tenant.id, guest.id]);
      return true;
    });
  }

  /**
   * Checks `code` against the customer's cart (its subtotal, their uses) and stores it as the cart's
   * one voucher, replacing any other. Refusals throw (400 with the rule's code, 404 VOUCHER_NOT_FOUND).
   */
  async applyVoucher(scope: Scope, accountId: number, code: string): Promise<AppliedVoucher> {
    return inTransaction(scope, async (tx) => {
      const { cartId } = await this.#lockOrCreate(tx, { accountId });
      const lines = await this.lines(tx, cartId);
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
    await this.#lock(tx, { accountId });
    return this.contents(tx, { accountId });
  }

  /** Empties a cart and drops its voucher (after checkout). */
  async clear(tx: Scope, cartId: number): Promise<void> {
    await tx.em.execute('delete from cart_item where tenant_id = ? and cart_id = ?', [tx.tenant.id, cartId]);
    await tx.em.execute(
      'update cart set voucher_code = null, updated_at = ? where tenant_id = ? and id = ?',
      [tx.now, tx.tenant.id, cartId],
    );
  }

  async #find(scope: Scope, owner: CartOwner) {
    if (owner.accountId === null && !owner.token) return undefined;
    const [cart] = await scope.em.execute<
      { id: number; account_id: number | null; voucher_code: string | null }[]
    >(
      owner.accountId !== null
        ? 'select id, account_id, voucher_code from cart where tenant_id = ? and account_id = ?'
        : `select id, account_id, voucher_code from cart
           where tenant_id = ? and guest_token_hash = ? and account_id is null`,
      [scope.tenant.id, owner.accountId ?? hashCartToken(owner.token!)],
    );
    return cart;
  }

  async #variant(scope: Scope, variantId: number): Promise<VariantRow | undefined> {
    const [row] = await scope.em.execute<VariantRow[]>(
      'select id, stock, is_visible from product_variant where tenant_id = ? and id = ?',
      [scope.tenant.id, variantId],
    );
    return row;
  }

  /** Locks the caller's existing cart (until the transaction ends); null when there is none. */
  async #lock(tx: Scope, owner: CartOwner): Promise<number | null> {
    if (owner.accountId === null && !owner.token) return null;
    const [row] = await tx.em.execute<{ id: number }[]>(
      owner.accountId !== null
        ? 'update cart set updated_at = ? where tenant_id = ? and account_id = ? returning id'
        : `update cart set updated_at = ? where tenant_id = ? and guest_token_hash = ? and account_id is null
           returning id`,
      [tx.now, tx.tenant.id, owner.accountId ?? hashCartToken(owner.token!)],
    );
    return row?.id ?? null;
  }

  /**
   * Locks the caller's cart, creating it first when there is none. A customer's cart is an upsert on
   * the one-cart-per-account constraint, so concurrent first adds end up in the same cart. A guest whose
   * token names no cart gets a new cart and a new token (a token the client made up is never adopted).
   */
  async #lockOrCreate(tx: Scope, owner: CartOwner): Promise<AddedItem> {
    if (owner.accountId !== null) {
      const [row] = await tx.em.execute<{ id: number }[]>(
        `insert into cart (tenant_id, account_id, created_at, updated_at) values (?, ?, ?, ?)
         on conflict (account_id) do update set updated_at = excluded.updated_at
         returning id`,
        [tx.tenant.id, owner.accountId, tx.now, tx.now],
      );
      return { cartId: row!.id, newToken: null };
    }
    const existing = await this.#lock(tx, owner);
    if (existing !== null) return { cartId: existing, newToken: null };
    const token = newCartToken();
    const [row] = await tx.em.execute<{ id: number }[]>(
      `insert into cart (tenant_id, guest_token_hash, created_at, updated_at) values (?, ?, ?, ?)
       returning id`,
      [tx.tenant.id, hashCartToken(token), tx.now, tx.now],
    );
    return { cartId: row!.id, newToken: token };
  }
}

function emptyCart(accountId: number | null): CartContents {
  return {
    id: null,
    accountId,
    lines: [],
    subtotal: 0,
    discount: 0,
    total: 0,
    voucher: null,
    voucherIssue: null,
  };
}
