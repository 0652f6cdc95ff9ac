// A frontend's use of the published SDK, run with plain `node` against a started server.
import {
  createDtehmClient,
  createSinomanClient,
  type DtehmInputs,
  type DtehmOutputs,
  type DtehmRouter,
  isKomisiError,
  memoryTokenStore,
  type SinomanOutputs,
  tenantTrpcUrl,
} from '@komisi/sdk';
import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';

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

// the exported router type drives a tRPC client of one's own (what a React Query setup does)
const own = createTRPCClient<DtehmRouter>({
  links: [httpLink({ url: tenantTrpcUrl(baseUrl, 'dtehm'), transformer: superjson })],
});
const categories = await own.products.categories.query();

let validation: Record<string, string[]> | null = null;
try {
  await dtehm.orders.create.mutate({ product_id: 1, quantity: 0 });
} catch (e) {
  if (isKomisiError(e) && e.domainCode === 'VALIDATION_ERROR') validation = e.fields;
}
await dtehm.logout();

// a cooperative member (koperasi-sinoman) signs in and reads their savings
const sinoman = createSinomanClient({ baseUrl, tenant: 'sinoman', tokenStore: memoryTokenStore() });
await sinoman.login('anggota@sinoman.demo', 'Anggota123!');
const savings: SinomanOutputs['savings']['accounts'] = await sinoman.savings.accounts.query();
const savingsCodes: string[] = savings.accounts.map((a) => a.savings_type.code);
await sinoman.logout();

console.log(
  JSON.stringify({
    memberName: registered.user.name,
    membershipStatus: registered.user.membership_status,
    balance,
    currency,
    firstProductId: firstProductId ?? null,
    categoriesListed: categories.map((c) => c.name),
    validation,
    savingsCodes,
  }),
);
