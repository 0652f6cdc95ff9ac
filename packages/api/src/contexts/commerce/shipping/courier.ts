export interface ShippingQuoteInput {
  originProvince: string;
  destinationProvince: string;
  /** not priced yet by the rate-table couriers, which quote per province */
  destinationCity?: string;
  weightGrams: number;
}

export interface ShippingOption {
  /** the courier's service code, e.g. REG */
  service: string;
  description: string;
  /** in IDR */
  cost: number;
  /** estimated time of delivery as the courier words it, e.g. '2-3 days' */
  etd: string;
}

/** A shipping company that can price a parcel; options come back cheapest service first. */
export interface Courier {
  readonly code: string;
  readonly name: string;
  quote(input: ShippingQuoteInput): Promise<ShippingOption[]>;
}

/** Province names written in the ways people and APIs write them, reduced to one spelling. */
const PROVINCE_ALIASES = new Map<string, string>(
  Object.entries({
    jakarta: 'dki jakarta',
    'daerah khusus ibukota jakarta': 'dki jakarta',
    yogyakarta: 'di yogyakarta',
    jogja: 'di yogyakarta',
    diy: 'di yogyakarta',
    'daerah istimewa yogyakarta': 'di yogyakarta',
    'bangka belitung': 'kepulauan bangka belitung',
    babel: 'kepulauan bangka belitung',
    kepri: 'kepulauan riau',
    ntb: 'nusa tenggara barat',
    ntt: 'nusa tenggara timur',
    nad: 'aceh',
    'nanggroe aceh darussalam': 'aceh',
  }),
);

/**
 * A comparison key for a province: case, spacing and dots ignored ('D.I. Yogyakarta'), the English
 * 'Sumatra' read as 'Sumatera', and common short names mapped to the full one.
 */
export function normaliseProvince(name: string): string {
  const key = name
    .toLowerCase()
    .replace(/\b(\w)\./g, '$1')
    .replace(/\./g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\bsumatra\b/g, 'sumatera');
  return PROVINCE_ALIASES.get(key) ?? key;
}
