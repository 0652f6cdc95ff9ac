// A frontend's use of the published SDK, run with plain `node` against a started server.
import {
  createDtehmClient,
  type DtehmInputs,
  type DtehmOutputs,
  isKomisiError,
  memoryTokenStore,
} from '@komisi/sdk';

declare const process: { env: Record<string, string | undefined>; exitCode?: number };

const baseUrl = process.env.KOMISI_URL ?? 'http://localhost:3000';
const dtehm = createDtehmClient({ baseUrl, tenant: 'dtehm', tokenStore: memoryTokenStore() });

const registration: DtehmInputs['users']['register'] = {
  email: `consumer-${Date.now()}@example.com`,
  password: 'password123',
  name: 'Outside Consumer',
  phone_number: '+256700000001',
  is_dtehm_member: 'Yes',
};
if (process.env.KOMISI_SPONSOR) registration.sponsor_id = process.env.KOMISI_SPONSOR;

const registered: DtehmOutputs['users']['register'] = await dtehm.register(registration);
const { balance, currency } = await dtehm.user.balance.query();
const { products } = await dtehm.products.list.query({ per_page: 5 });
const firstProductId: number | undefined = products[0]?.id;

let validation: Record<string, string[]> | null = null;
try {
  await dtehm.orders.create.mutate({ product_id: 1, quantity: 0 });
} catch (e) {
  if (isKomisiError(e) && e.domainCode === 'VALIDATION_ERROR') validation = e.fields;
}
await dtehm.logout();

console.log(
  JSON.stringify({
    memberName: registered.user.name,
    membershipStatus: registered.user.membership_status,
    balance,
    currency,
    firstProductId: firstProductId ?? null,
    validation,
  }),
);
