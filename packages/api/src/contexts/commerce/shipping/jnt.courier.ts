import { fieldError } from '@komisi/domain';
import { type Courier, normaliseProvince, type ShippingOption, type ShippingQuoteInput } from './courier.ts';

export interface JntProvinceRate {
  /** REG (Regular Service) price per kg, IDR */
  reg: number;
  regEtd: string;
  /** YES (One Day Service) price per kg, IDR; J&T only offers it within Java and Bali */
  yes?: number;
}

export interface JntRateTable {
  /** the province every price is from */
  origin: string;
  /** keyed by destination province, in any spelling normaliseProvince understands */
  destinations: Record<string, JntProvinceRate>;
}

const YES_ETD = '1 day';

/**
 * Per-kg prices from DKI Jakarta to each of Indonesia's 38 provinces: indicative figures in the
 * range J&T publishes, to be replaced by the tenant's own contract rates when it has them.
 */
export const JNT_RATES_FROM_JAKARTA: JntRateTable = {
  origin: 'DKI Jakarta',
  destinations: {
    // Java and Bali: REG within days, YES next day.
    'DKI Jakarta': { reg: 9_000, regEtd: '1-2 days', yes: 18_000 },
    Banten: { reg: 10_000, regEtd: '1-2 days', yes: 20_000 },
    'Jawa Barat': { reg: 11_000, regEtd: '2-3 days', yes: 22_000 },
    'Jawa Tengah': { reg: 14_000, regEtd: '2-3 days', yes: 28_000 },
    'DI Yogyakarta': { reg: 15_000, regEtd: '2-3 days', yes: 30_000 },
    'Jawa Timur': { reg: 16_000, regEtd: '2-3 days', yes: 32_000 },
    Bali: { reg: 22_000, regEtd: '3-4 days', yes: 44_000 },
    // Sumatra
    Lampung: { reg: 15_000, regEtd: '2-4 days' },
    'Sumatera Selatan': { reg: 18_000, regEtd: '3-4 days' },
    Jambi: { reg: 20_000, regEtd: '3-4 days' },
    'Kepulauan Bangka Belitung': { reg: 22_000, regEtd: '3-5 days' },
    Bengkulu: { reg: 23_000, regEtd: '3-5 days' },
    Riau: { reg: 22_000, regEtd: '3-5 days' },
    'Kepulauan Riau': { reg: 24_000, regEtd: '3-5 days' },
    'Sumatera Barat': { reg: 23_000, regEtd: '3-5 days' },
    'Sumatera Utara': { reg: 25_000, regEtd: '3-5 days' },
    Aceh: { reg: 30_000, regEtd: '4-6 days' },
    // Nusa Tenggara
    'Nusa Tenggara Barat': { reg: 30_000, regEtd: '3-5 days' },
    'Nusa Tenggara Timur': { reg: 45_000, regEtd: '4-7 days' },
    // Kalimantan
    'Kalimantan Barat': { reg: 30_000, regEtd: '3-5 days' },
    'Kalimantan Selatan': { reg: 30_000, regEtd: '3-5 days' },
    'Kalimantan Tengah': { reg: 35_000, regEtd: '4-6 days' },
    'Kalimantan Timur': { reg: 35_000, regEtd: '3-5 days' },
    'Kalimantan Utara': { reg: 48_000, regEtd: '4-7 days' },
    // Sulawesi
    'Sulawesi Selatan': { reg: 33_000, regEtd: '3-5 days' },
    'Sulawesi Barat': { reg: 42_000, regEtd: '4-6 days' },
    'Sulawesi Tenggara': { reg: 42_000, regEtd: '4-6 days' },
    'Sulawesi Tengah': { reg: 45_000, regEtd: '4-7 days' },
    'Sulawesi Utara': { reg: 45_000, regEtd: '4-6 days' },
    Gorontalo: { reg: 48_000, regEtd: '4-7 days' },
    // Maluku
    Maluku: { reg: 55_000, regEtd: '5-7 days' },
    'Maluku Utara': { reg: 58_000, regEtd: '5-8 days' },
    // Papua
    Papua: { reg: 70_000, regEtd: '5-8 days' },
    'Papua Barat': { reg: 75_000, regEtd: '5-9 days' },
    'Papua Barat Daya': { reg: 75_000, regEtd: '5-9 days' },
    'Papua Tengah': { reg: 90_000, regEtd: '6-10 days' },
    'Papua Selatan': { reg: 95_000, regEtd: '6-10 days' },
    'Papua Pegunungan': { reg: 120_000, regEtd: '7-14 days' },
  },
};

/** J&T bills whole kilograms: any part of a kilo counts as a full one, and never less than one. */
export function chargeableKg(weightGrams: number): number {
  return Math.max(1, Math.ceil(weightGrams / 1000));
}

function isPrice(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** A bad table is a programming error, so it fails at construction rather than on a customer's quote. */
function indexRates(table: JntRateTable): Map<string, JntProvinceRate> {
  const rates = new Map<string, JntProvinceRate>();
  for (const [province, rate] of Object.entries(table.destinations)) {
    const key = normaliseProvince(province);
    if (rates.has(key)) throw new Error(`J&T rate table lists ${province} twice`);
    if (!isPrice(rate.reg) || (rate.yes !== undefined && !isPrice(rate.yes))) {
      throw new Error(`J&T rate table has an invalid price for ${province}`);
    }
    rates.set(key, rate);
  }
  return rates;
}

/** J&T Express priced from a per-province, per-kg table (J&T has no public rate API). */
export class JntRateTableCourier implements Courier {
  readonly code = 'jnt';
  readonly name = 'J&T Express';
  readonly #origin: string;
  readonly #rates: Map<string, JntProvinceRate>;

  constructor(table: JntRateTable = JNT_RATES_FROM_JAKARTA) {
    this.#origin = table.origin;
    this.#rates = indexRates(table);
  }

  async quote(input: ShippingQuoteInput): Promise<ShippingOption[]> {
    if (normaliseProvince(input.originProvince) !== normaliseProvince(this.#origin)) {
      throw fieldError('originProvince', `J&T rates are only known from ${this.#origin}`);
    }
    const rate = this.#rates.get(normaliseProvince(input.destinationProvince));
    if (!rate) throw fieldError('province', `${input.destinationProvince} is not a province J&T delivers to`);
    const kg = kgOf(input.weightGrams);
    const options = [option('REG', 'Regular Service', costOf(kg, rate.reg), rate.regEtd)];
    if (rate.yes !== undefined) options.push(option('YES', 'One Day Service', costOf(kg, rate.yes), YES_ETD));
    return options;
  }
}

function kgOf(weightGrams: number): number {
  if (typeof weightGrams !== 'number' || !Number.isFinite(weightGrams) || weightGrams <= 0) {
    throw fieldError('weightGrams', 'must be a positive number of grams');
  }
  return chargeableKg(weightGrams);
}

/** Furniture is heavy, but a cost past safe integers means a wrong unit, not a real parcel. */
function costOf(kg: number, perKg: number): number {
  const cost = kg * perKg;
  if (!Number.isSafeInteger(cost)) throw fieldError('weightGrams', 'is too large');
  return cost;
}

function option(service: string, description: string, cost: number, etd: string): ShippingOption {
  return { service, description, cost, etd };
}
