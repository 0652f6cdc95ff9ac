import type { Scope } from '../../../kernel/scope.ts';
import type { Address } from '../customers/address.entity.ts';
import type { ShippingOption } from './courier.ts';
import { courierFor } from './couriers.ts';

/** Where the store ships from (the rate-table couriers price by province). */
export const SHOP_ORIGIN_PROVINCE = 'DKI Jakarta';
/** A product without a weight is shipped as 1 kg. */
export const DEFAULT_WEIGHT_GRAMS = 1000;

/** What goes in the parcel: products and how many of each. */
export interface ParcelLine {
  productId: number;
  quantity: number;
  /** the product's weight when the caller read it already (null: unknown, 1 kg) */
  weightGrams?: number | null;
}

/** The courier's services for the parcel's weight from the store to `address`, cheapest first. */
export async function quoteShipping(
  scope: Scope,
  lines: ParcelLine[],
  address: Pick<Address, 'province' | 'city'>,
  courier: string,
): Promise<ShippingOption[]> {
  const weightGrams = await parcelWeight(scope, lines);
  return courierFor(courier).quote({
    originProvince: SHOP_ORIGIN_PROVINCE,
    destinationProvince: address.province,
    destinationCity: address.city,
    weightGrams,
  });
}

async function parcelWeight(scope: Scope, lines: ParcelLine[]): Promise<number> {
  if (lines.length === 0) return DEFAULT_WEIGHT_GRAMS;
  if (lines.every((l) => l.weightGrams !== undefined)) {
    return lines.reduce((total, l) => total + (l.weightGrams ?? DEFAULT_WEIGHT_GRAMS) * l.quantity, 0);
  }
  // catalog's product weights read directly: quoting runs on every checkout (the shop's hot path)
  const rows = await scope.em.execute<{ id: number; weight_grams: number | null }[]>(
    `select id, weight_grams from product where tenant_id = ? and id in (${lines.map(() => '?').join(', ')})`,
    [scope.tenant.id, ...lines.map((l) => l.productId)],
  );
  const weights = new Map(rows.map((r) => [r.id, r.weight_grams ?? DEFAULT_WEIGHT_GRAMS]));
  return lines.reduce(
    (total, l) => total + (weights.get(l.productId) ?? DEFAULT_WEIGHT_GRAMS) * l.quantity,
    0,
  );
}
