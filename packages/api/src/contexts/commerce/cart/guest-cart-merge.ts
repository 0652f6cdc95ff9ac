import { inTransaction, type Scope } from '../../../kernel/scope.ts';
import { hashCartToken, lockOrCreateCart, setCartLine } from './cart-rows.ts';

interface GuestLineRow {
  id: number;
  stock: number;
  is_visible: boolean;
  quantity: number;
  mine: number | null;
}

/**
 * Moves a guest cart into the customer's: quantities of the same variant are summed, capped at the
 * variant's stock (a customer's own line is never reduced); variants no longer sold are dropped; the
 * guest cart is deleted. Returns false when the token names no guest cart (already merged, unknown).
 */
export async function mergeGuestCart(scope: Scope, accountId: number, token: string): Promise<boolean> {
  return inTransaction(scope, async (tx) => {
    // Guest cart first, then the customer's: every path that locks both locks them in this order.
    const [guest] = await tx.em.execute<{ id: number }[]>(
      `select id from cart where tenant_id = ? and guest_token_hash = ? and account_id is null for update`,
      [tx.tenant.id, hashCartToken(token)],
    );
    if (!guest) return false;
    const { cartId } = await lockOrCreateCart(tx, { accountId });
    // the guest's lines joined to catalog's variants (stock, visibility) and to the customer's lines
    const rows = await tx.em.execute<GuestLineRow[]>(
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
      await setCartLine(tx, cartId, row.id, merged);
    }
    await tx.em.execute('delete from cart where tenant_id = ? and id = ?', [tx.tenant.id, guest.id]);
    return true;
  });
}
