import { CART_TOKEN_MAX_AGE_SECONDS, type CartOwner } from '../../contexts/commerce/cart/cart-rows.ts';
import type { ApiContext } from '../../kernel/api-context.ts';
import type { AccessClaims } from '../../kernel/auth/access-token.ts';

/**
 * `SameSite=Lax` by default; `SameSite=None; Secure` for a browser on an origin the tenant lists,
 * over https, so a storefront on its own site gets its cart back (`X-Cart-Token` works everywhere).
 */
function cookie(ctx: ApiContext, value: string, maxAgeSeconds: number): string {
  const { secure, crossSite } = ctx.cookiePolicy;
  const site = crossSite ? 'SameSite=None; Secure' : `SameSite=Lax${secure ? '; Secure' : ''}`;
  return `cart_token=${value}; Max-Age=${maxAgeSeconds}; Path=/; HttpOnly; ${site}`;
}

/** A new guest cart's token: in `X-Cart-Token` (apps) and the `cart_token` cookie (browsers), once. */
export function handOutCartToken(ctx: ApiContext, token: string): void {
  ctx.responseHeaders.set('X-Cart-Token', token);
  ctx.responseHeaders.append('Set-Cookie', cookie(ctx, token, CART_TOKEN_MAX_AGE_SECONDS));
}

/**
 * A signed-in caller still holding a guest cart token: that cart moves into theirs and the cookie is
 * dropped (the token names nothing any more). Without a token nothing happens.
 */
export async function mergeHeldGuestCart(ctx: ApiContext, accountId: number): Promise<void> {
  if (!ctx.cartToken) return;
  await ctx.services.carts.mergeGuestCart(ctx.scope(), accountId, ctx.cartToken);
  ctx.responseHeaders.append('Set-Cookie', cookie(ctx, '', 0));
}

/** Whose cart a request works on: the signed-in customer's (after merging a held guest cart), else the guest's. */
export async function cartOwner(ctx: ApiContext, auth: AccessClaims | null): Promise<CartOwner> {
  if (!auth) return { accountId: null, token: ctx.cartToken };
  await mergeHeldGuestCart(ctx, auth.accountId);
  return { accountId: auth.accountId };
}
