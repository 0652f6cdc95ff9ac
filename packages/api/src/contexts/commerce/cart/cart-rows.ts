import { createHash, randomBytes } from 'node:crypto';
import { boundRow, boundRun, sql } from '../../../kernel/bound-sql.ts';
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
  /** the cart's row as locked (its stored voucher code) */
  row: CartRow;
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
  return boundRow<CartRow>(
    scope,
    owner.accountId !== null
      ? sql`select id, account_id, voucher_code from cart where tenant_id = ${scope.tenant.id} and account_id = ${owner.accountId}`
      : sql`select id, account_id, voucher_code from cart
            where tenant_id = ${scope.tenant.id} and guest_token_hash = ${hashCartToken(owner.token!)} and account_id is null`,
  );
}

/** Locks the caller's existing cart (until the transaction ends); null when there is none. */
export async function lockCart(tx: Scope, owner: CartOwner): Promise<number | null> {
  return (await lockCartRow(tx, owner))?.id ?? null;
}

/** Locks the caller's existing cart (until the transaction ends) and returns its row; undefined when none. */
export async function lockCartRow(tx: Scope, owner: CartOwner): Promise<CartRow | undefined> {
  if (owner.accountId === null && !owner.token) return undefined;
  return boundRow<CartRow>(
    tx,
    owner.accountId !== null
      ? sql`update cart set updated_at = ${tx.now} where tenant_id = ${tx.tenant.id} and account_id = ${owner.accountId}
            returning id, account_id, voucher_code`
      : sql`update cart set updated_at = ${tx.now}
            where tenant_id = ${tx.tenant.id} and guest_token_hash = ${hashCartToken(owner.token!)} and account_id is null
            returning id, account_id, voucher_code`,
  );
}

/**
 * Locks the caller's cart, creating it first when there is none. A customer's cart is an upsert on
 * the one-cart-per-account constraint, so concurrent first adds end up in the same cart. A guest whose
 * token names no cart gets a new cart and a new token (a token the client made up is never adopted).
 */
export async function lockOrCreateCart(tx: Scope, owner: CartOwner): Promise<OwnedCart> {
  if (owner.accountId !== null) {
    const row = await boundRow<CartRow>(
      tx,
      sql`insert into cart (tenant_id, account_id, created_at, updated_at)
          values (${tx.tenant.id}, ${owner.accountId}, ${tx.now}, ${tx.now})
          on conflict (account_id) do update set updated_at = excluded.updated_at
          returning id, account_id, voucher_code`,
    );
    return { cartId: row!.id, row: row!, newToken: null };
  }
  const existing = await lockCartRow(tx, owner);
  if (existing) return { cartId: existing.id, row: existing, newToken: null };
  const token = newCartToken();
  const row = await boundRow<CartRow>(
    tx,
    sql`insert into cart (tenant_id, guest_token_hash, created_at, updated_at)
        values (${tx.tenant.id}, ${hashCartToken(token)}, ${tx.now}, ${tx.now})
        returning id, account_id, voucher_code`,
  );
  return { cartId: row!.id, row: row!, newToken: token };
}

/** Sets a cart's line of a variant to `quantity`, creating the line when the cart has none. */
export async function setCartLine(
  tx: Scope,
  cartId: number,
  variantId: number,
  quantity: number,
): Promise<void> {
  await boundRun(
    tx,
    sql`insert into cart_item (tenant_id, cart_id, variant_id, quantity, added_at)
        values (${tx.tenant.id}, ${cartId}, ${variantId}, ${quantity}, ${tx.now})
        on conflict (cart_id, variant_id) do update set quantity = excluded.quantity`,
  );
}
