import type { CartContents, CartLine } from '../cart/cart-contents.ts';

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

/** What stands between a cart and an order (prices are always live, so never a price change). */
export function checkoutIssues(cart: CartContents): CheckoutIssue[] {
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
