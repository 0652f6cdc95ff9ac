import { multiply, priceOrder } from '@komisi/domain';
import { boundRows, sql } from '../../../kernel/bound-sql.ts';
import { type Scope, toSafeInteger } from '../../../kernel/scope.ts';
import type { AppliedVoucher, VouchersService } from '../vouchers/vouchers.service.ts';
import { type CartOwner, type CartRow, findCart } from './cart-rows.ts';

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
  product: {
    id: number;
    name: string;
    slug: string | null;
    image: string | null;
    weightGrams: number | null;
  };
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
  weight_grams: number | null;
  image: string | null;
}

/** The owner's cart, priced, with its voucher re-evaluated; an empty cart when there is none. */
export async function cartContents(
  scope: Scope,
  vouchers: VouchersService,
  owner: CartOwner,
): Promise<CartContents> {
  return pricedCart(scope, vouchers, owner, await findCart(scope, owner));
}

/** A cart row (found or locked by the caller) with its lines, priced and its voucher re-evaluated. */
export async function pricedCart(
  scope: Scope,
  vouchers: VouchersService,
  owner: CartOwner,
  cart: CartRow | undefined,
): Promise<CartContents> {
  if (!cart) return emptyCart(owner.accountId);
  const lines = await cartLines(scope, cart.id);
  const accountId = cart.account_id;
  const base = lines.length ? priceOrder({ lines, shippingCost: 0 }) : null;
  const subtotal = base?.subtotal ?? 0;
  let voucher: AppliedVoucher | null = null;
  let voucherIssue: CartVoucherIssue | null = null;
  if (cart.voucher_code) {
    const found = await vouchers.find(scope, cart.voucher_code);
    const result = found
      ? await vouchers.evaluate(scope, found, accountId, { subtotal, shippingCost: 0 })
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
// Joins catalog's variant, product and image rows: the cart is read on every page, in one statement.
export async function cartLines(scope: Scope, cartId: number): Promise<CartLine[]> {
  const rows = await boundRows<LineRow>(
    scope,
    sql`select ci.id, ci.quantity, v.id as variant_id, v.sku, v.color, v.finishing, v.size, v.price,
       v.stock, v.is_visible, p.id as product_id, p.name as product_name, p.slug as product_slug,
       p.weight_grams, coalesce(
         (select i.url from product_image i where i.product_id = p.id and i.tenant_id = ci.tenant_id
          order by i.is_primary desc, i.position, i.id limit 1),
         p.feature_photo, p.images->>0) as image
     from cart_item ci
     join product_variant v on v.id = ci.variant_id
     join product p on p.id = v.product_id
     where ci.tenant_id = ${scope.tenant.id} and ci.cart_id = ${cartId}
     order by ci.id`,
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
      product: {
        id: r.product_id,
        name: r.product_name,
        slug: r.product_slug,
        image: r.image,
        weightGrams: r.weight_grams,
      },
    };
  });
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
