import { createHash, randomBytes } from 'node:crypto';
import type { Scope } from '../../../kernel/scope.ts';

// The cart rows behind every cart change: finding, locking or creating the owner's cart, and setting a line.

/** Whose cart: a signed-in customer's (by account) or a guest's (by the token the guest holds). */
export interface CartOwner {
  accountId: number | null;
  /** the guest's cart token; ignored when `accountId` is set */
  token?: string | undefined;
}

export interface OwnedCart {
  cartId: number;
  /** the new guest cart's token, when this call created one (hand it to the guest once) */
  newToken: string | null;
}

export interface CartRow {
  id: number;
  account_id: number | null;
  voucher_code: string | null;
}

/** How long a guest keeps the cart token cookie. */
export const CART_TOKEN_MAX_AGE_SECONDS = 30 * 86_400;

export const newCartToken = () => randomBytes(32).toString('base64url');
export const hashCartToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The owner's cart row, unlocked; undefined when there is none. */
export async function findCart(scope: Scope, owner: CartOwner): Promise<CartRow | undefined> {
  if (owner.accountId === null && !owner.token) return undefined;
  const [cart] = await scope.em.execute<CartRow[]>(
    owner.accountId !== null
      ? 'select id, account_id, voucher_code from cart where tenant_id = ? and account_id = ?'
      : `select id, account_id, voucher_code from cart
         where tenant_id = ? and guest_token_hash = ? and account_id is null`,
    [scope.tenant.id, owner.accountId ?? hashCartToken(owner.token!)],
  );
  return cart;
}

/** Locks the caller's existing cart (until the transaction ends); null when there is none. */
export async function lockCart(tx: Scope, owner: CartOwner): Promise<number | null> {
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
export async function lockOrCreateCart(tx: Scope, owner: CartOwner): Promise<OwnedCart> {
  if (owner.accountId !== null) {
    const [row] = await tx.em.execute<{ id: number }[]>(
      `insert into cart (tenant_id, account_id, created_at, updated_at) values (?, ?, ?, ?)
       on conflict (account_id) do update set updated_at = excluded.updated_at
       returning id`,
      [tx.tenant.id, owner.accountId, tx.now, tx.now],
    );
    return { cartId: row!.id, newToken: null };
  }
  const existing = await lockCart(tx, owner);
  if (existing !== null) return { cartId: existing, newToken: null };
  const token = newCartToken();
  const [row] = await tx.em.execute<{ id: number }[]>(
    `insert into cart (tenant_id, guest_token_hash, created_at, updated_at) values (?, ?, ?, ?)
     returning id`,
    [tx.tenant.id, hashCartToken(token), tx.now, tx.now],
  );
  return { cartId: row!.id, newToken: token };
}

/** Sets a cart's line of a variant to `quantity`, creating the line when the cart has none. */
export async function setCartLine(
  tx: Scope,
  cartId: number,
  variantId: number,
  quantity: number,
): Promise<void> {
  await tx.em.execute(
    `insert into cart_item (tenant_id, cart_id, variant_id, quantity, added_at) values (?, ?, ?, ?, ?)
     on conflict (cart_id, variant_id) do update set quantity = excluded.quantity`,
    [tx.tenant.id, cartId, variantId, quantity, tx.now],
  );
}
