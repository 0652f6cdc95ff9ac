import { defineEntity, type InferEntity, p } from '@mikro-orm/core';
import { ProductVariant } from '../../catalog/product-variant.entity.ts';
import { Account } from '../../identity/account.entity.ts';
import { tenantColumn } from '../../tenancy/tenant.entity.ts';

/**
 * A shopping cart: a signed-in customer's (one per account) or a guest's, found by the hash of
 * the cart token the guest holds. At login the guest cart merges into the customer's.
 */
export const Cart = defineEntity({
  name: 'Cart',
  tableName: 'cart',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    account: () => p.manyToOne(Account).mapToPk().nullable().fieldName('account_id'),
    guestTokenHash: p.string().length(64).nullable(),
    /** one voucher per cart */
    voucherCode: p.string().length(40).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [
    { name: 'cart_account_unique', properties: ['account'] },
    { name: 'cart_guest_token_unique', properties: ['guestTokenHash'] },
  ],
});
export type Cart = InferEntity<typeof Cart>;

export const CartItem = defineEntity({
  name: 'CartItem',
  tableName: 'cart_item',
  properties: {
    id: p.integer().primary().autoincrement(),
    tenant: tenantColumn(),
    cart: () => p.manyToOne(Cart).mapToPk().fieldName('cart_id').deleteRule('cascade'),
    variant: () => p.manyToOne(ProductVariant).mapToPk().fieldName('variant_id'),
    quantity: p.integer(),
    addedAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['cart', 'variant'] }],
  checks: [{ name: 'cart_item_quantity_check', expression: 'quantity > 0' }],
});
export type CartItem = InferEntity<typeof CartItem>;
