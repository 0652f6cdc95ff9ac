import { describe, expectTypeOf, it } from 'vitest';
import type { AffiliateMarketerInputs } from './affiliate-marketer.client.ts';
import type { AnsaniaClient, AnsaniaInputs } from './ansania.client.ts';
import type { DtehmClient, DtehmInputs } from './dtehm.client.ts';
import type { QutabClient, QutabInputs } from './qutab.client.ts';

// The SDK's input types, checked by `pnpm typecheck` (tsc reads this file; vitest only runs it).
// A zod `preprocess` or `coerce` left untyped makes a field `unknown`, and then any value compiles:
// these fail when that happens again.

/**
 * The paths of the fields typed `unknown` (or `any`) in a router's inputs, e.g.
 * `'orders.create.product_id'`; `never` when there are none. Walked 8 levels deep, below the
 * procedures: a recursive type (a setting's JSON value) has no bottom.
 */
type UnknownInputs<T, Path extends string = '', Depth extends unknown[] = []> = unknown extends T
  ? Path
  : Depth['length'] extends 10
    ? never
    : T extends readonly (infer Item)[]
      ? UnknownInputs<Item, `${Path}[]`, [...Depth, 1]>
      : T extends object
        ? {
            [K in keyof T & string]-?: UnknownInputs<
              T[K],
              Path extends '' ? K : `${Path}.${K}`,
              [...Depth, 1]
            >;
          }[keyof T & string]
        : never;

/** Compiles only when `Paths` is `never`; otherwise tsc's error lists the paths. */
type NoneOf<Paths extends never> = Paths;
export type NoUnknownInputs = NoneOf<
  | UnknownInputs<DtehmInputs>
  | UnknownInputs<AnsaniaInputs>
  | UnknownInputs<QutabInputs>
  | UnknownInputs<AffiliateMarketerInputs>
>;

describe('SDK input types', () => {
  it('type no request field as unknown, in any profile', () => {
    expectTypeOf<NoUnknownInputs>().toEqualTypeOf<never>();
  });

  it('type the fields as a client sends them', () => {
    type CreateOrder = DtehmInputs['orders']['create'];
    expectTypeOf<CreateOrder['product_id']>().toEqualTypeOf<number>();
    expectTypeOf<CreateOrder['quantity']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<CreateOrder['sponsor_id']>().toEqualTypeOf<string | null | undefined>();
    type Register = DtehmInputs['users']['register'];
    expectTypeOf<Register['email']>().toEqualTypeOf<string>();
    expectTypeOf<Register['is_dtehm_member']>().toEqualTypeOf<'Yes' | 'No' | 'yes' | 'no' | undefined>();
    expectTypeOf<DtehmInputs['orders']['myOrders']['page']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<AnsaniaInputs['user']['addAddress']['recipient_name']>().toEqualTypeOf<string>();
    expectTypeOf<AnsaniaInputs['user']['addAddress']['address_line2']>().toEqualTypeOf<
      string | null | undefined
    >();
    expectTypeOf<AnsaniaInputs['checkout']['calculateShipping']['courier']>().toEqualTypeOf<'jnt' | 'JNT'>();
    expectTypeOf<QutabInputs['orders']['create']['recipient_name']>().toEqualTypeOf<string>();
    // qutab answers ids as digit strings: one sent back as it came is fine
    expectTypeOf<QutabInputs['orders']['create']['product_id']>().toEqualTypeOf<number | `${number}`>();
    expectTypeOf<AffiliateMarketerInputs['admin']['updateAffiliate']['id']>().toEqualTypeOf<number>();
  });
});

/** Never called: tsc checks that bad input does not compile (each error is expected on its line). */
export function badInputsDoNotCompile(dtehm: DtehmClient, ansania: AnsaniaClient, qutab: QutabClient) {
  // @ts-expect-error a product id is a number
  void dtehm.orders.create.mutate({ product_id: 'not-a-number' });
  // @ts-expect-error a field the procedure does not take
  void dtehm.orders.create.mutate({ product_id: 1, product: 1 });
  // @ts-expect-error a required field left out
  void dtehm.orders.create.mutate({ quantity: 2 });
  // @ts-expect-error Yes or No, not a boolean
  void dtehm.users.register.mutate({ ...registration, is_dtehm_member: true });
  // @ts-expect-error a page is a number
  void dtehm.orders.myOrders.query({ page: 'two' });
  // @ts-expect-error a name is text
  void ansania.user.addAddress.mutate({ ...address, recipient_name: 42 });
  // @ts-expect-error only the couriers the shop ships with
  void ansania.checkout.calculateShipping.mutate({ shipping_address_id: 1, courier: 'dhl' });
  // @ts-expect-error digits, not any text
  void qutab.orders.create.mutate({ ...qurbanOrder, product_id: 'goat' });
  // @ts-expect-error a name is text
  void qutab.orders.create.mutate({ ...qurbanOrder, recipient_name: null });

  // and the good ones do
  void dtehm.orders.create.mutate({ product_id: 1, quantity: 2, sponsor_id: 'DTEHM20250001' });
  void dtehm.users.register.mutate({ ...registration, from_mobile: 'yes' });
  void ansania.user.addAddress.mutate(address);
  void qutab.orders.create.mutate({ ...qurbanOrder, product_id: '3' });
}

const registration = {
  email: 'member@example.com',
  password: 'correct horse',
  name: 'A Member',
  phone_number: '+256700000000',
  is_dtehm_member: 'Yes',
} as const;
const address = {
  label: 'Home',
  recipient_name: 'Budi',
  phone: '+628123456789',
  address_line1: 'Jl. Merdeka 1',
  city: 'Jakarta',
  province: 'DKI Jakarta',
  postal_code: '10110',
};
const qurbanOrder = {
  product_id: 3,
  quantity: 1,
  recipient_name: 'Keluarga Budi',
  recipient_location: 'Bogor',
  payment_method: 'va_bca',
};
