import { DomainError } from '@komisi/domain';
import { describe, expect, it } from 'vitest';
import { normaliseProvince, type ShippingQuoteInput } from './courier.ts';
import { courierCodes, courierFor } from './couriers.ts';
import { chargeableKg, JNT_RATES_FROM_JAKARTA, JntRateTableCourier } from './jnt.courier.ts';

const JNT = new JntRateTableCourier();

function quote(overrides: Partial<ShippingQuoteInput> = {}) {
  return JNT.quote({
    originProvince: 'DKI Jakarta',
    destinationProvince: 'Jawa Barat',
    weightGrams: 25_000,
    ...overrides,
  });
}

async function validationFields(promise: Promise<unknown>): Promise<Record<string, string[]> | undefined> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('VALIDATION_ERROR');
  return (error as DomainError).fields;
}

const JAVA_BALI = [
  'DKI Jakarta',
  'Banten',
  'Jawa Barat',
  'Jawa Tengah',
  'DI Yogyakarta',
  'Jawa Timur',
  'Bali',
];

describe('JntRateTableCourier', () => {
  it('prices 25 kg to Jawa Barat at REG 11,000 and YES 22,000 per kg', async () => {
    expect(await quote()).toEqual([
      { service: 'REG', description: 'Regular Service', cost: 275_000, etd: '2-3 days' },
      { service: 'YES', description: 'One Day Service', cost: 550_000, etd: '1 day' },
    ]);
  });

  it.each([
    ['Sumatera Utara', 3_500, 100_000, '3-5 days'],
    ['Sulawesi Selatan', 12_000, 396_000, '3-5 days'],
    ['Papua Pegunungan', 1, 120_000, '7-14 days'],
    ['Bali', 40_000, 880_000, '3-4 days'],
  ])('prices %s for %i g at REG %i (%s)', async (province, grams, cost, etd) => {
    const [reg] = await quote({ destinationProvince: province, weightGrams: grams });

    expect(reg).toEqual({ service: 'REG', description: 'Regular Service', cost, etd });
  });

  it('rounds any part of a kilogram up, with a minimum of 1 kg', async () => {
    expect(chargeableKg(1)).toBe(1);
    expect(chargeableKg(1000)).toBe(1);
    expect(chargeableKg(1001)).toBe(2);
    expect(chargeableKg(2999.5)).toBe(3);
    expect((await quote({ weightGrams: 1001 }))[0]?.cost).toBe(22_000);
    expect((await quote({ weightGrams: 300 }))[0]?.cost).toBe(11_000);
  });

  it('prices heavy furniture: a 250 kg dining set to Jawa Timur', async () => {
    const [reg, yes] = await quote({ destinationProvince: 'Jawa Timur', weightGrams: 249_200 });

    expect(reg?.cost).toBe(250 * 16_000);
    expect(yes?.cost).toBe(250 * 32_000);
  });

  it('offers YES only to Java and Bali', async () => {
    for (const province of Object.keys(JNT_RATES_FROM_JAKARTA.destinations)) {
      const services = (await quote({ destinationProvince: province })).map((o) => o.service);
      expect(services).toEqual(JAVA_BALI.includes(province) ? ['REG', 'YES'] : ['REG']);
    }
  });

  it('quotes longer than 2-3 days outside Java', async () => {
    const [reg] = await quote({ destinationProvince: 'Maluku Utara' });

    expect(reg?.etd).toBe('5-8 days');
  });

  it('covers all 38 provinces', () => {
    const provinces = Object.keys(JNT_RATES_FROM_JAKARTA.destinations);

    expect(provinces).toHaveLength(38);
    expect(new Set(provinces.map(normaliseProvince)).size).toBe(38);
  });

  it.each([
    ['jawa barat', 'Jawa Barat'],
    ['  JAWA   barat ', 'Jawa Barat'],
    ['D.I. Yogyakarta', 'DI Yogyakarta'],
    ['Daerah Istimewa Yogyakarta', 'DI Yogyakarta'],
    ['Jakarta', 'DKI Jakarta'],
    ['Sumatra Utara', 'Sumatera Utara'],
    ['NTT', 'Nusa Tenggara Timur'],
  ])('reads %j as %s', async (written, canonical) => {
    expect(await quote({ destinationProvince: written })).toEqual(
      await quote({ destinationProvince: canonical }),
    );
  });

  it('rejects an unknown province, naming the province field', async () => {
    const fields = await validationFields(quote({ destinationProvince: 'Selangor' }));

    expect(Object.keys(fields ?? {})).toEqual(['province']);
    expect(await validationFields(quote({ destinationProvince: 'constructor' }))).toHaveProperty('province');
  });

  it('rejects an origin the table was not priced from', async () => {
    expect(await validationFields(quote({ originProvince: 'Jawa Tengah' }))).toHaveProperty('originProvince');
    expect(await quote({ originProvince: 'jakarta' })).toHaveLength(2);
  });

  it.each([0, -500, Number.NaN, Number.POSITIVE_INFINITY, 1e300])(
    'rejects a weight of %d grams',
    async (weightGrams) => {
      expect(await validationFields(quote({ weightGrams }))).toHaveProperty('weightGrams');
    },
  );

  it('takes an injected table, e.g. a tenant shipping from Jepara', async () => {
    const jepara = new JntRateTableCourier({
      origin: 'Jawa Tengah',
      destinations: {
        'Jawa Tengah': { reg: 8_000, regEtd: '1-2 days', yes: 16_000 },
        Bali: { reg: 18_000, regEtd: '2-3 days' },
      },
    });

    expect(
      await jepara.quote({ originProvince: 'jawa tengah', destinationProvince: 'Bali', weightGrams: 5_500 }),
    ).toEqual([{ service: 'REG', description: 'Regular Service', cost: 108_000, etd: '2-3 days' }]);
    await validationFields(
      jepara.quote({ originProvince: 'Jawa Tengah', destinationProvince: 'Jawa Barat', weightGrams: 1 }),
    );
  });

  it('refuses a table with a province twice or a bad price', () => {
    const rate = { reg: 10_000, regEtd: '2-3 days' };

    expect(
      () => new JntRateTableCourier({ origin: 'Bali', destinations: { Bali: rate, ' bali ': rate } }),
    ).toThrow(/twice/);
    expect(
      () => new JntRateTableCourier({ origin: 'Bali', destinations: { Bali: { ...rate, reg: 0 } } }),
    ).toThrow(/price/);
    expect(
      () => new JntRateTableCourier({ origin: 'Bali', destinations: { Bali: { ...rate, yes: 1.5 } } }),
    ).toThrow(/price/);
  });
});

describe('courierFor', () => {
  it('finds J&T by its code, ignoring case and spaces', () => {
    expect(courierFor('jnt')).toBeInstanceOf(JntRateTableCourier);
    expect(courierFor(' JNT ')).toBe(courierFor('jnt'));
    expect(courierFor('jnt')).toMatchObject({ code: 'jnt', name: 'J&T Express' });
    expect(courierCodes()).toEqual(['jnt']);
  });

  it('rejects an unknown courier, naming the courier field', () => {
    let error: unknown;
    try {
      courierFor('jne');
    } catch (e) {
      error = e;
    }

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', fields: { courier: ['must be one of: jnt'] } });
  });
});
